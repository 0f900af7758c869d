import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxMediaType } from '../../lambdas/domain/media-types';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { placeAction, placeMeasure } from '../support/route-samples';
import { type TableDumper, tableDumper } from '../support/table-dump';

// `Download a template` (SPEC §12 "Words, not data"): the officer's own returns for a
// quarter, to fill in and upload. Round trips: download, fill, upload → stored, as CSV
// (results and planned work) and as the XLSX with both sheets.

const xlsxType = xlsxMediaType;
const quarter = '2017-18-Q3';

const t = useTestStack({ tokens: { admin: 'admin', officer: { role: 'officer', directorate: 'Place' } } });
let dumper: TableDumper;
let mine: string;
let range: string;
let theirs: string;
let work: string;

beforeAll(async () => {
  dumper = tableDumper(t.stack.dynamodbUrl, process.env.TABLE_NAME!);
  mine = freshId('mine');
  range = freshId('range');
  theirs = freshId('theirs');
  work = freshId('work');
  const put = async (path: string, body: Record<string, unknown>) =>
    expect((await t.call('PUT', path, { token: t.tokens.admin, body })).status).toBe(201);
  await put(`/measures/${mine}`, { ...placeMeasure, title: `A measure ${mine}`, targets: { '2017-18': 80 } });
  await put(`/measures/${range}`, {
    ...placeMeasure,
    title: `B within ${range}`,
    polarity: 'within',
    unit: 'days',
    targets: { '2017-18-Q3': { min: -2, max: 2 } },
  });
  await put(`/measures/${theirs}`, { ...placeMeasure, directorates: ['People'], ownerDirectorate: 'People' });
  await put(`/actions/${work}`, { ...placeAction, title: `Work ${work}` });
  // Last quarter's value, which the template shows.
  expect(
    (await t.call('PUT', `/measures/${mine}/results/2017-18-Q2`, { token: t.tokens.officer, body: { value: 83 } }))
      .status,
  ).toBe(201);
});
afterAll(async () => {
  dumper?.close();
});

const get = (query: string, token = t.tokens.officer) =>
  t.call('GET', `/imports/results/template?quarter=${quarter}&${query}`, { token });
const upload = (body: string | Buffer, type: string) =>
  fetch(`${t.url}/imports/results`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.tokens.officer}`, 'content-type': type },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
const csvRows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe('GET /imports/results/template', () => {
  it('the results CSV: the officer’s own measures for the quarter, ids, titles, target and last value filled in', async () => {
    const res = await get('format=csv&kind=results');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ragtime-template-${quarter}-results.csv"`,
    );
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe('measureId,period,value,commentary,title,unit,target,last value');
    const rows = csvRows(text);
    expect(rows.find((r) => r.measureId === mine)).toEqual({
      measureId: mine,
      period: quarter,
      value: '',
      commentary: '',
      title: `A measure ${mine}`,
      unit: '%',
      target: '80',
      'last value': '83',
    });
    expect(rows.find((r) => r.measureId === range)?.target).toBe('between -2 and 2');
    // Another directorate's measure is not the officer's to return.
    expect(rows.some((r) => r.measureId === theirs)).toBe(false);
  });

  it('round trip (results CSV): fill in a value, upload it: stored; lines left empty upload nothing', async () => {
    const text = await (await get('format=csv&kind=results')).text();
    const filled = text.replace(`${mine},${quarter},,`, `${mine},${quarter},91,`);
    expect(filled).not.toBe(text);
    const res = await upload(filled, 'text/csv');
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ imported: 1, results: 1, plannedWork: 0 });
    const history = await t.call('GET', `/measures/${mine}/results/${quarter}/history`, { token: t.tokens.admin });
    expect(((await history.json()) as { versions: { value: number }[] }).versions.map((v) => v.value)).toEqual([91]);
  });

  it('round trip (planned work CSV): actionId,quarter,status,commentary, told apart by its header', async () => {
    const res = await get('format=csv&kind=actions');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe('actionId,quarter,status,commentary,title,last status');
    const row = csvRows(text).find((r) => r.actionId === work);
    expect(row).toMatchObject({ actionId: work, quarter, status: '', title: `Work ${work}` });
    const filled = text.replace(`${work},${quarter},,`, `${work},${quarter},amber,Waiting on the inspector`);
    const stored = await upload(filled, 'text/csv');
    expect(stored.status).toBe(201);
    expect(await stored.json()).toEqual({ imported: 1, results: 0, plannedWork: 1 });
    const detail = await t.call('GET', `/actions/${work}`, { token: t.tokens.admin });
    expect(JSON.stringify(await detail.json())).toContain('Waiting on the inspector');
  });

  it('a planned work CSV with mistakes lists them in words, in line order, and stores nothing', async () => {
    const before = await dumper.dump();
    const csv = [
      'actionId,quarter,status,commentary',
      `${work},${quarter},purple,`, // line 2: not a status
      `${work},2017-18-Q4,red,`, // line 3: red without commentary
      `no-such-${work},${quarter},green,`, // line 4: no such planned work
    ].join('\n');
    const res = await upload(csv, 'text/csv');
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors.map((e) => e.message)).toEqual([
      'Line 2: choose blue, green, amber or red for the status',
      'Line 3: the status is red, so the commentary is needed: say what is happening and what is being done about it',
      `Line 4: there is no planned work "no-such-${work}": check the planned work id`,
    ]);
    expect(await dumper.dump()).toBe(before);
  });

  it('the XLSX: Results, Planned work and Notes sheets; a status dropdown; ids and titles locked, values not', async () => {
    const res = await get('format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(xlsxType);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Results', 'Planned work', 'Notes']);
    const results = workbook.getWorksheet('Results')!;
    expect((results.getRow(1).values as unknown[]).slice(1)).toEqual([
      'measureId',
      'period',
      'value',
      'commentary',
      'title',
      'unit',
      'target',
      'last value',
    ]);
    const protection = (results as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } })
      .sheetProtection;
    expect(protection?.sheet).toBe(true);
    expect(protection?.hashValue).toBeUndefined();
    const row = findRow(results, mine);
    expect(row.getCell(8).value).toBe(83);
    expect(row.getCell(1).protection?.locked).not.toBe(false);
    expect(row.getCell(5).protection?.locked).not.toBe(false);
    expect(row.getCell(3).protection?.locked).toBe(false);
    expect(row.getCell(4).protection?.locked).toBe(false);
    const work1 = findRow(workbook.getWorksheet('Planned work')!, work);
    expect(work1.getCell(3).dataValidation).toMatchObject({ type: 'list', formulae: ['"blue,green,amber,red"'] });
    const notes = workbook.getWorksheet('Notes')!;
    const explained = notes.getColumn(2).values.slice(2);
    for (const column of ['measureId', 'value', 'commentary', 'last value', 'actionId', 'status'])
      expect(explained).toContain(column);
  });

  it('round trip (XLSX): fill in a value and a status, upload: both stored; a mistake is named by sheet and row', async () => {
    const res = await get('format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const results = workbook.getWorksheet('Results')!;
    const planned = workbook.getWorksheet('Planned work')!;
    findRow(results, range).getCell(3).value = 'lots';
    findRow(planned, work).getCell(3).value = 'green';
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await dumper.dump();
    const refused = await upload(bad, xlsxType);
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([
      {
        path: `/Results/row/${findRow(results, range).number}/value`,
        message: `Results row ${findRow(results, range).number}: the value is not a number: enter a number like 12.5`,
      },
    ]);
    expect(await dumper.dump()).toBe(before);

    findRow(results, range).getCell(3).value = 1.5;
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    const stored = await upload(good, xlsxType);
    expect(stored.status).toBe(201);
    expect(await stored.json()).toEqual({ imported: 2, results: 1, plannedWork: 1 });
    const history = await t.call('GET', `/measures/${range}/results/${quarter}/history`, { token: t.tokens.admin });
    expect(((await history.json()) as { versions: { value: number }[] }).versions.map((v) => v.value)).toEqual([1.5]);
  });

  it('officers and admins only; a quarter that is no quarter is refused', async () => {
    expect((await get('format=csv', await t.token('emt'))).status).toBe(403);
    expect((await get('format=csv', t.tokens.admin)).status).toBe(200);
    const bad = await t.call('GET', '/imports/results/template?quarter=2017-Q5', { token: t.tokens.officer });
    expect(bad.status).toBe(422);
  });
});

function findRow(sheet: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === id) found = row;
  });
  if (!found) throw new Error(`no row for ${id} in ${sheet.name}`);
  return found;
}
