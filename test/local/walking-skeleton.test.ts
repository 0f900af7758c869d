import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLocalToken } from '../../lambdas/local/jwt';
import { freshId, freshYear } from '../support/fresh';
import { startTestStack, type TestStack } from '../support/local-stack';

// One result from HTTP to DynamoDB to a quarter-close email, through the real local
// server, dynalite and aws-ses-v2-local. Each test defines its own measure and uses its own
// financial year (test/support/fresh.ts), so they pass in any order: a measure with no
// target in a quarter is not counted in that quarter's summary, so the close email still
// speaks of exactly one measure.

let t: TestStack;
let admin: string;

/** Sickness absence, owned by Resources, with a target for `quarter` only. */
const measureFor = (quarter: string) => ({
  plan: 'cip',
  programme: 'Corporate Measures',
  title: 'Sickness absence (days lost per FTE)',
  unit: 'days per FTE',
  polarity: 'lower',
  frequency: 'quarterly',
  directorates: ['People', 'Place', 'Resources'],
  ownerDirectorate: 'Resources',
  targets: { [quarter]: 2.5 },
});

beforeAll(async () => {
  t = await startTestStack();
  admin = await t.token('admin');
});
afterAll(async () => {
  await t?.stop();
});

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: unknown[];
  };
  expect(body.status).toBe(res.status);
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  return body;
}

describe('walking skeleton', () => {
  it('answers /health without a token', async () => {
    const res = await t.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses a missing, malformed or foreign-signed token in API Gateway’s own shape', async () => {
    // Same issuer, audience and claims, signed by a key the server does not trust.
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const foreign = await signLocalToken({ privateKey, publicKey }, { role: 'admin' });
    for (const token of [undefined, 'not-a-jwt', foreign]) {
      const res = await t.call('GET', '/reports/2017-18-Q4', { token });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ message: 'Unauthorized' });
    }
  });

  it('answers unknown routes with 404 problem+json', async () => {
    const res = await t.call('GET', '/no/such/route', { token: admin });
    expect(res.status).toBe(404);
    await problem(res);
  });

  it('defines a measure, takes a result, reports it and closes the quarter with one email', async () => {
    const { year, q } = freshYear();
    const quarter = q(4);
    const id = freshId('sickness-absence');
    const measure = measureFor(quarter);
    let res = await t.call('PUT', `/measures/${id}`, { token: admin, body: measure });
    expect(res.status).toBe(201);
    res = await t.call('PUT', `/measures/${id}`, { token: admin, body: measure });
    expect(res.status).toBe(200);

    res = await t.call('PUT', `/measures/${id}/results/${quarter}`, {
      token: admin,
      body: { value: 2.9, commentary: 'Winter flu in schools.' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    const submitted = (await res.json()) as { version: number; status: string };
    expect(submitted).toMatchObject({ version: 1, status: 'red' });

    res = await t.call('GET', `/reports/${quarter}`, { token: admin });
    expect(res.status).toBe(200);
    const live = (await res.json()) as { closed: boolean; measures: { id: string; status: string; actual: number }[] };
    expect(live.closed).toBe(false);
    // Other tests' measures (no target this quarter) are listed too, as info-only.
    expect(live.measures.find((m) => m.id === id)).toEqual(expect.objectContaining({ status: 'red', actual: 2.9 }));

    await t.clearEmails();
    res = await t.call('POST', `/reports/${quarter}/close`, { token: admin });
    expect(res.status).toBe(200);
    const closed = (await res.json()) as {
      closed: boolean;
      overall: string;
      criticalItems: { id: string; rules: string[] }[];
    };
    expect(closed.closed).toBe(true);
    expect(closed.criticalItems.map((i) => i.id)).toEqual([id]);

    const emails = await t.emails();
    expect(emails).toHaveLength(1);
    const email = emails[0]!;
    expect(email.destination.to).toEqual(['emt@localhost']);
    expect(email.from).toContain('ragtime@localhost');
    expect(email.subject).toBe(`Corporate Improvement Plan ${year} Q4: overall RED, 1 critical item`);
    expect(email.body.text).toContain(
      'Out of the 1 measure, 0% met target. 100% were off target and 100% off target by more than 10%.',
    );
    expect(email.body.text).toContain(
      'Issue - Missed the target by more than 10% (target 2.5, actual 2.9). RAG status is RED.',
    );
    expect(email.body.text).toContain('Remedial action - Remedial action needed');
    expect(email.body.html).toContain('Sickness absence (days lost per FTE)');
    expect(email.attachments.map((a) => a.filename).sort()).toEqual([
      `ragtime-${quarter}.csv`,
      `ragtime-${quarter}.docx`,
      `ragtime-${quarter}.html`,
    ]);

    // A second close returns the first snapshot and sends nothing.
    res = await t.call('POST', `/reports/${quarter}/close`, { token: admin });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { closedAt: string }).closedAt).toBe(
      (closed as unknown as { closedAt: string }).closedAt,
    );
    expect(await t.emails()).toHaveLength(1);
  });

  it('refuses bad input with 4xx problem+json and stores nothing', async () => {
    const { year, q } = freshYear();
    const id = freshId('sickness-absence');
    const measure = measureFor(q(4));
    expect((await t.call('PUT', `/measures/${id}`, { token: admin, body: measure })).status).toBe(201);
    const [m1, m2] = [freshId('m1'), freshId('m2')];
    const before = await (await t.call('GET', `/reports/${q(1)}`, { token: admin })).json();
    const cases: { method: string; path: string; body?: unknown; headers?: Record<string, string>; status: number }[] =
      [
        { method: 'PUT', path: `/measures/${m1}`, body: '{"plan": "cip",', status: 400 },
        {
          method: 'PUT',
          path: `/measures/${m1}`,
          body: 'plan=cip',
          headers: { 'content-type': 'text/plain' },
          status: 415,
        },
        { method: 'PUT', path: `/measures/${m1}`, body: { ...measure, polarity: 'sideways' }, status: 422 },
        { method: 'PUT', path: `/measures/${m1}`, body: { ...measure, extra: true }, status: 422 },
        { method: 'PUT', path: '/measures/bad%20id', body: measure, status: 422 },
        { method: 'PUT', path: `/measures/${id}/results/${year}-Q5`, body: { value: 1 }, status: 422 },
        { method: 'PUT', path: `/measures/${id}/results/${year.slice(0, 4)}-03`, body: { value: 1 }, status: 422 },
        { method: 'PUT', path: `/measures/${id}/results/${q(1)}`, body: { value: '1' }, status: 422 },
        { method: 'PUT', path: `/measures/${freshId('nope')}/results/${q(1)}`, body: { value: 1 }, status: 404 },
        {
          method: 'PUT',
          path: `/measures/${id}/results/${q(1)}`,
          body: { value: 1, breakdown: { Schools: 1 } },
          status: 422,
        },
        {
          method: 'PUT',
          path: `/measures/${id}/results/${q(1)}`,
          body: 'x'.repeat(300 * 1024),
          status: 413,
        },
        { method: 'GET', path: '/reports/2017-18-Q9', status: 422 },
        { method: 'POST', path: '/reports/2017-18/close', status: 422 },
        { method: 'DELETE', path: '/health', status: 404 },
      ];
    for (const c of cases) {
      const res = await t.call(c.method, c.path, { token: admin, body: c.body, headers: c.headers });
      expect({ path: c.path, status: res.status }).toEqual({ path: c.path, status: c.status });
      await problem(res);
    }
    const officer = await t.token('officer', 'Place');
    const res = await t.call('PUT', `/measures/${id}/results/${q(1)}`, {
      token: officer,
      body: { value: 1 },
    });
    expect(res.status).toBe(403);
    await problem(res);
    expect((await t.call('PUT', `/measures/${m2}`, { token: officer, body: measure })).status).toBe(403);

    expect(await (await t.call('GET', `/reports/${q(1)}`, { token: admin })).json()).toEqual(before);
    for (const refused of [m1, m2])
      expect((await t.call('GET', `/measures/${refused}`, { token: admin })).status, refused).toBe(404);
  });
});
