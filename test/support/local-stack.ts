import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type RouteDef, routeTable } from '../../lambdas/http/routes';
import { signLocalToken, type TokenSubject } from '../../lambdas/local/jwt';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../lambdas/local/stack';
import { contractBreaks } from './response-contract';

export interface SesEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { filename: string; content: string; contentType: string; size: number }[];
  at: number;
}

export interface TestStack {
  stack: LocalStack;
  url: string;
  token(role: TokenSubject['role'], directorate?: string): Promise<string>;
  /**
   * One request to the API. A 2xx JSON answer is checked against its route's response
   * schema (lambdas/domain/responses.ts, the contract /openapi.json publishes): a body
   * that breaks it fails the test that made the call, whatever that test asserts.
   */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Every email the SES emulator holds, once the outbox has handed the mailer everything queued. */
  emails(): Promise<SesEmail[]>;
  /** Empties the SES emulator's store, once the outbox has sent everything queued (so nothing lands after). */
  clearEmails(): Promise<void>;
  stop(): Promise<void>;
}

/** A whole local stack in this process on free ports, in memory, with its own data dir. */
export async function startTestStack(options: LocalStackOptions = {}): Promise<TestStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ragtime-test-'));
  // The run's one build of the web app (global-setup.ts) when there is one; else each stack builds
  // into its own folder, as test files run in parallel.
  const prebuilt = inject('prebuiltWebApp');
  const webApp =
    options.webApp === true ? (prebuilt ? { prebuilt } : { outDir: join(dataDir, 'web') }) : options.webApp;
  const stack = await startLocalStack({
    dataDir,
    memory: true,
    port: 0,
    sesPort: 0,
    dynamodbPort: 0,
    seed: false,
    ...options,
    webApp,
  });
  return {
    stack,
    url: stack.apiUrl,
    token: (role, directorate) => signLocalToken(stack.keys, { role, directorate }),
    call: (method, path, opts = {}) => {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined;
      if (opts.body !== undefined) {
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      return fetch(`${stack.apiUrl}${path}`, { method, headers, body }).then((res) => keepsContract(method, path, res));
    },
    emails: async () => {
      await stack.outbox.drain();
      const res = await fetch(`${stack.sesUrl}/store`);
      return ((await res.json()) as { emails: SesEmail[] }).emails;
    },
    clearEmails: async () => {
      await stack.outbox.drain();
      await fetch(`${stack.sesUrl}/clear-store`, { method: 'POST' });
    },
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The route table's routes as matchers, those with fewer parameters first (`/measures/x` before `/measures/{id}`). */
const routeMatchers = Object.values(routeTable as Record<string, RouteDef>)
  .map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
    params: (route.path.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.params - b.params);

/** The response, once its 2xx JSON body is shown to keep its route's schema (test/support/response-contract.ts). */
export async function keepsContract(method: string, path: string, res: Response): Promise<Response> {
  if (res.status < 200 || res.status > 299) return res;
  const bare = path.split('?')[0]!;
  const route = routeMatchers.find((m) => m.route.method === method.toUpperCase() && m.pattern.test(bare))?.route;
  if (!route) return res;
  const breaks = contractBreaks(route, res.status, res.headers.get('content-type'), await res.clone().text());
  if (breaks.length) throw new Error(`The answer breaks its response schema:\n${breaks.join('\n')}`);
  return res;
}
