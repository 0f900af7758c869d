import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { xlsxMediaType } from '../../lambdas/domain/media-types';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { placeMeasure } from '../support/route-samples';

// The definitions workbook explains itself (SPEC §12 "Words, not data", §14): a Notes sheet
// with every column in words, dropdowns for polarity, frequency, aggregation and the owner
// directorate, and range targets in a form a person types (`between -2 and 2`), while the
// import still takes `min..max` (and `-2 to 2`).

const t = useTestStack({ tokens: { admin: 'admin' } });
let plan: string;

beforeAll(async () => {
  plan = freshId('words')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
  const res = await t.call('PUT', `/measures/${plan}-within`, {
    token: t.tokens.admin,
    body: {
      ...placeMeasure,
      plan,
      polarity: 'within',
      unit: 'days',
      targets: { '2017-18-Q4': { min: -2, max: 2 } },
    },
  });
  expect(res.status).toBe(201);
});

async function workbook(): Promise<ExcelJS.Workbook> {
  const res = await t.call('GET', `/definitions?format=xlsx&plan=${plan}`, { token: t.tokens.admin });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}
const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1).map(String);

describe('GET /definitions?format=xlsx explains itself', () => {
  it('a Notes sheet gives every column of both sheets its words', async () => {
    const wb = await workbook();
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Measures', 'Planned work', 'Notes']);
    const notes = wb.getWorksheet('Notes')!;
    const explained = new Map<string, string>();
    notes.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value)
        explained.set(`${row.getCell(1).value}/${row.getCell(2).value}`, String(row.getCell(3).value ?? ''));
    });
    for (const name of ['Measures', 'Planned work'])
      for (const column of header(wb.getWorksheet(name)!)) {
        const words = explained.get(`${name}/${column}`);
        expect(words, `${name}/${column}`).toMatch(/\w+ \w+/);
      }
    expect(explained.get('Measures/target 2017-18-Q4')).toMatch(/between -2 and 2/);
  });

  it('dropdowns for polarity, frequency, aggregation and the owner directorate (from the settings), on rows a person adds too', async () => {
    const sheet = (await workbook()).getWorksheet('Measures')!;
    const columns = header(sheet);
    const listAt = (column: string, row: number) =>
      sheet.getRow(row).getCell(columns.indexOf(column) + 1).dataValidation;
    expect(listAt('polarity', 2)).toMatchObject({ type: 'list', formulae: ['"higher,lower,within"'] });
    expect(listAt('frequency', 2)).toMatchObject({ type: 'list', formulae: ['"monthly,quarterly,annual"'] });
    expect(listAt('aggregation', 50)).toMatchObject({ type: 'list', formulae: ['"latest,sum,mean"'] });
    const owner = listAt('ownerDirectorate', 2);
    expect(owner).toMatchObject({ type: 'list' });
    expect(String(owner?.formulae?.[0])).toContain('Place');
  });

  it('a range target reads "between -2 and 2" (no apostrophe), and the import takes it back unchanged, and "-2 to 2" and "-2..2" too', async () => {
    const wb = await workbook();
    const sheet = wb.getWorksheet('Measures')!;
    const columns = header(sheet);
    const cell = sheet.getRow(2).getCell(columns.indexOf('target 2017-18-Q4') + 1);
    expect(cell.value).toBe('between -2 and 2');
    const upload = async (book: ExcelJS.Workbook) =>
      fetch(`${t.url}/imports/definitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': xlsxMediaType },
        body: new Uint8Array(await book.xlsx.writeBuffer()),
      });
    const same = await upload(wb);
    expect(same.status).toBe(201);
    expect(await same.json()).toMatchObject({ created: 0, replaced: 0, unchanged: 1 });
    // Text starting with a minus is a formula unless it starts with an apostrophe (docs/deploy.md).
    for (const typed of ["'-2 to 2", "'-2..2", 'Between -2 and 2']) {
      cell.value = typed;
      const res = await upload(wb);
      expect(res.status, typed).toBe(201);
      expect(await res.json(), typed).toMatchObject({ replaced: 0, unchanged: 1 });
    }
    cell.value = 'between 2';
    const refused = await upload(wb);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'Measures row 2, target 2017-18-Q4: a number, or a range like between -2 and 2 for a within measure',
    );
  });
});
