// The quarter report as an Excel workbook: sheets Summary, Measures, Planned work and
// Critical items, each with a frozen, filterable header row; statuses in words with a
// fill colour; numbers as numbers and percentages as fractions with a % format; every
// text cell formula-escaped (formulaSafe). docs/documents.md
import ExcelJS from 'exceljs';
import { decimalPlacesShown } from '../domain/format';
import type { QuarterReport } from '../domain/quarter-report';
import { withoutNonXmlDeep } from '../domain/text';
import type { ActionReportStatus, MeasureStatus, OverallStatus, RollUp, TargetValue } from '../domain/types';
import { formatDate, quarterLabel } from '../domain/words';
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

function rollUpRow(scope: string, r: { name: string; overall: OverallStatus; summary: RollUp['summary'] }) {
  const p = r.summary.plannedWork;
  const m = r.summary.measures;
  return {
    values: [
      scope,
      r.name,
      statusWord(r.overall),
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

const summaryColumns: Column[] = [
  { header: 'Scope', width: 12 },
  { header: 'Name', width: 32 },
  { header: 'Overall', width: 11, kind: 'status' },
  { header: 'Planned work due', width: 11, kind: 'number' },
  { header: 'Blue or green', width: 10, kind: 'number' },
  { header: 'Blue or green %', width: 10, kind: 'percent' },
  { header: 'Amber or red', width: 10, kind: 'number' },
  { header: 'Amber or red %', width: 10, kind: 'percent' },
  { header: 'No update', width: 10, kind: 'number' },
  { header: 'No update %', width: 10, kind: 'percent' },
  { header: 'Measures with a target', width: 11, kind: 'number' },
  { header: 'Met target', width: 10, kind: 'number' },
  { header: 'Met target %', width: 10, kind: 'percent' },
  { header: 'Off target', width: 10, kind: 'number' },
  { header: 'Off target %', width: 10, kind: 'percent' },
  { header: 'Off target beyond tolerance', width: 12, kind: 'number' },
  { header: 'Off target beyond tolerance %', width: 12, kind: 'percent' },
  { header: 'No data', width: 10, kind: 'number' },
  { header: 'No data %', width: 10, kind: 'percent' },
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
}

/** The workbook of a quarter's report, as the bytes of a .xlsx file. */
export async function reportXlsx(report: QuarterReport, options: XlsxOptions): Promise<Buffer> {
  // Text stored before the one text rule (domain/text.ts) may hold characters XML cannot: dropped, so Excel opens the file.
  return writeXlsx(withoutNonXmlDeep(report), withoutNonXmlDeep(options));
}

async function writeXlsx(report: QuarterReport, options: XlsxOptions): Promise<Buffer> {
  const heading = `${options.title} ${quarterLabel(report.quarter, 'en')}`;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ragtime';
  workbook.title = `${heading} performance report`;
  workbook.created = new Date();

  // Summary: the heading lines, then the roll-up table (plan, programmes, directorates).
  const summary = workbook.addWorksheet('Summary');
  const lines: string[] = [
    `${heading} performance report`,
    `Overall status: ${statusWord(report.overall)}`,
    report.closed ? closedNote(report.closedAt) : 'Live preview: this quarter is not closed yet.',
    ...((report.revision ?? 1) > 1 ? [`Reissued: revision ${report.revision}`] : []),
    ...(report.amendments?.length
      ? [`${report.amendments.length} returns amended since close (figures are as frozen at close)`]
      : []),
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
  writeTable(summary, headerRow, summaryColumns, [
    rollUpRow('Report', { name: options.title, overall: report.overall, summary: report.summary }),
    ...report.programmes.map((p) => rollUpRow('Programme', p)),
    ...report.directorates.map((d) => rollUpRow('Directorate', d)),
  ]);

  // Measures: one row per measure.
  const measures = workbook.addWorksheet('Measures');
  const measureColumns: Column[] = [
    { header: 'Measure id', width: 14 },
    { header: 'Plan', width: 8 },
    { header: 'Programme', width: 24 },
    { header: 'Measure', width: 48, kind: 'wrap' },
    { header: 'Directorate', width: 14 },
    { header: 'Unit', width: 10 },
    { header: 'Polarity', width: 9 },
    { header: 'Status', width: 11, kind: 'status' },
    { header: 'Actual', width: 10, kind: 'number' },
    { header: 'Target', width: 10, kind: 'number' },
    { header: 'Shortfall %', width: 10, kind: 'percent' },
    { header: 'Target changed', width: 16 },
    { header: 'Trend on last quarter', width: 14 },
    { header: 'Trend on last year', width: 14 },
    { header: 'Commentary', width: 60, kind: 'wrap' },
    // Last, so the figures' columns keep their places: "not signed off", "awaiting sign-off: 96".
    { header: 'Sign-off', width: 20 },
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
        statusWord(m.status),
        figure(m.actual, m.unit).value,
        targetFigure(m.target, m.unit).value,
        m.shortfallPercent === null ? null : fraction(m.shortfallPercent),
        targetChangedNote(m.targetChangedAfterStart),
        trendWord(m.trend.previousQuarter),
        trendWord(m.trend.sameQuarterLastYear),
        m.commentary ?? '',
        signOffNote(m.signOff, formatFigure(m.unapprovedActual) || undefined),
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

  const planned = workbook.addWorksheet('Planned work');
  writeTable(
    planned,
    1,
    [
      { header: 'Action id', width: 14 },
      { header: 'Plan', width: 8 },
      { header: 'Programme', width: 24 },
      { header: 'Planned work', width: 48, kind: 'wrap' },
      { header: 'Directorate', width: 14 },
      { header: 'BRAG', width: 11, kind: 'status' },
      { header: 'Commentary', width: 60, kind: 'wrap' },
      { header: 'Sign-off', width: 20 },
    ],
    report.actions.map((a) => ({
      values: [
        a.id,
        a.plan,
        a.programme,
        a.title,
        a.ownerDirectorate,
        statusWord(a.status),
        a.commentary ?? '',
        signOffNote(a.signOff, a.unapprovedStatus && statusWord(a.unapprovedStatus)),
      ],
      statuses: [null, null, null, null, null, a.status],
    })),
  );

  const critical = workbook.addWorksheet('Critical items');
  writeTable(
    critical,
    1,
    [
      { header: 'Item id', width: 14 },
      { header: 'Kind', width: 12 },
      { header: 'Programme', width: 24 },
      { header: 'Measure or planned work', width: 44, kind: 'wrap' },
      { header: 'Directorate', width: 14 },
      { header: 'Rules', width: 22 },
      { header: 'Issue', width: 50, kind: 'wrap' },
      { header: 'Remedial action', width: 60, kind: 'wrap' },
      { header: 'Owner', width: 16 },
      { header: 'Due', width: 12 },
    ],
    report.criticalItems.map((c) => ({
      values: [
        c.id,
        c.kind === 'measure' ? 'Measure' : 'Planned work',
        c.programme,
        c.title,
        c.ownerDirectorate,
        c.rules.join(', '),
        c.issue,
        c.remedialAction?.text ?? 'Remedial action needed',
        c.remedialAction?.owner ?? '',
        c.remedialAction?.dueDate ? formatDate(c.remedialAction.dueDate, 'en') : '',
      ],
    })),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
