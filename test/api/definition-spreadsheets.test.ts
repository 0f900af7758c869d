import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reloadEnvironment } from '../../lambdas/config/environment';
import { quarterOfPeriod } from '../../lambdas/domain';
import { xlsxMediaType as xlsxType } from '../../lambdas/domain/media-types';
import { samplePlan } from '../../lambdas/local/sample-plan';
import { writeActionUpdate } from '../../lambdas/store/action-updates';
import { db } from '../../lambdas/store/client';
import { writeResult } from '../../lambdas/store/results';
import { ensureTable } from '../../lambdas/store/table';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { awsError, intercept } from '../support/sdk-faults';
import { type TableDumper, tableDumper } from '../support/table-dump';
import { understateSizes, withZeros } from '../support/zip-bomb';

// Plan administration from a spreadsheet (docs/plan-administration.md "Spreadsheets"):
// export, import, all rows or none, and what a spreadsheet must not smuggle in.

const t = useTestStack({ seed: true, tokens: { admin: 'admin' } });
let dumper: TableDumper;
const sampleTable = () => process.env.TABLE_NAME!;
let originalTable: string;

beforeAll(async () => {
  originalTable = sampleTable();
  dumper = tableDumper(t.stack.dynamodbUrl, originalTable);
});
afterAll(async () => {
  dumper?.close();
});

const upload = (body: string | Buffer, contentType: string, query = '') =>
  fetch(`${t.url}/imports/definitions${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
const download = async (query: string) => {
  const res = await t.call('GET', `/definitions${query}`, { token: t.tokens.admin });
  expect(res.status, await res.clone().text()).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};

/** Points the handlers (this process) at another, empty table of the same engine: an empty stack. */
async function useFreshTable(): Promise<string> {
  const name = freshId('empty');
  const client = new DynamoDBClient({ endpoint: t.stack.dynamodbUrl });
  try {
    await ensureTable(client, name);
  } finally {
    client.destroy();
  }
  process.env.TABLE_NAME = name;
  reloadEnvironment();
  return name;
}
function useTable(name: string) {
  process.env.TABLE_NAME = name;
  reloadEnvironment();
}

/** The sample plan's results and updates, written as the seed writes them. */
async function loadSampleReturns() {
  const at = '2018-04-01T00:00:00.000Z';
  const writes = [
    ...samplePlan.results.map(
      (r) => () => writeResult({ ...r, quarter: quarterOfPeriod(r.period), by: 'sample-data', at }),
    ),
    ...samplePlan.actionUpdates.map((u) => () => writeActionUpdate({ ...u, by: 'sample-data', at })),
  ];
  for (let i = 0; i < writes.length; i += 16) await Promise.all(writes.slice(i, i + 16).map((w) => w()));
}

const report = async () => (await t.call('GET', '/reports/2017-18-Q4', { token: t.tokens.admin })).json();

describe('the sample plan through a spreadsheet', () => {
  it('exported as XLSX, then as CSV, and imported into an empty stack gives the same 2017-18-Q4 report', async () => {
    const original = await report();
    const xlsx = await download('?format=xlsx');
    const measuresCsv = (await download('?format=csv&kind=measures')).toString('utf8');
    const actionsCsv = (await download('?format=csv&kind=actions')).toString('utf8');
    try {
      await useFreshTable();
      const viaXlsx = await upload(xlsx, xlsxType);
      expect(viaXlsx.status, await viaXlsx.clone().text()).toBe(201);
      expect(await viaXlsx.json()).toMatchObject({ created: 35 + samplePlan.actions.length, replaced: 0 });
      await loadSampleReturns();
      expect(await report()).toEqual(original);

      await useFreshTable();
      expect((await upload(measuresCsv, 'text/csv', '?kind=measures')).status).toBe(201);
      expect((await upload(actionsCsv, 'text/csv', '?kind=actions')).status).toBe(201);
      await loadSampleReturns();
      expect(await report()).toEqual(original);
    } finally {
      useTable(originalTable);
    }
  });

  it('export then import changes nothing (every row unchanged, no new version)', async () => {
    const before = await dumper.dump();
    const res = await upload(await download('?format=xlsx'), xlsxType);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ created: 0, replaced: 0, unchanged: 35 + samplePlan.actions.length });
    const csv = await upload(
      (await download('?format=csv&kind=measures')).toString('utf8'),
      'text/csv',
      '?kind=measures',
    );
    expect(await csv.json()).toMatchObject({ created: 0, replaced: 0, unchanged: 35 });
    expect(await dumper.dump()).toBe(before);
  });

  it("text that starts with ' before a formula character round-trips exactly through the XLSX and the CSV", async () => {
    const plan = freshId('quote');
    const id = freshId('q');
    const texts = { title: "'=SUM(A1)", programme: '=Learning', unit: "''-1" };
    const put = await t.call('PUT', `/measures/${id}`, {
      token: t.tokens.admin,
      body: {
        ...texts,
        plan,
        polarity: 'higher',
        frequency: 'quarterly',
        directorates: ['People'],
        ownerDirectorate: 'People',
        targets: { '2017-18': 80 },
      },
    });
    expect(put.status, await put.clone().text()).toBe(201);
    const csv = (await download(`?format=csv&kind=measures&plan=${plan}`)).toString('utf8');
    expect(csv).toContain(`${id},${plan},'=Learning,''=SUM(A1),'''-1,`);
    const before = await dumper.dump();
    const viaXlsx = await upload(await download(`?format=xlsx&plan=${plan}`), xlsxType);
    expect(await viaXlsx.json()).toMatchObject({ created: 0, replaced: 0, unchanged: 1 });
    const viaCsv = await upload(csv, 'text/csv', '?kind=measures');
    expect(await viaCsv.json()).toMatchObject({ created: 0, replaced: 0, unchanged: 1 });
    expect(await dumper.dump()).toBe(before);
    const stored = await (await t.call('GET', `/measures/${id}`, { token: t.tokens.admin })).json();
    expect(stored.measure).toMatchObject(texts);
  });

  it('the export has the contract columns, target <period> columns, ; between directorates', async () => {
    const csv = (await download('?format=csv&kind=measures&plan=cip')).toString('utf8');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toMatch(
      /^id,plan,programme,title,unit,polarity,frequency,ownerDirectorate,directorates,tolerancePercent,greenTolerancePercent,toleranceAbsolute,aggregation,valueMin,valueMax,title \(Cymraeg\),target \d{4}-\d{2}/,
    );
    expect(rows).toHaveLength(35);
    expect(csv).toMatch(/People;Place|Place;People|People;Resources|Place;Resources/);
    const actions = (await download('?format=csv&kind=actions')).toString('utf8').split('\r\n')[0];
    expect(actions).toBe('id,plan,programme,title,ownerDirectorate,startQuarter,dueQuarter,title (Cymraeg)');
  });
});

// ---- large and bad spreadsheets ----

const header =
  'id,plan,programme,title,unit,polarity,frequency,ownerDirectorate,directorates,target 2030-31,target 2030-31-Q1';
const measureLine = (id: string, plan: string, target = '80') =>
  `${id},${plan},Learning,Measure ${id},%,higher,quarterly,People,People;Place,${target},`;

describe('an interrupted import', () => {
  it('finishes when the same file is sent again, repeating no version', async () => {
    const plan = freshId('resume');
    const ids = Array.from({ length: 20 }, (_, i) => `${plan}-${i}`);
    const body = [header, ...ids.map((id) => measureLine(id, plan))].join('\n');
    let writes = 0;
    // Persistent throttling after the first 7 writes (the SDK's retries exhausted).
    const remove = intercept(db(), {
      fault: (call) => {
        if ((call.commandName === 'PutItemCommand' || call.commandName === 'UpdateItemCommand') && ++writes > 7)
          throw awsError('ProvisionedThroughputExceededException', 400);
      },
    });
    let first: Response;
    try {
      first = await upload(body, 'text/csv', '?kind=measures');
    } finally {
      remove();
    }
    expect(first.status).toBe(503);
    expect(((await first.json()) as { detail: string }).detail).toMatch(/Send the same file again/);
    const second = await upload(body, 'text/csv', '?kind=measures');
    expect(second.status).toBe(201);
    const counts = (await second.json()) as { created: number; unchanged: number };
    expect(counts.created + counts.unchanged).toBe(20);
    expect(counts.unchanged).toBeGreaterThan(0);
    for (const id of ids) {
      const history = await (await t.call('GET', `/measures/${id}/history`, { token: t.tokens.admin })).json();
      expect(history.versions, id).toHaveLength(1);
    }
  });
});

describe('importing many rows', () => {
  it('500 measures import in one request', async () => {
    const plan = freshId('big');
    const lines = Array.from({ length: 500 }, (_, i) => measureLine(`${plan}-${i}`, plan));
    const started = performance.now();
    const res = await upload([header, ...lines].join('\n'), 'text/csv', '?kind=measures');
    const ms = Math.round(performance.now() - started);
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({ created: 500, replaced: 0, unchanged: 0 });
    const listed = await (await t.call('GET', `/measures?plan=${plan}&limit=500`, { token: t.tokens.admin })).json();
    expect(listed.measures).toHaveLength(500);
    console.log(`500-measure CSV import: ${ms} ms`);
  });

  it('one bad row among 500 stores nothing and is named by row and column', async () => {
    const plan = freshId('bad');
    const lines = Array.from({ length: 500 }, (_, i) =>
      i === 321 ? measureLine(`${plan}-${i}`, plan, 'eighty') : measureLine(`${plan}-${i}`, plan),
    );
    const before = await dumper.dump();
    const res = await upload([header, ...lines].join('\n'), 'text/csv', '?kind=measures');
    expect(res.status).toBe(422);
    const problem = await res.json();
    // The header is row 1, so the 322nd measure is row 323.
    expect(problem.errors).toEqual([{ path: '/Measures/row/323/target 2030-31', message: expect.any(String) }]);
    expect(await dumper.dump()).toBe(before);
  });

  it('every bad row and column is named, with the schema PUT uses', async () => {
    const plan = freshId('many-bad');
    const csv = [
      header,
      `a-${plan},${plan},Learning,A,%,sideways,quarterly,People,People,80,`,
      `b-${plan},${plan},Learning,B,%,within,quarterly,People,People,80,1..2`,
      `b-${plan},${plan},Learning,B again,%,higher,quarterly,People,People,80,`,
      `constructor,${plan},Learning,C,%,higher,fortnightly,People,People,,`,
    ].join('\n');
    const res = await upload(csv, 'text/csv', '?kind=measures');
    expect(res.status).toBe(422);
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/Measures/row/2/polarity',
        '/Measures/row/3/target 2030-31',
        '/Measures/row/4/id',
        '/Measures/row/5/frequency',
      ]),
    );
  });
});

async function workbook(sheets: Record<string, (string | number | Date | { formula: string })[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row as ExcelJS.CellValue[]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const measureHeader = header.split(',');
const actionHeader = ['id', 'plan', 'programme', 'title', 'ownerDirectorate', 'startQuarter', 'dueQuarter'];
const goodMeasure = (id: string) => [
  id,
  'fuzz',
  'Learning',
  `Measure ${id}`,
  '%',
  'higher',
  'quarterly',
  'People',
  'People',
  80,
];

describe('spreadsheets that must be refused: 4xx, nothing stored', () => {
  const cases: [string, () => Promise<{ body: string | Buffer; type: string; query?: string }>, number[]][] = [
    ['a broken zip', async () => ({ body: Buffer.from('PK\u0003\u0004 not really a zip'), type: xlsxType }), [400]],
    [
      'a truncated workbook',
      async () => {
        const good = await workbook({ Measures: [measureHeader], 'Planned work': [actionHeader] });
        return { body: good.subarray(0, good.length - 40), type: xlsxType };
      },
      [400],
    ],
    [
      'wrong sheet names',
      async () => ({
        body: await workbook({ Measure: [measureHeader, goodMeasure('w1')], 'Planned Work': [actionHeader] }),
        type: xlsxType,
      }),
      [422],
    ],
    [
      'a formula',
      async () => ({
        body: await workbook({
          Measures: [measureHeader, [...goodMeasure('f1').slice(0, 9), { formula: '40*2' }]],
          'Planned work': [actionHeader],
        }),
        type: xlsxType,
      }),
      [422],
    ],
    [
      'a date where a number belongs',
      async () => ({
        body: await workbook({
          Measures: [measureHeader, [...goodMeasure('d1').slice(0, 9), new Date('2018-03-31T00:00:00Z')]],
          'Planned work': [actionHeader],
        }),
        type: xlsxType,
      }),
      [422],
    ],
    [
      'a macro (VBA project)',
      async () => {
        const files = unzipSync(
          await workbook({ Measures: [measureHeader, goodMeasure('m1')], 'Planned work': [actionHeader] }),
        );
        files['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]);
        return { body: Buffer.from(zipSync(files)), type: xlsxType };
      },
      [422],
    ],
    [
      'a 250 KB cell (XLSX)',
      async () => ({
        body: await workbook({
          Measures: [measureHeader, [...goodMeasure('l1').slice(0, 3), 'x'.repeat(250_000)]],
          'Planned work': [actionHeader],
        }),
        type: xlsxType,
      }),
      [413, 422],
    ],
    [
      'a 250 KB cell (CSV)',
      async () => ({
        body: `${header}\nl2,fuzz,Learning,${'9'.repeat(250_000)}x,%,higher,quarterly,People,People,80,`,
        type: 'text/csv',
        query: '?kind=measures',
      }),
      [422],
    ],
    [
      'a formula as a CSV value',
      async () => ({
        body: `${header}\nf2,fuzz,Learning,=1+2,%,higher,quarterly,People,People,80,`,
        type: 'text/csv',
        query: '?kind=measures',
      }),
      [422],
    ],
    [
      'constructor and __proto__ ids with a bad row',
      async () => ({
        body: `${header}\nconstructor,fuzz,Learning,C,%,higher,quarterly,People,People,80,\n__proto__,fuzz,Learning,P,%,higher,quarterly,People,People,x,`,
        type: 'text/csv',
        query: '?kind=measures',
      }),
      [422],
    ],
    [
      'a CSV with no ?kind=',
      async () => ({ body: `${header}\n${measureLine('k1', 'fuzz')}`, type: 'text/csv' }),
      [422],
    ],
    [
      'an unknown column',
      async () => ({ body: 'id,plan,colour\nu1,fuzz,red', type: 'text/csv', query: '?kind=measures' }),
      [422],
    ],
    [
      'a zip that declares 1 byte an entry but inflates past 40 MB',
      async () => {
        const good = await workbook({ Measures: [measureHeader, goodMeasure('z1')], 'Planned work': [actionHeader] });
        return { body: understateSizes(withZeros(new Uint8Array(good), 41 * 1024 * 1024)), type: xlsxType };
      },
      [422],
    ],
    ['a JSON body', async () => ({ body: '{"id":"j1"}', type: 'application/json' }), [415]],
  ];
  for (const [why, make, statuses] of cases) {
    it(why, async () => {
      const { body, type, query } = await make();
      const before = await dumper.dump();
      const res = await upload(body, type, query);
      expect(statuses, `${res.status} ${await res.clone().text()}`).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await dumper.dump()).toBe(before);
    });
  }

  it('a constructor id is just an id when the row is valid', async () => {
    const plan = freshId('proto');
    const res = await upload(`${header}\n${measureLine('constructor', plan)}`, 'text/csv', '?kind=measures');
    expect(res.status, await res.clone().text()).toBe(201);
    const got = await (await t.call('GET', '/measures/constructor', { token: t.tokens.admin })).json();
    expect(got.measure.plan).toBe(plan);
  });
});
