// The plan's definitions as a spreadsheet, out and back in (docs/plan-administration.md
// "Spreadsheets"). Every row valid → all created or replaced, else a 422 naming each bad
// row and column and nothing changed; rows that alter nothing add no version, so an
// import that was interrupted finishes when the same file is sent again and repeats
// nothing. The XLSX writer and reader run in the render-document function.
import { stringify } from 'csv-stringify/sync';
import { safeParse } from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import { environment } from '../config/environment';
import { actionDefinitionSchema, measureDefinitionSchema, type SpreadsheetBody } from '../domain/definition-schemas';
import { type FieldError, Invalid, Malformed, TooLarge } from '../domain/errors';
import { isId } from '../domain/ids';
import type { ActionDefinition, MeasureDefinition } from '../domain/types';
import {
  actionsFromSheet,
  actionsGrid,
  actionsSheet,
  type CellValue,
  cellPath,
  type DefinitionKind,
  type Grid,
  measuresFromSheet,
  measuresGrid,
  measuresSheet,
  type ReadCell,
  type ReadSheet,
  type SheetName,
  safeCell,
  sheetOfKind,
  titleCyColumn,
} from '../render/definition-sheets';
import type { ResultsTemplate, TemplateSheetName } from '../render/results-template';
import { readDefinitions } from '../store/definitions';
import { actionSk, measureSk } from '../store/keys';
import { csvRecords } from './csv-records';
import {
  changedFields,
  definitionOf,
  otherKindWords,
  readHeads,
  saveAction,
  saveMeasure,
  type Writer,
} from './definitions';
import { lambdaSdk } from './documents';
import { importFailure } from './import-interrupted';

/**
 * What the render-document function is asked for the definitions spreadsheet: `write`
 * makes the .xlsx of the grids; `read` reads an uploaded workbook into grids, or says why not.
 */
export type DefinitionsWorkbookEvent =
  | { workbook: 'write'; grids: Grid[]; directorates?: string[] }
  | { workbook: 'read'; contentBase64: string }
  // The results template (services/results-template.ts): written, and read back by POST /imports/results.
  | { workbook: 'write-template'; template: ResultsTemplate }
  | { workbook: 'read-template'; contentBase64: string };
export type DefinitionsWorkbookResult =
  | { contentBase64: string }
  | { tooLarge: true }
  | { sheets: ReadSheet[] }
  | { templateSheets: TemplateReadSheet[] }
  | { refused: string; malformed: boolean };

/** A sheet of the results template as read: each row with its number as in Excel. */
export interface TemplateReadSheet {
  name: TemplateSheetName;
  rows: { row: number; cells: ReadCell[] }[];
}

// ---- export ----

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The live (not retired) measures and planned work of a plan, or of every plan, as grids sorted by id. */
export async function definitionGrids(
  plan?: string,
): Promise<{ measures: Grid; actions: Grid; directorates: string[] }> {
  const { measures, actions, settings } = await readDefinitions();
  const live = <T extends { plan: string; retiredFrom?: string }>(d: T) =>
    (plan === undefined || d.plan === plan) && d.retiredFrom === undefined;
  return {
    measures: measuresGrid(measures.filter(live).sort(byId)),
    actions: actionsGrid(actions.filter(live).sort(byId)),
    // The settings' directorates, for the owner directorate's dropdown.
    directorates: Object.keys(settings.directorates).sort(),
  };
}

/** One grid as CSV: text formula-escaped, numbers as their shortest exact text. */
export function gridCsv(grid: { rows: readonly (readonly CellValue[])[] }): string {
  return stringify(
    grid.rows.map((row) => row.map((cell) => (cell === null ? '' : String(safeCell(cell))))),
    { record_delimiter: '\r\n' },
  );
}

export async function invokeWorkbook(event: DefinitionsWorkbookEvent): Promise<DefinitionsWorkbookResult> {
  const functionName = environment().renderDocumentFunction;
  if (!functionName) throw new Error('RENDER_DOCUMENT_FUNCTION is not set');
  const { client, InvokeCommand } = await lambdaSdk();
  const out = await client.send(
    new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(JSON.stringify(event)) }),
  );
  const text = out.Payload ? new TextDecoder().decode(out.Payload) : '';
  if (out.FunctionError) throw new Error(`render-document failed (${out.FunctionError}): ${text.slice(0, 500)}`);
  return JSON.parse(text) as DefinitionsWorkbookResult;
}

/** Both grids as an .xlsx workbook (sheets Measures and Planned work). */
export async function definitionsWorkbook(plan?: string): Promise<Buffer> {
  const { measures, actions, directorates } = await definitionGrids(plan);
  const result = await invokeWorkbook({ workbook: 'write', grids: [measures, actions], directorates });
  if ('contentBase64' in result) return Buffer.from(result.contentBase64, 'base64');
  throw new TooLarge('The workbook is larger than 6 MB; narrow it with ?plan=.');
}

// ---- import ----

/** A CSV body as the sheet of its kind, each row numbered by the line it starts on. */
function csvSheet(text: string, kind: DefinitionKind): ReadSheet {
  const { records, unreadable } = csvRecords(text);
  return {
    name: sheetOfKind[kind],
    rows: records.map(({ record, info }) => ({ row: info.lines, cells: record })),
    ...(unreadable.length > 0 && { unreadable: unreadable.map(({ line, message }) => ({ row: line, message })) }),
  };
}

/** The sheets a body holds: a CSV of one kind (`?kind=`), or a workbook with both. */
export async function readSpreadsheet(body: SpreadsheetBody, kind?: DefinitionKind): Promise<ReadSheet[]> {
  if (body.type === 'csv') {
    if (!kind)
      throw new Invalid('Say which definitions the CSV holds: ?kind=measures or ?kind=actions.', [
        { path: '/query/kind', message: 'required for a CSV body' },
      ]);
    return [csvSheet(body.text, kind)];
  }
  const result = await invokeWorkbook({ workbook: 'read', contentBase64: Buffer.from(body.bytes).toString('base64') });
  if ('refused' in result) {
    if (result.malformed) throw new Malformed(result.refused);
    throw new Invalid(result.refused);
  }
  if (!('sheets' in result)) throw new Error('render-document answered a read with no sheets');
  const missing = [measuresSheet, actionsSheet].filter((name) => !result.sheets.some((s) => s.name === name));
  if (missing.length > 0)
    throw new Invalid(
      `The workbook needs the sheets ${measuresSheet} and ${actionsSheet}; it lacks ${missing.join(' and ')}.`,
      missing.map((name) => ({ path: `/${name}`, message: 'this sheet is missing' })),
    );
  return result.sheets;
}

export interface ImportCounts {
  created: number;
  replaced: number;
  unchanged: number;
}

/** A schema issue's column: a field is its own column, a target its period's, directorate targets the directorates'. */
function columnOf(issue: $ZodIssue): string {
  const [field, period] = issue.path.map(String);
  if (field === 'targets' && period !== undefined) return `target ${period}`;
  if (field === 'directorateTargets') return 'directorates';
  if (field === 'valueRange') return period === 'max' ? 'valueMax' : 'valueMin';
  if (field === 'titleCy') return titleCyColumn;
  return field ?? 'id';
}

interface Checked<T> {
  row: number;
  definition: T;
}

/**
 * Checks candidate rows with the schema PUT uses (one schema), keeping from the stored
 * definition what the sheet has no column for (directorate targets, the
 * improvement-softens-red override, retirement), so export then import changes nothing.
 */
function checkRows<T extends { id: string }>(
  sheet: ReadSheet['name'],
  rows: { row: number; definition: Record<string, unknown> }[],
  schema: typeof measureDefinitionSchema | typeof actionDefinitionSchema,
  stored: Map<string, Record<string, unknown>>,
  keep: readonly string[],
  errors: FieldError[],
): Checked<T>[] {
  const checked: Checked<T>[] = [];
  const seen = new Map<string, number>();
  for (const { row, definition } of rows) {
    // A row with a cell that could not be read is already listed; its other checks would only repeat it.
    if (errors.some((e) => e.path.startsWith(cellPath(sheet, row, '')))) continue;
    const bad = (column: string, message: string) => errors.push({ path: cellPath(sheet, row, column), message });
    const { id, ...fields } = definition;
    if (typeof id !== 'string' || !isId(id)) {
      bad('id', 'an id of 1-100 letters, digits, . _ - (starting with a letter or digit)');
      continue;
    }
    if (seen.has(id)) {
      bad('id', `the same id as row ${seen.get(id)}`);
      continue;
    }
    seen.set(id, row);
    const head = stored.get(id);
    const kept = head ? definitionOf<Record<string, unknown>>(head) : {};
    // A field the sheet has a column for is the sheet's (a key present, even undefined); else the stored one stays.
    for (const k of keep)
      if (!Object.hasOwn(fields, k) && kept[k] !== undefined && k !== 'retiredFrom') fields[k] = kept[k];
    for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
    const parsed = safeParse(schema(), fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) bad(columnOf(issue), issueWords(issue, columnOf(issue)));
      continue;
    }
    const retired = kept.retiredFrom;
    checked.push({
      row,
      definition: { id, ...parsed.data, ...(typeof retired === 'string' && { retiredFrom: retired }) } as unknown as T,
    });
  }
  return checked;
}

/**
 * Imports measures and planned work from the sheets read: every row valid → each row
 * created, replaced or left unchanged (201 with the counts); any row invalid → Invalid
 * naming every bad row and column, nothing changed.
 */
export async function importDefinitions(
  sheets: readonly ReadSheet[],
  writer: Writer,
): Promise<ImportCounts & { measures: ImportCounts; actions: ImportCounts }> {
  const errors: FieldError[] = [];
  const measureSheet = sheets.find((s) => s.name === measuresSheet);
  const actionSheet = sheets.find((s) => s.name === actionsSheet);
  const measureRows = measureSheet ? measuresFromSheet(measureSheet) : { rows: [], errors: [] };
  const actionRows = actionSheet ? actionsFromSheet(actionSheet) : { rows: [], errors: [] };
  errors.push(...measureRows.errors, ...actionRows.errors);
  if (errors.length === 0 && measureRows.rows.length + actionRows.rows.length === 0)
    throw new Invalid('The spreadsheet has no rows.');

  const idOf = (r: { definition: Record<string, unknown> }) =>
    typeof r.definition.id === 'string' && isId(r.definition.id) ? r.definition.id : null;
  const measureIds = measureRows.rows.map(idOf).filter((id): id is string => id !== null);
  const actionIds = actionRows.rows.map(idOf).filter((id): id is string => id !== null);
  // Both kinds' heads of every id: measures and planned work share one id namespace.
  const ids = [...measureIds, ...actionIds];
  const heads = await readHeads([...ids.map(measureSk), ...ids.map(actionSk)]);
  const sharedIdErrors = (sheet: ReadSheet['name'], rows: typeof measureRows.rows, kind: 'measure' | 'action') => {
    const [ownSk, otherSk] = kind === 'measure' ? [measureSk, actionSk] : [actionSk, measureSk];
    const otherInFile = new Set(kind === 'measure' ? actionIds : measureIds);
    for (const r of rows) {
      const id = idOf(r);
      if (id === null || heads.has(ownSk(id)) || !(heads.has(otherSk(id)) || otherInFile.has(id))) continue;
      errors.push({
        path: cellPath(sheet, r.row, 'id'),
        message: `already the id of ${otherKindWords[kind]}: measures and planned work share one set of ids`,
      });
    }
  };
  sharedIdErrors(measuresSheet, measureRows.rows, 'measure');
  sharedIdErrors(actionsSheet, actionRows.rows, 'action');
  const storedBy = (sk: (id: string) => string, ids: string[]) =>
    new Map(ids.flatMap((id) => (heads.has(sk(id)) ? [[id, heads.get(sk(id))!] as const] : [])));

  const measures = checkRows<MeasureDefinition>(
    measuresSheet,
    measureRows.rows,
    measureDefinitionSchema,
    storedBy(measureSk, measureIds),
    ['directorateTargets', 'improvementSoftensRed', 'valueRange', 'titleCy', 'retiredFrom'],
    errors,
  );
  const actions = checkRows<ActionDefinition>(
    actionsSheet,
    actionRows.rows,
    actionDefinitionSchema,
    storedBy(actionSk, actionIds),
    ['titleCy', 'retiredFrom'],
    errors,
  );
  if (errors.length > 0) throw invalid(errors);

  // One instant for the whole import: its versions read as one change.
  const stamped: Writer = { ...writer, at: writer.at ?? new Date().toISOString() };
  const counts = { measures: tally(), actions: tally() };
  const work: (() => Promise<unknown>)[] = [];
  const plan = <T extends { id: string }>(
    rows: Checked<T>[],
    sk: (id: string) => string,
    count: ImportCounts,
    save: (definition: T, writer: Writer, head: Record<string, unknown> | null) => Promise<unknown>,
  ) => {
    for (const { definition } of rows) {
      const head = heads.get(sk(definition.id)) ?? null;
      if (!head) count.created++;
      else if (changedFields(definitionOf(head), definition as unknown as Record<string, unknown>).length === 0) {
        count.unchanged++;
        continue;
      } else count.replaced++;
      work.push(() => save(definition, stamped, head));
    }
  };
  plan(measures, measureSk, counts.measures, saveMeasure);
  plan(actions, actionSk, counts.actions, saveAction);

  let written = 0;
  try {
    for (let i = 0; i < work.length; i += 16) {
      // allSettled: every write of the batch has finished before a failure is reported.
      const outcomes = await Promise.allSettled(work.slice(i, i + 16).map((w) => w()));
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      written += outcomes.filter((o) => o.status === 'fulfilled').length;
      if (failed) throw failed.reason;
    }
  } catch (error) {
    // Rows that alter nothing add no version: the same file sent again skips what was stored.
    throw importFailure(error, written, written, work.length, 'definitions');
  }
  const total = (k: keyof ImportCounts) => counts.measures[k] + counts.actions[k];
  return { created: total('created'), replaced: total('replaced'), unchanged: total('unchanged'), ...counts };
}

const tally = (): ImportCounts => ({ created: 0, replaced: 0, unchanged: 0 });

const unpointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const sheetOrder = [measuresSheet, actionsSheet];

/**
 * Every bad row at once (SPEC §12 "Words, not data"), sheet by sheet in row order, each
 * message saying where in words: `Measures row 5, polarity: polarity must be higher, lower or within`.
 */
function invalid(errors: FieldError[]): Invalid {
  const where = (e: FieldError) => {
    const [, sheet = '', , row = '0', column = ''] = e.path.split('/');
    return { sheet: unpointer(sheet), row: Number(row), column: unpointer(column) };
  };
  const sorted = errors
    .map((e, i) => ({ e, i, at: where(e) }))
    .sort(
      (a, b) =>
        sheetOrder.indexOf(a.at.sheet as SheetName) - sheetOrder.indexOf(b.at.sheet as SheetName) ||
        a.at.row - b.at.row ||
        a.i - b.i,
    )
    .map(({ e, at }) => ({
      path: e.path,
      message: at.row > 0 ? `${at.sheet} row ${at.row}${at.column ? `, ${at.column}` : ''}: ${e.message}` : e.message,
    }));
  const rows = new Set(errors.map((e) => e.path.split('/').slice(0, 4).join('/')));
  return new Invalid(
    `${rows.size} ${rows.size === 1 ? 'row has a mistake' : 'rows have mistakes'}; nothing was changed. Correct ${rows.size === 1 ? 'it' : 'them'} and upload the file again.`,
    sorted,
  );
}

/** A schema issue in words: what the cell must hold (no raw validator text). */
function issueWords(issue: $ZodIssue, column: string): string {
  const field = column.startsWith('target ') ? 'the target' : column;
  switch (issue.code) {
    case 'invalid_value': {
      const options = issue.values.map(String);
      const list = options.length > 1 ? `${options.slice(0, -1).join(', ')} or ${options.at(-1)}` : options.join('');
      return `${field} must be ${list}`;
    }
    case 'invalid_type':
      return issue.input === undefined
        ? `${field} is missing`
        : `${field} must be ${issue.expected === 'number' ? 'a number' : 'text'}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${field} must be ${issue.maximum} characters or fewer`
        : `${field} must be ${issue.maximum} or less`;
    case 'too_small':
      return issue.origin === 'string' ? `${field} is missing` : `${field} must be ${issue.minimum} or more`;
    default:
      return issue.message;
  }
}
