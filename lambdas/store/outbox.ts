// The outbox (docs/architecture.md "The outbox"): every email is first a record in the
// table, committed with the state it reports, and the mailer function sends it later,
// exactly once. A record is a set of `mail*` attributes on an item of its own, one per
// message: a close's and each reissue's EMT email (`MAIL#Q#<quarter>#CLOSE` / revision),
// each reminder, each return. The close's commit (the CLOSE item) carries its email as a
// seed (`outboxSeq`, store/quarter.ts) that becomes that revision's record before any
// later commit replaces it, so no message supersedes another. While a record (or a seed)
// is not sent it also carries gsi1pk `OUTBOX`, so the sweep finds every unsent one with
// one Query of a sparse index (no Scan).
import { gunzipSync, gzipSync } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import type { Item } from './item';
import { gsi1, outboxGsiPk } from './keys';
import { queryAll } from './query';

/** What a record sends: the close's and reissue's EMT email, a late-return reminder, approvers' reminder, a return. */
export type MailKind = 'close' | 'reissue' | 'reminder' | 'approvers' | 'returned';

/**
 * `queued`: waiting for the mailer; `sending`: a mailer holds it (until `mailClaimedUntil`);
 * `sent`: SES accepted it (`mailMessageId`, unless recorded as sent without SES: the sample
 * plan's history); `failed`: the last attempt failed, retried from `mailRetryAt` (or given up).
 */
export type MailState = 'queued' | 'sending' | 'sent' | 'failed';

/** Where a record lives, and which message it is (`seq`: a close email's revision; 1 for the others). */
export interface OutboxRef {
  pk: string;
  sk: string;
  seq: number;
}

export interface OutboxRecord extends OutboxRef {
  kind: MailKind;
  state: MailState;
  to: string[];
  cc: string[];
  subject: string;
  queuedAt: string;
  attempts: number;
  claimId?: string;
  claimedUntil?: string;
  messageId?: string;
  sentAt?: string;
  error?: string;
  retryAt?: string;
  gaveUp?: boolean;
  /** The template's inputs (reminders, returns), gzipped JSON. */
  data?: unknown;
}

/** The attributes of a new record, to write with the item that commits it. */
export function outboxAttributes(message: {
  kind: MailKind;
  seq: number;
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  now: Date;
  data?: unknown;
  /** Recorded as sent without sending (the sample plan's earlier quarters). */
  recordedAsSent?: boolean;
  pk: string;
  sk: string;
}): Item {
  const at = message.now.toISOString();
  return {
    mailKind: message.kind,
    mailSeq: message.seq,
    mailTo: [...message.to],
    mailCc: [...(message.cc ?? [])],
    mailSubject: message.subject,
    mailQueuedAt: at,
    mailAttempts: 0,
    ...(message.data !== undefined && { mailData: gzipSync(JSON.stringify(message.data)) }),
    ...(message.recordedAsSent
      ? { mailState: 'sent', mailSentAt: at }
      : { mailState: 'queued', gsi1pk: outboxGsiPk, gsi1sk: pendingSk(at, message.pk, message.sk) }),
  };
}

export const pendingSk = (at: string, pk: string, sk: string) => `${at}#${pk}#${sk}`;

/** The attribute names readers project (readQuarter reads the CLOSE item's: its seed, or a record written before one item per message). */
export const outboxProjection = [
  'outboxSeq',
  'mailKind',
  'mailSeq',
  'mailState',
  'mailTo',
  'mailCc',
  'mailSubject',
  'mailQueuedAt',
  'mailAttempts',
  'mailClaimedUntil',
  'mailMessageId',
  'mailSentAt',
  'mailError',
  'mailRetryAt',
  'mailGaveUp',
];

export function outboxRecordOf(item: Item): OutboxRecord | undefined {
  if (typeof item.mailKind !== 'string' || typeof item.mailSeq !== 'number') return undefined;
  const data = item.mailData instanceof Uint8Array ? JSON.parse(gunzipSync(item.mailData).toString('utf8')) : undefined;
  return {
    pk: String(item.pk),
    sk: String(item.sk),
    seq: item.mailSeq,
    kind: item.mailKind as MailKind,
    state: (item.mailState as MailState | undefined) ?? 'queued',
    to: (item.mailTo as string[] | undefined) ?? [],
    cc: (item.mailCc as string[] | undefined) ?? [],
    subject: String(item.mailSubject ?? ''),
    queuedAt: String(item.mailQueuedAt ?? ''),
    attempts: Number(item.mailAttempts ?? 0),
    ...(typeof item.mailClaimId === 'string' && { claimId: item.mailClaimId }),
    ...(typeof item.mailClaimedUntil === 'string' && { claimedUntil: item.mailClaimedUntil }),
    ...(typeof item.mailMessageId === 'string' && { messageId: item.mailMessageId }),
    ...(typeof item.mailSentAt === 'string' && { sentAt: item.mailSentAt }),
    ...(typeof item.mailError === 'string' && { error: item.mailError }),
    ...(typeof item.mailRetryAt === 'string' && { retryAt: item.mailRetryAt }),
    ...(item.mailGaveUp === true && { gaveUp: true }),
    ...(data !== undefined && { data }),
  };
}

export async function readOutbox(ref: Pick<OutboxRef, 'pk' | 'sk'>): Promise<OutboxRecord | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: { pk: ref.pk, sk: ref.sk }, ConsistentRead: true }),
  );
  return out.Item ? outboxRecordOf(out.Item) : undefined;
}

/** A record on an item of its own (reminders, returns): written once; false when it exists already. */
export async function putOutboxItem(item: Item & { pk: string; sk: string }): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

async function conditional(update: ConstructorParameters<typeof UpdateCommand>[0]): Promise<Item | null> {
  try {
    const out = await db().send(new UpdateCommand({ ReturnValues: 'ALL_NEW', ...update }));
    return out.Attributes ?? {};
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}

/**
 * Takes the record to send it: only this message (`seq`), not sent, not given up, and
 * held by nobody (or by a mailer whose lease has run out). The lease outlives the
 * mailer's own timeout, so no send of a holder can still be under way when it ends.
 * Returns the record and its item, or null when it was sent meanwhile or someone else holds it.
 */
export async function claimOutbox(
  ref: OutboxRef,
  claimId: string,
  now: Date,
  leaseMs: number,
): Promise<{ record: OutboxRecord; item: Item } | null> {
  const item = await conditional({
    TableName: tableName(),
    Key: { pk: ref.pk, sk: ref.sk },
    UpdateExpression:
      'SET mailState = :sending, mailClaimId = :claim, mailClaimedUntil = :until, mailAttempts = if_not_exists(mailAttempts, :zero) + :one',
    ConditionExpression:
      'mailSeq = :seq AND mailState <> :sent AND attribute_not_exists(mailGaveUp) AND (attribute_not_exists(mailClaimedUntil) OR mailClaimedUntil < :now)',
    ExpressionAttributeValues: {
      ':seq': ref.seq,
      ':sending': 'sending',
      ':sent': 'sent',
      ':claim': claimId,
      ':now': now.toISOString(),
      ':until': new Date(now.getTime() + leaseMs).toISOString(),
      ':zero': 0,
      ':one': 1,
    },
  });
  const record = item && outboxRecordOf(item);
  return record ? { record, item: item! } : null;
}

/**
 * SES accepted the message: record its id, once, on this message's record. Both the
 * mailer that sent it and SES's Send event record it; whichever comes second changes
 * nothing. Returns the record's item (for the close's own record of its email), or
 * null when another message id is recorded.
 */
export async function recordOutboxSent(ref: OutboxRef, sent: { messageId: string; at: Date }): Promise<Item | null> {
  return conditional({
    TableName: tableName(),
    Key: { pk: ref.pk, sk: ref.sk },
    UpdateExpression:
      'SET mailState = :sent, mailMessageId = :id, mailSentAt = if_not_exists(mailSentAt, :at) REMOVE mailClaimId, mailClaimedUntil, mailError, mailRetryAt, gsi1pk, gsi1sk',
    ConditionExpression: 'mailSeq = :seq AND (mailState <> :sent OR mailMessageId = :id)',
    ExpressionAttributeValues: {
      ':seq': ref.seq,
      ':sent': 'sent',
      ':id': sent.messageId,
      ':at': sent.at.toISOString(),
    },
  });
}

/**
 * An attempt that SES refused (nothing was sent) or that never reached SES: the claim
 * is given up and the record waits for `retryAt` (the sweep queues it again), or is
 * given up after the last attempt. Only the claim's holder may record it.
 */
export async function recordOutboxFailure(
  ref: OutboxRef,
  claimId: string,
  failure: { error: string; retryAt: Date | null },
): Promise<boolean> {
  const item = await conditional({
    TableName: tableName(),
    Key: { pk: ref.pk, sk: ref.sk },
    UpdateExpression: `SET mailState = :failed, mailError = :error${failure.retryAt ? ', mailRetryAt = :retry' : ', mailGaveUp = :true'} REMOVE mailClaimId, mailClaimedUntil`,
    ConditionExpression: 'mailSeq = :seq AND mailClaimId = :claim AND mailState = :sending',
    ExpressionAttributeValues: {
      ':seq': ref.seq,
      ':claim': claimId,
      ':sending': 'sending',
      ':failed': 'failed',
      ':error': failure.error.slice(0, 500),
      ...(failure.retryAt ? { ':retry': failure.retryAt.toISOString() } : { ':true': true }),
    },
  });
  return item !== null;
}

/**
 * Queues a record again (the stream hands it to the mailer): a failed one whose retry
 * is due (or any failed one with `again`, an admin's Send again, which also forgets a
 * give-up), a held one whose lease ran out (its mailer died, or its send's outcome is
 * unknown and SES's Send event has not recorded it within the lease), or a queued one
 * that has waited past `staleBefore` (its trigger was lost). Never a sent one.
 */
export async function requeueOutbox(
  ref: OutboxRef,
  now: Date,
  options: { again?: boolean; staleBefore?: Date } = {},
): Promise<boolean> {
  const at = now.toISOString();
  const failedDue = options.again
    ? 'mailState = :failed'
    : '(mailState = :failed AND mailRetryAt <= :now AND attribute_not_exists(mailGaveUp))';
  const stale = options.staleBefore ? ' OR (mailState = :queued AND mailQueuedAt < :stale)' : '';
  const item = await conditional({
    TableName: tableName(),
    Key: { pk: ref.pk, sk: ref.sk },
    UpdateExpression: `SET mailState = :queued, mailQueuedAt = :now, gsi1pk = :gsi, gsi1sk = :gsisk${options.again ? ', mailAttempts = :zero' : ''} REMOVE mailClaimId, mailClaimedUntil, mailRetryAt${options.again ? ', mailGaveUp' : ''}`,
    ConditionExpression: `mailSeq = :seq AND (${failedDue} OR (mailState = :sending AND mailClaimedUntil < :now)${stale})`,
    ExpressionAttributeValues: {
      ':seq': ref.seq,
      ':failed': 'failed',
      ':sending': 'sending',
      ':queued': 'queued',
      ':now': at,
      ':gsi': outboxGsiPk,
      ':gsisk': pendingSk(at, ref.pk, ref.sk),
      ...(options.again && { ':zero': 0 }),
      ...(options.staleBefore && { ':stale': options.staleBefore.toISOString() }),
    },
  });
  return item !== null;
}

/** A close's email not yet in a record of its own: its CLOSE item's seed (store/quarter.ts). */
export interface OutboxSeed {
  quarter: string;
  seq: number;
  queuedAt: string;
}

/** Every record not yet sent (queued, held, failed), oldest first, and every seed: one Query of the sparse index. */
export async function pendingOutbox(): Promise<{ records: OutboxRecord[]; seeds: OutboxSeed[] }> {
  const items = await queryAll<Item>({
    TableName: tableName(),
    IndexName: gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': outboxGsiPk },
  });
  const seeds = items.flatMap((item) =>
    typeof item.outboxSeq === 'number' && typeof item.quarter === 'string'
      ? [{ quarter: item.quarter, seq: item.outboxSeq, queuedAt: String(item.mailQueuedAt ?? '') }]
      : [],
  );
  return { records: items.flatMap((item) => outboxRecordOf(item) ?? []), seeds };
}

/** `#o0 = :o0, …` for an UpdateItem that sets every attribute given (names may be reserved words). */
export function setAttributes(attributes: Item): {
  set: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
} {
  const keys = Object.keys(attributes);
  return {
    set: keys.map((_, i) => `#o${i} = :o${i}`),
    names: Object.fromEntries(keys.map((n, i) => [`#o${i}`, n])),
    values: Object.fromEntries(keys.map((n, i) => [`:o${i}`, attributes[n]])),
  };
}
