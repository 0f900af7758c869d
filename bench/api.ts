// PUT /measures/{id}/results/{period} through the local API server under autocannon
// (20 connections, 10 s), against a bare route on the same server that passes the same
// JWT check and event building and makes the same DynamoDB calls (one BatchGetItem of
// the same four keys, one UpdateItem of the same shape, through the store layer) with
// no middleware, validation or domain code. Runs alternate full and bare, five each;
// every run writes to its own fresh set of result items so that history lengths match.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HttpEvent, HttpResult } from '../lambdas/http/middleware';
import type { RouteDef } from '../lambdas/http/routes';
import type { ExtraRoute } from '../lambdas/local/api-server';
import { batchGet } from '../lambdas/store/batch';
import { closeSk, definitionsPk, measureSk, quarterPk, settingsSk } from '../lambdas/store/keys';
import { resultKey, writeResult } from '../lambdas/store/results';
import { batchWriteAll, measureItem } from './dataset';
import { collectGarbage } from './gc';
import { type Harness, median, round } from './harness';
import type { LoadRequest, LoadResult } from './load';

const barePath = '/bench/bare/measures/{id}/results/{period}';

/** The bare cost of a submission: the two DynamoDB calls and nothing else. */
async function bareSubmit(event: HttpEvent): Promise<HttpResult> {
  const { id, period } = event.pathParameters as { id: string; period: string };
  const { value } = JSON.parse(event.body ?? '{}') as { value: number };
  const quarter = period; // the bench submits quarter periods only
  await batchGet([
    { pk: definitionsPk, sk: measureSk(id) },
    resultKey(id, period, quarter),
    { pk: quarterPk(quarter), sk: closeSk },
    { pk: definitionsPk, sk: settingsSk },
  ]);
  const version = await writeResult({
    measureId: id,
    period,
    quarter,
    value,
    commentary: undefined,
    breakdown: undefined,
    by: String(event.requestContext.authorizer.jwt.claims.sub),
    at: new Date().toISOString(),
    amendment: false,
    expectedVersion: undefined,
  });
  return {
    statusCode: version === 1 ? 201 : 200,
    headers: { 'content-type': 'application/json', etag: `"${version}"` },
    body: JSON.stringify({ measureId: id, period, quarter, version, value }),
  };
}

export const bareRoute: ExtraRoute = {
  route: {
    method: 'PUT',
    path: barePath,
    handler: 'bench-bare',
    access: ['officer', 'admin'],
    table: { read: ['BatchGetItem'], write: ['UpdateItem'] },
    summary: 'Benchmark only: the bare DynamoDB calls of a result submission',
    responses: {},
    errors: [],
  } satisfies RouteDef,
  handler: bareSubmit,
};

export interface ApiRun extends LoadResult {
  side: 'full' | 'bare';
}

export interface ApiFigures {
  connections: number;
  durationSeconds: number;
  keysPerRun: number;
  runs: ApiRun[];
  full: { throughput: number; p50: number; p99: number };
  bare: { throughput: number; p50: number; p99: number };
  throughputRatio: number;
  p50Ratio: number;
  p99Ratio: number;
}

const measuresUsed = 100;
const apiMeasureId = (i: number) => `bench-api-${String(i).padStart(3, '0')}`;
/** Timed runs a side, alternating full and bare: p99 is a tail, so its median wants more than three. */
const runsPerSide = 5;
const yearOf = (run: number) => `${2029 + run}-${String((30 + run) % 100).padStart(2, '0')}`;

function runLoad(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load.ts', import.meta.url)), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answered = false;
    child.once('message', (message: LoadResult | { error: string }) => {
      answered = true;
      if ('error' in message) reject(new Error(`autocannon: ${message.error}`));
      else resolve(message);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load generator exited with ${code} before answering`));
    });
    child.send(request);
  });
}

export async function benchApi(
  h: Harness,
  log: (s: string) => void,
  durationSeconds = 10,
  connections = 20,
): Promise<ApiFigures> {
  await h.useTable('bench-api');
  const years = Array.from({ length: 2 * runsPerSide + 2 }, (_, run) => yearOf(run));
  const items = Array.from({ length: measuresUsed }, (_, i) =>
    measureItem(apiMeasureId(i), {
      plan: 'cip',
      programme: 'Corporate Measures',
      title: `API benchmark measure ${i + 1}`,
      unit: '%',
      polarity: 'higher',
      frequency: 'quarterly',
      directorates: ['Place'],
      ownerDirectorate: 'Place',
      targets: Object.fromEntries(years.map((y) => [y, 50])),
    }),
  );
  await batchWriteAll('bench-api', items);
  const token = await h.token('officer', 'Place');
  const body = JSON.stringify({ value: 90 }); // green: no commentary needed
  const paths = (run: number, side: 'full' | 'bare') => {
    const prefix = side === 'full' ? '/measures' : '/bench/bare/measures';
    const out: string[] = [];
    for (let q = 1; q <= 4; q++)
      for (let i = 0; i < measuresUsed; i++) out.push(`${prefix}/${apiMeasureId(i)}/results/${yearOf(run)}-Q${q}`);
    return out;
  };
  // One request each way first: both answer 201 and the routes are wired as claimed.
  for (const [i, side] of (['full', 'bare'] as const).entries()) {
    const res = await h.call('PUT', paths(2 * runsPerSide + 1, side)[i]!, { token, body: { value: 90 } });
    if (res.status !== 201)
      throw new Error(`${side} route answered ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`);
  }
  const load = async (run: number, side: 'full' | 'bare', seconds: number) => {
    collectGarbage();
    const result = await runLoad({
      url: h.stack.apiUrl,
      token,
      paths: paths(run, side),
      body,
      connections,
      durationSeconds: seconds,
    });
    // Requests cut off when autocannon stops still run in the server: let them finish
    // so they neither spill into the next run nor outlive the engine.
    await h.settle();
    return result;
  };

  // Warm-up (JIT, module loading), not counted.
  await load(0, 'full', 5);
  await load(0, 'bare', 5);
  const runs: ApiRun[] = [];
  for (let run = 1; run <= 2 * runsPerSide; run++) {
    const side = run % 2 === 1 ? 'full' : 'bare';
    const result = await load(run, side, durationSeconds);
    log(
      `  ${side}: ${round(result.throughput, 0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
    if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
      throw new Error(
        `API run invalid (${side}): ${result.non2xx} non-2xx ${JSON.stringify(result.statusCodes)}, ${result.errors} errors, ${result.timeouts} timeouts`,
      );
    }
    runs.push({ side, ...result });
  }
  const summary = (side: 'full' | 'bare') => {
    const mine = runs.filter((r) => r.side === side);
    return {
      throughput: round(median(mine.map((r) => r.throughput)), 1),
      p50: median(mine.map((r) => r.p50)),
      p99: median(mine.map((r) => r.p99)),
    };
  };
  const full = summary('full');
  const bare = summary('bare');
  await h.dropTable('bench-api'); // its ~50,000 items would sit in the closes' heap (harness.ts dropTable)
  return {
    connections,
    durationSeconds,
    keysPerRun: measuresUsed * 4,
    runs,
    full,
    bare,
    throughputRatio: round(full.throughput / bare.throughput, 3),
    p50Ratio: round(full.p50 / bare.p50, 3),
    p99Ratio: round(full.p99 / bare.p99, 3),
  };
}
