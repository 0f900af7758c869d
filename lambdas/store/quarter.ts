import { finished } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SubjectPart } from '../domain/close-subject';
import { recordedWho } from '../domain/display-name';
import type { ActionUpdateValue, RemedialAction, Report, ReportInput, ResultValue } from '../domain/types';
import { batchGet, batchGetAll, keyId } from './batch';
import { db, tableName } from './client';
import { type Item, stripKeys } from './item';
import {
  closeMailPk,
  closeMailSk,
  closeSk,
  closingSk,
  quarterPk,
  reminderSkPrefix,
  snapshotPk,
  snapshotPrefix,
  snapshotSk,
} from './keys';
import {
  type MailState,
  type OutboxRef,
  outboxAttributes,
  outboxProjection,
  putOutboxItem,
  setAttributes,
} from './outbox';
import { queryAll, queryPages } from './query';
import { currentDecision } from './sign-off';

export interface CloseRecord {
  quarter: string;
  revision: number;
  closedAt: string;
  /** When the current revision's snapshot was frozen. */
  revisedAt: string;
  chunks: number;
  /** Which close attempt's chunks this revision is. */
  writeId: string;
  /** The revision whose email went out; absent until one did. */
  emailSentRevision?: number;
  emailSentAt?: string;
  /** The sent email's subject and recipients, for the close's answer (the web app's Close quarter page). */
  emailSubject?: string;
  emailTo?: string[];
  /**
   * The current revision's email subject by language (docs/cymraeg.md), whichever of
   * `emailSubject`, `mailSubject` or its outbox record holds the subject; absent on a close
   * committed before it was kept (the subject's languages unknown).
   */
  emailSubjectParts?: SubjectPart[];
  /**
   * The current revision's email while it has no outbox record of its own yet (the seed
   * the commit wrote: `materialiseCloseOutbox` makes it one): its revision, with
   * `mailSubject`, `mailTo` and `mailQueuedAt`.
   */
  outboxSeq?: number;
  mailQueuedAt?: string;
  /** The outbox record of a close committed before one record per message: `mailSeq` is its revision. */
  mailSeq?: number;
  mailState?: MailState;
  mailTo?: string[];
  mailSubject?: string;
  mailSentAt?: string;
  mailError?: string;
  mailGaveUp?: boolean;
}

export interface QuarterData {
  results: ResultValue[];
  actionUpdates: ActionUpdateValue[];
  remedialActions: Record<string, RemedialAction>;
  close: CloseRecord | undefined;
  /** `<daysBeforeClose>#<directorate>` of the reminders already sent for the quarter. */
  remindersSent: Set<string>;
  /**
   * Who wrote each result and update head last, and when, by sort key (resultSk, updateSk):
   * kept apart from the values so the report's input (and a snapshot of it) does not grow.
   */
  writers?: Map<string, { by?: string; byName?: string; byEmail?: string | null; at?: string }>;
}

/**
 * A quarter's results, updates, remedial actions and close record: one Query (paged by
 * size). Versions live outside the partition; heads written by the old design still hold
 * a `versions` list, which the projection leaves out. `consistent`: the close's read,
 * which must see every write committed before its closing marker. `writers: false`: a
 * quarter read only for its figures (the report's last quarter and last year), whose
 * `writers` no one reads, so none is made.
 */
export async function readQuarter(
  quarter: string,
  options: { consistent?: boolean; writers?: boolean } = {},
): Promise<QuarterData> {
  const data: QuarterData = {
    results: [],
    actionUpdates: [],
    remedialActions: {},
    close: undefined,
    remindersSent: new Set(),
    ...(options.writers !== false && { writers: new Map() }),
  };
  // Each page converted as it arrives: the items of one page at a time, not of the quarter.
  await queryPages<Item>(
    {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': quarterPk(quarter) },
      ...(options.consistent && { ConsistentRead: true }),
      ProjectionExpression: `pk, sk, measureId, #period, #value, commentary, breakdown, version, actionId, quarter, #status, #text, #owner, dueDate, #by, byName, byEmail, #email, #at, revision, closedAt, revisedAt, chunks, writeId, emailSentRevision, emailSentAt, emailSubject, emailSubjectParts, emailTo, submitted, #decision, approved, ${outboxProjection.join(', ')}`,
      ExpressionAttributeNames: {
        '#email': 'email',
        '#period': 'period',
        '#value': 'value',
        '#status': 'status',
        '#text': 'text',
        '#owner': 'owner',
        '#by': 'by',
        '#at': 'at',
        '#decision': 'decision',
      },
    },
    (items) => addItems(data, quarter, items),
  );
  return data;
}

/**
 * A page of a quarter's items into its data. Each object made once, its fields set in the
 * order they are listed (a close reads three quarters of 10,000 results: no intermediate
 * objects to spread, and who wrote it worked out once for both its writer and its sign-off).
 * Without `data.writers` (a quarter whose writers no one reads), no writer is made.
 */
function addItems(data: QuarterData, quarter: string, items: readonly Item[]): void {
  for (const item of items) {
    const sk = String(item.sk);
    const isResult = sk.startsWith('RESULT#');
    if (isResult || sk.startsWith('UPDATE#')) {
      let who: Who | undefined;
      if (data.writers && (item.by !== undefined || item.at !== undefined)) {
        // Who in words (SPEC §12), from what the version keeps (no People read on the report's path).
        who = whoOf(item);
        const writer: Writer = {};
        if (typeof item.by === 'string') writer.by = item.by;
        writer.byName = who.byName;
        writer.byEmail = who.byEmail;
        if (typeof item.at === 'string') writer.at = item.at;
        data.writers.set(sk, writer);
      }
      if (isResult) {
        const { measureId, period, value, commentary, breakdown, version } = item as unknown as ResultValue;
        const result: Mutable<ResultValue> = { measureId, period, value, version };
        if (commentary !== undefined) result.commentary = commentary;
        if (breakdown !== undefined) result.breakdown = breakdown;
        data.results.push(withSignOff(result, item, who));
      } else {
        const { actionId, status, commentary, version } = item as unknown as ActionUpdateValue;
        const update: Mutable<ActionUpdateValue> = { actionId, quarter, status, version };
        if (commentary !== undefined) update.commentary = commentary;
        data.actionUpdates.push(withSignOff(update, item, who));
      }
    } else if (sk.startsWith('REMEDIAL#')) {
      // defineProperty: an item id is a key like any other, __proto__ included.
      Object.defineProperty(data.remedialActions, sk.slice('REMEDIAL#'.length), {
        value: stripKeys<RemedialAction>(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (sk === closeSk) {
      data.close = stripKeys<CloseRecord>(item);
    } else if (sk.startsWith(reminderSkPrefix)) {
      data.remindersSent.add(sk.slice(reminderSkPrefix.length));
    }
  }
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : null);

/** No People read on the report's path: recordedWho names people from what the version keeps. */
const noPeopleNames: ReadonlyMap<string, string> = new Map();

/** A version's author in words and their address (domain/display-name.ts recordedWho). */
function whoOf(item: Item) {
  const who = recordedWho(
    { by: textOf(item.by), byName: textOf(item.byName), email: textOf(item.byEmail) ?? textOf(item.email) },
    noPeopleNames,
  );
  return { byName: who.name, byEmail: who.email };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Who = ReturnType<typeof whoOf>;
type Writer = NonNullable<QuarterData['writers']> extends Map<string, infer W> ? Mutable<W> : never;

/**
 * A head's sign-off fields (docs/sign-off.md), set on its value: absent on items saved
 * while sign-off was off. `who`: the item's author in words, if already worked out.
 */
function withSignOff<T extends ResultValue | ActionUpdateValue>(value: T, item: Item, who: Who | undefined): T {
  const fields = value as unknown as Record<string, unknown>;
  if (item.submitted === true) {
    const { byName, byEmail } = who ?? whoOf(item);
    fields.submitted = true;
    fields.by = String(item.by);
    fields.byName = byName;
    fields.byEmail = byEmail;
    fields.at = String(item.at);
  }
  const decision = currentDecision(item);
  if (decision) fields.decision = decision;
  if (item.approved !== undefined) fields.approved = item.approved;
  return value;
}

/** What a revision freezes: the report, and the result versions it was computed from. */
export interface Snapshot {
  report: Report;
  /** The data the report was computed from, so a plan's view of a closed quarter is rebuilt from the frozen figures. */
  input: ReportInput;
  /** `<measureId>#<period>` → version, to list later amendments beside the frozen figures. */
  frozenVersions: Record<string, number>;
}

const chunkBytes = 300 * 1024;

/**
 * JSON.stringify(value) of a plain object (not an array) as its members' texts: joined, the same text
 * (undefined, function and symbol members left out as stringify leaves them out).
 */
export function* jsonMembers(value: object): Generator<string> {
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    const text = JSON.stringify(member) as string | undefined;
    if (text === undefined) continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    yield text;
    first = false;
  }
  yield first ? '{}' : '}';
}

/**
 * Writes a revision's chunks (the gzipped JSON, 300 KB an item); they are invisible until
 * `commitClose` points at them. The thread pool compresses the report's text while the
 * input's is made. Making and encoding the text is most of this function's time
 * (docs/storage.md "Writes racing a close").
 */
export async function writeSnapshotChunks(
  quarter: string,
  revision: number,
  writeId: string,
  snapshot: Snapshot,
): Promise<number> {
  // Level 1: the close waits for this, and the chunks are read only by closed reports and the mailer.
  const gzip = createGzip({ level: 1, chunkSize: 1024 * 1024 });
  const out: Buffer[] = [];
  gzip.on('data', (data: Buffer) => out.push(data));
  const compressed = finished(gzip);
  const encoder = new TextEncoder();
  for (const text of jsonMembers(snapshot)) gzip.write(encoder.encode(text));
  gzip.end();
  await compressed;
  const all = Buffer.concat(out);
  const chunks = Math.max(1, Math.ceil(all.length / chunkBytes));
  await Promise.all(
    Array.from({ length: chunks }, (_, i) =>
      db().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            pk: snapshotPk(quarter),
            sk: snapshotSk(revision, writeId, i),
            data: all.subarray(i * chunkBytes, (i + 1) * chunkBytes),
          },
        }),
      ),
    ),
  );
  return chunks;
}

export async function readSnapshot(record: CloseRecord): Promise<Snapshot> {
  const items = await queryAll<Item>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rev)',
    ExpressionAttributeValues: {
      ':pk': snapshotPk(record.quarter),
      ':rev': snapshotPrefix(record.revision, record.writeId),
    },
  });
  const buffers = items.map((item) => Buffer.from(item.data as Uint8Array));
  return JSON.parse(gunzipSync(Buffer.concat(buffers)).toString('utf8')) as Snapshot;
}

/**
 * A close has begun: written before the close reads the quarter, so a write that finds
 * no marker after it committed is sure to be in the snapshot (docs/storage.md "Writes
 * racing a close"). It stays after the close; only the first attempt's time is kept.
 */
export async function markClosing(quarter: string, at: Date): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: quarterPk(quarter), sk: closingSk },
      UpdateExpression: 'SET #at = if_not_exists(#at, :at)',
      ExpressionAttributeNames: { '#at': 'at' },
      ExpressionAttributeValues: { ':at': at.toISOString() },
    }),
  );
}

/** Whether a close of the quarter has begun or committed, read consistently (a write's re-check). */
export async function readCloseState(quarter: string): Promise<{ closed: boolean; closing: boolean }> {
  const found = await batchGet(
    [
      { pk: quarterPk(quarter), sk: closeSk },
      { pk: quarterPk(quarter), sk: closingSk },
    ],
    { consistent: true },
  );
  return {
    closed: found.has(keyId({ pk: quarterPk(quarter), sk: closeSk })),
    closing: found.has(keyId({ pk: quarterPk(quarter), sk: closingSk })),
  };
}

/**
 * The close's single atomic commit, with its email's seed on the same item (so the
 * snapshot and the email to send are one conditional write): the record appears only if
 * no close exists yet (revision 1) or the previous revision is still current (a reissue;
 * the previous revision's seed must have become a record first: `materialiseCloseOutbox`).
 * Returns false when another close got there first.
 */
export async function commitClose(record: CloseRecord, previousRevision: number, outbox: Item = {}): Promise<boolean> {
  try {
    if (previousRevision === 0) {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { pk: quarterPk(record.quarter), sk: closeSk, ...record, ...outbox },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } else {
      const { set, names, values } = setAttributes(outbox);
      // The previous revision's seed goes (it is a record of its own by now), and so does a
      // record kept on this item before one record per message; a sent email stays in emailSent*.
      const stale = [
        'outboxSeq',
        'mailQueuedAt',
        'gsi1pk',
        'gsi1sk',
        'mailKind',
        'mailSeq',
        'mailState',
        'mailCc',
        'mailAttempts',
        'mailClaimId',
        'mailClaimedUntil',
        'mailMessageId',
        'mailSentAt',
        'mailError',
        'mailRetryAt',
        'mailGaveUp',
        'mailData',
      ].filter((n) => !(n in outbox));
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: quarterPk(record.quarter), sk: closeSk },
          UpdateExpression: `SET ${['revision = :rev', 'revisedAt = :at', 'chunks = :chunks', 'writeId = :writeId', ...set].join(', ')}${set.length > 0 ? ` REMOVE ${stale.join(', ')}` : ''}`,
          ConditionExpression: 'revision = :prev',
          ...(set.length > 0 && { ExpressionAttributeNames: names }),
          ExpressionAttributeValues: {
            ':rev': record.revision,
            ':at': record.revisedAt,
            ':chunks': record.chunks,
            ':writeId': record.writeId,
            ':prev': previousRevision,
            ...values,
          },
        }),
      );
    }
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Where the EMT email of a quarter's revision has its outbox record. */
export const closeMailRef = (quarter: string, revision: number): OutboxRef => ({
  pk: closeMailPk(quarter),
  sk: closeMailSk(revision),
  seq: revision,
});

/**
 * Makes a close's seed the outbox record of its revision's email, an item of its own,
 * written once (the mailer, the sweep and the next reissue each do it when they find
 * the seed; whoever comes second writes nothing), then clears the seed. The record holds
 * what the mailer renders from: the revision's snapshot pointer, subject and recipients.
 * Returns the record's ref, or null when the close has no seed of its current revision.
 */
export async function materialiseCloseOutbox(close: CloseRecord, now: Date): Promise<OutboxRef | null> {
  const seq = close.outboxSeq;
  if (seq === undefined || seq !== close.revision) return null;
  const ref = closeMailRef(close.quarter, seq);
  await putOutboxItem({
    pk: ref.pk,
    sk: ref.sk,
    quarter: close.quarter,
    revision: seq,
    closedAt: close.closedAt,
    revisedAt: close.revisedAt,
    chunks: close.chunks,
    writeId: close.writeId,
    ...outboxAttributes({
      kind: seq > 1 ? 'reissue' : 'close',
      seq,
      to: close.mailTo ?? [],
      subject: close.mailSubject ?? '',
      now,
      pk: ref.pk,
      sk: ref.sk,
    }),
  });
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: quarterPk(close.quarter), sk: closeSk },
        UpdateExpression: 'REMOVE outboxSeq, gsi1pk, gsi1sk',
        ConditionExpression: 'outboxSeq = :seq',
        ExpressionAttributeValues: { ':seq': seq },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  return ref;
}

/**
 * The close's own note of its EMT email once SES accepted it (what GET /reports, the
 * close-preview and the watchdog read): only ever forward, so a close's email sent after
 * its reissue's leaves the reissue's in place.
 */
export async function recordCloseEmailSent(
  quarter: string,
  revision: number,
  email: { at: string; subject: string; to: string[] },
): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: quarterPk(quarter), sk: closeSk },
        UpdateExpression: 'SET emailSentRevision = :rev, emailSentAt = :at, emailSubject = :subject, emailTo = :to',
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(emailSentRevision) OR emailSentRevision < :rev)',
        ExpressionAttributeValues: { ':rev': revision, ':at': email.at, ':subject': email.subject, ':to': email.to },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** A quarter's close record, read consistently (the mailer and the sweep, before making its seed a record). */
export async function readClose(quarter: string): Promise<CloseRecord | undefined> {
  return (await readCloseRecords([quarter])).closes.get(quarter);
}

/**
 * When each of these quarters closed, for those that are closed: what a form shows of a
 * closed quarter (SPEC §12 "Words, not data"). Eventually consistent (a page, not a write,
 * reads it), in BatchGetItem requests of 100 keys.
 */
export async function readClosedAt(quarters: readonly string[]): Promise<{ quarter: string; closedAt: string }[]> {
  const found = await batchGetAll(quarters.map((quarter) => ({ pk: quarterPk(quarter), sk: closeSk })));
  return quarters.flatMap((quarter) => {
    const item = found.get(keyId({ pk: quarterPk(quarter), sk: closeSk }));
    return item ? [{ quarter, closedAt: String(item.closedAt) }] : [];
  });
}

/**
 * The close records and closing markers of these quarters, read consistently (an import
 * decides on them), in BatchGetItem requests of 100 keys.
 */
export async function readCloseRecords(
  quarters: readonly string[],
): Promise<{ closes: Map<string, CloseRecord>; closing: Set<string> }> {
  const keys = quarters.flatMap((quarter) => [
    { pk: quarterPk(quarter), sk: closeSk },
    { pk: quarterPk(quarter), sk: closingSk },
  ]);
  const found = await batchGetAll(keys, { consistent: true });
  const closes = new Map<string, CloseRecord>();
  const closing = new Set<string>();
  for (const quarter of quarters) {
    const item = found.get(keyId({ pk: quarterPk(quarter), sk: closeSk }));
    if (item) closes.set(quarter, stripKeys<CloseRecord>(item));
    if (found.has(keyId({ pk: quarterPk(quarter), sk: closingSk }))) closing.add(quarter);
  }
  return { closes, closing };
}
