// What the outbox tells people, and the sweep that leaves nothing unsent
// (docs/architecture.md "The outbox"). No SES, no rendering: the mailer does those.
import { closeEmailSubject } from '../domain/close-subject';
import { Conflict } from '../domain/errors';
import type { OutgoingEmail } from '../mail/ses';
import { logger } from '../observability/logger';
import { readDefinitions } from '../store/definitions';
import { closeSk, quarterPk } from '../store/keys';
import {
  attachCloseOutbox,
  type MailKind,
  type OutboxRecord,
  type OutboxRef,
  outboxAttributes,
  pendingOutbox,
  putOutboxItem,
  requeueOutbox,
} from '../store/outbox';
import { type CloseRecord, readCloseRecords, readQuarter, readSnapshot } from '../store/quarter';

/** The EMT email of a closed quarter's current revision, as the close's answer and the Close quarter page show it. */
export interface EmailState {
  /** `queued`: committed, the mailer has not sent it yet; `sent`; `failed`: the last attempt failed (retried; `Send again`). */
  state: 'queued' | 'sent' | 'failed';
  subject: string;
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

/** The state of the email of the close record's revision. */
export function closeEmailState(close: CloseRecord): EmailState {
  const sentBefore = (close.emailSentRevision ?? 0) >= close.revision;
  const to = close.mailSeq === close.revision ? (close.mailTo ?? []) : (close.emailTo ?? []);
  const subject = close.mailSeq === close.revision ? (close.mailSubject ?? '') : (close.emailSubject ?? '');
  const base = { subject, to, recipients: to };
  if (sentBefore || (close.mailSeq === close.revision && close.mailState === 'sent'))
    return { ...base, state: 'sent', sentAt: close.emailSentAt ?? close.mailSentAt ?? null };
  if (close.mailSeq !== close.revision)
    // A close committed before the outbox, whose email never went: Send again queues it.
    return { ...base, state: 'failed', sentAt: null, error: 'not in the outbox' };
  if (close.mailState === 'failed')
    return {
      ...base,
      state: 'failed',
      sentAt: null,
      ...(close.mailError && { error: close.mailError }),
      ...(close.mailGaveUp && { gaveUp: true }),
    };
  return { ...base, state: 'queued', sentAt: null };
}

const closeRef = (close: CloseRecord): OutboxRef => ({
  pk: quarterPk(close.quarter),
  sk: closeSk,
  seq: close.revision,
});

/** GET /reports/{quarter}/email: the current revision's email, read consistently (one BatchGetItem). */
export async function closeEmailStateOf(quarter: string): Promise<EmailState> {
  const close = (await readCloseRecords([quarter])).closes.get(quarter);
  if (!close) throw new Conflict(`${quarter} is not closed, so it has no EMT email.`);
  return closeEmailState(close);
}

/**
 * `Send again` (admin): the same outbox record queued again, so the same message goes
 * once. A sent email is not sent again; a queued or held one is left to its mailer.
 */
export async function sendCloseEmailAgain(quarter: string, now: Date): Promise<EmailState> {
  const { close } = await readQuarter(quarter, { consistent: true });
  if (!close) throw new Conflict(`${quarter} is not closed, so it has no EMT email to send.`);
  const state = closeEmailState(close);
  if (state.state !== 'failed') return state;
  if (close.mailSeq === close.revision) {
    await requeueOutbox(closeRef(close), now, { again: true });
  } else {
    await addCloseOutboxRecord(close, now);
  }
  const after = (await readQuarter(quarter, { consistent: true })).close!;
  logger.info('close email queued again', { quarter, revision: after.revision });
  return closeEmailState(after);
}

/** A close committed before the outbox existed, whose email never went: its record, added once. */
async function addCloseOutboxRecord(close: CloseRecord, now: Date): Promise<void> {
  const [snapshot, { settings }] = await Promise.all([readSnapshot(close), readDefinitions()]);
  const attributes = outboxAttributes({
    kind: close.revision > 1 ? 'reissue' : 'close',
    seq: close.revision,
    to: settings.emtRecipients,
    subject: closeEmailSubject(snapshot.report, settings.reportTitle, close.revision > 1),
    now,
    pk: quarterPk(close.quarter),
    sk: closeSk,
  });
  await attachCloseOutbox(close.quarter, close.revision, attributes);
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
  const pending = await pendingOutbox();
  const at = now.toISOString();
  const stale = new Date(now.getTime() - staleQueuedMs).toISOString();
  let requeued = 0;
  const gaveUp: OutboxRecord[] = [];
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
  if (pending.length > 0) logger.info('outbox swept', { pending: pending.length, requeued, gaveUp: gaveUp.length });
  return { pending: pending.length, requeued, gaveUp };
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
