import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { xlsxMediaType as xlsxType } from '../../lambdas/domain/media-types';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';

// The acceptance of plan administration (docs/plan-administration.md): a performance
// officer sets up next year from Excel alone (export, fill in next year's targets,
// import, roll forward what did not change), and a target changed after its quarter
// began shows in the report.

const t = useTestStack({ tokens: { admin: 'admin' } });

/** The financial year and quarter under way in London now, and the next year. */
function now() {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  const year = (s: number) => `${s}-${String((s + 1) % 100).padStart(2, '0')}`;
  const q = m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4;
  return { year: year(start), next: year(start + 1), quarter: `${year(start)}-Q${q}` };
}

it('export, fill in next year in Excel, import, roll forward; a moved target shows in the report', async () => {
  const { year, next, quarter } = now();
  const plan = freshId('year');
  const [a, b, c] = ['a', 'b', 'c'].map((x) => `${plan}-${x}`) as [string, string, string];
  const csv = [
    `id,plan,programme,title,unit,polarity,frequency,ownerDirectorate,directorates,target ${year}`,
    ...[a, b, c].map((id) => `${id},${plan},Learning,Measure ${id},%,higher,quarterly,People,People;Place,80`),
  ].join('\n');
  const created = await t.call('POST', '/imports/definitions?kind=measures', {
    token: t.tokens.admin,
    body: csv,
    headers: { 'content-type': 'text/csv' },
  });
  expect(created.status).toBe(201);

  // Export, and in Excel: next year's target for a, and b's target for this year moved.
  const exported = await t.call('GET', `/definitions?format=xlsx&plan=${plan}`, { token: t.tokens.admin });
  expect(exported.headers.get('content-type')).toBe(xlsxType);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exported.arrayBuffer()) as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Measures')!;
  const header = sheet.getRow(1).values as (string | undefined)[];
  const column = (name: string) => header.indexOf(name);
  const nextColumn = header.length;
  sheet.getRow(1).getCell(nextColumn).value = `target ${next}`;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    if (row.getCell(column('id')).value === a) row.getCell(nextColumn).value = 85;
    if (row.getCell(column('id')).value === b) row.getCell(column(`target ${year}`)).value = 70;
  });
  const edited = Buffer.from(await workbook.xlsx.writeBuffer());
  const imported = await fetch(`${t.url}/imports/definitions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': xlsxType },
    body: new Uint8Array(edited),
  });
  expect(imported.status, await imported.clone().text()).toBe(201);
  expect(await imported.json()).toMatchObject({ created: 0, replaced: 2, unchanged: 1 });

  // Roll forward what did not change.
  const rolled = await t.call('POST', `/plans/${plan}/roll-forward`, {
    token: t.tokens.admin,
    body: { from: year, to: next },
  });
  expect(await rolled.json()).toEqual({ rolledForward: 2, alreadySet: 1, noTargets: 0 });
  const measures = (await (await t.call('GET', `/measures?plan=${plan}`, { token: t.tokens.admin })).json())
    .measures as {
    id: string;
    targets: Record<string, number>;
  }[];
  expect(Object.fromEntries(measures.map((m) => [m.id, m.targets[next]]))).toEqual({ [a]: 85, [b]: 70, [c]: 80 });
  const again = (
    await (await t.call('GET', `/definitions?format=csv&plan=${plan}`, { token: t.tokens.admin })).text()
  ).split('\r\n');
  expect(again[0]).toMatch(/,rolledForward$/);
  expect(again.filter((line) => line.endsWith(`,${next}`)).map((line) => line.split(',')[0])).toEqual([b, c]);

  // b's target for the quarter under way moved after it began: the report says so.
  const report = await (await t.call('GET', `/reports/${quarter}?plan=${plan}`, { token: t.tokens.admin })).json();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const flags = Object.fromEntries(
    (report.measures as { id: string; targetChangedAfterStart?: string }[]).map((m) => [
      m.id,
      m.targetChangedAfterStart,
    ]),
  );
  expect(flags).toEqual({ [a]: undefined, [b]: today, [c]: undefined });
  const history = (await (await t.call('GET', `/measures/${b}/history`, { token: t.tokens.admin })).json())
    .versions as {
    changed: string[];
  }[];
  expect(history.map((v) => v.changed.includes('targets'))).toEqual([true, true, true]);
  expect(history).toHaveLength(3);
});
