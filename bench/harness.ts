// The one local stack the bench runs against (dynalite and the local API in this
// process; aws-ses-v2-local in its own, as SES is remote in AWS and its parsing of a
// 10 MB message is not our close's CPU). One stack only: the handlers' db() client is a process
// singleton bound to the first dynalite endpoint, so datasets get their own tables in
// this one engine instead of their own stacks.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { reloadEnvironment } from '../lambdas/config/environment';
import type { ExtraRoute } from '../lambdas/local/api-server';
import { signLocalToken, type TokenSubject } from '../lambdas/local/jwt';
import { type LocalStack, startLocalStack } from '../lambdas/local/stack';
import { sesClient } from '../lambdas/mail/ses';
import { db } from '../lambdas/store/client';
import { ensureTable } from '../lambdas/store/table';
import { countRequests, type RequestCounter } from './counter';

export interface Harness {
  stack: LocalStack;
  counter: RequestCounter;
  token(role: TokenSubject['role'], directorate?: string): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown },
  ): Promise<{ status: number; json: unknown }>;
  /** Points the handlers (and the API) at a table of this engine, creating it if needed. */
  useTable(name: string): Promise<void>;
  /**
   * Deletes a table this run has finished with: dynalite holds every table in this
   * process's heap, which a close function in AWS never holds. (Alone it did not move
   * the close figures measurably; the collection in bench/gc.ts did.)
   */
  dropTable(name: string): Promise<void>;
  clearEmails(): Promise<void>;
  /** Waits until no handler has a DynamoDB request out for 100 ms (requests a load run left behind). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** aws-ses-v2-local by its own binary; stopped by its handle. */
async function startSesProcess(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const cli = createRequire(import.meta.url).resolve('aws-ses-v2-local/dist/cli.js');
  const child = spawn(process.execPath, [cli, '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${url}/health-check`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error('the SES emulator did not start');
}

export async function startHarness(extraRoutes: readonly ExtraRoute[]): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ragtime-bench-'));
  let stack: LocalStack;
  const ses = await startSesProcess();
  try {
    stack = await startLocalStack({
      dataDir,
      memory: true,
      port: 0,
      dynamodbPort: 0,
      seed: true,
      tableName: 'bench-sample',
      sesUrl: ses.url,
      // Throttling is API Gateway's, not ours to measure: make sure no 429 distorts a figure.
      throttleRate: 1e9,
      throttleBurst: 1e9,
      extraRoutes,
    });
  } catch (error) {
    ses.child.kill();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const counter = countRequests(db());
  const admin = new DynamoDBClient({});
  return {
    stack,
    counter,
    token: (role, directorate) => signLocalToken(stack.keys, { role, directorate }),
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${stack.apiUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await res.text();
      let json: unknown = text;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, json };
    },
    async useTable(name) {
      await ensureTable(admin, name);
      process.env.TABLE_NAME = name;
      reloadEnvironment();
    },
    async dropTable(name) {
      await admin.send(new DeleteTableCommand({ TableName: name }));
    },
    async clearEmails() {
      await fetch(`${stack.sesUrl}/clear-store`, { method: 'POST' });
    },
    async settle() {
      for (let quiet = 0; quiet < 5; ) {
        await new Promise((r) => setTimeout(r, 20));
        quiet = counter.inFlight() === 0 ? quiet + 1 : 0;
      }
    },
    async stop() {
      admin.destroy();
      db().destroy();
      sesClient().destroy();
      try {
        await stack.stop();
      } finally {
        ses.child.kill();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
