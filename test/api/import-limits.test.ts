import { beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';

// CSV cells are capped at 4,000 characters before any pattern runs: a 255 KB cell of
// digits ending in a letter used to hold the function for 73 s in the number pattern
// and answer 500. (How long each answer takes is in the reliability table, not here.)

const t = useTestStack({ tokens: { admin: 'admin' } });

beforeAll(async () => {
  const measure = {
    plan: 'cip',
    programme: 'Learning',
    title: 'Import limits',
    polarity: 'higher',
    frequency: 'quarterly',
    ownerDirectorate: 'People',
    targets: {},
  };
  expect((await t.call('PUT', '/measures/limits', { token: t.tokens.admin, body: measure })).status).toBe(201);
});

const cell = 255 * 1024;
const post = (body: string) =>
  t.call('POST', '/imports/results', { token: t.tokens.admin, body, headers: { 'content-type': 'text/csv' } });

async function storedResults(): Promise<unknown[]> {
  const res = await t.call('GET', '/measures/limits', { token: t.tokens.admin });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: unknown[] }).results;
}

describe('a 255 KB CSV cell', () => {
  const columns = ['measureId', 'period', 'value', 'commentary'];
  const shapes: [string, number, string][] = [
    ['value: digits ending in a letter', 2, `${'1'.repeat(cell)}x`],
    ['value: digits, a point, digits, a letter', 2, `${'1'.repeat(cell / 2)}.${'1'.repeat(cell / 2)}x`],
    ['measureId', 0, 'm'.repeat(cell)],
    ['period', 1, `2017-18-Q${'1'.repeat(cell)}`],
    ['commentary (quoted, with commas and newlines)', 3, `"${'a,\n'.repeat(cell / 3)}"`],
  ];
  for (const [shape, column, text] of shapes) {
    it(`in ${shape}: 422 naming the cell, nothing stored`, async () => {
      const good = ['limits', '2017-18-Q1', '90', 'fine'];
      const long = ['limits', '2017-18-Q2', '91', 'long'];
      long[column] = text;
      const res = await post(['measureId,period,value,commentary', good.join(','), long.join(',')].join('\n'));
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors).toEqual([
        {
          path: expect.stringMatching(new RegExp(`^/line/\\d+/${columns[column]}$`)),
          message: expect.stringMatching(/^Line \d+: the .+ is longer than 4,000 characters: shorten it$/),
        },
      ]);
      expect(await storedResults()).toEqual([]);
    });
  }
});

it('a value the old number pattern accepted still imports (1., .5, +2e3)', async () => {
  const res = await post(
    ['measureId,period,value', 'limits,2016-17-Q1,1.', 'limits,2016-17-Q2,.5', 'limits,2016-17-Q3,+2e3'].join('\n'),
  );
  expect(res.status).toBe(201);
  const values = ((await storedResults()) as { period: string; value: number }[])
    .filter((r) => r.period.startsWith('2016-17'))
    .map((r) => r.value);
  expect(values).toEqual([1, 0.5, 2000]);
});
