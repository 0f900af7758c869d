import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { placeMeasure } from '../support/route-samples';

// Numbers that cannot be mistyped (SPEC §12 "Words, not data"): a measure's `valueRange`
// refuses results outside it (PUT and the results import) in words naming the range; the
// definitions spreadsheet carries it as two columns; a decimal comma is refused, never read.

const t = useTestStack({ tokens: { admin: 'admin', officer: { role: 'officer', directorate: 'Place' } } });

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

async function percentMeasure(extra: Record<string, unknown> = {}): Promise<string> {
  const id = freshId('pct');
  const body = { ...placeMeasure, directorates: ['Place', 'People'], valueRange: { min: 0, max: 100 }, ...extra };
  const res = await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return id;
}
const noResult = async (id: string, period: string) =>
  expect((await t.call('GET', `/measures/${id}/results/${period}/history`, { token: t.tokens.admin })).status).toBe(
    404,
  );
const importCsv = (body: string) =>
  t.call('POST', '/imports/results', { token: t.tokens.officer, body, headers: { 'content-type': 'text/csv' } });

describe('a measure’s possible range', () => {
  it('is part of the definition, and a target outside it is refused', async () => {
    const id = await percentMeasure();
    const { measure } = (await (await t.call('GET', `/measures/${id}`, { token: t.tokens.officer })).json()) as {
      measure: { valueRange: unknown };
    };
    expect(measure.valueRange).toEqual({ min: 0, max: 100 });
    const res = await t.call('PUT', `/measures/${freshId('pct')}`, {
      token: t.tokens.admin,
      body: { ...placeMeasure, valueRange: { min: 0, max: 100 }, targets: { '2017-18': 120 } },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('a target the measure can reach: a value between 0 and 100');
    const upside = await t.call('PUT', `/measures/${freshId('pct')}`, {
      token: t.tokens.admin,
      body: { ...placeMeasure, valueRange: { min: 100, max: 0 } },
    });
    expect(upside.status).toBe(422);
  });

  it('PUT refuses a value or a breakdown outside it with 422 naming the range, and stores nothing', async () => {
    const id = await percentMeasure();
    const res = await t.call('PUT', `/measures/${id}/results/2017-18-Q2`, {
      token: t.tokens.officer,
      body: { value: 120 },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    // Named in the unit typed in (the measure's is %), the detail with the value in it.
    expect(problem.detail).toMatch(/^Enter a percentage between 0% and 100%: .+ cannot be 120%\.$/);
    expect(problem.errors).toEqual([{ path: '/value', message: 'Enter a percentage between 0% and 100%' }]);
    const breakdown = await t.call('PUT', `/measures/${id}/results/2017-18-Q2`, {
      token: t.tokens.officer,
      body: { value: 90, breakdown: { Place: 90, People: -1 } },
    });
    expect(breakdown.status).toBe(422);
    expect(((await breakdown.json()) as Problem).errors).toEqual([
      { path: '/breakdown/People', message: 'Enter a percentage between 0% and 100%' },
    ]);
    await noResult(id, '2017-18-Q2');
    const ok = await t.call('PUT', `/measures/${id}/results/2017-18-Q2`, {
      token: t.tokens.officer,
      body: { value: 100 },
    });
    expect(ok.status).toBe(201);
  });

  it('a range open at the top: "-5" days is refused with "0 or more"', async () => {
    const id = await percentMeasure({
      polarity: 'lower',
      unit: 'days',
      valueRange: { min: 0 },
      targets: { '2017-18': 2.5 },
    });
    const res = await t.call('PUT', `/measures/${id}/results/2017-18-Q2`, {
      token: t.tokens.officer,
      body: { value: -5 },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).detail).toMatch(
      /^Enter a number of days: 0 or more: .+ cannot be -5 days\.$/,
    );
  });

  it('the results import refuses a value outside it, and a decimal comma, naming each line; nothing stored', async () => {
    const id = await percentMeasure();
    const res = await importCsv(
      `measureId,period,value,commentary\n${id},2017-18-Q1,85,\n${id},2017-18-Q2,120,\n${id},2017-18-Q3,"12,5",\n`,
    );
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as Problem;
    expect(errors?.map((e) => e.path)).toEqual(['/line/3/value', '/line/4/value']);
    expect(errors?.[0]?.message).toBe(
      'Line 3: the value 120 is outside what the measure can be: enter a percentage between 0% and 100%',
    );
    expect(errors?.[1]?.message).toBe('Line 4: use a full stop for decimals, like 12.5');
    await noResult(id, '2017-18-Q1');
  });
});

describe('the definitions spreadsheet', () => {
  it('carries the range as valueMin and valueMax columns, out and back in', async () => {
    const plan = freshId('ranges');
    const id = await percentMeasure({ plan });
    const days = await percentMeasure({ plan, polarity: 'lower', valueRange: { min: 0 }, targets: {} });
    const csv = await (
      await t.call('GET', `/definitions?format=csv&kind=measures&plan=${plan}`, { token: t.tokens.admin })
    ).text();
    const [header, ...rows] = csv.trim().split('\r\n');
    const columns = header!.split(',');
    const cell = (row: string, column: string) => row.split(',')[columns.indexOf(column)];
    const byId = (x: string) => rows.find((r) => r.startsWith(`${x},`))!;
    expect([cell(byId(id), 'valueMin'), cell(byId(id), 'valueMax')]).toEqual(['0', '100']);
    expect([cell(byId(days), 'valueMin'), cell(byId(days), 'valueMax')]).toEqual(['0', '']);
    const post = (body: string) =>
      t.call('POST', '/imports/definitions?kind=measures', {
        token: t.tokens.admin,
        body,
        headers: { 'content-type': 'text/csv' },
      });
    // Export then import changes nothing.
    expect(await (await post(csv)).json()).toMatchObject({ created: 0, replaced: 0, unchanged: 2 });
    // A range typed in the sheet becomes the measure's.
    const cells = byId(days).split(',');
    cells[columns.indexOf('valueMax')] = '30';
    const changed = [header, ...rows.map((r) => (r === byId(days) ? cells.join(',') : r))].join('\r\n');
    expect(await (await post(changed)).json()).toMatchObject({ replaced: 1 });
    const stored = (await (await t.call('GET', `/measures/${days}`, { token: t.tokens.admin })).json()) as {
      measure: { valueRange: unknown };
    };
    expect(stored.measure.valueRange).toEqual({ min: 0, max: 30 });
  });

  it('refuses a decimal comma and a range upside down, naming the cell', async () => {
    const id = freshId('comma');
    const head = 'id,plan,programme,title,polarity,frequency,ownerDirectorate,valueMin,valueMax,target 2017-18\n';
    const post = async (line: string) => {
      const res = await t.call('POST', '/imports/definitions?kind=measures', {
        token: t.tokens.admin,
        body: head + line,
        headers: { 'content-type': 'text/csv' },
      });
      expect(res.status).toBe(422);
      return ((await res.json()) as Problem).errors;
    };
    expect(await post(`${id},cip,Learning,Comma,higher,quarterly,People,0,100,"12,5"\n`)).toEqual([
      {
        path: '/Measures/row/2/target 2017-18',
        message: 'Measures row 2, target 2017-18: Use a full stop for decimals, like 12.5',
      },
    ]);
    expect(await post(`${id},cip,Learning,Comma,higher,quarterly,People,"0,5",100,80\n`)).toEqual([
      {
        path: '/Measures/row/2/valueMin',
        message: 'Measures row 2, valueMin: Use a full stop for decimals, like 12.5',
      },
    ]);
    expect(await post(`${id},cip,Learning,Upside,higher,quarterly,People,100,0,\n`)).toEqual([
      expect.objectContaining({ path: '/Measures/row/2/valueMax' }),
    ]);
    expect((await t.call('GET', `/measures/${id}`, { token: t.tokens.admin })).status).toBe(404);
  });
});
