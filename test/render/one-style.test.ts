// One number style and one date style in every output (SPEC §12 "Words, not data";
// issues #24 and #25): the web app's words, the EMT email, the HTML report, Markdown,
// the CSV's prose columns, the Word draft, the Excel workbook and the officers' emails
// write a figure the same way and never show an ISO date or a quarter id in prose.
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/domain';
import type { QuarterReport } from '../../lambdas/domain/quarter-report';
import { defaultStatusSettings } from '../../lambdas/domain/types';
import { closeEmail } from '../../lambdas/mail/close-email';
import { reminderEmail } from '../../lambdas/mail/reminder-email';
import { awaitingSignOffEmail, returnedEmail } from '../../lambdas/mail/sign-off-email';
import { reportCsv } from '../../lambdas/render/report-csv';
import { reportDocx } from '../../lambdas/render/report-docx';
import { reportHtml } from '../../lambdas/render/report-html';
import { reportMarkdown } from '../../lambdas/render/report-md';
import { reportXlsx } from '../../lambdas/render/report-xlsx';
import * as webWords from '../../web/src/words';
import { aMeasure, aResult } from '../domain/fixtures';
import { readDocx, readXlsx } from '../support/office';

const quarter = '2017-18-Q4';
const title = 'Corporate Improvement Plan';
const isoDate = /\d{4}-\d{2}-\d{2}/;
const quarterId = /\d{4}-\d{2}-Q\d/;

// 1234.5678 (no unit) and 0.1 + 0.2 (a percentage), both RED and so critical items whose issue
// sentences state them: the figures every output must write as "1,234.5678" and "0.3".
const big = 1234.5678;
const sum = 0.1 + 0.2;
const built = buildReport({
  quarter,
  measures: [
    aMeasure({ id: 'big', title: 'Big figure', unit: '', polarity: 'lower', targets: { [quarter]: 1000 } }),
    aMeasure({
      id: 'sum',
      title: 'Sum figure',
      unit: '%',
      targets: { [quarter]: 50 },
      targetsChangedAt: { [quarter]: '2018-02-14T10:00:00.000Z' },
    }),
  ],
  actions: [],
  results: [aResult(quarter, big, { measureId: 'big' }), aResult(quarter, sum, { measureId: 'sum' })],
  actionUpdates: [],
  remedialActions: { sum: { text: 'Revise the policy.', owner: 'EMT', dueDate: '2018-09-30' } },
  settings: defaultStatusSettings,
});
const report: QuarterReport = {
  ...built,
  closed: true,
  closedAt: '2018-04-10T06:00:43.623Z',
  revision: 2,
  amendments: [
    { kind: 'result', id: 'big', period: quarter, frozenVersion: 1, frozenValue: 1000, version: 2, value: big },
  ],
};

/** Each output's text as a person reads it (the CSV's prose columns only: its own quarter and number columns are data). */
const outputs: Record<string, () => Promise<string> | string> = {
  'HTML report': () => reportHtml(report, title),
  Markdown: () => reportMarkdown(report, title),
  'CSV prose': () => {
    const [header, ...rows] = reportCsv(report).trim().split('\n');
    const columns = header!.split(',');
    const prose = ['target', 'targetChanged', 'commentary'].map((c) => columns.indexOf(c));
    return rows.map((row) => prose.map((i) => row.split(',')[i]).join(' | ')).join('\n');
  },
  'EMT email': () => {
    const email = closeEmail(report, { from: 'a@x', to: ['b@x'], reportTitle: title });
    return [email.subject, email.text, email.html].join('\n');
  },
  'Word draft': async () => {
    const docx = readDocx(await reportDocx(report, { title }));
    return docx.paragraphs.map((p) => p.text).join('\n');
  },
  'Excel workbook': async () => xlsxText(await readXlsx(await reportXlsx(report, { title }))),
  'reminder email': () => {
    const email = reminderEmail(
      { directorate: 'People', measures: [{ id: 'big', title: 'Big figure' }], actions: [] },
      {
        from: 'a@x',
        to: ['b@x'],
        cc: [],
        quarter,
        closeAt: new Date('2018-04-10T06:00:00Z'),
        daysBeforeClose: 3,
        reportTitle: title,
      },
    );
    return [email.subject, email.text, email.html].join('\n');
  },
  'return email': () => {
    const email = returnedEmail({
      from: 'a@x',
      to: 'b@x',
      reportTitle: title,
      title: 'Big figure',
      period: quarter,
      version: 2,
      reason: 'Check the figure.',
    });
    return [email.subject, email.text, email.html].join('\n');
  },
  'sign-off reminder email': () => {
    const email = awaitingSignOffEmail({
      from: 'a@x',
      to: ['b@x'],
      reportTitle: title,
      directorate: 'People',
      quarter,
      closeAt: new Date('2018-04-10T06:00:00Z'),
      items: [{ title: 'Big figure', period: quarter, version: 2 }],
    });
    return [email.subject, email.text, email.html].join('\n');
  },
};

/**
 * A cell as Excel shows it. The workbook's number formats are `#,##0`, `#,##0.00…` and
 * the same with `%` (a fraction shown ×100); anything else is a failure here.
 */
function shown(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value);
  const format = /^#,##0(?:\.(0+))?(%?)$/.exec(cell.numFmt ?? '');
  expect(format, `number format of ${cell.address}: ${cell.numFmt}`).not.toBeNull();
  const places = format![1]?.length ?? 0;
  const percent = format![2] === '%';
  return (
    new Intl.NumberFormat('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places }).format(
      percent ? value * 100 : value,
    ) + (percent ? '%' : '')
  );
}

function xlsxText(workbook: ExcelJS.Workbook): string {
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        cells.push(shown(cell));
      });
      lines.push(cells.join(' | '));
    });
  });
  return lines.join('\n');
}

const texts: Record<string, string> = {};
beforeAll(async () => {
  for (const [name, render] of Object.entries(outputs)) texts[name] = await render();
});

describe('one number style', () => {
  it.each(['HTML report', 'Markdown', 'EMT email', 'Word draft', 'Excel workbook'])(
    '%s writes 1234.5678 as "1,234.5678" and 0.1 + 0.2 as "0.3"',
    (name) => {
      const text = texts[name]!;
      expect(text).toContain('1,234.5678');
      expect(text).toMatch(/(?<![\d.])0\.3%/);
      expect(text).not.toContain('0.30000000000000004');
      expect(text).not.toContain('1,234.57');
      expect(text).not.toMatch(/(?<![\d,])1234\.5678/);
    },
  );

  it("the web app's words write them the same way", () => {
    expect(webWords.formatNumber(big)).toBe('1,234.5678');
    expect(webWords.formatValue(sum, '%')).toBe('0.3%');
    expect(webWords.formatValue(big, 'days')).toBe('1,234.5678 days');
    expect(webWords.formatNumber(null)).toBe('No result');
  });
});

describe('one date style', () => {
  it.each(Object.keys(outputs))('%s has no ISO date and no quarter id in its prose', (name) => {
    const text = texts[name]!;
    expect(text).not.toMatch(isoDate);
    expect(text).not.toMatch(quarterId);
  });

  it('the documents say when the quarter closed and when remedial action is due, in words', () => {
    expect(texts['HTML report']).toContain('Closed 10 April 2018 at 07:00.');
    expect(texts['Excel workbook']).toContain('Closed 10 April 2018 at 07:00.');
    expect(texts['Word draft']).toContain("frozen at the quarter's close on 10 April 2018");
    for (const name of ['HTML report', 'EMT email', 'Word draft', 'Excel workbook'])
      expect(texts[name], name).toContain('30 September 2018');
    expect(texts['return email']).toContain('(2017-18 Q4)');
    expect(texts['reminder email']).toContain('10 April 2018 at 07:00');
    expect(texts['sign-off reminder email']).toContain('10 April 2018 at 07:00');
  });

  it("the web app's words write dates and quarters in the same style", () => {
    expect(webWords.formatDate('2018-09-30')).toBe('30 September 2018');
    expect(webWords.formatDateTime('2018-04-10T06:00:43.623Z')).toBe('10 April 2018 at 07:00');
    expect(webWords.periodLabel(quarter)).toBe('2017-18 Q4');
  });
});
