// The mailer (docs/architecture.md "The outbox"): the one service that renders and sends
// email. It takes an outbox record, claims it, renders the message (the close's with its
// Word draft from render-document), sends it through SES once, and records SES's message
// id on the record. Only the mailer function imports this module.
import { randomUUID } from 'node:crypto';
import { environment, senderEmail } from '../config/environment';
import { type ReportLanguageOptions, reportLanguageOptions } from '../domain/report-language';
import { closeEmail } from '../mail/close-email';
import { type OutgoingEmail, sendEmail } from '../mail/ses';
import { logger } from '../observability/logger';
import { readDefinitions } from '../store/definitions';
import { type Item, stripKeys } from '../store/item';
import {
  claimOutbox,
  type MailKind,
  type OutboxRecord,
  type OutboxRef,
  readOutbox,
  recordOutboxFailure,
  recordOutboxSent,
} from '../store/outbox';
import {
  type CloseRecord,
  closeMailRef,
  materialiseCloseOutbox,
  readClose,
  readSnapshot,
  recordCloseEmailSent,
} from '../store/quarter';
import { renderDocument } from './documents';
import type { QuarterReport } from './report';

/**
 * How long a claim holds a record: longer than the mailer function's timeout (60 s,
 * lib/mailer.ts), which is longer than one send's (20 s, mail/ses.ts). So when a lease
 * runs out its holder is surely dead, and any message it got SES to accept has had
 * minutes for SES's Send event to record it.
 */
export const claimLeaseMs = 5 * 60 * 1000;
/** Attempts before a record is given up (dead-lettered, alarmed; an admin may Send again). */
export const maxAttempts = 5;
/** The wait before attempt n+1 after n failed: 1, 4, 16, 60, 60 minutes. */
export const retryDelayMs = (attempts: number) => Math.min(60, 4 ** Math.max(0, attempts - 1)) * 60_000;

/** The header that names a message's outbox record, so SES's Send event can record what SES accepted. */
export const outboxHeader = 'X-Ragtime-Outbox';

export function outboxHeaderValue(ref: OutboxRef, kind: MailKind): string {
  return Buffer.from(JSON.stringify({ pk: ref.pk, sk: ref.sk, seq: ref.seq, kind })).toString('base64url');
}

export function outboxOfHeader(value: string): { ref: OutboxRef; kind: MailKind } | null {
  try {
    const parsed = JSON.parse(Buffer.from(value.trim(), 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof parsed.pk !== 'string' || typeof parsed.sk !== 'string' || typeof parsed.seq !== 'number') return null;
    return { ref: { pk: parsed.pk, sk: parsed.sk, seq: parsed.seq }, kind: parsed.kind as MailKind };
  } catch {
    return null;
  }
}

/**
 * Above this many measures the email goes without the Word draft (and says where to get
 * it): the writer takes about 2.5 ms a measure, and a draft of thousands of measures is
 * no Cabinet report. docs/documents.md
 */
export const maxWordDraftMeasures = 1000;

/** The Word draft for the email (render-document). A failure leaves it out, and the email says so. */
async function wordDraft(
  report: QuarterReport,
  languages: ReportLanguageOptions,
  revision: number,
): Promise<Buffer | null> {
  if (report.measures.length > maxWordDraftMeasures) {
    logger.info('Word draft left out of the email: too many measures', { measures: report.measures.length });
    return null;
  }
  try {
    return await renderDocument('docx', { ...report, revision }, languages);
  } catch (error) {
    logger.error('Word draft not rendered; the email goes without it', {
      quarter: report.quarter,
      error: error as Error,
    });
    return null;
  }
}

/** The message a record sends. */
async function messageOf(record: OutboxRecord, item: Item): Promise<OutgoingEmail> {
  if (record.kind === 'close' || record.kind === 'reissue') {
    const close = stripKeys<CloseRecord>(item);
    const [snapshot, { settings }] = await Promise.all([readSnapshot(close), readDefinitions()]);
    const languages = reportLanguageOptions(settings);
    return closeEmail(snapshot.report, {
      languages,
      wordDraft: await wordDraft(snapshot.report, languages, close.revision),
      from: senderEmail(),
      to: record.to,
      reportTitle: settings.reportTitle,
      appUrl: environment().appUrl,
      reissued: close.revision > 1 ? { revision: close.revision } : undefined,
    });
  }
  // Reminders and returns are rendered when they are committed: the record holds the message.
  const data = record.data as { subject: string; html: string; text: string } | undefined;
  if (!data) throw new Error(`outbox record ${record.pk} ${record.sk} holds no message`);
  return { from: senderEmail(), to: record.to, cc: record.cc, subject: data.subject, html: data.html, text: data.text };
}

/** A send SES answered with an error: it accepted nothing. Anything else (timeout, lost connection, crash) may have been accepted. */
function refusedBySes(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 400;
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error';

/** What became of one delivery of a record. */
export type Delivery =
  /** SES accepted it now. */
  | 'sent'
  /** It had been sent before: nothing sent. */
  | 'already-sent'
  /** Another mailer holds it (or held it and died: the sweep queues it again after the lease). */
  | 'held'
  /** A newer message replaced it (a reissue), or it is gone. */
  | 'superseded'
  /** This attempt failed and nothing was sent; retried after a backoff. */
  | 'failed'
  /** Every attempt failed: dead-lettered and alarmed; an admin may Send again. */
  | 'gave-up'
  /** The send's outcome is unknown (no answer from SES): kept held; SES's Send event or the sweep settles it. */
  | 'unknown';

/**
 * Sends one outbox record, at most once whatever happens around it: a record is sent
 * only under a claim, only while not sent, and a send whose outcome is unknown keeps
 * its claim until the lease runs out, by which time SES's Send event has recorded it
 * if SES accepted it.
 */
export async function deliver(ref: OutboxRef, now: Date = new Date()): Promise<Delivery> {
  const claimId = randomUUID();
  const claimed = await claimOutbox(ref, claimId, now, claimLeaseMs);
  if (!claimed) {
    const latest = await readOutbox(ref);
    const outcome: Delivery =
      !latest || latest.seq !== ref.seq
        ? 'superseded'
        : latest.state === 'sent'
          ? 'already-sent'
          : latest.gaveUp
            ? 'gave-up'
            : 'held';
    logger.info('outbox record not claimed', { pk: ref.pk, sk: ref.sk, seq: ref.seq, outcome });
    return outcome;
  }
  const { record, item } = claimed;
  const fail = async (error: unknown): Promise<Delivery> => {
    const gaveUp = record.attempts >= maxAttempts;
    const retryAt = gaveUp ? null : new Date(now.getTime() + retryDelayMs(record.attempts));
    await recordOutboxFailure(ref, claimId, { error: describe(error), retryAt });
    logger.error(gaveUp ? 'email given up after its last attempt' : 'email not sent; it will be retried', {
      kind: record.kind,
      pk: ref.pk,
      seq: ref.seq,
      attempts: record.attempts,
      retryAt: retryAt?.toISOString(),
      error: describe(error),
    });
    return gaveUp ? 'gave-up' : 'failed';
  };
  let email: OutgoingEmail;
  try {
    email = await messageOf(record, item);
  } catch (error) {
    return fail(error);
  }
  let messageId: string;
  try {
    messageId = await sendEmail(email, { headers: { [outboxHeader]: outboxHeaderValue(ref, record.kind) } });
  } catch (error) {
    if (refusedBySes(error)) return fail(error);
    logger.warn('email send outcome unknown; the record stays held until SES confirms it or the lease ends', {
      kind: record.kind,
      pk: ref.pk,
      seq: ref.seq,
      error: describe(error),
    });
    return 'unknown';
  }
  try {
    await recordSent(ref, record.kind, messageId, new Date());
  } catch (error) {
    // SES's Send event records it: the claim is kept, so nothing sends it again meanwhile.
    logger.error('email sent but not recorded; its Send event will record it', {
      pk: ref.pk,
      seq: ref.seq,
      messageId,
      error: describe(error),
    });
  }
  logger.info('email sent', { kind: record.kind, pk: ref.pk, seq: ref.seq, messageId, recipients: email.to.length });
  return 'sent';
}

const isCloseEmail = (kind: MailKind) => kind === 'close' || kind === 'reissue';

/**
 * Records SES's message id on the record, and for a close's or reissue's email notes it
 * on the close too (what GET /reports and the watchdog read). Both writes are idempotent:
 * the mailer and SES's Send event may each make them.
 */
async function recordSent(ref: OutboxRef, kind: MailKind, messageId: string, at: Date): Promise<boolean> {
  const item = await recordOutboxSent(ref, { messageId, at });
  if (!item) return false;
  if (isCloseEmail(kind) && typeof item.quarter === 'string')
    await recordCloseEmailSent(item.quarter, ref.seq, {
      at: String(item.mailSentAt ?? at.toISOString()),
      subject: String(item.mailSubject ?? ''),
      to: (item.mailTo as string[] | undefined) ?? [],
    });
  return true;
}

/**
 * A close's (or reissue's) commit, from the stream: its seed becomes the revision's outbox
 * record (once, whoever comes first), which is then delivered like any other.
 */
export async function deliverClose(quarter: string, seq: number, now: Date = new Date()): Promise<Delivery> {
  const close = await readClose(quarter);
  if (close?.outboxSeq === seq) await materialiseCloseOutbox(close, now);
  return deliver(closeMailRef(quarter, seq), now);
}

/** SES's event for a message it accepted (configuration set event publishing, through SNS). */
export interface SesSendEvent {
  eventType?: string;
  mail?: { messageId?: string; timestamp?: string; headers?: { name: string; value: string }[] };
}

/**
 * SES accepted a message: record its id on the record its header names. This closes
 * the one gap a mailer cannot: it died (or lost its connection) after SES accepted the
 * message and before it recorded that.
 */
export async function recordSendEvent(event: SesSendEvent): Promise<boolean> {
  if (event.eventType !== 'Send' || !event.mail?.messageId) return false;
  const header = event.mail.headers?.find((h) => h.name.toLowerCase() === outboxHeader.toLowerCase());
  const named = header ? outboxOfHeader(header.value) : null;
  if (!named) return false;
  const at = event.mail.timestamp ? new Date(event.mail.timestamp) : new Date();
  const recorded = await recordSent(
    named.ref,
    named.kind,
    event.mail.messageId,
    Number.isNaN(at.getTime()) ? new Date() : at,
  );
  logger.info('SES Send event', { pk: named.ref.pk, seq: named.ref.seq, messageId: event.mail.messageId, recorded });
  return recorded;
}

export type { OutboxRef };
