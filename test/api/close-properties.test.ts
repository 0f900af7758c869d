// One quarter, one truth (#22), as a property over random plans and histories: for any
// targets, results, sign-off decisions, sign-off toggles and unsignedAtClose, the
// close-preview equals the close but for timestamps, and every output (CSV, Markdown,
// HTML, Word, Excel and the EMT email) says the same statuses, counts and sentences as
// the JSON report. Sized for two cores: each run closes a quarter on dynalite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { readDocx, readXlsx } from '../support/office';
import { untimed } from '../support/report-facts';
import { placeAction, placeMeasure } from '../support/route-samples';

const t = useTestStack({
  tokens: {
    admin: 'admin',
    officer: { role: 'officer', directorate: 'Place' },
    approver: { role: 'approver', directorate: 'Place' },
  },
});

const decision = fc.constantFrom('approve', 'return', 'none');
const measureArb = fc.record({
  polarity: fc.constantFrom('higher', 'lower'),
  target: fc.integer({ min: 1, max: 200 }),
  value: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  decision,
});
const actionArb = fc.record({
  status: fc.option(fc.constantFrom('blue', 'green', 'amber', 'red'), { nil: null }),
  decision,
});
const scenarioArb = fc.record({
  measures: fc.array(measureArb, { minLength: 1, maxLength: 4 }),
  actions: fc.array(actionArb, { maxLength: 3 }),
  signOffWhenSaved: fc.constantFrom('on', 'off'),
  signOffAtClose: fc.constantFrom('on', 'off'),
  unsignedAtClose: fc.constantFrom('count-flagged', 'no-data'),
});

let run = 0;
/** Each run its own quarter, long ended, so no run sees another's results. */
const nextQuarter = () => {
  const start = 2000 + run++;
  return { year: `${start}-${String((start + 1) % 100).padStart(2, '0')}`, n: 2 };
};

const ok = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res;
};

describe('close-preview == close, and every output agrees with the JSON report (property)', () => {
  it('holds for random plans, histories, sign-off toggles and unsignedAtClose', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const { year, n } = nextQuarter();
        const quarter = `${year}-Q${n}`;
        await t.withSettings({
          signOff: scenario.signOffWhenSaved,
          unsignedAtClose: scenario.unsignedAtClose,
        });
        const admin = (method: string, path: string, body?: unknown) =>
          t.call(method, path, { token: t.tokens.admin, body });
        const decide = async (path: string, d: string) => {
          if (scenario.signOffWhenSaved !== 'on' || d === 'none') return;
          const body = d === 'approve' ? { decision: 'approve' } : { decision: 'return', reason: 'Check it' };
          await ok(
            await t.call('POST', `${path}/sign-off`, {
              token: t.tokens.approver,
              body,
              headers: { 'if-match': '"1"' },
            }),
          );
        };
        for (const m of scenario.measures) {
          const id = freshId('prop');
          await ok(
            await admin('PUT', `/measures/${id}`, {
              ...placeMeasure,
              polarity: m.polarity,
              targets: { [year]: m.target },
            }),
          );
          if (m.value === null) continue;
          const path = `/measures/${id}/results/${quarter}`;
          await ok(
            await t.call('PUT', path, { token: t.tokens.officer, body: { value: m.value, commentary: 'As measured' } }),
          );
          await decide(path, m.decision);
        }
        for (const a of scenario.actions) {
          const id = freshId('prop');
          await ok(
            await admin('PUT', `/actions/${id}`, { ...placeAction, startQuarter: quarter, dueQuarter: quarter }),
          );
          if (a.status === null) continue;
          const path = `/actions/${id}/updates/${quarter}`;
          await ok(
            await t.call('PUT', path, {
              token: t.tokens.officer,
              body: { status: a.status, commentary: 'As it stands' },
            }),
          );
          await decide(path, a.decision);
        }
        if (scenario.signOffAtClose !== scenario.signOffWhenSaved)
          await t.withSettings({ signOff: scenario.signOffAtClose });

        const preview = await (await ok(await admin('GET', `/reports/${quarter}/close-preview`))).json();
        await t.clearEmails();
        const closed = await (await ok(await admin('POST', `/reports/${quarter}/close`))).json();
        expect(untimed(closed)).toEqual(untimed(preview));

        // Every output of the frozen report.
        const report = await (await ok(await admin('GET', `/reports/${quarter}`))).json();
        const format = async (f: string) => ok(await admin('GET', `/reports/${quarter}?format=${f}`));
        const [csv, md, html, docx, xlsx] = await Promise.all([
          format('csv').then((r) => r.text()),
          format('md').then((r) => r.text()),
          format('html').then((r) => r.text()),
          format('docx').then(async (r) => readDocx(new Uint8Array(await r.arrayBuffer()))),
          format('xlsx').then(async (r) => readXlsx(new Uint8Array(await r.arrayBuffer()))),
        ]);
        const [email] = await t.emails();
        expect(email?.subject).toBe(closed.email.subject);
        const words = { green: 'GREEN', amber: 'AMBER', red: 'RED' } as Record<string, string>;
        expect(email?.subject).toContain(
          `overall ${words[report.overall]}, ${report.criticalItems.length} critical item`,
        );

        // The sentences carry every percentage and count of the summary.
        const docxText = docx.paragraphs.map((p) => p.text).join('\n');
        const summarySheet = xlsx.getWorksheet('Summary')!;
        const sheetLines = Array.from({ length: 10 }, (_, r) => summarySheet.getCell(r + 1, 1).value);
        for (const sentence of report.summary.sentences as string[]) {
          // Markdown backslash-escapes ( ) [ ] ! | in text.
          expect(md.replace(/\\(.)/g, '$1')).toContain(sentence);
          expect(html).toContain(sentence);
          expect(docxText).toContain(sentence);
          expect(sheetLines).toContain(sentence);
          expect(email?.body.text).toContain(sentence);
          expect(email?.body.html).toContain(sentence);
        }
        // Each measure's status, in the CSV and in the Excel measures sheet, as in the JSON.
        const csvLines = csv.trim().split('\n');
        const header = csvLines[0]!.split(',');
        const statusAt = header.indexOf('status');
        const idAt = header.indexOf('measureId');
        const csvStatus = new Map(
          csvLines.slice(1).map((line) => {
            const cells = line.split(',');
            return [cells[idAt], cells[statusAt]];
          }),
        );
        for (const m of report.measures) expect(csvStatus.get(m.id), m.id).toBe(m.status);
        const measuresSheet = xlsx.getWorksheet('Measures')!;
        expect(measuresSheet.rowCount - 1).toBe(report.measures.length);
        // The Excel summary's figures are the report's.
        const sheetHeader = (summarySheet.views[0] as { ySplit: number }).ySplit;
        const names = (summarySheet.getRow(sheetHeader).values as unknown[]).slice(1) as string[];
        const planRow = summarySheet.getRow(sheetHeader + 1);
        const cell = (name: string) => planRow.getCell(names.indexOf(name) + 1).value;
        expect(cell('Measures with a target')).toBe(report.summary.measures.total);
        expect(cell('Met target %')).toBeCloseTo(report.summary.measures.metPercent / 100, 10);
      }),
      { numRuns: 20 },
    );
  }, 480_000);
});
