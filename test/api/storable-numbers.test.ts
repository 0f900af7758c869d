import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { xlsxMediaType as xlsxType } from '../../lambdas/domain/media-types';
import { db } from '../../lambdas/store/client';
import { useTestStack } from '../support/api-test';
import { awsError, intercept } from '../support/sdk-faults';

// One storable number (SPEC §5 "One truth", issue #22 finding 3): a number DynamoDB cannot
// store is a 422 naming the field on every write route and in both importers, never a
// 500; and an import is all or nothing under any error, not only a bad row.

const unstorable = ['9007199254740992', '1e16', '1e20', '5e-324'];

const t = useTestStack({ tokens: { admin: 'admin' } });

const measure = (extra: Record<string, unknown> = {}) => ({
  plan: 'cip',
  programme: 'Learning',
  title: 'Numbers',
  polarity: 'higher',
  frequency: 'quarterly',
  directorates: ['People', 'Place'],
  ownerDirectorate: 'People',
  targets: { '2017-18': 5 },
  ...extra,
});

beforeAll(async () => {
  for (let i = 0; i < 16; i++) {
    const res = await t.call('PUT', `/measures/num-${i}`, { token: t.tokens.admin, body: measure() });
    expect(res.status).toBe(201);
  }
});

/** A JSON body with `X` replaced by the number's exact text (JSON.stringify would rewrite 1e16). */
const raw = (template: unknown, x: string) => JSON.stringify(template).replace('"X"', x);

async function expect422(res: Response, path: string) {
  const text = await res.text();
  expect(res.status, text).toBe(422);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  const problem = JSON.parse(text) as { errors: { path: string; message: string }[] };
  expect(problem.errors.map((e) => e.path)).toContain(path);
  expect(problem.errors.find((e) => e.path === path)?.message).toMatch(/9,007,199,254,740,991/);
}

const history = async (id: string, period: string) =>
  (await t.call('GET', `/measures/${id}/results/${period}/history`, { token: t.tokens.admin })).status;

describe.each(unstorable)('%s', (x) => {
  it('is refused on a result, its breakdown, a measure’s targets, bands and tolerances, and the settings', async () => {
    const put = (path: string, template: unknown) =>
      t.call('PUT', path, { token: t.tokens.admin, body: raw(template, x) });

    await expect422(await put('/measures/num-0/results/2016-17-Q1', { value: 'X' }), '/value');
    await expect422(
      await put('/measures/num-0/results/2016-17-Q1', { value: 1, breakdown: { People: 'X' } }),
      '/breakdown/People',
    );
    expect(await history('num-0', '2016-17-Q1')).toBe(404);

    await expect422(await put('/measures/num-new', measure({ targets: { '2017-18': 'X' } })), '/targets/2017-18');
    await expect422(
      await put('/measures/num-new', measure({ polarity: 'within', targets: { '2017-18': { min: 0, max: 'X' } } })),
      '/targets/2017-18/max',
    );
    await expect422(
      await put('/measures/num-new', measure({ directorateTargets: { People: { '2017-18': 'X' } } })),
      '/directorateTargets/People/2017-18',
    );
    for (const field of ['toleranceAbsolute', 'tolerancePercent', 'greenTolerancePercent'])
      await expect422(await put('/measures/num-new', measure({ [field]: 'X' })), `/${field}`);
    expect((await t.call('GET', '/measures/num-new', { token: t.tokens.admin })).status).toBe(404);

    const settings = (await (await t.call('GET', '/settings', { token: t.tokens.admin })).json()) as Record<
      string,
      unknown
    >;
    const { version: _v, by: _b, at: _a, ...body } = settings;
    for (const field of ['toleranceAbsolute', 'tolerancePercent', 'greenTolerancePercent'])
      await expect422(await put('/settings', { ...body, [field]: 'X' }), `/${field}`);
    expect(await (await t.call('GET', '/settings', { token: t.tokens.admin })).json()).toEqual(settings);
  });

  it('keeps nothing of a results CSV of 16 good rows and one unstorable value', async () => {
    const rows = Array.from({ length: 16 }, (_, i) => `num-${i},2015-16-Q1,${i}`);
    const res = await t.call('POST', '/imports/results', {
      token: t.tokens.admin,
      body: ['measureId,period,value', ...rows, `num-0,2015-16-Q2,${x}`].join('\n'),
      headers: { 'content-type': 'text/csv' },
    });
    await expect422(res, '/line/18/value');
    for (let i = 0; i < 16; i++) expect(await history(`num-${i}`, '2015-16-Q1')).toBe(404);
  });

  const definitionRows = (prefix: string, cell: string | number) => [
    ['id', 'plan', 'programme', 'title', 'polarity', 'frequency', 'ownerDirectorate', 'target 2050-51'],
    ...Array.from({ length: 16 }, (_, i) => [
      `${prefix}-${i}`,
      'cip',
      'Learning',
      `M ${i}`,
      'higher',
      'quarterly',
      'People',
      1,
    ]),
    [`${prefix}-16`, 'cip', 'Learning', 'M 16', 'higher', 'quarterly', 'People', cell],
  ];
  const noneCreated = async (prefix: string) => {
    for (let i = 0; i <= 16; i++)
      expect((await t.call('GET', `/measures/${prefix}-${i}`, { token: t.tokens.admin })).status).toBe(404);
  };

  it('keeps nothing of a definitions CSV whose 17th row has an unstorable target', async () => {
    const prefix = `csv${unstorable.indexOf(x)}`;
    const res = await t.call('POST', '/imports/definitions?kind=measures', {
      token: t.tokens.admin,
      body: definitionRows(prefix, x)
        .map((r) => r.join(','))
        .join('\n'),
      headers: { 'content-type': 'text/csv' },
    });
    await expect422(res, '/Measures/row/18/target 2050-51');
    await noneCreated(prefix);
  });

  it('keeps nothing of a definitions workbook whose 17th row has an unstorable target', async () => {
    const prefix = `xlsx${unstorable.indexOf(x)}`;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Measures');
    for (const row of definitionRows(prefix, Number(x))) sheet.addRow(row);
    wb.addWorksheet('Planned work').addRow(['id', 'plan', 'programme', 'title', 'ownerDirectorate']);
    const res = await fetch(`${t.url}/imports/definitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': xlsxType },
      body: new Uint8Array(await wb.xlsx.writeBuffer()),
    });
    await expect422(res, '/Measures/row/18/target 2050-51');
    await noneCreated(prefix);
  });
});

describe('an import whose writes fail part way', () => {
  /** Fails the `nth` write DynamoDB is sent (and every later one) with an error the SDK does not retry. */
  const failWritesFrom = (nth: number) => {
    let writes = 0;
    return intercept(db(), {
      fault: (call) => {
        if (/^(Put|Update)ItemCommand$/.test(call.commandName) && ++writes >= nth)
          throw awsError('ValidationException', 400, 'injected mid-import');
      },
    });
  };
  const send = (path: string, csv: string) =>
    t.call('POST', path, { token: t.tokens.admin, body: csv, headers: { 'content-type': 'text/csv' } });
  /** Sends the file with writes failing from the `nth` on: a 503 counting what was stored, some but not all. */
  async function interrupted(path: string, csv: string, nth: number) {
    const remove = failWritesFrom(nth);
    const first = await send(path, csv).finally(remove);
    const problem = (await first.json()) as { stored: number; total: number; detail: string };
    expect(first.status, JSON.stringify(problem)).toBe(503);
    expect(problem.total).toBe(17);
    expect(problem.stored).toBeGreaterThan(0);
    expect(problem.stored).toBeLessThan(17);
    expect(problem.detail).toMatch(/Send the same file again/);
    return problem.stored;
  }

  it('reports what a results import stored, and the same file sent again finishes it', async () => {
    const csv = [
      'measureId,period,value',
      ...Array.from({ length: 17 }, (_, i) => `num-${i % 16},2014-15-Q${1 + Math.floor(i / 16)},${i}`),
    ].join('\n');
    const stored = await interrupted('/imports/results', csv, 10);
    const second = await send('/imports/results', csv);
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual({ imported: 17, results: 17, plannedWork: 0, alreadyStored: stored });
    for (let i = 0; i < 17; i++) {
      const res = await t.call('GET', `/measures/num-${i % 16}/results/2014-15-Q${1 + Math.floor(i / 16)}/history`, {
        token: t.tokens.admin,
      });
      expect(((await res.json()) as { versions: { value: number }[] }).versions.map((v) => v.value)).toEqual([i]);
    }
  });

  it('reports what a definitions import stored, and the same file sent again finishes it', async () => {
    const csv = [
      'id,plan,programme,title,polarity,frequency,ownerDirectorate',
      ...Array.from({ length: 17 }, (_, i) => `fault-${i},cip,Learning,F ${i},higher,quarterly,People`),
    ].join('\n');
    // Each new definition is one write of its version and one of its head.
    const stored = await interrupted('/imports/definitions?kind=measures', csv, 12);
    const second = await send('/imports/definitions?kind=measures', csv);
    expect(second.status).toBe(201);
    const counts = (await second.json()) as { created: number; unchanged: number };
    expect(counts.unchanged).toBe(stored);
    expect(counts.created).toBe(17 - stored);
    for (let i = 0; i < 17; i++)
      expect((await t.call('GET', `/measures/fault-${i}`, { token: t.tokens.admin })).status).toBe(200);
  });
});
