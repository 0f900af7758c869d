import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { freshId, freshYears } from '../support/fresh';

// GET /reports/{quarter}?trend=N (docs/rules.md#trend-lines) through real HTTP: each
// measure's last N quarters in the one request the dashboard makes.

const t = useTestStack({ tokens: { admin: 'admin', emt: 'emt' } });

interface Point {
  quarter: string;
  status: string;
  actual: number | null;
  target: number | null;
}
interface TrendBody {
  closed: boolean;
  measures: { id: string; status: string; actual: number | null; quarters?: Point[] }[];
}

/** A lower-is-better measure with a target of 10 in each of `years`, and results (admin) for some quarters. */
async function measureWith(years: string[], results: Record<string, number>): Promise<string> {
  const id = freshId('trend');
  const res = await t.call('PUT', `/measures/${id}`, {
    token: t.tokens.admin,
    body: {
      plan: 'cip',
      programme: 'Learning',
      title: 'Schools with deficit budgets',
      unit: 'schools',
      polarity: 'lower',
      frequency: 'quarterly',
      directorates: ['People'],
      ownerDirectorate: 'People',
      targets: Object.fromEntries(years.map((y) => [y, 10])),
    },
  });
  expect(res.status).toBe(201);
  for (const [period, value] of Object.entries(results)) {
    const put = await t.call('PUT', `/measures/${id}/results/${period}`, {
      token: t.tokens.admin,
      body: { value, commentary: 'As reported' },
    });
    expect(put.status).toBe(201);
  }
  return id;
}

const trendReport = async (quarter: string, query = '?trend=8') => {
  const res = await t.call('GET', `/reports/${quarter}${query}`, { token: t.tokens.emt });
  expect(res.status).toBe(200);
  return (await res.json()) as TrendBody;
};

describe('GET /reports/{quarter}?trend=N', () => {
  it("gives each measure its last 8 quarters' status, actual and target, oldest first, a gap as a null actual", async () => {
    const [a, b] = freshYears(2);
    const id = await measureWith([a!.year, b!.year], {
      [a!.q(1)]: 8,
      [a!.q(2)]: 10.5,
      [a!.q(4)]: 12,
      [b!.q(4)]: 9,
    });
    const row = (await trendReport(b!.q(4))).measures.find((m) => m.id === id);
    expect(row?.quarters).toEqual([
      { quarter: a!.q(1), status: 'green', actual: 8, target: 10 },
      { quarter: a!.q(2), status: 'amber', actual: 10.5, target: 10 },
      { quarter: a!.q(3), status: 'no-data', actual: null, target: 10 },
      { quarter: a!.q(4), status: 'red', actual: 12, target: 10 },
      { quarter: b!.q(1), status: 'no-data', actual: null, target: 10 },
      { quarter: b!.q(2), status: 'no-data', actual: null, target: 10 },
      { quarter: b!.q(3), status: 'no-data', actual: null, target: 10 },
      { quarter: b!.q(4), status: 'green', actual: 9, target: 10 },
    ]);
  });

  it('covers the quarters before a measure had targets or results as info-only with no actual', async () => {
    const [a, b] = freshYears(2);
    const id = await measureWith([b!.year], { [b!.q(1)]: 9, [b!.q(2)]: 11 });
    const row = (await trendReport(b!.q(2))).measures.find((m) => m.id === id);
    expect(row?.quarters).toHaveLength(8);
    expect(row?.quarters?.slice(2, 6).map((p) => p.quarter)).toEqual([a!.q(1), a!.q(2), a!.q(3), a!.q(4)]);
    for (const point of row?.quarters?.slice(0, 6) ?? [])
      expect(point).toMatchObject({ status: 'info-only', actual: null, target: null });
    expect(row?.quarters?.slice(-2)).toEqual([
      { quarter: b!.q(1), status: 'green', actual: 9, target: 10 },
      { quarter: b!.q(2), status: 'amber', actual: 11, target: 10 },
    ]);
  });

  it('gives exactly N quarters for a smaller N, the last being the row itself', async () => {
    const [a] = freshYears(1);
    const id = await measureWith([a!.year], { [a!.q(2)]: 12, [a!.q(3)]: 9 });
    const row = (await trendReport(a!.q(3), '?trend=2')).measures.find((m) => m.id === id);
    expect(row?.quarters).toEqual([
      { quarter: a!.q(2), status: 'red', actual: 12, target: 10 },
      { quarter: a!.q(3), status: 'green', actual: 9, target: 10 },
    ]);
    expect(row?.quarters?.at(-1)).toMatchObject({ status: row?.status, actual: row?.actual });
  });

  it('adds nothing without the option', async () => {
    const [a] = freshYears(1);
    const id = await measureWith([a!.year], { [a!.q(1)]: 9 });
    const row = (await trendReport(a!.q(1), '')).measures.find((m) => m.id === id);
    expect(row).toBeDefined();
    expect(row).not.toHaveProperty('quarters');
  });

  it('keeps a retired measure’s trend in the quarters it was still reported in', async () => {
    const [a] = freshYears(1);
    const id = await measureWith([a!.year], { [a!.q(1)]: 9, [a!.q(2)]: 12 });
    expect((await t.call('DELETE', `/measures/${id}`, { token: t.tokens.admin })).status).toBe(200);
    // Retired from the quarter under way today: a quarter of 1950 still reports it.
    const row = (await trendReport(a!.q(2))).measures.find((m) => m.id === id);
    expect(row?.quarters?.slice(-2).map((p) => p.actual)).toEqual([9, 12]);
  });

  it('after close, ends with the frozen figure while the live result has been amended since', async () => {
    const [a] = freshYears(1);
    const id = await measureWith([a!.year], { [a!.q(1)]: 9, [a!.q(2)]: 12 });
    expect((await t.call('POST', `/reports/${a!.q(2)}/close`, { token: t.tokens.admin })).status).toBe(200);
    const amended = await t.call('PUT', `/measures/${id}/results/${a!.q(2)}`, {
      token: t.tokens.admin,
      body: { value: 5 },
    });
    expect(amended.status).toBe(200);
    const closed = await trendReport(a!.q(2), '?trend=2');
    expect(closed.closed).toBe(true);
    expect(closed.measures.find((m) => m.id === id)?.quarters).toEqual([
      { quarter: a!.q(1), status: 'green', actual: 9, target: 10 },
      { quarter: a!.q(2), status: 'red', actual: 12, target: 10 },
    ]);
  });

  it.each(['0', '9', '1.5', 'eight', ''])('refuses trend=%s with a 422 problem naming the parameter', async (value) => {
    const [a] = freshYears(1);
    const res = await t.call('GET', `/reports/${a!.q(1)}?trend=${value}`, { token: t.tokens.emt });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain('/query/trend');
  });

  it('refuses the option for a format other than JSON (422)', async () => {
    const [a] = freshYears(1);
    const res = await t.call('GET', `/reports/${a!.q(1)}?format=csv&trend=8`, { token: t.tokens.emt });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { path: string }[] }).errors).toEqual([
      { path: '/query/trend', message: 'only with format=json' },
    ]);
  });

  it('is documented in /openapi.json: the parameter and the quarters it adds', async () => {
    const doc = (await (await t.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, { get: { parameters: { name: string; in: string }[] } }>;
      components?: unknown;
    };
    const parameters = doc.paths['/reports/{quarter}']?.get.parameters ?? [];
    expect(parameters).toContainEqual(expect.objectContaining({ name: 'trend', in: 'query' }));
    expect(JSON.stringify(doc.paths['/reports/{quarter}'])).toContain('docs/rules.md#trend-lines');
  });
});
