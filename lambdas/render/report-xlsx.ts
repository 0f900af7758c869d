// The quarter report as an Excel workbook: sheets Summary, Measures, Planned work and
// Critical items, each with a frozen, filterable header row; statuses in words with a
// fill colour; numbers as numbers and percentages as fractions with a % format; every
// text cell formula-escaped (formulaSafe). docs/documents.md
import ExcelJS from 'exceljs';
import { decimalPlacesShown } from '../domain/format';
import type { Language } from '../domain/language';
import type { QuarterReport } from '../domain/quarter-report';
import { englishOnly, type ReportLanguageOptions, reportIn } from '../domain/report-language';
import { withoutNonXmlDeep } from '../domain/text';
import type { ActionReportStatus, MeasureStatus, OverallStatus, RollUp, TargetValue } from '../domain/types';
import { type DomainWords, fill, formatDate, quarterLabel, remedialActionNeeded, wordsFor } from '../domain/words';
import { formulaSafe } from './formula-safe';
import { formatFigure, formatTarget, statusColours, statusWord, trendWord } from './status-words';
import { closedNote, signOffNote, targetChangedNote } from './view';

type AnyStatus = MeasureStatus | ActionReportStatus | OverallStatus;
type CellValue = string | number | null;

/** A column: its header, width, and how its cells show. */
interface Column {
  header: string;
  width: number;
  kind?: 'text' | 'number' | 'percent' | 'status' | 'wrap';
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
/**
 * The number format that shows x as the domain's formatNumber writes it everywhere else
 * (thousands separated, the same decimal places), so a cell reads as the web app and the
 * email do while staying a number.
 */
const numberFormat = (x: number, suffix = '') => {
  const places = decimalPlacesShown(x);
  return `#,##0${places ? `.${'0'.repeat(places)}` : ''}${suffix}`;
};
/** A percentage held as a fraction (0.825) shown as the percentage is written (82.5%). */
const percentFormat = (fraction: number) => numberFormat(fraction * 100, '%');

/** Text goes through formulaSafe; numbers stay numbers. */
const safe = (value: CellValue): CellValue => (typeof value === 'string' ? formulaSafe(value) : value);

/**
 * Writes a header row at `headerRow` and the rows beneath it, freezes the sheet above
 * the first data row and puts a filter on the header: what a performance officer sorts
 * and filters by hand today.
 */
function writeTable(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  columns: Column[],
  rows: { values: CellValue[]; statuses?: (AnyStatus | null)[] }[],
) {
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F2F1' } };
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  rows.forEach((row, r) => {
    const excelRow = sheet.getRow(headerRow + 1 + r);
    columns.forEach((c, i) => {
      const cell = excelRow.getCell(i + 1);
      const value = row.values[i] ?? null;
      cell.value = safe(value);
      cell.alignment = { vertical: 'top', wrapText: c.kind === 'wrap' };
      if (c.kind === 'percent' && typeof value === 'number') cell.numFmt = percentFormat(value);
      if (c.kind === 'number' && typeof value === 'number') cell.numFmt = numberFormat(value);
      const status = c.kind === 'status' ? row.statuses?.[i] : null;
      if (status) {
        const { background, color } = statusColours(status);
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(background) } };
        cell.font = { bold: true, color: { argb: argb(color) } };
      }
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(rows.length, 1), column: columns.length },
  };
}

/** A percentage the report states as a whole number (31) as the fraction Excel formats (0.31 → 31%). */
const fraction = (percent: number) => percent / 100;

function rollUpRow(
  scope: string,
  r: { name: string; overall: OverallStatus; summary: RollUp['summary'] },
  language: Language,
) {
  const p = r.summary.plannedWork;
  const m = r.summary.measures;
  return {
    values: [
      scope,
      r.name,
      statusWord(r.overall, language),
      p.total,
      p.blueOrGreen,
      fraction(p.blueOrGreenPercent),
      p.amberOrRed,
      fraction(p.amberOrRedPercent),
      p.noUpdate,
      fraction(p.noUpdatePercent),
      m.total,
      m.met,
      fraction(m.metPercent),
      m.offTarget,
      fraction(m.offTargetPercent),
      m.offTargetBeyondTolerance,
      fraction(m.offTargetBeyondTolerancePercent),
      m.noData,
      fraction(m.noDataPercent),
    ],
    statuses: [null, null, r.overall],
  };
}

const summaryColumns = (c: DomainWords['workbook']['columns']): Column[] => [
  { header: c.scope, width: 12 },
  { header: c.name, width: 32 },
  { header: c.overall, width: 11, kind: 'status' },
  { header: c.plannedWorkDue, width: 11, kind: 'number' },
  { header: c.blueOrGreen, width: 10, kind: 'number' },
  { header: c.blueOrGreenPercent, width: 10, kind: 'percent' },
  { header: c.amberOrRed, width: 10, kind: 'number' },
  { header: c.amberOrRedPercent, width: 10, kind: 'percent' },
  { header: c.noUpdate, width: 10, kind: 'number' },
  { header: c.noUpdatePercent, width: 10, kind: 'percent' },
  { header: c.measuresWithTarget, width: 11, kind: 'number' },
  { header: c.metTarget, width: 10, kind: 'number' },
  { header: c.metTargetPercent, width: 10, kind: 'percent' },
  { header: c.offTarget, width: 10, kind: 'number' },
  { header: c.offTargetPercent, width: 10, kind: 'percent' },
  { header: c.beyondTolerance, width: 12, kind: 'number' },
  { header: c.beyondTolerancePercent, width: 12, kind: 'percent' },
  { header: c.noData, width: 10, kind: 'number' },
  { header: c.noDataPercent, width: 10, kind: 'percent' },
];

/** A measure's figure as a number, a percentage measure's as a fraction shown with %. */
function figure(value: number | null, unit: string): { value: CellValue; numFmt?: string } {
  if (value === null) return { value: null };
  return unit === '%' ? { value: fraction(value), numFmt: numberFormat(value, '%') } : { value };
}

function targetFigure(target: TargetValue | null, unit: string) {
  // A band (min..max) is not one number: shown as text, formatted as elsewhere.
  if (target === null || typeof target === 'number') return figure(target, unit);
  return { value: `${formatTarget(target)}${unit === '%' ? '%' : ''}` };
}

export interface XlsxOptions {
  /** The report title (the plan's name with `?plan=`). */
  title: string;
  /** The languages (one sheet set each, Welsh first), titles and Welsh names (settings); absent: English only. */
  languages?: ReportLanguageOptions;
}

/** The workbook of a quarter's report, as the bytes of a .xlsx file. */
export async function reportXlsx(report: QuarterReport, options: XlsxOptions): Promise<Buffer> {
  // Text stored before the one text rule (domain/text.ts) may hold characters XML cannot: dropped, so Excel opens the file.
  return writeXlsx(withoutNonXmlDeep(report), withoutNonXmlDeep(options));
}

async function writeXlsx(report: QuarterReport, options: XlsxOptions): Promise<Buffer> {
  const languages = options.languages ?? englishOnly(options.title);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ragtime';
  const first = languages.languages[0] ?? 'en';
  workbook.title = fill(wordsFor(first).workbook.title, {
    heading: `${languages.titles[first]} ${quarterLabel(report.quarter, first)}`,
  });
  workbook.created = new Date();
  // One sheet set per language (§17), Welsh first: the same figures, each set's words its language's.
  for (const language of languages.languages)
    writeSheets(workbook, reportIn(report, language, languages), languages.titles[language], language);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeSheets(workbook: ExcelJS.Workbook, report: QuarterReport, title: string, language: Language) {
  const words = wordsFor(language);
  const w = words.workbook;
  const c = w.columns;
  const sheets = words.outputs.sheets;
  const heading = `${title} ${quarterLabel(report.quarter, language)}`;

  // Summary: the heading lines, then the roll-up table (plan, programmes, directorates).
  const summary = workbook.addWorksheet(sheets.summary);
  const lines: string[] = [
    fill(w.title, { heading }),
    fill(w.overall, { status: statusWord(report.overall, language) }),
    report.closed ? closedNote(report.closedAt, language) : w.live,
    ...((report.revision ?? 1) > 1 ? [fill(w.reissued, { revision: report.revision ?? 1 })] : []),
    ...(report.amendments?.length ? [fill(w.amended, { count: report.amendments.length })] : []),
    ...report.summary.sentences,
  ];
  lines.forEach((line, i) => {
    const cell = summary.getCell(i + 1, 1);
    cell.value = formulaSafe(line);
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  const overallCell = summary.getCell(2, 1);
  overallCell.font = { bold: true };
  const headerRow = lines.length + 2;
  writeTable(summary, headerRow, summaryColumns(c), [
    rollUpRow(w.scopeReport, { name: title, overall: report.overall, summary: report.summary }, language),
    ...report.programmes.map((p) => rollUpRow(w.scopeProgramme, p, language)),
    ...report.directorates.map((d) => rollUpRow(w.scopeDirectorate, d, language)),
  ]);

  // Measures: one row per measure.
  const measures = workbook.addWorksheet(sheets.measures);
  const measureColumns: Column[] = [
    { header: c.measureId, width: 14 },
    { header: c.plan, width: 8 },
    { header: c.programme, width: 24 },
    { header: c.measure, width: 48, kind: 'wrap' },
    { header: c.directorate, width: 14 },
    { header: c.unit, width: 10 },
    { header: c.polarity, width: 9 },
    { header: c.status, width: 11, kind: 'status' },
    { header: c.actual, width: 10, kind: 'number' },
    { header: c.target, width: 10, kind: 'number' },
    { header: c.shortfallPercent, width: 10, kind: 'percent' },
    { header: c.targetChanged, width: 16 },
    { header: c.trendLastQuarter, width: 14 },
    { header: c.trendLastYear, width: 14 },
    { header: c.commentary, width: 60, kind: 'wrap' },
    // Last, so the figures' columns keep their places: "not signed off", "awaiting sign-off: 96".
    { header: c.signOff, width: 20 },
  ];
  writeTable(
    measures,
    1,
    measureColumns,
    report.measures.map((m) => ({
      values: [
        m.id,
        m.plan,
        m.programme,
        m.title,
        m.ownerDirectorate,
        m.unit,
        m.polarity,
        statusWord(m.status, language),
        figure(m.actual, m.unit).value,
        targetFigure(m.target, m.unit).value,
        m.shortfallPercent === null ? null : fraction(m.shortfallPercent),
        targetChangedNote(m.targetChangedAfterStart, language),
        trendWord(m.trend.previousQuarter, language),
        trendWord(m.trend.sameQuarterLastYear, language),
        m.commentary ?? '',
        signOffNote(m.signOff, formatFigure(m.unapprovedActual) || undefined, language),
      ],
      statuses: [null, null, null, null, null, null, null, m.status],
    })),
  );
  // A percentage measure's actual and target carry a % format of their own.
  report.measures.forEach((m, i) => {
    const row = measures.getRow(i + 2);
    const actual = figure(m.actual, m.unit);
    const target = targetFigure(m.target, m.unit);
    if (actual.numFmt) row.getCell(9).numFmt = actual.numFmt;
    if ('numFmt' in target && target.numFmt) row.getCell(10).numFmt = target.numFmt;
  });

  const planned = workbook.addWorksheet(sheets.plannedWork);
  writeTable(
    planned,
    1,
    [
      { header: c.actionId, width: 14 },
      { header: c.plan, width: 8 },
      { header: c.programme, width: 24 },
      { header: c.plannedWork, width: 48, kind: 'wrap' },
      { header: c.directorate, width: 14 },
      { header: c.brag, width: 11, kind: 'status' },
      { header: c.commentary, width: 60, kind: 'wrap' },
      { header: c.signOff, width: 20 },
    ],
    report.actions.map((a) => ({
      values: [
        a.id,
        a.plan,
        a.programme,
        a.title,
        a.ownerDirectorate,
        statusWord(a.status, language),
        a.commentary ?? '',
        signOffNote(a.signOff, a.unapprovedStatus && statusWord(a.unapprovedStatus, language), language),
      ],
      statuses: [null, null, null, null, null, a.status],
    })),
  );

  const critical = workbook.addWorksheet(sheets.criticalItems);
  writeTable(
    critical,
    1,
    [
      { header: c.itemId, width: 14 },
      { header: c.kind, width: 12 },
      { header: c.programme, width: 24 },
      { header: c.measureOrPlannedWork, width: 44, kind: 'wrap' },
      { header: c.directorate, width: 14 },
      { header: c.rules, width: 22 },
      { header: c.issue, width: 50, kind: 'wrap' },
      { header: c.remedialAction, width: 60, kind: 'wrap' },
      { header: c.owner, width: 16 },
      { header: c.due, width: 12 },
    ],
    report.criticalItems.map((item) => ({
      values: [
        item.id,
        item.kind === 'measure' ? w.kindMeasure : w.kindPlannedWork,
        item.programme,
        item.title,
        item.ownerDirectorate,
        item.rules.join(', '),
        item.issue,
        item.remedialAction?.text ?? remedialActionNeeded(language),
        item.remedialAction?.owner ?? '',
        item.remedialAction?.dueDate ? formatDate(item.remedialAction.dueDate, language) : '',
      ],
    })),
  );
}
