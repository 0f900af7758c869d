import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { type RawClient, rawClient } from '../support/raw-http';
import { reliabilitySection } from '../support/reliability-report';

// API Gateway's stage throttling, as the local server reproduces it: a stack whose token
// bucket is tiny answers 429 {"message":"Too Many Requests"}, and a throttled write
// stores nothing. (The other reliability stacks set the bucket out of reach.)

const report = reliabilitySection('throttling', 'Throttling', 2.5);
const rate = 2;
const burst = 5;

let t: TestStack;
let client: RawClient;
let officer: string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await startTestStack({ throttleRate: rate, throttleBurst: burst });
  client = rawClient(t.url, 40);
  const admin = await t.token('admin');
  officer = await t.token('officer', 'Place');
  const measure = {
    plan: 'cip',
    programme: 'Corporate Measures',
    title: 'Throttled measure',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    directorates: ['Place'],
    ownerDirectorate: 'Place',
    targets: { '2017-18': 50 },
  };
  expect((await t.call('PUT', '/measures/throttled', { token: admin, body: measure })).status).toBe(201);
});
afterAll(async () => {
  report.write();
  client?.close();
  await t?.stop();
});

describe(`a stack throttled to ${rate} requests/s, burst ${burst}`, () => {
  it('answers a burst beyond the bucket with 429 {"message":"Too Many Requests"} and stores none of the throttled writes', async () => {
    await sleep((burst / rate) * 1000 + 200); // let the bucket refill
    const path = '/measures/throttled/results/2017-18-Q1';
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        client.send({
          method: 'PUT',
          path,
          headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
          body: JSON.stringify({ value: 100 + i }),
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const ok = responses.filter((r) => r.status < 300);
    const throttled = responses.filter((r) => r.status === 429);
    expect(ok.length + throttled.length, JSON.stringify(responses.map((r) => r.status))).toBe(40);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // The bucket held `burst` tokens and refilled at `rate` while the 40 arrived.
    expect(ok.length).toBeLessThanOrEqual(burst + Math.ceil(rate * seconds) + 1);
    expect(throttled.length).toBeGreaterThanOrEqual(20);
    for (const r of throttled) {
      expect(JSON.parse(r.text)).toEqual({ message: 'Too Many Requests' });
      expect(r.headers['content-type']).toMatch(/^application\/json/);
    }
    // Once the bucket refills a request gets through again; only the admitted writes are in the history.
    await sleep((burst / rate) * 1000 + 200);
    const history = await client.send({
      method: 'GET',
      path: `${path}/history`,
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(history.status).toBe(200);
    const values = (JSON.parse(history.text) as { versions: { value: number }[] }).versions.map((v) => v.value).sort();
    expect(values).toEqual(ok.map((r) => (JSON.parse(r.text) as { value: number }).value).sort());
    report.row({
      case: `40 concurrent PUTs against a bucket of ${burst} refilling at ${rate}/s`,
      count: 40,
      held: `${throttled.length} × 429 {"message":"Too Many Requests"}, ${ok.length} admitted; history holds exactly the admitted writes; the refilled bucket admits again`,
    });
  });
});
