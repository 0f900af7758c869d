import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../../lambdas/http/routes';
import { db } from '../../../lambdas/store/client';
import { startTestStack, type TestStack } from '../../support/local-stack';
import { type RawClient, type RawResponse, rawClient } from '../../support/raw-http';
import { reliabilitySection } from '../../support/reliability-report';
import { spyWrites } from '../../support/sdk-faults';
import { type TableDumper, tableDumper } from '../../support/table-dump';
import { oversizeBytes } from './arbitraries';
import { type FuzzCase, type FuzzTokens, fixture, fuzzModels, useSettings, type WriteRouteName } from './models';

// The fuzz harness: one local stack holding the fixture, and a property per write route:
// every malformed request is answered 4xx in the contract's shape, no write reaches
// DynamoDB, and a full dump of the table is unchanged.

export const runsPerRoute = 1000;

export interface FuzzStack {
  t: TestStack;
  tokens: FuzzTokens;
  client: RawClient;
  dumper: TableDumper;
  spy: ReturnType<typeof spyWrites>;
  stop(): Promise<void>;
}

async function ok(res: Response, what: string) {
  if (res.status >= 300) throw new Error(`fixture ${what}: ${res.status} ${await res.text()}`);
}

export async function startFuzzStack(): Promise<FuzzStack> {
  // Throttling far out of reach: here every request must meet the handlers.
  const t = await startTestStack({ throttleRate: 1e6, throttleBurst: 1e6 });
  const tokens: FuzzTokens = {
    admin: await t.token('admin'),
    emt: await t.token('emt'),
    officer: await t.token('officer', 'Place'),
    otherOfficer: await t.token('officer', 'People'),
  };
  const admin = tokens.admin;
  const settings = (await (await t.call('GET', '/settings', { token: admin })).json()) as Record<string, unknown>;
  await ok(await t.call('PUT', '/settings', { token: admin, body: settings }), 'settings');
  useSettings(settings);
  await ok(await t.call('PUT', `/measures/${fixture.measureId}`, { token: admin, body: fixture.measure }), 'measure');
  await ok(await t.call('PUT', `/actions/${fixture.actionId}`, { token: admin, body: fixture.action }), 'action');
  await ok(
    await t.call('PUT', `/measures/${fixture.measureId}/results/${fixture.versionedQuarter}`, {
      token: admin,
      body: { value: 85 },
    }),
    'result',
  );
  await ok(
    await t.call('PUT', `/actions/${fixture.actionId}/updates/${fixture.versionedQuarter}`, {
      token: admin,
      body: { status: 'green' },
    }),
    'update',
  );
  await ok(
    await t.call('PUT', `/reports/2017-18-Q3/critical-items/${fixture.measureId}/remedial-action`, {
      token: admin,
      body: { text: 'Recruit.' },
    }),
    'remedial',
  );
  await ok(await t.call('POST', `/reports/${fixture.closedQuarter}/close`, { token: admin }), 'close');
  const client = rawClient(t.url, 4);
  const dumper = tableDumper(t.stack.dynamodbUrl, process.env.TABLE_NAME!);
  const spy = spyWrites(db());
  return {
    t,
    tokens,
    client,
    dumper,
    spy,
    stop: async () => {
      spy.remove();
      client.close();
      dumper.close();
      await t.stop();
    },
  };
}

export interface FuzzStats {
  route: string;
  runs: number;
  categories: Record<string, number>;
  statuses: Record<string, number>;
  largestBodyBytes: number;
  /** The slowest request's round trip (ms) and what it was. */
  slowestMs: number;
  slowestCase: string;
}

export function category(why: string): string {
  if (why.startsWith('schema:')) return 'schema-invalid body';
  if (why.startsWith('rows:')) return 'invalid CSV rows';
  if (why.startsWith('content type')) return 'wrong or missing content type';
  if (why.startsWith('over 256 KB')) return 'body over 256 KB';
  if (why.startsWith('If-Match')) return 'stale or malformed If-Match';
  if (why.startsWith('a body')) return 'body on a no-body route';
  if (why.startsWith('a 250 KB cell')) return 'a 250 KB CSV cell';
  if (why.startsWith('cells:')) return `workbook ${why.slice('cells: '.length)}`;
  if (why.startsWith('CSV cells:')) return `definitions CSV: ${why.slice('CSV cells: '.length)}`;
  return why;
}

const bodyOf = (c: FuzzCase): string | Buffer | undefined =>
  c.body === undefined
    ? undefined
    : typeof c.body === 'string'
      ? c.body
      : 'base64' in c.body
        ? Buffer.from(c.body.base64, 'base64')
        : oversizeBytes(c.body.oversize, c.body.bytes);

/** `<admin>` → the admin's token; `<admin.p>` → its payload part (h, p, s). */
function resolveTokens(headers: FuzzCase['headers'], tokens: FuzzTokens): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = v?.replace(
      /<(admin|emt|officer|otherOfficer)(?:\.([hps]))?>/g,
      (_m, name: keyof FuzzTokens, part?: string) => {
        const token = tokens[name];
        return part ? token.split('.')['hps'.indexOf(part)]! : token;
      },
    );
  }
  return out;
}

function checkAnswer(c: FuzzCase, res: RawResponse): string | null {
  const { status } = res;
  if (status < 400 || status > 499) return `answered ${status}, not a 4xx: ${res.text.slice(0, 300)}`;
  if (c.expect && !c.expect.includes(status))
    return `answered ${status}, expected ${c.expect.join(' or ')}: ${res.text.slice(0, 300)}`;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return `answered ${status} with a body that is not JSON: ${res.text.slice(0, 200)}`;
  }
  if (status === 401 || status === 429) {
    // API Gateway's own answers.
    const message = status === 401 ? 'Unauthorized' : 'Too Many Requests';
    if (JSON.stringify(body) !== JSON.stringify({ message }))
      return `${status} is not API Gateway's {"message":"${message}"}: ${res.text}`;
    if (!/^application\/json/.test(res.headers['content-type'] ?? ''))
      return `${status} content type ${res.headers['content-type']}`;
    return null;
  }
  if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? ''))
    return `${status} is not application/problem+json but ${res.headers['content-type']}`;
  const p = body as { type?: unknown; title?: unknown; status?: unknown; detail?: unknown };
  if (p.status !== status || typeof p.title !== 'string' || typeof p.detail !== 'string' || typeof p.type !== 'string')
    return `${status} is not RFC 9457 problem details: ${res.text.slice(0, 300)}`;
  return null;
}

/** Runs the route's property; throws fast-check's shrunk counterexample on failure. */
export async function fuzzRoute(stack: FuzzStack, name: WriteRouteName, numRuns = runsPerRoute): Promise<FuzzStats> {
  const model = fuzzModels()[name];
  const route = routeTable[name];
  const stats: FuzzStats = {
    route: `${route.method} ${route.path}`,
    runs: 0,
    categories: {},
    statuses: {},
    largestBodyBytes: 0,
    slowestMs: 0,
    slowestCase: '',
  };
  await stack.t.stack.outbox.drain(); // the fixtures' closes queue emails the mailer sends afterwards
  let baseline = await stack.dumper.dump();
  let accepted = false; // the last case was accepted (2xx), so the mailer may still be writing
  await fc.assert(
    fc.asyncProperty(model, async (c) => {
      // A close the model accepted queues its EMT email, which the mailer sends after the answer:
      // settled first, so its writes are not taken for this request's.
      if (accepted) {
        await stack.t.stack.outbox.drain();
        baseline = await stack.dumper.dump();
        accepted = false;
      }
      stack.spy.reset();
      const body = bodyOf(c);
      const started = performance.now();
      const res = await stack.client.send({
        method: c.method,
        path: c.path,
        headers: resolveTokens(c.headers, stack.tokens),
        body,
      });
      const elapsedMs = performance.now() - started;
      if (res.status < 300) accepted = true;
      const after = await stack.dumper.dump();
      const writes = stack.spy.accepted.map((w) => w.commandName);
      const changed = after !== baseline;
      baseline = after; // so that shrinking judges each candidate on its own
      const problem = checkAnswer(c, res);
      if (problem) throw new Error(`${c.why}: ${problem}`);
      if (writes.length > 0)
        throw new Error(`${c.why}: answered ${res.status} but DynamoDB accepted ${writes.join(', ')}`);
      if (changed) throw new Error(`${c.why}: answered ${res.status} but the table changed`);
      stats.runs++;
      const cat = category(c.why);
      stats.categories[cat] = (stats.categories[cat] ?? 0) + 1;
      stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
      stats.largestBodyBytes = Math.max(stats.largestBodyBytes, body ? Buffer.byteLength(body) : 0);
      if (elapsedMs > stats.slowestMs) {
        stats.slowestMs = Math.round(elapsedMs);
        stats.slowestCase = c.why.slice(0, 80);
      }
    }),
    { numRuns },
  );
  const sorted = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  return { ...stats, categories: sorted(stats.categories), statuses: sorted(stats.statuses) };
}

/**
 * Registers one fuzz suite: a stack of its own and, for each route it owns,
 * `runsPerRoute` malformed requests (the two suite files split the routes between the
 * two workers).
 */
export function fuzzSuite(owned: WriteRouteName[]): void {
  const report = reliabilitySection('fuzz', 'Fuzzing every write route', 1, {
    sharedFuzzRoutes: owned.map((n) => `${routeTable[n].method} ${routeTable[n].path}`),
  });
  let stack: FuzzStack;
  beforeAll(async () => {
    stack = await startFuzzStack();
  });
  afterAll(async () => {
    report.write();
    await stack?.stop();
  });
  describe(`${runsPerRoute.toLocaleString('en-GB')} malformed requests per route: 4xx, nothing stored`, () => {
    for (const name of owned) {
      const route = routeTable[name];
      it(`${route.method} ${route.path}`, async () => {
        const stats = await fuzzRoute(stack, name);
        expect(stats.runs).toBe(runsPerRoute);
        report.fuzz(stats);
      });
    }
  });
}
