// POST /imports/results: a CSV of results, all rows stored or none (README "Import").
import { createHash } from 'node:crypto';
import type { Caller } from '../domain/caller';
import { type FieldError, Forbidden, Invalid, NotFound, VersionConflict } from '../domain/errors';
import { isId, isPeriodId } from '../domain/ids';
import { isStorableNumber, storableNumberRule } from '../domain/storable-number';
import { isXmlText, isShowable as showable, xmlTextMessage } from '../domain/text';
import { readTypedNumber, typedNumberWords } from '../domain/value-range';
import { readMeasuresAndSettings } from '../store/definitions';
import { readCloseRecords } from '../store/quarter';
import { writeResult } from '../store/results';
import type { WriteSubject } from '../store/write-context';
import { settleAllAgainstClose } from './close-race';
import { csvRecords } from './csv-records';
import { importFailure } from './import-interrupted';
import { quarterOfPeriodFor, type ResultSubmission, resultRefusal } from './results';

const header = ['measureId', 'period', 'value', 'commentary'];
const maxRows = 5000;
const maxCellLength = 4000;

interface Row extends ResultSubmission {
  line: number;
}

/** Each column in words, for the messages ("Line 5: the value is missing"). */
const columnWords: Record<string, string> = {
  measureId: 'the measure id',
  period: 'the period',
  value: 'the value',
  commentary: 'the commentary',
};

/** A message starting mid-sentence, after "Line 5: ". */
const midSentence = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const onLine = (line: number, words: string) => `Line ${line}: ${midSentence(words)}`;

/**
 * The CSV's rows, and every mistake in it at once (SPEC §12 "Words, not data"): a line
 * of the wrong length, a cell that is no measure id, period or number, a repeated line,
 * each with its line and column in words and what to do. Only a file that is not a
 * results CSV at all (its first line is not the header) stops at the first mistake.
 */
function parseRows(text: string): { rows: Row[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { records, unreadable } = csvRecords(text, { trim: true });
  for (const { line, message } of unreadable) errors.push({ path: `/line/${line}`, message: onLine(line, message) });
  const [first, ...data] = records;
  const names = (first?.record ?? []).map((n) => n.trim());
  const required = header.slice(0, 3);
  if (
    !first ||
    !required.every((n) => names.includes(n)) ||
    names.some((n) => !header.includes(n)) ||
    new Set(names).size !== names.length
  ) {
    const found = names.join(',');
    throw new Invalid(`The CSV header must be ${header.join(',')} (commentary may be left out).`, [
      {
        path: '/line/1',
        message: `Line 1: the first line must name the columns ${header.join(',')} (commentary may be left out)${
          !first
            ? ''
            : showable(found)
              ? `; it is ${found}`
              : '; it is not text: save the file as CSV (comma separated)'
        }`,
      },
    ]);
  }
  if (data.length === 0 && errors.length === 0) throw new Invalid('The CSV has no rows.');
  if (data.length > maxRows) throw new Invalid(`The CSV has ${data.length} rows; import at most ${maxRows} at a time.`);
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { record: cells, info } of data) {
    const line = info.lines;
    const bad = (field: string, words: string) =>
      errors.push({ path: `/line/${line}/${field}`, message: onLine(line, words) });
    if (cells.length !== names.length) {
      errors.push({
        path: `/line/${line}`,
        message: onLine(
          line,
          `the line has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, not ${names.length} (${names.join(', ')}): ${
            cells.length < names.length
              ? 'add the missing ones (an empty commentary still needs its comma)'
              : 'put text that holds commas in double quotes'
          }`,
        ),
      });
      continue;
    }
    const record = Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
    const { measureId = '', period = '', value = '', commentary = '' } = record;
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
    let ok = true;
    if (measureId === '') ok = !bad('measureId', 'the measure id is missing');
    else if (!isId(measureId))
      ok = !bad(
        'measureId',
        `${showable(measureId) ? `"${measureId}"` : 'the measure id'} is not a measure id: copy the id from the measure's page`,
      );
    if (period === '') ok = !bad('period', 'the period is missing');
    else if (!isPeriodId(period))
      ok = !bad(
        'period',
        `${showable(period) ? `"${period}"` : 'the period'} is not a period: enter a year (2017-18), a quarter (2017-18-Q4) or a month (2018-03)`,
      );
    // Cells are capped before any pattern runs (docs/deploy.md "Security baseline").
    const typed = readTypedNumber(value);
    const number = 'value' in typed ? typed.value : Number.NaN;
    if ('problem' in typed) ok = !bad('value', typedNumberWords[typed.problem]);
    else if (!isStorableNumber(number)) ok = !bad('value', `the value must be ${storableNumberRule}`);
    const key = `${measureId}#${period}`;
    if (seen.has(key))
      ok = !bad('period', `the same measure and period as line ${seen.get(key)}: keep one of the two lines`);
    seen.set(key, line);
    if (ok) rows.push({ line, measureId, period, value: number, commentary: commentary || undefined });
  }
  return { rows, errors };
}

/** A rule the row breaks (domain/write-rules.ts and the measure's own), in words with its line and column. */
function refusalOnLine(refusal: Error, row: Row): FieldError[] {
  const { line } = row;
  if (refusal instanceof NotFound)
    return [
      {
        path: `/line/${line}/measureId`,
        message: onLine(line, `there is no measure "${row.measureId}": check the measure id`),
      },
    ];
  if (refusal instanceof Invalid) {
    const value = refusal.errors.find((e) => e.path === '/value');
    if (value)
      return [
        {
          path: `/line/${line}/value`,
          message: onLine(line, `the value ${row.value} is outside what the measure can be: ${value.message}`),
        },
      ];
    if (refusal.errors.some((e) => e.path === '/commentary')) {
      const status = /is (\w+):/.exec(refusal.message)?.[1] ?? 'AMBER or RED';
      return [
        {
          path: `/line/${line}/commentary`,
          message: onLine(
            line,
            `the result is ${status}, so the commentary is needed: say why, and what is being done about it`,
          ),
        },
      ];
    }
    if (refusal.errors.some((e) => e.path === '/path/period'))
      return [
        {
          path: `/line/${line}/period`,
          message: onLine(line, `${refusal.message.replace(/\.$/, '')}: ${periodExamples(refusal.message)}`),
        },
      ];
  }
  if (refusal instanceof Forbidden)
    return [
      {
        path: `/line/${line}/measureId`,
        message: onLine(
          line,
          `${refusal.message.replace(/\.$/, '')}: leave this line out, or ask that directorate to upload it`,
        ),
      },
    ];
  return [{ path: `/line/${line}`, message: onLine(line, refusal.message.replace(/\.$/, '')) }];
}

/** What a period of the measure's kind looks like. */
function periodExamples(message: string): string {
  if (message.includes('monthly')) return 'enter a month, like 2018-03';
  if (message.includes('annual')) return 'enter a year, like 2017-18';
  return 'enter a quarter, like 2017-18-Q4';
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
    (refusal instanceof Forbidden ? forbidden : errors).push(...refusalOnLine(refusal, row));
  }
  // Every mistake at once, in line order, whichever check found it: a file with only
  // rows for other directorates' measures is forbidden (403), anything else invalid (422).
  const all = [...errors, ...forbidden].sort((a, b) => lineOf(a) - lineOf(b));
  const lines = new Set(all.map(lineOf)).size;
  const summary = `${lines} ${lines === 1 ? 'line has a mistake' : 'lines have mistakes'}; nothing was stored. Correct ${lines === 1 ? 'it' : 'them'} and upload the file again.`;
  if (errors.length === 0 && forbidden.length > 0) throw new Forbidden(summary, all);
  if (all.length > 0) throw new Invalid(summary, all);

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
            // An amendment awaits nobody: no decision can be taken on a closed quarter (docs/sign-off.md).
            submitted: settings.signOff === 'on' && !closed,
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
