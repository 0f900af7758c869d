// POST /imports/results: a CSV of results, all rows stored or none (README "Import").
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Caller } from '../domain/caller';
import { type FieldError, Forbidden, Invalid, Malformed, VersionConflict } from '../domain/errors';
import { isId, isPeriodId } from '../domain/ids';
import { isStorableNumber, storableNumberRule } from '../domain/storable-number';
import { isXmlText, xmlTextMessage } from '../domain/text';
import { readTypedNumber, typedNumberWords } from '../domain/value-range';
import { readMeasuresAndSettings } from '../store/definitions';
import { readCloseRecords } from '../store/quarter';
import { writeResult } from '../store/results';
import type { WriteSubject } from '../store/write-context';
import { settleAllAgainstClose } from './close-race';
import { importFailure } from './import-interrupted';
import { quarterOfPeriodFor, type ResultSubmission, resultRefusal } from './results';

const header = ['measureId', 'period', 'value', 'commentary'];
const maxRows = 5000;
const maxCellLength = 4000;

interface Row extends ResultSubmission {
  line: number;
}

function parseRows(text: string): { rows: Row[]; errors: FieldError[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (names: string[]) => {
        const cleaned = names.map((n) => n.trim());
        const required = header.slice(0, 3);
        if (
          !required.every((n) => cleaned.includes(n)) ||
          cleaned.some((n) => !header.includes(n)) ||
          new Set(cleaned).size !== cleaned.length
        ) {
          throw new Invalid(`The CSV header must be ${header.join(',')} (commentary may be left out).`, [
            { path: '/line/1', message: `found: ${cleaned.join(',').slice(0, 200)}` },
          ]);
        }
        return cleaned;
      },
      info: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    if (error instanceof Invalid) throw error;
    throw new Malformed(`The request body is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new Invalid('The CSV has no rows.');
  if (records.length > maxRows)
    throw new Invalid(`The CSV has ${records.length} rows; import at most ${maxRows} at a time.`);
  const rows: Row[] = [];
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const bad = (field: string, message: string) => errors.push({ path: `/line/${line}/${field}`, message });
    const { measureId = '', period = '', value = '', commentary = '' } = record;
    // Length first: no pattern ever runs on a cell over the cap.
    const long = Object.entries(record).filter(([, cell]) => cell.length > maxCellLength);
    if (long.length > 0) {
      for (const [field] of long) bad(field, 'longer than 4,000 characters');
      continue;
    }
    // The one text rule (domain/text.ts): what every output can carry.
    const unwritable = Object.entries(record).filter(([, cell]) => !isXmlText(cell));
    if (unwritable.length > 0) {
      for (const [field] of unwritable) bad(field, xmlTextMessage);
      continue;
    }
    let ok = true;
    if (!isId(measureId)) ok = !bad('measureId', 'not a measure id');
    if (!isPeriodId(period)) ok = !bad('period', 'not a period id (2017-18, 2017-18-Q4 or 2018-03)');
    // Cells are capped before any pattern runs (docs/deploy.md "Security baseline").
    const typed = readTypedNumber(value);
    const number = 'value' in typed ? typed.value : Number.NaN;
    if ('problem' in typed) ok = !bad('value', typedNumberWords[typed.problem]);
    else if (!isStorableNumber(number)) ok = !bad('value', storableNumberRule);
    const key = `${measureId}#${period}`;
    if (seen.has(key)) ok = !bad('period', `the same measure and period as line ${seen.get(key)}`);
    seen.set(key, line);
    if (ok) rows.push({ line, measureId, period, value: number, commentary: commentary || undefined });
  }
  return { rows, errors };
}

const lineOf = (e: FieldError) => Number(e.path.split('/')[2]);

/** Rows written at once: enough to be quick, few enough to stay under the table's burst. */
const writeWidth = 16;

export interface ImportOutcome {
  imported: number;
  /** Rows an earlier, interrupted send of the same file had already stored. */
  alreadyStored?: number;
}

/**
 * Every row valid → every row stored; any row invalid → Invalid naming every bad row,
 * nothing stored; a row for a measure the caller's directorate does not own → Forbidden.
 */
export async function importResults(csv: string, caller: Caller, now: Date): Promise<ImportOutcome> {
  const { rows, errors } = parseRows(csv);
  // The settings and the measures named, then the close records of the quarters their
  // rows file under (a period like 2011-12 is a year or a month by its measure's frequency).
  const { measures, settings } = await readMeasuresAndSettings([...new Set(rows.map((r) => r.measureId))]);
  const quarterOf = (row: Row) => quarterOfPeriodFor(row.period, measures.get(row.measureId)?.frequency);
  // Consistently, with the closing markers: whether a quarter is closed must not be stale.
  const { closes, closing } = await readCloseRecords([...new Set(rows.map(quarterOf))]);
  const closedOrClosing = (quarter: string) => closes.has(quarter) || closing.has(quarter);
  const forbidden: FieldError[] = [];
  for (const row of rows) {
    const refusal = resultRefusal(
      {
        definition: measures.get(row.measureId),
        head: null,
        currentVersion: 0,
        close: closes.get(quarterOf(row)),
        closing: closing.has(quarterOf(row)),
        settings,
      },
      caller,
      row,
    );
    if (!refusal) continue;
    // A rule on one column (the value's range, the commentary) names that column of the line.
    const columns =
      refusal instanceof Invalid ? refusal.errors.filter((e) => /^\/(value|commentary)$/.test(e.path)) : [];
    if (columns.length > 0)
      errors.push(
        ...columns.map((e) => ({ path: `/line/${row.line}${e.path}`, message: `${refusal.message} (${e.message})` })),
      );
    else
      (refusal instanceof Forbidden ? forbidden : errors).push({ path: `/line/${row.line}`, message: refusal.message });
  }
  // In line order, whichever check found them.
  errors.sort((a, b) => lineOf(a) - lineOf(b));
  // Rows the caller may not write make the whole request forbidden, not merely invalid.
  if (forbidden.length > 0)
    throw new Forbidden(
      `${forbidden.length} row(s) are for measures your directorate does not own; nothing was stored.`,
      forbidden,
    );
  if (errors.length > 0)
    throw new Invalid(
      `${new Set(errors.map((e) => e.path.split('/')[2])).size} row(s) are invalid; nothing was stored.`,
      errors,
    );

  // No transactions: rows are written one by one, each tagged with the import's id, so
  // if a write fails part way the same file sent again finishes the import and repeats
  // no row it had already stored.
  const importId = createHash('sha256').update(caller.sub).update('\0').update(csv).digest('base64url').slice(0, 22);
  const at = now.toISOString();
  let replayed = 0;
  let written = 0;
  // Rows written to quarters that were open when read: re-checked against a close afterwards.
  const unsettled: { subject: WriteSubject; version: number }[] = [];
  try {
    for (let i = 0; i < rows.length; i += writeWidth) {
      // allSettled: every write of the batch has finished before a failure is reported, so the count is exact.
      const outcomes = await Promise.allSettled(
        rows.slice(i, i + writeWidth).map(async (row) => {
          const quarter = quarterOf(row);
          const closed = closedOrClosing(quarter);
          const { measureId, period, value, commentary } = row;
          const version = await writeResult({
            measureId,
            period,
            value,
            commentary,
            quarter,
            by: caller.sub,
            submitted: settings.signOff === 'on',
            email: caller.email ?? undefined,
            at,
            amendment: closed || undefined,
            writeKey: importId,
          });
          if (!closed) unsettled.push({ subject: { kind: 'result', measureId, period, quarter }, version });
        }),
      );
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
    throw importFailure(error, written, written + replayed, rows.length, 'rows');
  }
  return { imported: rows.length, ...(replayed > 0 && { alreadyStored: replayed }) };
}
