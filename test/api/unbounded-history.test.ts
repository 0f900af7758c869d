import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lambdas/store/client';
import { resultKey, writeResult } from '../../lambdas/store/results';
import { useTestStack } from '../support/api-test';
import { type RawClient, rawClient } from '../support/raw-http';
import { awsError, intercept } from '../support/sdk-faults';

// No history is bounded by DynamoDB's 400 KB item limit (docs/storage.md "Version
// history"). The old design kept every version in a list on one item: the ~100th PUT of
// a result with 4,000-character commentary answered 500, and every later one too.

const t = useTestStack({ throttleRate: 1e6, throttleBurst: 1e6, tokens: { admin: 'admin' } });
let client: RawClient;

const measure = (id: string) => ({
  plan: 'cip',
  programme: 'Corporate Measures',
  title: `History ${id}`,
  unit: '%',
  polarity: 'higher',
  frequency: 'quarterly',
  directorates: ['Place'],
  ownerDirectorate: 'Place',
  targets: { '2017-18': 50 },
});

beforeAll(async () => {
  client = rawClient(t.url, 4);
  for (const id of ['thousand', 'legacy', 'crash'])
    expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: measure(id) })).status).toBe(201);
});
afterAll(async () => {
  client?.close();
});

const commentary = (i: number) => `${String(i).padStart(4, '0')} ${'x'.repeat(3995)}`;
type Version = { version: number; value: number; commentary?: string; amendment?: boolean };

async function history(path: string): Promise<Version[]> {
  const res = await t.call('GET', `${path}/history`, { token: t.tokens.admin });
  expect(res.status).toBe(200);
  return ((await res.json()) as { versions: Version[] }).versions;
}

describe('1,000 versions of one result, each with 4,000 characters of commentary', () => {
  const path = '/measures/thousand/results/2017-18-Q4';
  const count = 1000;

  beforeAll(async () => {
    // The first 990 through the store's own write (the one the route calls), handing on
    // the head as the route's consistent read would give it; the last 10 through HTTP.
    const started = performance.now();
    let head: Record<string, unknown> | null = null;
    for (let i = 1; i <= count - 10; i++) {
      const fields = { measureId: 'thousand', period: '2017-18-Q4', value: i, commentary: commentary(i), by: 'u' };
      const at = new Date().toISOString();
      const version = await writeResult({ ...fields, quarter: '2017-18-Q4', at, head });
      head = { ...resultKey('thousand', '2017-18-Q4', '2017-18-Q4'), ...fields, at, version };
    }
    for (let i = count - 9; i <= count; i++) {
      const res = await client.send({
        method: 'PUT',
        path,
        headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ value: i, commentary: commentary(i) }),
      });
      if (res.status !== 200) throw new Error(`PUT ${i}: ${res.status} ${res.text.slice(0, 300)}`);
      expect(JSON.parse(res.text)).toMatchObject({ version: i });
    }
    console.info(`1,000 versions of 4 KB commentary written in ${Math.round(performance.now() - started)} ms`);
  });

  it('every version is stored and the history is complete, in order', async () => {
    const versions = await history(path);
    expect(versions).toHaveLength(count);
    for (const [i, v] of versions.entries()) {
      expect(v.version).toBe(i + 1);
      expect(v.value).toBe(i + 1);
      expect(v.commentary).toBe(commentary(i + 1));
    }
  });

  it('the report still answers, with the latest value', async () => {
    const res = await t.call('GET', '/reports/2017-18-Q4', { token: t.tokens.admin });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { measures: { id: string; actual: number }[] };
    expect(report.measures.find((m) => m.id === 'thousand')?.actual).toBe(count);
  });

  it('the measure page still answers, with the latest version', async () => {
    const res = await t.call('GET', '/measures/thousand', { token: t.tokens.admin });
    expect(res.status).toBe(200);
    const detail = (await res.json()) as { results: { period: string; version: number; value: number }[] };
    expect(detail.results).toEqual([expect.objectContaining({ period: '2017-18-Q4', version: count, value: count })]);
  });
});

describe('a result stored in the old shape (every version in a list on the item)', () => {
  const path = '/measures/legacy/results/2017-18-Q4';
  const listed = 95; // about 390 KB: the old design's last writes before the limit

  beforeAll(async () => {
    const versions = Array.from({ length: listed }, (_, i) => ({
      value: i + 1,
      commentary: commentary(i + 1),
      by: 'old-writer',
      at: `2018-04-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
    }));
    const last = versions.at(-1)!;
    await db().send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: {
          pk: 'Q#2017-18-Q4',
          sk: 'RESULT#legacy#2017-18-Q4',
          measureId: 'legacy',
          period: '2017-18-Q4',
          ...last,
          version: listed,
          versions,
          gsi1pk: 'MEASURE#legacy',
          gsi1sk: '2017-18-Q4',
        },
      }),
    );
  });

  it('is read as it is, and the next writes carry on from it without a limit', async () => {
    expect((await history(path)).map((v) => v.version)).toEqual(Array.from({ length: listed }, (_, i) => i + 1));
    for (let i = listed + 1; i <= listed + 10; i++) {
      const res = await t.call('PUT', path, { token: t.tokens.admin, body: { value: i, commentary: commentary(i) } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { version: number }).version).toBe(i);
    }
    const versions = await history(path);
    expect(versions.map((v) => [v.version, v.value])).toEqual(
      Array.from({ length: listed + 10 }, (_, i) => [i + 1, i + 1]),
    );
    expect(versions[0]!.commentary).toBe(commentary(1));
  });
});

describe('a writer that dies after sealing the version before, without committing its own', () => {
  it('leaves the history as it was, and the next write carries on', async () => {
    const path = '/measures/crash/results/2017-18-Q4';
    expect((await t.call('PUT', path, { token: t.tokens.admin, body: { value: 61 } })).status).toBe(201);
    // Every attempt at the head's commit fails (the SDK's retries exhausted): the
    // process "dies" after sealing version 1 into its own item.
    const remove = intercept(db(), {
      fault: (call) => {
        if (call.commandName === 'UpdateItemCommand') throw awsError('InternalServerError', 500);
      },
    });
    const failed = await t.call('PUT', path, { token: t.tokens.admin, body: { value: 62, commentary: 'lost' } });
    remove();
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect((await history(path)).map((v) => [v.version, v.value])).toEqual([[1, 61]]);
    expect((await t.call('PUT', path, { token: t.tokens.admin, body: { value: 63 } })).status).toBe(200);
    expect((await history(path)).map((v) => [v.version, v.value])).toEqual([
      [1, 61],
      [2, 63],
    ]);
  });
});
