import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { type RawClient, type RawResponse, rawClient } from '../support/raw-http';
import { reliabilitySection } from '../support/reliability-report';

// Concurrent writers to one result (README.md#storage: no lost updates; exactly one wins per
// version) and a burst of submissions over 20 connections (every one stored), through
// real HTTP against dynalite.

const report = reliabilitySection('concurrency', 'Concurrency and burst', 2);

let t: TestStack;
let admin: string;
let officer: string;
let client: RawClient;

const measure = (i: number | string) => ({
  plan: 'cip',
  programme: 'Corporate Measures',
  title: `Concurrency measure ${i}`,
  unit: '%',
  polarity: 'higher',
  frequency: 'quarterly',
  directorates: ['Place'],
  ownerDirectorate: 'Place',
  targets: { '2017-18': 50 },
});

beforeAll(async () => {
  // Throttling out of reach: these tests are about the data, not API Gateway's limits.
  t = await startTestStack({ throttleRate: 1e6, throttleBurst: 1e6 });
  admin = await t.token('admin');
  officer = await t.token('officer', 'Place');
  client = rawClient(t.url, 50);
  for (const id of ['race'])
    expect((await t.call('PUT', `/measures/${id}`, { token: admin, body: measure(id) })).status).toBe(201);
  const action = { plan: 'cip', programme: 'Corporate Measures', title: 'Race action', ownerDirectorate: 'Place' };
  expect((await t.call('PUT', '/actions/race-action', { token: admin, body: action })).status).toBe(201);
});
afterAll(async () => {
  report.write();
  client?.close();
  await t?.stop();
});

const put = (path: string, body: unknown, token: string, headers: Record<string, string> = {}) =>
  client.send({
    method: 'PUT',
    path,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/**
 * A PUT as a real client sends it: a 503 (the writer's retry budget ran out with the item
 * contended; nothing was changed) is sent again after its Retry-After, which it must carry.
 */
async function putHonouringRetryAfter(
  path: string,
  body: unknown,
  token: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  for (let attempt = 1; ; attempt++) {
    const res = await put(path, body, token, headers);
    if (res.status !== 503 || attempt === 10) return res;
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter, `a 503 without Retry-After: ${res.text}`).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, retryAfter * 1000));
  }
}

type History = { versions: { version: number; value?: number; status?: string; commentary?: string }[] };
async function history(path: string): Promise<History['versions']> {
  const res = await t.call('GET', `${path}/history`, { token: admin });
  expect(res.status).toBe(200);
  return ((await res.json()) as History).versions;
}

function tally(responses: RawResponse[]) {
  const by: Record<number, number> = {};
  for (const r of responses) by[r.status] = (by[r.status] ?? 0) + 1;
  return by;
}

describe('50 concurrent writers to one result', () => {
  it('with the same If-Match: exactly one wins, 49 × 412, for each of 3 successive versions', async () => {
    const path = '/measures/race/results/2017-18-Q1';
    const first = await put(path, { value: 60, commentary: 'first' }, officer);
    expect(first.status).toBe(201);
    let etag = first.headers.etag!;
    expect(etag).toBe('"1"');
    let rounds = 0;
    for (let round = 0; round < 3; round++) {
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          put(path, { value: 1000 * (round + 1) + i, commentary: `round ${round} writer ${i}` }, officer, {
            'if-match': etag,
          }),
        ),
      );
      const statuses = tally(responses);
      expect(statuses, JSON.stringify(statuses)).toEqual({ 200: 1, 412: 49 });
      for (const r of responses.filter((x) => x.status === 412))
        expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      const winner = responses.find((r) => r.status === 200)!;
      const won = JSON.parse(winner.text) as { version: number; value: number };
      expect(won.version).toBe(round + 2);
      expect(winner.headers.etag).toBe(`"${round + 2}"`);
      const versions = await history(path);
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: round + 2 }, (_, i) => i + 1));
      expect(versions.at(-1)!.value).toBe(won.value);
      etag = winner.headers.etag!;
      rounds++;
    }
    report.row({
      case: '50 concurrent PUTs of one result with the same If-Match, 3 rounds',
      count: rounds * 50,
      held: 'each round exactly one 200 and 49 × 412; history gained exactly the winner',
    });
  });

  it('with If-Match "0" (create only): exactly one 201, 49 × 412', async () => {
    const path = '/measures/race/results/2017-18-Q2';
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => put(path, { value: 500 + i }, officer, { 'if-match': '"0"' })),
    );
    expect(tally(responses)).toEqual({ 201: 1, 412: 49 });
    const won = JSON.parse(responses.find((r) => r.status === 201)!.text) as { value: number };
    expect((await history(path)).map((v) => [v.version, v.value])).toEqual([[1, won.value]]);
    report.row({
      case: '50 concurrent first submissions with If-Match "0"',
      count: 50,
      held: 'exactly one 201 and 49 × 412',
    });
  });

  // Under load a writer may spend its 20 s retry budget and be sent again (putHonouringRetryAfter): a longer timeout.
  it('without If-Match: 50 versions, numbered on from the existing ones, none repeated, skipped or lost', async () => {
    const path = '/measures/race/results/2017-18-Q3';
    for (const value of [70, 71]) expect((await put(path, { value }, officer)).status).toBeLessThan(300);
    const before = (await history(path)).length;
    expect(before).toBe(2);
    const values = Array.from({ length: 50 }, (_, i) => 2000 + i);
    const responses = await Promise.all(
      values.map((value) => putHonouringRetryAfter(path, { value, commentary: `writer ${value}` }, officer)),
    );
    expect(tally(responses)).toEqual({ 200: 50 });
    const answered = responses.map((r) => JSON.parse(r.text) as { version: number; value: number });
    expect(answered.map((a) => a.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => before + 1 + i),
    );
    for (const [i, r] of responses.entries()) expect(r.headers.etag).toBe(`"${answered[i]!.version}"`);
    const versions = await history(path);
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: before + 50 }, (_, i) => i + 1));
    // Each writer's value sits at the version it was told, and each exactly once.
    for (const a of answered) expect(versions[a.version - 1]!.value).toBe(a.value);
    expect(
      versions
        .slice(before)
        .map((v) => v.value)
        .sort((a, b) => a! - b!),
    ).toEqual(values);
    report.row({
      case: '50 concurrent PUTs of one result without If-Match (2 versions before)',
      count: 50,
      held: "history 1..52, none repeated or skipped; each writer's value at the version it was answered",
    });
  }, 180_000);

  it('action updates too: 50 with the same If-Match → one wins; 50 without → 50 versions', async () => {
    const path = '/actions/race-action/updates/2017-18-Q1';
    const first = await put(path, { status: 'green' }, officer);
    expect(first.status).toBe(201);
    const raced = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        put(path, { status: 'blue', commentary: `w${i}` }, officer, { 'if-match': '"1"' }),
      ),
    );
    expect(tally(raced)).toEqual({ 200: 1, 412: 49 });
    const free = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        putHonouringRetryAfter(path, { status: 'green', commentary: `f${i}` }, officer),
      ),
    );
    expect(tally(free)).toEqual({ 200: 50 });
    const versions = free.map((r) => (JSON.parse(r.text) as { version: number }).version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => 3 + i));
    const detail = (await (await t.call('GET', '/actions/race-action', { token: admin })).json()) as {
      updates: { quarter: string; version: number }[];
    };
    expect(detail.updates.find((u) => u.quarter === '2017-18-Q1')?.version).toBe(52);
    report.row({
      case: '50 + 50 concurrent PUTs of one action update (same If-Match, then none)',
      count: 100,
      held: 'one 200 + 49 × 412; then versions 3..52, none repeated or skipped',
    });
  }, 180_000);
});

describe('a burst of submissions', () => {
  it('2,000 results across 200 measures over 20 connections: every one stored, no 5xx', async () => {
    const measures = 200;
    const perMeasure = 10;
    const burstClient = rawClient(t.url, 20);
    try {
      // Define the measures through the same pool.
      const ids = Array.from({ length: measures }, (_, i) => `burst-${String(i).padStart(3, '0')}`);
      await pool(
        20,
        ids.map((id) => async () => {
          const res = await burstClient.send({
            method: 'PUT',
            path: `/measures/${id}`,
            headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
            body: JSON.stringify(measure(id)),
          });
          expect(res.status).toBe(201);
        }),
      );
      // 10 submissions per measure over two quarters, shuffled so that writers to one result overlap.
      const submissions = ids.flatMap((id, m) =>
        Array.from({ length: perMeasure }, (_, k) => ({
          id,
          period: k % 2 === 0 ? '2017-18-Q1' : '2017-18-Q2',
          value: 100_000 + m * perMeasure + k,
        })),
      );
      shuffle(submissions, 42);
      const statuses: Record<number, number> = {};
      const started = performance.now();
      await pool(
        20,
        submissions.map((s) => async () => {
          const res = await burstClient.send({
            method: 'PUT',
            path: `/measures/${s.id}/results/${s.period}`,
            headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
            body: JSON.stringify({ value: s.value, commentary: `burst ${s.value}` }),
          });
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const fiveXx = Object.entries(statuses)
        .filter(([s]) => Number(s) >= 500)
        .reduce((n, [, c]) => n + c, 0);
      expect(fiveXx, JSON.stringify(statuses)).toBe(0);
      expect((statuses[201] ?? 0) + (statuses[200] ?? 0), JSON.stringify(statuses)).toBe(submissions.length);
      expect(burstClient.connectionsUsed()).toBeLessThanOrEqual(20);

      // Every submission is in its result's history, exactly once, versions 1..n.
      const expected = new Map<string, number[]>();
      for (const s of submissions)
        expected.set(`${s.id}/${s.period}`, [...(expected.get(`${s.id}/${s.period}`) ?? []), s.value]);
      let found = 0;
      await pool(
        20,
        [...expected].map(([key, values]) => async () => {
          const [id, period] = key.split('/') as [string, string];
          const res = await burstClient.send({
            method: 'GET',
            path: `/measures/${id}/results/${period}/history`,
            headers: { authorization: `Bearer ${admin}` },
          });
          expect(res.status).toBe(200);
          const versions = (JSON.parse(res.text) as History).versions;
          expect(versions.map((v) => v.version)).toEqual(values.map((_, i) => i + 1));
          expect(versions.map((v) => v.value).sort((a, b) => a! - b!)).toEqual([...values].sort((a, b) => a - b));
          found += versions.length;
        }),
      );
      expect(found).toBe(submissions.length);
      report.row({
        case: `burst: ${submissions.length.toLocaleString('en-GB')} submissions across ${measures} measures (${expected.size} results) over ${burstClient.connectionsUsed()} connections`,
        count: submissions.length,
        held: `every one in its history exactly once, versions contiguous; zero 5xx (${Math.round(submissions.length / seconds)} submissions/s)`,
      });
    } finally {
      burstClient.close();
    }
    // It judges what is stored, not speed (the rate is reported): a loaded CI machine,
    // or npm test's coverage, may take a few minutes.
  }, 300_000);
});

/** Runs tasks with at most `size` in flight. */
async function pool(size: number, tasks: (() => Promise<void>)[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

function shuffle<T>(xs: T[], seed: number) {
  let s = seed;
  for (let i = xs.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}
