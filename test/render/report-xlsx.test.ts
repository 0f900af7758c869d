// The Excel workbook of the seed quarter, read back with exceljs. docs/documents.md
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/domain';
import { defaultStatusSettings, type Report } from '../../lambdas/domain/types';
import { samplePlan } from '../../lambdas/local/sample-plan';
import { reportXlsx } from '../../lambdas/render/report-xlsx';
import { readXlsx } from '../support/office';

const statusWords = ['BLUE', 'GREEN', 'AMBER', 'RED', 'NO DATA', 'NO UPDATE', 'NOT DUE', 'INFO ONLY'];

function sampleReport(commentary?: string): Report {
  return buildReport({
    quarter: '2017-18-Q4',
    measures: samplePlan.measures,
    actions: samplePlan.actions,
    results: samplePlan.results.map((r) => ({
      ...r,
      version: 1,
      ...(commentary && r.commentary ? { commentary } : {}),
    })),
    actionUpdates: samplePlan.actionUpdates.map((u) => ({ ...u, version: 1, ...(commentary ? { commentary } : {}) })),
    remedialActions: {},
    settings: defaultStatusSettings,
  });
}

/** Every row of a sheet as header name → cell value, below a header row. */
function records(sheet: ExcelJS.Worksheet, headerRow = 1) {
  const header = (sheet.getRow(headerRow).values as unknown[]).slice(1) as string[];
  const out: Record<string, ExcelJS.Cell>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    out.push(Object.fromEntries(header.map((name, i) => [name, row.getCell(i + 1)])));
  }
  return out;
}

let report: Report;
let workbook: ExcelJS.Workbook;
beforeAll(async () => {
  report = sampleReport();
  workbook = await readXlsx(await reportXlsx(report, { title: 'Corporate Improvement Plan' }));
});

describe('the Excel workbook of the seed quarter', () => {
  it('has the four sheets, each with a frozen, filterable header row', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Measures', 'Planned work', 'Critical items']);
    for (const sheet of workbook.worksheets) {
      const view = sheet.views[0] as { state: string; ySplit: number };
      expect(view.state, sheet.name).toBe('frozen');
      const filter = sheet.autoFilter as { from: { row: number }; to: { row: number } } | string;
      const filterRow = typeof filter === 'string' ? Number(/\d+/.exec(filter)![0]) : filter.from.row;
      expect(filterRow, sheet.name).toBe(view.ySplit);
      expect(sheet.getRow(view.ySplit).getCell(1).font?.bold, sheet.name).toBe(true);
    }
  });

  it('has one row per measure, statuses in words with a fill, numbers as numbers', () => {
    const rows = records(workbook.getWorksheet('Measures')!);
    expect(rows.map((r) => r['Measure id']!.value)).toEqual(report.measures.map((m) => m.id));
    for (const [i, row] of rows.entries()) {
      const m = report.measures[i]!;
      expect(statusWords).toContain(row.Status!.value);
      expect((row.Status!.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/);
      if (m.actual === null) expect(row.Actual!.value).toBeNull();
      else if (m.unit === '%') {
        // A percentage is a number Excel shows with %: 62.1 → 0.621 as 62.1%.
        expect(row.Actual!.value).toBeCloseTo(m.actual / 100, 10);
        expect(row.Actual!.numFmt).toMatch(/%$/);
      } else expect(row.Actual!.value).toBe(m.actual);
    }
  });

  it('says "target changed on <date>" for a target set or changed after the quarter began', async () => {
    const [first] = report.measures;
    const moved: Report = {
      ...report,
      measures: report.measures.map((m) => (m === first ? { ...m, targetChangedAfterStart: '2018-02-14' } : m)),
    };
    const rows = records((await readXlsx(await reportXlsx(moved, { title: 'CIP' }))).getWorksheet('Measures')!);
    expect(rows.map((r) => r['Target changed']!.value || null)).toEqual(
      report.measures.map((m) => (m === first ? 'target changed on 14 February 2018' : null)),
    );
  });

  it('states the plan, programme and directorate figures with percentages as numbers in % format', () => {
    const summary = workbook.getWorksheet('Summary')!;
    const headerRow = (summary.views[0] as { ySplit: number }).ySplit;
    const rows = records(summary, headerRow);
    expect(rows).toHaveLength(1 + report.programmes.length + report.directorates.length);
    const plan = rows[0]!;
    expect(plan.Overall!.value).toBe('AMBER');
    expect(plan['Measures with a target']!.value).toBe(35);
    expect(plan['Met target %']!.value).toBeCloseTo(0.32, 10);
    expect(plan['Met target %']!.numFmt).toBe('#,##0%');
    expect(plan['Blue or green %']!.value).toBeCloseTo(0.75, 10);
    const lines = [1, 2, 3, 4, 5].map((r) => summary.getCell(r, 1).value);
    for (const sentence of report.summary.sentences) expect(lines).toContain(sentence);
  });

  it('has one row per action and per critical item, with "Remedial action needed" where none is recorded', () => {
    const actions = records(workbook.getWorksheet('Planned work')!);
    expect(actions.map((r) => r['Action id']!.value)).toEqual(report.actions.map((a) => a.id));
    for (const row of actions) expect(statusWords).toContain(row.BRAG!.value);
    const items = records(workbook.getWorksheet('Critical items')!);
    expect(items.map((r) => r.Issue!.value)).toEqual(report.criticalItems.map((c) => c.issue));
    for (const row of items) expect(row['Remedial action']!.value).toBe('Remedial action needed');
  });

  it('formula-escapes text, so no cell starts with = (or + - @)', async () => {
    const hostile = '=HYPERLINK("https://evil.example","click")';
    const escaped = await readXlsx(await reportXlsx(sampleReport(hostile), { title: '+Plan' }));
    const texts: string[] = [];
    for (const sheet of escaped.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      );
    }
    expect(texts).toContain(`'${hostile}`);
    expect(texts.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);
  });
});
