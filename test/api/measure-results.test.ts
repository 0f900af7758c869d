import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { freshId, freshYears } from '../support/fresh';

// GET /measures/{id}/results: every period's version history of a measure in one request
// (the measure page's Version history), newest period first.

const t = useTestStack({ tokens: { admin: 'admin', officer: { role: 'officer', directorate: 'People' } } });

interface Periods {
  periods: {
    period: string;
    quarter: string;
    versions: { version: number; value: number; commentary?: string; by: string; at: string; amendment?: boolean }[];
  }[];
}

async function newMeasure(targets: Record<string, number>, frequency = 'quarterly'): Promise<string> {
  const id = freshId('history');
  const res = await t.call('PUT', `/measures/${id}`, {
    token: t.tokens.admin,
    body: {
      plan: 'cip',
      programme: 'Learning',
      title: 'Schools with deficit budgets',
      unit: 'schools',
      polarity: 'lower',
      frequency,
      directorates: ['People'],
      ownerDirectorate: 'People',
      targets,
    },
  });
  expect(res.status).toBe(201);
  return id;
}
const put = (id: string, period: string, body: unknown, token = t.tokens.officer) =>
  t.call('PUT', `/measures/${id}/results/${period}`, { token, body });
const results = async (id: string) => {
  const res = await t.call('GET', `/measures/${id}/results`, { token: t.tokens.officer });
  expect(res.status).toBe(200);
  return (await res.json()) as Periods;
};

describe('GET /measures/{id}/results', () => {
  it('gives every period newest first, each with every version oldest first', async () => {
    const [a, b] = freshYears(2);
    const id = await newMeasure({ [a!.year]: 10, [b!.year]: 10 });
    expect((await put(id, a!.q(4), { value: 9 })).status).toBe(201);
    expect((await put(id, b!.q(1), { value: 8 })).status).toBe(201);
    expect((await put(id, b!.q(1), { value: 7, commentary: 'Corrected' })).status).toBe(200);
    expect((await put(id, b!.q(1), { value: 6 })).status).toBe(200);
    const { periods } = await results(id);
    expect(periods.map((p) => p.period)).toEqual([b!.q(1), a!.q(4)]);
    expect(periods[0]!.versions.map((v) => [v.version, v.value, v.commentary ?? null])).toEqual([
      [1, 8, null],
      [2, 7, 'Corrected'],
      [3, 6, null],
    ]);
    expect(periods[1]!.versions).toEqual([expect.objectContaining({ version: 1, value: 9, by: expect.any(String) })]);
    for (const p of periods) for (const v of p.versions) expect(v).not.toHaveProperty('email');
  });

  it('matches each period’s own history', async () => {
    const [a] = freshYears(1);
    const id = await newMeasure({ [a!.year]: 10 });
    await put(id, a!.q(2), { value: 12, commentary: 'Over' });
    await put(id, a!.q(2), { value: 9 });
    const own = await (
      await t.call('GET', `/measures/${id}/results/${a!.q(2)}/history`, { token: t.tokens.officer })
    ).json();
    expect((await results(id)).periods[0]!.versions).toEqual((own as { versions: unknown[] }).versions);
  });

  it('groups a monthly measure’s months under their quarter, newest month first', async () => {
    const [a] = freshYears(1);
    const id = await newMeasure({ [a!.year]: 10 }, 'monthly');
    const start = Number(a!.year.slice(0, 4));
    for (const month of ['04', '05', '07']) expect((await put(id, `${start}-${month}`, { value: 5 })).status).toBe(201);
    const { periods } = await results(id);
    expect(periods.map((p) => [p.period, p.quarter])).toEqual([
      [`${start}-07`, a!.q(2)],
      [`${start}-05`, a!.q(1)],
      [`${start}-04`, a!.q(1)],
    ]);
  });

  it('marks an admin’s amendment to a closed quarter', async () => {
    const [a] = freshYears(1);
    const id = await newMeasure({ [a!.year]: 10 });
    await put(id, a!.q(1), { value: 9 });
    expect((await t.call('POST', `/reports/${a!.q(1)}/close`, { token: t.tokens.admin })).status).toBe(200);
    expect((await put(id, a!.q(1), { value: 8 }, t.tokens.admin)).status).toBe(200);
    const versions = (await results(id)).periods[0]!.versions;
    expect(versions.map((v) => v.amendment ?? false)).toEqual([false, true]);
  });

  it('is empty for a measure with no result, and 404 for no measure', async () => {
    const [a] = freshYears(1);
    const id = await newMeasure({ [a!.year]: 10 });
    expect(await results(id)).toEqual({ periods: [] });
    const missing = await t.call('GET', `/measures/${freshId('none')}/results`, { token: t.tokens.officer });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
