import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signLocalToken, type TokenSubject } from '../../lambdas/local/jwt';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../lambdas/local/stack';

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
  // Each stack builds the web app into its own folder: test files run in parallel.
  const webApp = options.webApp === true ? { outDir: join(dataDir, 'web') } : options.webApp;
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
      return fetch(`${stack.apiUrl}${path}`, { method, headers, body });
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
