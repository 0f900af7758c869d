// What the outbox tells people, and the sweep that leaves nothing unsent
// (docs/architecture.md "The outbox"). No SES, no rendering: the mailer does those.
import { closeEmailSubject, type SubjectPart } from '../domain/close-subject';
import { Conflict } from '../domain/errors';
import { reportLanguageOptions } from '../domain/report-language';
import type { OutgoingEmail } from '../mail/ses';
import { logger } from '../observability/logger';
import { readDefinitions } from '../store/definitions';
import { closeSk, quarterPk } from '../store/keys';
import {
  type MailKind,
  type OutboxRecord,
  outboxAttributes,
  pendingOutbox,
  putOutboxItem,
  readOutbox,
  requeueOutbox,
} from '../store/outbox';
import { type CloseRecord, closeMailRef, materialiseCloseOutbox, readClose, readSnapshot } from '../store/quarter';

/** The EMT email of a closed quarter's current revision, as the close's answer and the Close quarter page show it. */
export interface EmailState {
  /** `queued`: committed, the mailer has not sent it yet; `sent`; `failed`: the last attempt failed (retried; `Send again`). */
  state: 'queued' | 'sent' | 'failed';
  subject: string;
  /** The subject by language (close.emailSubjectParts); absent for a close committed before they were kept. */
  subjectParts?: SubjectPart[];
  /** The recipients (`to` as before, `recipients` as the close-preview names them). */
  to: string[];
  recipients: string[];
  /** When SES accepted it; null until sent. */
  sentAt: string | null;
  /** Why the last attempt failed (no message content). */
  error?: string;
  /** Every attempt failed: only Send again sends it now. */
  gaveUp?: boolean;
}

/**
 * The state of the email of the close record's revision: from its outbox record
 * (`message`), else the close's seed (queued, not yet a record), else what the close
 * noted when it went (`emailSent*`).
 */
export function closeEmailState(close: CloseRecord, message?: OutboxRecord): EmailState {
  const sentBefore = (close.emailSentRevision ?? 0) >= close.revision;
  const legacy = close.mailSeq === close.revision;
  const seeded = close.outboxSeq === close.revision;
  const to = message?.to ?? (seeded || legacy ? close.mailTo : undefined) ?? close.emailTo ?? [];
  const subject = message?.subject ?? (seeded || legacy ? close.mailSubject : undefined) ?? close.emailSubject ?? '';
  const parts = close.emailSubjectParts;
  const base = { subject, ...(parts && { subjectParts: parts }), to, recipients: to };
  const state = message?.state ?? (seeded ? 'queued' : legacy ? close.mailState : undefined);
  if (sentBefore || state === 'sent')
    return { ...base, state: 'sent', sentAt: close.emailSentAt ?? message?.sentAt ?? close.mailSentAt ?? null };
  // A close committed before the outbox, whose email never went: Send again queues it.
  if (!state) return { ...base, state: 'failed', sentAt: null, error: 'not in the outbox' };
  if (state === 'failed') {
    const error = message ? message.error : close.mailError;
    const gaveUp = message ? message.gaveUp : close.mailGaveUp;
    return { ...base, state: 'failed', sentAt: null, ...(error && { error }), ...(gaveUp && { gaveUp: true }) };
  }
  return { ...base, state: 'queued', sentAt: null };
}

/** The outbox record of the close's current revision, when it has one (not sent before, not a seed still). */
async function closeMessageOf(close: CloseRecord): Promise<OutboxRecord | undefined> {
  if ((close.emailSentRevision ?? 0) >= close.revision || close.outboxSeq === close.revision) return undefined;
  return readOutbox(closeMailRef(close.quarter, close.revision));
}

/** The email state of a close record's revision, reading its outbox record when it needs to. */
export async function emailStateOf(close: CloseRecord): Promise<EmailState> {
  return closeEmailState(close, await closeMessageOf(close));
}

/** GET /reports/{quarter}/email: the current revision's email, read consistently. */
export async function closeEmailStateOf(quarter: string): Promise<EmailState> {
  const close = await readClose(quarter);
  if (!close) throw new Conflict(`${quarter} is not closed, so it has no EMT email.`);
  return emailStateOf(close);
}

/**
 * `Send again` (admin): the same outbox record queued again, so the same message goes
 * once. A sent email is not sent again; a queued or held one is left to its mailer.
 */
export async function sendCloseEmailAgain(quarter: string, now: Date): Promise<EmailState> {
  const close = await readClose(quarter);
  if (!close) throw new Conflict(`${quarter} is not closed, so it has no EMT email to send.`);
  const message = await closeMessageOf(close);
  const state = closeEmailState(close, message);
  if (state.state !== 'failed') return state;
  if (message) {
    await requeueOutbox(closeMailRef(quarter, close.revision), now, { again: true });
  } else if (close.mailSeq === close.revision) {
    await requeueOutbox({ pk: quarterPk(quarter), sk: closeSk, seq: close.revision }, now, { again: true });
  } else {
    await addCloseOutboxRecord(close, now);
  }
  logger.info('close email queued again', { quarter, revision: close.revision });
  return closeEmailStateOf(quarter);
}

/** A close committed before the outbox existed, whose email never went: its record, added once. */
async function addCloseOutboxRecord(close: CloseRecord, now: Date): Promise<void> {
  const [snapshot, { settings }] = await Promise.all([readSnapshot(close), readDefinitions()]);
  await materialiseCloseOutbox(
    {
      ...close,
      outboxSeq: close.revision,
      mailTo: settings.emtRecipients,
      mailSubject: closeEmailSubject(snapshot.report, reportLanguageOptions(settings), close.revision > 1),
    },
    now,
  );
}

/** A queued record older than this lost its trigger: the sweep queues it again. */
export const staleQueuedMs = 5 * 60 * 1000;

export interface SweepOutcome {
  pending: number;
  requeued: number;
  /** Records whose every attempt failed (alarmed; Send again). */
  gaveUp: OutboxRecord[];
}

/**
 * Leaves nothing unsent: every record not yet sent is queued again when it is due: a
 * failed attempt whose backoff is over, a claim whose lease ran out (its mailer died,
 * or its send's outcome stayed unknown and SES's Send event never recorded it), a
 * queued record whose trigger was lost. Run by the watchdog (every few minutes and
 * after each scheduled close).
 */
export async function sweepOutbox(now: Date): Promise<SweepOutcome> {
  const { records: pending, seeds } = await pendingOutbox();
  const at = now.toISOString();
  const stale = new Date(now.getTime() - staleQueuedMs).toISOString();
  let requeued = 0;
  const gaveUp: OutboxRecord[] = [];
  // A close's email still a seed past its due time (its trigger was lost): its record, queued.
  for (const seed of seeds) {
    if (seed.queuedAt >= stale) continue;
    const close = await readClose(seed.quarter);
    if (close && (await materialiseCloseOutbox(close, now))) requeued++;
  }
  for (const record of pending) {
    if (record.gaveUp) {
      gaveUp.push(record);
      continue;
    }
    const due =
      (record.state === 'failed' && (record.retryAt ?? '') <= at) ||
      (record.state === 'sending' && (record.claimedUntil ?? '') < at) ||
      (record.state === 'queued' && record.queuedAt < stale);
    if (due && (await requeueOutbox(record, now, { staleBefore: new Date(stale) }))) requeued++;
  }
  const count = pending.length + seeds.length;
  if (count > 0) logger.info('outbox swept', { pending: count, requeued, gaveUp: gaveUp.length });
  return { pending: count, requeued, gaveUp };
}

/**
 * Queues a rendered email (a reminder, a return) as an outbox record on an item of its
 * own, written once: a retried run finds it and queues nothing more. The mailer sends it.
 * Returns false when that record exists already.
 */
export async function queueEmail(
  key: { pk: string; sk: string },
  kind: Exclude<MailKind, 'close' | 'reissue'>,
  email: Pick<OutgoingEmail, 'to' | 'cc' | 'subject' | 'html' | 'text'>,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  return putOutboxItem({
    ...key,
    ...extra,
    ...outboxAttributes({
      kind,
      seq: 1,
      to: email.to,
      cc: email.cc ?? [],
      subject: email.subject,
      now,
      data: { subject: email.subject, html: email.html, text: email.text },
      ...key,
    }),
  });
}
