import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` and `npm run token` as a newcomer runs them: their own processes, stopped by PID.

const dataDir = mkdtempSync(join(tmpdir(), 'ragtime-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function token(...args: string[]): string {
  const out = spawnSync('npm', ['run', '-s', 'token', '--', ...args], {
    env: { ...process.env, RAGTIME_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}

describe('npm start and npm run token', () => {
  it('prints only a token, creating the signing key if it is first', () => {
    const admin = token('admin');
    expect(admin).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = JSON.parse(Buffer.from(admin.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims['cognito:groups']).toEqual(['admin']);
    const officer = token('officer', '--directorate', 'Place');
    const officerClaims = JSON.parse(Buffer.from(officer.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(officerClaims).toMatchObject({ 'cognito:groups': ['officer'], 'custom:directorate': 'Place' });
    expect(typeof officerClaims.sub).toBe('string');
  });

  it('prints an approver token for a directorate, and refuses one without', () => {
    const approver = token('approver', '--directorate', 'Place');
    const claims = JSON.parse(Buffer.from(approver.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ 'cognito:groups': ['approver'], 'custom:directorate': 'Place' });
    const refused = spawnSync('npm', ['run', '-s', 'token', '--', 'approver'], {
      env: { ...process.env, RAGTIME_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--directorate');
  });

  it('serves /health and the web app with the sample plan loaded, accepts its tokens, and SIGTERM leaves no port open', async () => {
    const [port, sesPort, dynamodbPort] = [await freePort(), await freePort(), await freePort()];
    // `npm start` itself, stopped by SIGTERM to npm's PID, as ops would.
    const child = spawn('npm', ['start', '--', '--memory'], {
      env: {
        ...process.env,
        PORT: String(port),
        SES_PORT: String(sesPort),
        DYNAMODB_PORT: String(dynamodbPort),
        RAGTIME_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // npm start also builds the web app: on a loaded machine that takes a while.
      const deadline = Date.now() + 90_000;
      let healthy = false;
      while (!healthy && Date.now() < deadline) {
        healthy = await fetch(`http://localhost:${port}/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (!healthy) await new Promise((r) => setTimeout(r, 200));
      }
      expect(healthy, output).toBe(true);
      expect(output).toContain(`http://localhost:${port}`);
      expect(output).toContain(`http://127.0.0.1:${sesPort}`);
      // The web app, built at start: its line, its page, and a deep link answered by the same page.
      expect(output.split('\n')).toContain(
        `  Web app   http://localhost:${port}/app/    sign in (local mode) as any role and directorate`,
      );
      for (const path of ['/app/', '/app/measures/whqs-elemental-improvements/results/2017-18-Q4']) {
        const page = await fetch(`http://localhost:${port}${path}`);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await page.text()).toContain('<div id="app"></div>');
      }

      const admin = token('admin').trim();
      const report = await fetch(`http://localhost:${port}/reports/2017-18-Q4`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(report.status).toBe(200);
      const body = (await report.json()) as { closed: boolean; measures: unknown[] };
      expect(body.closed).toBe(false);
      expect(body.measures).toHaveLength(35);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    for (const p of [port, sesPort, dynamodbPort]) expect(await portOpen(p)).toBe(false);
  });
});
