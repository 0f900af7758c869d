import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import { lambdaContext } from './lambda-context';

// The local stand-in for Lambda's Invoke API (POST /2015-03-31/functions/{name}/invocations),
// so a handler that invokes another function (get-report and the close invoke
// render-document) makes the very SDK call it makes in AWS; the function named runs
// in this process, as the local API runs the HTTP handlers. docs/documents.md

type InvokedHandler = (event: unknown, context: Context) => Promise<unknown>;

const invokePath = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const handlersDir = new URL('../handlers/', import.meta.url);
const loaded = new Map<string, Promise<InvokedHandler>>();

/** Locally a function's name is its handler module's (lambdas/handlers/<name>.ts). */
function loadFunction(name: string): Promise<InvokedHandler> | null {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) return null;
  const file = new URL(`${name}.ts`, handlersDir);
  if (!existsSync(fileURLToPath(file))) return null;
  let handler = loaded.get(name);
  if (!handler) {
    handler = import(file.href).then((mod: { handler: InvokedHandler }) => mod.handler);
    loaded.set(name, handler);
  }
  return handler;
}

export interface RunningLambda {
  url: string;
  close(): Promise<void>;
}

export async function startLambdaServer(port = 0): Promise<RunningLambda> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = invokePath.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    const name = match ? decodeURIComponent(match[1]!) : '';
    const handler = req.method === 'POST' ? loadFunction(name) : null;
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
      res.end(JSON.stringify({ Type: 'User', message: `Function not found: ${name}` }));
      return;
    }
    const requestId = randomUUID();
    try {
      const raw = Buffer.concat(chunks).toString('utf8');
      const result = await (await handler)(raw ? JSON.parse(raw) : {}, lambdaContext(name, requestId, 60_000));
      res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': requestId });
      res.end(JSON.stringify(result ?? null));
    } catch (error) {
      // A function that throws: 200 with X-Amz-Function-Error, as Lambda answers.
      const e = error instanceof Error ? error : new Error(String(error));
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-amzn-requestid': requestId,
        'x-amz-function-error': 'Unhandled',
      });
      res.end(JSON.stringify({ errorType: e.name, errorMessage: e.message }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
