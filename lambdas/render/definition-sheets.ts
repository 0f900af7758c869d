// Measures and planned work as spreadsheet rows, and back (docs/plan-administration.md
// "Spreadsheets"): the columns of the plan-administration contract, one `target <period>`
// column per period with a target, directorates separated by `;`, a `within` target
// written `min..max`, an empty cell for a field left at its default. Pure: the CSV and
// XLSX writers and readers (the XLSX ones in the render-document function) only move
// these grids. Every bad cell is named by sheet, row and column.

import type { FieldError } from '../domain/errors';
import { formatNumber } from '../domain/format';
import { isQuarterId, isYearId } from '../domain/periods';
import { isShowable, isXmlText, xmlTextMessage } from '../domain/text';
import type { ActionDefinition, MeasureDefinition, TargetValue } from '../domain/types';
import { decimalCommaMessage, decimalText, readTypedNumber } from '../domain/value-range';
import { readFormulaSafe, reversibleFormulaSafe } from './formula-safe';

export const measuresSheet = 'Measures';
export const actionsSheet = 'Planned work';
/** The workbook's sheet of words: what each column holds (never read back). */
export const notesSheet = 'Notes';
export type SheetName = typeof measuresSheet | typeof actionsSheet;
export type DefinitionKind = 'measures' | 'actions';
export const sheetOfKind: Record<DefinitionKind, SheetName> = { measures: measuresSheet, actions: actionsSheet };

/** The Welsh title's column (docs/cymraeg.md): its field is `titleCy`. */
export const titleCyColumn = 'title (Cymraeg)';
/** Columns named other than their field. */
const fieldOfColumn: Readonly<Record<string, string>> = { [titleCyColumn]: 'titleCy' };

export const measureColumns = [
  'id',
  'plan',
  'programme',
  'title',
  'unit',
  'polarity',
  'frequency',
  'ownerDirectorate',
  'directorates',
  'tolerancePercent',
  'greenTolerancePercent',
  'toleranceAbsolute',
  'aggregation',
  'valueMin',
  'valueMax',
  titleCyColumn,
] as const;
export const actionColumns = [
  'id',
  'plan',
  'programme',
  'title',
  'ownerDirectorate',
  'startQuarter',
  'dueQuarter',
  titleCyColumn,
] as const;
/** After the targets: the target periods a roll forward copied and nobody has changed since (read back, never imported). */
export const rolledForwardColumn = 'rolledForward';
const targetPrefix = 'target ';

/** What a measure may have that the contract's columns do not carry: columns of their own, only when some measure uses them. */
export const improvementColumn = 'improvementSoftensRed';

/** The values a column may hold, offered as a dropdown in the workbook. */
export const columnChoices: Readonly<Record<string, readonly string[]>> = {
  polarity: ['higher', 'lower', 'within'],
  frequency: ['monthly', 'quarterly', 'annual'],
  aggregation: ['latest', 'sum', 'mean'],
};

/**
 * Each column in words, for the workbook's Notes sheet: one entry a column (a new column,
 * a Welsh one too, is one more entry; a test checks every exported column has its words).
 */
export const columnNotes: Readonly<Record<string, string>> = {
  id: 'The id: letters, digits, . _ - (up to 100). Measures and planned work share one set of ids. Changing it makes a new one.',
  plan: 'The plan it belongs to, by its id in the settings (for example cip).',
  programme: 'The programme within the plan, by name.',
  title: 'What people read: the title shown on every page, email and document.',
  [titleCyColumn]: 'The title in Welsh, when the plan is published in Welsh too.',
  unit: 'The unit values are in, like %, days or £ (empty: none).',
  polarity: 'Which way is better: higher, lower, or within a range.',
  frequency: 'How often results are returned: monthly, quarterly or annual.',
  ownerDirectorate: 'The directorate that returns it, by name from the settings.',
  directorates:
    'The directorates it covers, separated by ; (for a breakdown by directorate). Empty: the owner directorate only.',
  tolerancePercent: 'How far off target (in percent of the target) is still AMBER, not RED. Empty: the setting.',
  greenTolerancePercent: 'How far off target (in percent) still counts as GREEN. Empty: the setting.',
  toleranceAbsolute: 'The AMBER band for a target of 0, in the measure’s unit. Empty: the setting.',
  aggregation: 'For a monthly measure, how the months make the quarter: latest, sum or mean. Empty: latest.',
  valueMin: 'The lowest value the measure can have (for example 0). Empty: no lower limit.',
  valueMax: 'The highest value the measure can have (for example 100 for a percentage). Empty: no upper limit.',
  startQuarter: 'The first quarter it is reported in, like 2017-18-Q1. Empty: from the start.',
  dueQuarter: 'The last quarter it is reported in, like 2018-19-Q4. Empty: open-ended.',
  [improvementColumn]:
    'true or false: a RED measure that improved on the same quarter last year is AMBER. Empty: the setting.',
  [rolledForwardColumn]:
    'The target periods a roll forward copied and nobody has changed since. Read only: the import ignores it.',
};

/** The words of a header column, targets included. */
export function columnNote(column: string): string | undefined {
  if (!column.startsWith(targetPrefix)) return columnNotes[column];
  const { period, directorate } = targetColumn(column);
  const target = `The target for ${period}: a number, or for a within measure a range like between -2 and 2 (also -2 to 2, or -2..2). Empty: no target.`;
  return directorate === undefined ? target : `${directorate}’s own target for ${period}, as above.`;
}

/** The Notes sheet's rows: how to use the workbook, then every column of each grid in words. */
export function definitionNotes(grids: readonly Grid[]): CellValue[][] {
  return [
    ['Sheet', 'Column', 'What it holds'],
    [
      null,
      null,
      'One row a measure (sheet Measures) or piece of planned work (sheet Planned work). Change what you need, add rows, then upload the file on the Definitions page: every row is checked, and if any is wrong nothing is changed and every mistake is listed. A row you do not change stays as it is.',
    ],
    ...grids.flatMap((grid) =>
      (grid.rows[0] ?? []).map((column): CellValue[] => [grid.name, column, columnNote(String(column)) ?? null]),
    ),
  ];
}

/** A cell as written: text, a number, or empty. */
export type CellValue = string | number | null;
/** A cell as read: CSV gives text; an XLSX reader also numbers, and what it refused (a formula, a date). */
export type ReadCell = string | number | null | { refused: string };

export interface Grid {
  name: SheetName;
  /** The header row first. */
  rows: CellValue[][];
}

export interface ReadSheet {
  name: SheetName;
  /** Each row with its row number in the file (the header is row 1). */
  rows: { row: number; cells: ReadCell[] }[];
  /** Rows that could not be read at all (a CSV line with a quote never closed), in words. */
  unreadable?: { row: number; message: string }[];
}

const maxCellLength = 4000;
export const maxRowsPerSheet = 5000;

// ---- writing ----

/**
 * A target as a person types it: a number, or a `within` range in words, `between -2 and 2`
 * (not `-2..2`, which a spreadsheet shows as `'-2..2`: text starting with a minus is escaped
 * as a formula, and Excel refuses `-2 to 2` typed as one). Read back by readTargetText, which
 * also takes `min..max` and `min to max`.
 */
export const targetCell = (t: TargetValue): CellValue => (typeof t === 'number' ? t : `between ${t.min} and ${t.max}`);

const directorateTargetColumn = (period: string, directorate: string) => `${targetPrefix}${period} ${directorate}`;

/**
 * The measures' grid: the columns above, then a target column per period any of them
 * has (sorted: a year before its quarters); then, only when some measure uses them,
 * `target <period> <directorate>` columns, `improvementSoftensRed` and `rolledForward`,
 * so that export then import changes nothing.
 */
export function measuresGrid(measures: readonly MeasureDefinition[]): Grid {
  const periods = [...new Set(measures.flatMap((m) => Object.keys(m.targets ?? {})))].sort();
  const byDirectorate = [
    ...new Set(
      measures.flatMap((m) =>
        Object.entries(m.directorateTargets ?? {}).flatMap(([d, t]) =>
          Object.keys(t).map((p) => JSON.stringify([p, d])),
        ),
      ),
    ),
  ]
    .map((k) => JSON.parse(k) as [string, string])
    .sort(([p1, d1], [p2, d2]) => (p1 === p2 ? (d1 < d2 ? -1 : 1) : p1 < p2 ? -1 : 1));
  const improvement = measures.some((m) => m.improvementSoftensRed !== undefined);
  const rolled = measures.some((m) => (m.rolledForward ?? []).length > 0);
  const header: CellValue[] = [
    ...measureColumns,
    ...periods.map((p) => `${targetPrefix}${p}`),
    ...byDirectorate.map(([p, d]) => directorateTargetColumn(p, d)),
    ...(improvement ? [improvementColumn] : []),
    ...(rolled ? [rolledForwardColumn] : []),
  ];
  const rows = measures.map((m): CellValue[] => [
    m.id,
    m.plan,
    m.programme,
    m.title,
    m.unit ?? '',
    m.polarity,
    m.frequency,
    m.ownerDirectorate,
    (m.directorates ?? []).join(';'),
    m.tolerancePercent ?? null,
    m.greenTolerancePercent ?? null,
    m.toleranceAbsolute ?? null,
    m.aggregation ?? null,
    m.valueRange?.min ?? null,
    m.valueRange?.max ?? null,
    m.titleCy ?? null,
    ...periods.map((p) => (Object.hasOwn(m.targets ?? {}, p) ? targetCell(m.targets[p]!) : null)),
    ...byDirectorate.map(([p, d]) => {
      const targets = m.directorateTargets && Object.hasOwn(m.directorateTargets, d) ? m.directorateTargets[d]! : {};
      return Object.hasOwn(targets, p) ? targetCell(targets[p]!) : null;
    }),
    ...(improvement ? [m.improvementSoftensRed === undefined ? null : String(m.improvementSoftensRed)] : []),
    ...(rolled ? [(m.rolledForward ?? []).join(';')] : []),
  ]);
  return { name: measuresSheet, rows: [header, ...rows] };
}

export function actionsGrid(actions: readonly ActionDefinition[]): Grid {
  const rows = actions.map((a): CellValue[] => [
    a.id,
    a.plan,
    a.programme,
    a.title,
    a.ownerDirectorate,
    a.startQuarter ?? null,
    a.dueQuarter ?? null,
    a.titleCy ?? null,
  ]);
  return { name: actionsSheet, rows: [[...actionColumns], ...rows] };
}

/** Text cells formula-escaped so that the reader can undo it exactly (formula-safe.ts), numbers as they are: what both writers put in a cell. */
export const safeCell = (value: CellValue): CellValue =>
  typeof value === 'string' ? reversibleFormulaSafe(value) : value;

// ---- reading ----

const formulaStart = new Set(['=', '+', '-', '@', '\t', '\r']);

interface Parsed<T> {
  rows: { row: number; definition: T }[];
  errors: FieldError[];
}

const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
export const cellPath = (sheet: SheetName, row: number, column: string) =>
  `/${pointer(sheet)}/row/${row}/${pointer(column)}`;

/**
 * A cell's text: what reversibleFormulaSafe escaped is unescaped; a formula typed as a value is
 * refused (spreadsheets would run it), as is what the reader refused. Numbers become
 * their shortest text.
 */
function cellText(cell: ReadCell): { text: string } | { error: string } {
  if (cell === null) return { text: '' };
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? { text: String(cell) } : { error: 'not a finite number' };
  if (typeof cell === 'object') return { error: cell.refused };
  if (cell.length > maxCellLength) return { error: 'longer than 4,000 characters' };
  if (!isXmlText(cell)) return { error: xmlTextMessage };
  // Exactly one ' comes off where the writer added one: `'=x` is `=x`, `''=x` is `'=x`.
  const unescaped = readFormulaSafe(cell);
  if (unescaped !== cell) return { text: unescaped };
  if (formulaStart.has(cell[0] ?? '') && !decimalText.test(cell.trim()))
    return { error: 'a formula (or text starting = + - @): enter the value, or start the text with an apostrophe' };
  return { text: cell.trim() };
}

function numberOf(text: string): number | null {
  const typed = readTypedNumber(text);
  return 'value' in typed ? typed.value : null;
}

/** A range as people write it: `between -2 and 2`, `-2 to 2`, or `-2..2` (the contract's form). */
const rangeText = /^(?:between\s+(\S+)\s+and\s+(\S+)|(\S+)\s+to\s+(\S+)|([^.\s]*(?:\.\d+)?)\s*\.\.\s*(\S+))$/i;

/** A target cell's value: a number, or a `within` range in any of the forms rangeText takes. */
export function readTargetText(text: string): TargetValue | undefined {
  const range = rangeText.exec(text.trim());
  if (range) {
    const [min, max] = [range[1] ?? range[3] ?? range[5], range[2] ?? range[4] ?? range[6]].map((b) =>
      numberOf(b ?? ''),
    );
    return min != null && max != null ? { min, max } : undefined;
  }
  return numberOf(text) ?? undefined;
}

/** What a cell that should hold a number says when it does not: the decimal comma's words, else `expected`. */
function notANumber(text: string, expected: string): string {
  const typed = readTypedNumber(text);
  return 'problem' in typed && typed.problem === 'decimal-comma' ? decimalCommaMessage : expected;
}

/** `target 2017-18-Q4` → the period; `target 2017-18-Q4 People` → the period and the directorate. */
function targetColumn(name: string): { period: string; directorate?: string } {
  const rest = name.slice(targetPrefix.length);
  const space = rest.indexOf(' ');
  return space < 0 ? { period: rest } : { period: rest.slice(0, space), directorate: rest.slice(space + 1).trim() };
}

type Header = { columns: (string | null)[]; errors: FieldError[] };

/** The header row: each cell a known column (or a target period for measures), none twice, the required ones present. */
function readHeader(sheet: ReadSheet, known: readonly string[], required: readonly string[], targets: boolean): Header {
  const errors: FieldError[] = [];
  const header = sheet.rows[0];
  const columns: (string | null)[] = [];
  const bad = (column: string, message: string) => errors.push({ path: cellPath(sheet.name, 1, column), message });
  if (header?.row !== 1) {
    bad('', `no header row: the first row must name the columns (${known.join(',')})`);
    return { columns, errors };
  }
  const names = header.cells.map((cell) => {
    const read = cellText(cell);
    return 'text' in read ? read.text : '';
  });
  const isColumn = (name: string) =>
    known.includes(name) || (targets && (name.startsWith(targetPrefix) || name === rolledForwardColumn));
  // Not one column named: not this sheet at all (a junk file, or another file), one mistake to say.
  if (!names.some(isColumn)) {
    const found = names.join(',');
    bad(
      '',
      `the first row must name the columns ${known.join(',')}${
        isShowable(found) && found !== ''
          ? `; it is ${found}`
          : '; it is not text: save the file as CSV (comma separated)'
      }`,
    );
    return { columns, errors };
  }
  header.cells.forEach((cell, i) => {
    const read = cellText(cell);
    const name = 'text' in read ? read.text : '';
    // A heading shown back only when it is plain text (never a junk file's bytes).
    const label = name && isShowable(name) ? name : `column ${i + 1}`;
    if ('error' in read) bad(label, read.error);
    else if (name === '') columns.push(null);
    else if (known.includes(name) || (targets && (name === rolledForwardColumn || name === improvementColumn)))
      columns.push(name);
    else if (targets && name.startsWith(targetPrefix)) {
      const { period } = targetColumn(name);
      if (isQuarterId(period) || isYearId(period)) columns.push(name);
      else
        bad(label, 'a target column is named "target <period>", the period a year (2017-18) or a quarter (2017-18-Q4)');
    } else bad(label, `not a column of this sheet (${known.join(', ')}${targets ? ', target <period>' : ''})`);
    if ('error' in read || name === '') return;
    if (columns.indexOf(name) !== columns.length - 1) bad(label, 'this column appears twice');
  });
  for (const c of required) if (!columns.includes(c)) bad(c, 'this column is missing');
  return { columns, errors };
}

/** Each data row as column → text, with the cells that could not be read as errors. */
function readRows(
  sheet: ReadSheet,
  header: Header,
): { rows: { row: number; values: Map<string, string> }[]; errors: FieldError[] } {
  const out: { row: number; values: Map<string, string> }[] = [];
  const errors: FieldError[] = [];
  for (const { row, cells } of sheet.rows.slice(1)) {
    const values = new Map<string, string>();
    cells.forEach((cell, i) => {
      const column = header.columns[i];
      const read = cellText(cell);
      if (column === undefined || column === null) {
        if ('error' in read || read.text !== '')
          errors.push({ path: cellPath(sheet.name, row, `column ${i + 1}`), message: 'a value under no column' });
        return;
      }
      if ('error' in read) errors.push({ path: cellPath(sheet.name, row, column), message: read.error });
      else values.set(column, read.text);
    });
    // Blank rows (spreadsheets keep formatted empty rows) are not definitions.
    if ([...values.values()].every((v) => v === '') && !errors.some((e) => e.path.includes(`/row/${row}/`))) continue;
    out.push({ row, values });
  }
  return { rows: out, errors };
}

/** The rows the CSV reader could not read, as mistakes of their row. */
const unreadableRows = (sheet: ReadSheet): FieldError[] =>
  (sheet.unreadable ?? []).map(({ row, message }) => ({ path: cellPath(sheet.name, row, ''), message }));

function tooMany(sheet: ReadSheet): FieldError[] {
  return sheet.rows.length - 1 > maxRowsPerSheet
    ? [
        {
          path: `/${pointer(sheet.name)}`,
          message: `${sheet.rows.length - 1} rows; import at most ${formatNumber(maxRowsPerSheet)} at a time`,
        },
      ]
    : [];
}

/** A sheet's rows as candidate measures (not yet checked against the schema: that is the caller's, as for PUT). */
export function measuresFromSheet(sheet: ReadSheet): Parsed<Record<string, unknown>> {
  const limit = tooMany(sheet);
  if (limit.length) return { rows: [], errors: limit };
  const required = ['id', 'plan', 'programme', 'title', 'polarity', 'frequency', 'ownerDirectorate'];
  const header = readHeader(sheet, measureColumns, required, true);
  if (header.errors.length) return { rows: [], errors: header.errors };
  const read = readRows(sheet, header);
  const rows: { row: number; definition: Record<string, unknown> }[] = [];
  const errors: FieldError[] = [...unreadableRows(sheet), ...read.errors];
  for (const { row, values } of read.rows) {
    const bad = (column: string, message: string) => errors.push({ path: cellPath(sheet.name, row, column), message });
    const definition: Record<string, unknown> = {};
    const targets: Record<string, unknown> = {};
    const directorateTargets = new Map<string, Record<string, unknown>>();
    const valueRange: { min?: number; max?: number } = {};
    if (header.columns.includes(improvementColumn)) definition[improvementColumn] = undefined;
    // A sheet with the Welsh column is its say on the Welsh title, an empty cell none (a sheet without it keeps the stored one).
    if (header.columns.includes(titleCyColumn)) definition.titleCy = undefined;
    if (header.columns.some((c) => c?.startsWith(targetPrefix) && targetColumn(c).directorate))
      definition.directorateTargets = undefined;
    for (const [column, text] of values) {
      if (text === '' || column === rolledForwardColumn) continue;
      if (column.startsWith(targetPrefix)) {
        const { period, directorate } = targetColumn(column);
        const value = readTargetText(text);
        if (value === undefined)
          bad(column, notANumber(text, 'a number, or a range like between -2 and 2 for a within measure'));
        else if (directorate === undefined) targets[period] = value;
        else {
          const forDirectorate = directorateTargets.get(directorate) ?? {};
          forDirectorate[period] = value;
          directorateTargets.set(directorate, forDirectorate);
        }
      } else if (column === improvementColumn) {
        if (text === 'true' || text === 'false') definition[column] = text === 'true';
        else bad(column, 'true or false');
      } else if (column === 'directorates') {
        definition.directorates = text
          .split(';')
          .map((d) => d.trim())
          .filter((d) => d !== '');
      } else if (
        column === 'tolerancePercent' ||
        column === 'greenTolerancePercent' ||
        column === 'toleranceAbsolute' ||
        column === 'valueMin' ||
        column === 'valueMax'
      ) {
        const n = numberOf(text);
        if (n === null) bad(column, notANumber(text, 'a number'));
        else if (column === 'valueMin' || column === 'valueMax') valueRange[column === 'valueMin' ? 'min' : 'max'] = n;
        else definition[column] = n;
      } else definition[fieldOfColumn[column] ?? column] = text;
    }
    definition.targets = targets;
    // The range's two columns make one field (the sheet's when it has either column).
    if (header.columns.includes('valueMin') || header.columns.includes('valueMax'))
      definition.valueRange = Object.keys(valueRange).length > 0 ? valueRange : undefined;
    if (directorateTargets.size > 0) definition.directorateTargets = Object.fromEntries(directorateTargets);
    rows.push({ row, definition });
  }
  return { rows, errors };
}

export function actionsFromSheet(sheet: ReadSheet): Parsed<Record<string, unknown>> {
  const limit = tooMany(sheet);
  if (limit.length) return { rows: [], errors: limit };
  const header = readHeader(sheet, actionColumns, ['id', 'plan', 'programme', 'title', 'ownerDirectorate'], false);
  if (header.errors.length) return { rows: [], errors: header.errors };
  const read = readRows(sheet, header);
  return {
    rows: read.rows.map(({ row, values }) => ({
      row,
      definition: {
        ...(header.columns.includes(titleCyColumn) && { titleCy: undefined }),
        ...Object.fromEntries(
          [...values]
            .filter(([, text]) => text !== '')
            .map(([column, text]) => [fieldOfColumn[column] ?? column, text]),
        ),
      },
    })),
    errors: [...unreadableRows(sheet), ...read.errors],
  };
}
