// POST /imports/results: results and planned-work updates, all rows stored or none
// (docs/rules.md "Imports"). A CSV of results (`measureId,period,value,commentary`), a CSV
// of planned work (`actionId,quarter,status,commentary`, told apart by its header), or the
// .xlsx template with both (sheets Results and Planned work, read by the render-document
// function under the same zip limits as the definitions workbook).
import { createHash } from 'node:crypto';
import type { Caller } from '../domain/caller';
import type { SpreadsheetBody } from '../domain/definition-schemas';
import { callerName } from '../domain/display-name';
import { type FieldError, Forbidden, Invalid, Malformed, NotFound, VersionConflict } from '../domain/errors';
import { isId, isPeriodId } from '../domain/ids';
import { isQuarterId } from '../domain/periods';
import { isStorableNumber, storableNumberRule } from '../domain/storable-number';
import { isXmlText, isShowable as showable, xmlTextMessage } from '../domain/text';
import type { ActionStatus } from '../domain/types';
import { readTypedNumber, typedNumberWords } from '../domain/value-range';
import { periodLabel } from '../domain/words';
import type { ReadCell } from '../render/definition-sheets';
import {
  actionColumns,
  actionStatuses,
  importedColumns,
  plannedWorkSheet,
  referenceColumns,
  resultColumns,
  resultsSheet,
  type TemplateKind,
} from '../render/results-template';
import { writeActionUpdate } from '../store/action-updates';
import { readMeasuresAndSettings } from '../store/definitions';
import { readCloseRecords } from '../store/quarter';
import { writeResult } from '../store/results';
import type { WriteSubject } from '../store/write-context';
import { actionUpdateRefusal } from './actions';
import { settleAllAgainstClose } from './close-race';
import { csvRecords } from './csv-records';
import { invokeWorkbook } from './definition-spreadsheets';
import { importFailure } from './import-interrupted';
import { quarterOfPeriodFor, type ResultSubmission, resultRefusal } from './results';

const maxRows = 5000;
const maxCellLength = 4000;

/** Where a row is, in words and as a path: `Line 5` (/line/5) in a CSV, `Results row 5` (/Results/row/5) in a workbook. */
interface Place {
  /** The sheet's place in the answer's order (Results before Planned work). */
  order: number;
  line: number;
  words: string;
  path: string;
}

const csvPlace = (line: number): Place => ({ order: 0, line, words: `Line ${line}`, path: `/line/${line}` });
const sheetPlace =
  (sheet: string, order: number) =>
  (line: number): Place => ({
    order,
    line,
    words: `${sheet} row ${line}`,
    path: `/${sheet.replace(/~/g, '~0').replace(/\//g, '~1')}/row/${line}`,
  });

interface Mistake {
  order: number;
  line: number;
  error: FieldError;
}

/** A message starting mid-sentence, after "Line 5: ". */
const midSentence = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Every mistake of the file, whichever check found it; listed in line order. */
class Mistakes {
  readonly list: Mistake[] = [];
  add(place: Place, field: string | undefined, words: string): void {
    this.list.push({
      order: place.order,
      line: place.line,
      error: { path: field ? `${place.path}/${field}` : place.path, message: `${place.words}: ${midSentence(words)}` },
    });
  }
  sorted(): FieldError[] {
    return [...this.list].sort((a, b) => a.order - b.order || a.line - b.line).map((m) => m.error);
  }
  lines(): number {
    return new Set(this.list.map((m) => `${m.order}/${m.line}`)).size;
  }
}

/** Each column in words, for the messages ("Line 5: the value is missing"). */
const columnWords: Record<string, string> = {
  measureId: 'the measure id',
  actionId: 'the planned work id',
  period: 'the period',
  quarter: 'the quarter',
  value: 'the value',
  status: 'the status',
  commentary: 'the commentary',
};

interface Table {
  kind: TemplateKind;
  /** The header's place, then each data row's place and cells. */
  header: { place: Place; names: string[] };
  rows: { place: Place; cells: ReadCell[] }[];
  /** A CSV line must have as many cells as the header; a spreadsheet row may stop early. */
  exactLength: boolean;
}

const kinds = {
  results: {
    columns: importedColumns(resultColumns),
    reference: referenceColumns(resultColumns),
    optional: 'commentary',
  },
  actions: {
    columns: importedColumns(actionColumns),
    reference: referenceColumns(actionColumns),
    optional: 'commentary',
  },
} as const;

/** The header names each kind's columns (its commentary may be left out; the template's reference columns are read past). */
function headerProblem(kind: TemplateKind, names: string[]): string | null {
  const { columns, reference, optional } = kinds[kind];
  const ok =
    columns.filter((c) => c !== optional).every((n) => names.includes(n)) &&
    names.every((n) => columns.includes(n) || (reference as readonly string[]).includes(n)) &&
    new Set(names).size === names.length;
  if (ok) return null;
  const found = names.join(',');
  return `the first line must name the columns ${columns.join(',')} (commentary may be left out)${
    names.length === 0 || found === ''
      ? ''
      : showable(found)
        ? `; it is ${found}`
        : '; it is not text: save the file as CSV (comma separated)'
  }`;
}

/** A cell as text, or why it cannot be read (a formula, a date: the workbook reader's words). */
function cellText(cell: ReadCell | undefined): { text: string } | { refused: string } {
  if (cell === null || cell === undefined) return { text: '' };
  if (typeof cell === 'number') return { text: String(cell) };
  if (typeof cell === 'object') return { refused: cell.refused };
  return { text: cell.trim() };
}

interface ResultRow extends ResultSubmission {
  place: Place;
}
interface ActionRow {
  place: Place;
  actionId: string;
  quarter: string;
  status: ActionStatus;
  commentary?: string;
}

/**
 * A table's rows and every mistake in them at once (SPEC §12 "Words, not data"): a line of
 * the wrong length, a cell that is no id, period or number, a repeated line, each with its
 * line and column in words and what to do. In a file with the template's reference
 * columns, a line left empty (no value or status, no commentary) is not a row.
 */
function readTable(table: Table, mistakes: Mistakes): { results: ResultRow[]; actions: ActionRow[] } {
  const { names } = table.header;
  const template = names.some((n) => (kinds[table.kind].reference as readonly string[]).includes(n));
  const results: ResultRow[] = [];
  const actions: ActionRow[] = [];
  const seen = new Map<string, number>();
  for (const { place, cells } of table.rows) {
    // A mistake of this row, in words; false: the row is not stored.
    const bad = (field: string, words: string): false => {
      mistakes.add(place, field, words);
      return false;
    };
    if (table.exactLength && cells.length !== names.length) {
      mistakes.add(
        place,
        undefined,
        `the line has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, not ${names.length} (${names.join(', ')}): ${
          cells.length < names.length
            ? 'add the missing ones (an empty commentary still needs its comma)'
            : 'put text that holds commas in double quotes'
        }`,
      );
      continue;
    }
    const record: Record<string, string> = {};
    let readable = true;
    names.forEach((name, i) => {
      if (!(name in columnWords)) return;
      const read = cellText(cells[i]);
      if ('text' in read) record[name] = read.text;
      else {
        bad(name, `${columnWords[name]} is ${read.refused}`);
        readable = false;
      }
    });
    if (!readable) continue;
    // Length first: no pattern ever runs on a cell over the cap.
    const long = Object.entries(record).filter(([, cell]) => cell.length > maxCellLength);
    if (long.length > 0) {
      for (const [field] of long) bad(field, `${columnWords[field]} is longer than 4,000 characters: shorten it`);
      continue;
    }
    // The one text rule (domain/text.ts): what every output can carry.
    const unwritable = Object.entries(record).filter(([, cell]) => !isXmlText(cell));
    if (unwritable.length > 0) {
      for (const [field] of unwritable) bad(field, `${columnWords[field]} must hold ${xmlTextMessage}`);
      continue;
    }
    const commentary = record.commentary ?? '';
    if (table.kind === 'results') {
      const { measureId = '', period = '', value = '' } = record;
      if (template && value === '' && commentary === '') continue;
      let ok = true;
      if (measureId === '') ok = bad('measureId', 'the measure id is missing');
      else if (!isId(measureId))
        ok = bad(
          'measureId',
          `${showable(measureId) ? `"${measureId}"` : 'the measure id'} is not a measure id: copy the id from the measure's page`,
        );
      if (period === '') ok = bad('period', 'the period is missing');
      else if (!isPeriodId(period))
        ok = bad(
          'period',
          `${showable(period) ? `"${period}"` : 'the period'} is not a period: enter a year (2017-18), a quarter (2017-18-Q4) or a month (2018-03)`,
        );
      // Cells are capped before any pattern runs (docs/deploy.md "Security baseline").
      const typed = readTypedNumber(value);
      const number = 'value' in typed ? typed.value : Number.NaN;
      if ('problem' in typed) ok = bad('value', typedNumberWords[typed.problem]);
      else if (!isStorableNumber(number)) ok = bad('value', `the value must be ${storableNumberRule}`);
      const key = `result#${measureId}#${period}`;
      if (seen.has(key))
        ok = bad('period', `the same measure and period as line ${seen.get(key)}: keep one of the two lines`);
      seen.set(key, place.line);
      if (ok) results.push({ place, measureId, period, value: number, commentary: commentary || undefined });
    } else {
      const { actionId = '', quarter = '', status = '' } = record;
      if (template && status === '' && commentary === '') continue;
      let ok = true;
      if (actionId === '') ok = bad('actionId', 'the planned work id is missing');
      else if (!isId(actionId))
        ok = bad(
          'actionId',
          `${showable(actionId) ? `"${actionId}"` : 'the planned work id'} is not a planned work id: copy the id from the planned work's page`,
        );
      if (quarter === '') ok = bad('quarter', 'the quarter is missing');
      else if (!isQuarterId(quarter))
        ok = bad(
          'quarter',
          `${showable(quarter) ? `"${quarter}"` : 'the quarter'} is not a quarter: enter one like 2017-18-Q4`,
        );
      const chosen = status.toLowerCase() as ActionStatus;
      if (status === '') ok = bad('status', 'the status is missing: choose blue, green, amber or red');
      else if (!actionStatuses.includes(chosen)) ok = bad('status', 'choose blue, green, amber or red for the status');
      const key = `action#${actionId}#${quarter}`;
      if (seen.has(key))
        ok = bad('quarter', `the same planned work and quarter as line ${seen.get(key)}: keep one of the two lines`);
      seen.set(key, place.line);
      if (ok) actions.push({ place, actionId, quarter, status: chosen, commentary: commentary || undefined });
    }
  }
  return { results, actions };
}

/** A CSV body as the table its header names: results, or planned work (`actionId,…`). */
function csvTable(text: string, mistakes: Mistakes): Table {
  const { records, unreadable } = csvRecords(text, { trim: true });
  for (const { line, message } of unreadable) mistakes.add(csvPlace(line), undefined, message);
  const [first, ...data] = records;
  const names = (first?.record ?? []).map((n) => n.trim());
  const kind: TemplateKind = names.includes('actionId') ? 'actions' : 'results';
  const problem = headerProblem(kind, names);
  if (!first || problem) {
    const { columns } = kinds.results;
    throw new Invalid(`The CSV header must be ${columns.join(',')} (commentary may be left out).`, [
      { path: '/line/1', message: `Line 1: ${problem ?? headerProblem(kind, [])}` },
    ]);
  }
  if (data.length === 0 && mistakes.list.length === 0) throw new Invalid('The CSV has no rows.');
  if (data.length > maxRows) throw new Invalid(`The CSV has ${data.length} rows; import at most ${maxRows} at a time.`);
  return {
    kind,
    header: { place: csvPlace(first.info.lines), names },
    rows: data.map(({ record, info }) => ({ place: csvPlace(info.lines), cells: record })),
    exactLength: true,
  };
}

/** The template workbook's sheets as tables (read by the render-document function). */
async function workbookTables(bytes: Uint8Array, mistakes: Mistakes): Promise<Table[]> {
  const result = await invokeWorkbook({
    workbook: 'read-template',
    contentBase64: Buffer.from(bytes).toString('base64'),
  });
  if ('refused' in result) {
    if (result.malformed) throw new Malformed(result.refused);
    throw new Invalid(result.refused);
  }
  if (!('templateSheets' in result)) throw new Error('render-document answered a template read with no sheets');
  if (result.templateSheets.length === 0)
    throw new Invalid(
      `The workbook has no sheet ${resultsSheet} or ${plannedWorkSheet}: download a template from Upload results and fill that in.`,
    );
  const tables: Table[] = [];
  let rows = 0;
  for (const sheet of result.templateSheets) {
    const kind: TemplateKind = sheet.name === resultsSheet ? 'results' : 'actions';
    const place = sheetPlace(sheet.name, kind === 'results' ? 0 : 1);
    const [first, ...data] = sheet.rows;
    const names = (first?.cells ?? []).map((c) => {
      const read = cellText(c);
      return 'text' in read ? read.text : '';
    });
    while (names.length > 0 && names.at(-1) === '') names.pop();
    const problem = first?.row === 1 ? headerProblem(kind, names) : headerProblem(kind, []);
    if (problem) {
      mistakes.add(place(1), undefined, problem.replace('first line', 'first row'));
      continue;
    }
    rows += data.length;
    tables.push({
      kind,
      header: { place: place(1), names },
      rows: data.map(({ row, cells }) => ({ place: place(row), cells })),
      exactLength: false,
    });
  }
  if (rows > maxRows) throw new Invalid(`The workbook has ${rows} rows; import at most ${maxRows} at a time.`);
  return tables;
}

/** A rule the row breaks (domain/write-rules.ts and the item's own), in words with its line and column. */
function refusalWords(refusal: Error, row: ResultRow | ActionRow): { field: string | undefined; words: string } {
  const isResult = 'measureId' in row;
  const idField = isResult ? 'measureId' : 'actionId';
  if (refusal instanceof NotFound)
    return isResult
      ? { field: idField, words: `there is no measure "${row.measureId}": check the measure id` }
      : { field: idField, words: `there is no planned work "${row.actionId}": check the planned work id` };
  if (refusal instanceof Forbidden)
    return {
      field: idField,
      words: `${refusal.message.replace(/\.$/, '')}: leave this line out, or ask that directorate to upload it`,
    };
  if (refusal instanceof Invalid) {
    const value = refusal.errors.find((e) => e.path === '/value');
    if (value && isResult)
      return {
        field: 'value',
        words: `the value ${row.value} is outside what the measure can be: ${midSentence(value.message)}`,
      };
    if (refusal.errors.some((e) => e.path === '/commentary')) {
      if (!isResult)
        return {
          field: 'commentary',
          words: `the status is ${row.status}, so the commentary is needed: say what is happening and what is being done about it`,
        };
      const status = /is (\w+):/.exec(refusal.message)?.[1] ?? 'AMBER or RED';
      return {
        field: 'commentary',
        words: `the result is ${status}, so the commentary is needed: say why, and what is being done about it`,
      };
    }
    if (refusal.errors.some((e) => e.path === '/path/period'))
      return { field: 'period', words: `${refusal.message.replace(/\.$/, '')}: ${periodExamples(refusal.message)}` };
    if (refusal.errors.some((e) => e.path === '/path/quarter'))
      return {
        field: 'quarter',
        words: `${refusal.message.replace(/\.$/, '')}: it is reported ${refusal.errors[0]!.message.replace(/^a quarter /, '')}`,
      };
  }
  return { field: undefined, words: refusal.message.replace(/\.$/, '') };
}

/** What a period of the measure's kind looks like. */
function periodExamples(message: string): string {
  if (message.includes('monthly')) return 'enter a month, like 2018-03';
  if (message.includes('annual')) return 'enter a year, like 2017-18';
  return 'enter a quarter, like 2017-18-Q4';
}

/** Rows written at once: enough to be quick, few enough to stay under the table's burst. */
const writeWidth = 16;

export interface ImportOutcome {
  imported: number;
  /** Of which results, and planned-work updates. */
  results: number;
  plannedWork: number;
  /** Rows an earlier, interrupted send of the same file had already stored. */
  alreadyStored?: number;
}

/**
 * Every row valid → every row stored; any row invalid → Invalid naming every bad row,
 * nothing stored; a file whose only mistakes are rows for items the caller's directorate
 * does not own → Forbidden naming them.
 */
export async function importResults(
  body: SpreadsheetBody,
  caller: Caller,
  now: Date,
  /** The quarter chosen on Upload results: a row of another quarter is refused. */
  chosen?: string,
): Promise<ImportOutcome> {
  const mistakes = new Mistakes();
  const tables = body.type === 'csv' ? [csvTable(body.text, mistakes)] : await workbookTables(body.bytes, mistakes);
  const results: ResultRow[] = [];
  const actions: ActionRow[] = [];
  for (const table of tables) {
    const read = readTable(table, mistakes);
    results.push(...read.results);
    actions.push(...read.actions);
  }
  if (mistakes.list.length === 0 && results.length + actions.length === 0)
    throw new Invalid('The file has no results or planned work filled in: nothing to upload.');

  // The settings and the items named, then the close records of the quarters their rows
  // file under (a period like 2011-12 is a year or a month by its measure's frequency).
  const {
    measures,
    actions: definitions,
    settings,
  } = await readMeasuresAndSettings(
    [...new Set(results.map((r) => r.measureId))],
    [...new Set(actions.map((a) => a.actionId))],
  );
  const quarterOf = (row: ResultRow) => quarterOfPeriodFor(row.period, measures.get(row.measureId)?.frequency);
  // Consistently, with the closing markers: whether a quarter is closed must not be stale.
  const { closes, closing } = await readCloseRecords([
    ...new Set([...results.map(quarterOf), ...actions.map((a) => a.quarter)]),
  ]);
  const closedOrClosing = (quarter: string) => closes.has(quarter) || closing.has(quarter);
  let forbidden = 0;
  const refused = (refusal: Error | null, row: ResultRow | ActionRow) => {
    if (!refusal) return;
    if (refusal instanceof Forbidden) forbidden++;
    const { field, words } = refusalWords(refusal, row);
    mistakes.add(row.place, field, words);
  };
  const otherQuarter = (row: ResultRow | ActionRow, quarter: string, field: string, what: string) => {
    if (chosen === undefined || quarter === chosen) return false;
    const words = `${what} is not in ${periodLabel(chosen, 'en')}, the quarter chosen: correct it, or choose ${periodLabel(quarter, 'en')} and upload again`;
    mistakes.add(row.place, field, words);
    return true;
  };
  for (const row of results) {
    const quarter = quarterOf(row);
    const frequency = measures.get(row.measureId)?.frequency;
    if (otherQuarter(row, quarter, 'period', `the period ${periodLabel(row.period, 'en', frequency)}`)) continue;
    const context = {
      definition: measures.get(row.measureId),
      head: null,
      currentVersion: 0,
      close: closes.get(quarter),
      closing: closing.has(quarter),
      settings,
    };
    refused(resultRefusal(context, caller, row), row);
  }
  for (const row of actions) {
    if (otherQuarter(row, row.quarter, 'quarter', `the quarter ${periodLabel(row.quarter, 'en')}`)) continue;
    const context = {
      definition: definitions.get(row.actionId),
      close: closes.get(row.quarter),
      closing: closing.has(row.quarter),
    };
    refused(actionUpdateRefusal(context, caller, row), row);
  }
  // Every mistake at once, in line order, whichever check found it: a file with only
  // rows for other directorates' items is forbidden (403), anything else invalid (422).
  if (mistakes.list.length > 0) {
    const lines = mistakes.lines();
    const summary = `${lines} ${lines === 1 ? 'line has a mistake' : 'lines have mistakes'}; nothing was stored. Correct ${lines === 1 ? 'it' : 'them'} and upload the file again.`;
    if (forbidden === mistakes.list.length) throw new Forbidden(summary, mistakes.sorted());
    throw new Invalid(summary, mistakes.sorted());
  }

  // No transactions: rows are written one by one, each tagged with the import's id, so
  // if a write fails part way the same file sent again finishes the import and repeats
  // no row it had already stored.
  const importId = createHash('sha256')
    .update(caller.sub)
    .update('\0')
    .update(body.type === 'csv' ? body.text : body.bytes)
    .digest('base64url')
    .slice(0, 22);
  const at = now.toISOString();
  const common = {
    by: caller.sub,
    byName: callerName(caller) ?? undefined,
    email: caller.email ?? undefined,
    at,
    writeKey: importId,
  };
  let replayed = 0;
  let written = 0;
  // Rows written to quarters that were open when read: re-checked against a close afterwards.
  const unsettled: { subject: WriteSubject; version: number }[] = [];
  const writes: (() => Promise<void>)[] = [
    ...results.map((row) => async () => {
      const quarter = quarterOf(row);
      const closed = closedOrClosing(quarter);
      const { measureId, period, value, commentary } = row;
      const version = await writeResult({
        ...common,
        measureId,
        period,
        value,
        commentary,
        quarter,
        amendment: closed || undefined,
        // An amendment awaits nobody: no decision can be taken on a closed quarter (docs/sign-off.md).
        submitted: settings.signOff === 'on' && !closed,
      });
      if (!closed) unsettled.push({ subject: { kind: 'result', measureId, period, quarter }, version });
    }),
    ...actions.map((row) => async () => {
      const closed = closedOrClosing(row.quarter);
      const { actionId, quarter, status, commentary } = row;
      const version = await writeActionUpdate({
        ...common,
        actionId,
        quarter,
        status,
        commentary,
        amendment: closed || undefined,
        submitted: settings.signOff === 'on' && !closed,
      });
      if (!closed) unsettled.push({ subject: { kind: 'action-update', actionId, quarter }, version });
    }),
  ];
  try {
    for (let i = 0; i < writes.length; i += writeWidth) {
      // allSettled: every write of the batch has finished before a failure is reported, so the count is exact.
      const outcomes = await Promise.allSettled(writes.slice(i, i + writeWidth).map((write) => write()));
      let failure: unknown;
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') written++;
        else if (outcome.reason instanceof VersionConflict) replayed++;
        else failure ??= outcome.reason;
      }
      if (failure) throw failure;
    }
    await settleAllAgainstClose(unsettled);
  } catch (error) {
    // Best effort: the rows that did land are still judged against a close.
    await settleAllAgainstClose(unsettled).catch(() => undefined);
    throw importFailure(error, written, written + replayed, writes.length, 'rows');
  }
  return {
    imported: writes.length,
    results: results.length,
    plannedWork: actions.length,
    ...(replayed > 0 && { alreadyStored: replayed }),
  };
}
