import { gunzipSync, gzipSync } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ActionUpdateValue, RemedialAction, Report, ReportInput, ResultValue } from '../domain/types';
import { batchGetAll, keyId } from './batch';
import { db, tableName } from './client';
import { type Item, stripKeys } from './item';
import { closeSk, quarterPk, reminderSk, reminderSkPrefix, snapshotPk, snapshotPrefix, snapshotSk } from './keys';
import { queryAll } from './query';

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
  /** A sender holds the email until this instant, so two closes never both send. */
  emailClaimedUntil?: string;
}

export interface QuarterData {
  results: ResultValue[];
  actionUpdates: ActionUpdateValue[];
  remedialActions: Record<string, RemedialAction>;
  close: CloseRecord | undefined;
  /** `<daysBeforeClose>#<directorate>` of the reminders already sent for the quarter. */
  remindersSent: Set<string>;
}

/** A quarter's results, updates, remedial actions and close record: one Query (paged by size). */
export async function readQuarter(quarter: string, withHistory = false): Promise<QuarterData> {
  const items = await queryAll<Item>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': quarterPk(quarter) },
    // The version history is only read where it is shown.
    ...(withHistory
      ? {}
      : {
          ProjectionExpression:
            'pk, sk, measureId, #period, #value, commentary, breakdown, version, actionId, quarter, #status, #text, #owner, dueDate, #by, #at, revision, closedAt, revisedAt, chunks, writeId, emailSentRevision, emailSentAt, emailClaimedUntil',
          ExpressionAttributeNames: {
            '#period': 'period',
            '#value': 'value',
            '#status': 'status',
            '#text': 'text',
            '#owner': 'owner',
            '#by': 'by',
            '#at': 'at',
          },
        }),
  });
  const data: QuarterData = {
    results: [],
    actionUpdates: [],
    remedialActions: {},
    close: undefined,
    remindersSent: new Set(),
  };
  for (const item of items) {
    const sk = String(item.sk);
    if (sk.startsWith('RESULT#')) {
      const { measureId, period, value, commentary, breakdown, version } = item as unknown as ResultValue;
      data.results.push({
        measureId,
        period,
        value,
        version,
        ...(commentary !== undefined && { commentary }),
        ...(breakdown !== undefined && { breakdown }),
      });
    } else if (sk.startsWith('UPDATE#')) {
      const { actionId, status, commentary, version } = item as unknown as ActionUpdateValue;
      data.actionUpdates.push({ actionId, quarter, status, version, ...(commentary !== undefined && { commentary }) });
    } else if (sk.startsWith('REMEDIAL#')) {
      data.remedialActions[sk.slice('REMEDIAL#'.length)] = stripKeys<RemedialAction>(item);
    } else if (sk === closeSk) {
      data.close = stripKeys<CloseRecord>(item);
    } else if (sk.startsWith(reminderSkPrefix)) {
      data.remindersSent.add(sk.slice(reminderSkPrefix.length));
    }
  }
  return data;
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

/** Writes a revision's chunks; they are invisible until `commitClose` points at them. */
export async function writeSnapshotChunks(
  quarter: string,
  revision: number,
  writeId: string,
  snapshot: Snapshot,
): Promise<number> {
  const packed = gzipSync(JSON.stringify(snapshot));
  const chunks = Math.max(1, Math.ceil(packed.length / chunkBytes));
  for (let i = 0; i < chunks; i++) {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          pk: snapshotPk(quarter),
          sk: snapshotSk(revision, writeId, i),
          data: packed.subarray(i * chunkBytes, (i + 1) * chunkBytes),
        },
      }),
    );
  }
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
 * The close's single atomic commit: the record appears only if no close exists yet
 * (revision 1) or the previous revision is still current (a reissue). Returns false
 * when another close got there first.
 */
export async function commitClose(record: CloseRecord, previousRevision: number): Promise<boolean> {
  try {
    if (previousRevision === 0) {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { pk: quarterPk(record.quarter), sk: closeSk, ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } else {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: quarterPk(record.quarter), sk: closeSk },
          UpdateExpression: 'SET revision = :rev, revisedAt = :at, chunks = :chunks, writeId = :writeId',
          ConditionExpression: 'revision = :prev',
          ExpressionAttributeValues: {
            ':rev': record.revision,
            ':at': record.revisedAt,
            ':chunks': record.chunks,
            ':writeId': record.writeId,
            ':prev': previousRevision,
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

/** Claims the right to send a revision's email; false when it was sent or another sender holds it. */
export async function claimEmail(quarter: string, revision: number, now: Date, leaseMs: number): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: quarterPk(quarter), sk: closeSk },
        UpdateExpression: 'SET emailClaimedUntil = :until',
        ConditionExpression:
          'revision = :rev AND (attribute_not_exists(emailSentRevision) OR emailSentRevision < :rev) AND (attribute_not_exists(emailClaimedUntil) OR emailClaimedUntil < :now)',
        ExpressionAttributeValues: {
          ':rev': revision,
          ':now': now.toISOString(),
          ':until': new Date(now.getTime() + leaseMs).toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Records that a revision's email went out, so no retry sends it again. */
export async function recordEmailSent(quarter: string, revision: number, at: Date): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: quarterPk(quarter), sk: closeSk },
      UpdateExpression: 'SET emailSentRevision = :rev, emailSentAt = :at REMOVE emailClaimedUntil',
      ExpressionAttributeValues: { ':rev': revision, ':at': at.toISOString() },
    }),
  );
}

/** Gives up a claim after a failed send, so the retry need not wait for the lease. */
export async function releaseEmailClaim(quarter: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: quarterPk(quarter), sk: closeSk },
      UpdateExpression: 'REMOVE emailClaimedUntil',
    }),
  );
}

/** Records that a directorate's reminder went out, so a retried run does not send it again. */
export async function recordReminderSent(
  quarter: string,
  daysBeforeClose: number,
  directorate: string,
  at: Date,
): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { pk: quarterPk(quarter), sk: reminderSk(daysBeforeClose, directorate), at: at.toISOString() },
    }),
  );
}

/** The close records of these quarters (those closed), in BatchGetItem requests of 100 keys. */
export async function readCloseRecords(quarters: readonly string[]): Promise<Map<string, CloseRecord>> {
  const keys = quarters.map((quarter) => ({ pk: quarterPk(quarter), sk: closeSk }));
  const found = await batchGetAll(keys);
  const closes = new Map<string, CloseRecord>();
  for (const [i, quarter] of quarters.entries()) {
    const item = found.get(keyId(keys[i]!));
    if (item) closes.set(quarter, stripKeys<CloseRecord>(item));
  }
  return closes;
}
