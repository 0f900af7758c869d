import { randomUUID } from 'node:crypto';
import { environment, senderEmail } from '../config/environment';
import { dateWords, quarterEndDate, quarterHasEnded, quarterJustEnded } from '../domain';
import { Conflict, Unavailable } from '../domain/errors';
import type { Settings } from '../domain/settings';
import { closeEmail } from '../mail/close-email';
import { sendEmail } from '../mail/ses';
import { logger } from '../observability/logger';
import { readDefinitions } from '../store/definitions';
import {
  type CloseRecord,
  claimEmail,
  commitClose,
  markClosing,
  readCloseState,
  readQuarter,
  readSnapshot,
  recordEmailSent,
  releaseEmailClaim,
  type Snapshot,
  writeSnapshotChunks,
} from '../store/quarter';
import { renderDocument } from './documents';
import { type FrozenAnswer, freezeQuarter, frozenAnswer } from './freeze';
import type { QuarterReport } from './report';
import { scheduledQuarter } from './schedule';

/** How long one sender holds the email before another may take over (a crashed sender's lease runs out). */
const emailLeaseMs = 2 * 60 * 1000;

/** What became of the email in one close call. */
export type EmailOutcome = 'sent' | 'already-sent' | 'in-flight';

/** The EMT email of the quarter's current revision, once sent. */
export interface SentEmail {
  subject: string;
  /** The recipients (`to` and `recipients` alike: `recipients` as the close-preview names them). */
  to: string[];
  recipients: string[];
  sentAt: string;
}

export interface CloseOutcome {
  report: FrozenAnswer;
  /** True when this call froze the snapshot (false: it existed already). */
  froze: boolean;
  /** `in-flight`: another sender holds the email (or crashed holding it until its lease runs out). */
  email: EmailOutcome;
  /** What was sent for the current revision (absent while in flight, or sent before this was recorded). */
  sent?: SentEmail;
}

/** The close and reissue answer: the report and the email sent for its revision (null: not known). */
export type CloseAnswer = FrozenAnswer & { email: SentEmail | null };

const sentEmailOf = (record: CloseRecord | undefined, revision: number): SentEmail | undefined =>
  record?.emailSubject && record.emailTo && record.emailSentAt && (record.emailSentRevision ?? 0) >= revision
    ? { subject: record.emailSubject, to: record.emailTo, recipients: record.emailTo, sentAt: record.emailSentAt }
    : undefined;

export interface CloseOptions {
  now: Date;
  /** Freeze a new revision of a closed quarter and send the email again, marked "Reissued". */
  reissue?: boolean;
  /** POST close: the admin closes a quarter that has not ended (without it, that is refused). */
  early?: boolean;
}

export class EmailNotSent extends Error {
  constructor(
    readonly quarter: string,
    cause: unknown,
  ) {
    super(`the ${quarter} snapshot is frozen but its email could not be sent`, { cause });
  }
}

/**
 * Above this many measures the email goes without the Word draft (and says where to get
 * it): the writer takes about 2.5 ms a measure, which the close would wait for, and a
 * draft of thousands of measures is no Cabinet report. docs/documents.md
 */
export const maxWordDraftMeasures = 1000;

/**
 * The Word draft for the email (render-document). A failure leaves it out, and the
 * email says so: EMT's email must not wait on the draft.
 */
async function wordDraft(report: QuarterReport, title: string, revision: number): Promise<Buffer | null> {
  if (report.measures.length > maxWordDraftMeasures) {
    logger.info('Word draft left out of the email: too many measures', { measures: report.measures.length });
    return null;
  }
  try {
    return await renderDocument('docx', { ...report, revision }, title);
  } catch (error) {
    logger.error('Word draft not rendered; the email goes without it', {
      quarter: report.quarter,
      error: error as Error,
    });
    return null;
  }
}

/** `settings` is read only when there is an email to send. */
async function ensureEmailSent(
  record: CloseRecord,
  snapshot: Snapshot,
  settings: () => Promise<Settings>,
  now: Date,
): Promise<{ email: EmailOutcome; sent?: SentEmail }> {
  if ((record.emailSentRevision ?? 0) >= record.revision)
    return { email: 'already-sent', sent: sentEmailOf(record, record.revision) };
  // Before the claim: a failed read must not leave the email held for a lease.
  const { emtRecipients, reportTitle } = await settings();
  if (!(await claimEmail(record.quarter, record.revision, now, emailLeaseMs))) {
    // The claim failing means sent meanwhile, or held by another sender.
    const latest = (await readQuarter(record.quarter)).close;
    const sent = (latest?.emailSentRevision ?? 0) >= record.revision;
    logger.info(sent ? 'close email already sent' : 'close email held by another sender', {
      quarter: record.quarter,
      revision: record.revision,
    });
    return sent ? { email: 'already-sent', sent: sentEmailOf(latest, record.revision) } : { email: 'in-flight' };
  }
  const email = closeEmail(snapshot.report, {
    wordDraft: await wordDraft(snapshot.report, reportTitle, record.revision),
    from: senderEmail(),
    to: emtRecipients,
    reportTitle,
    apiUrl: environment().apiUrl,
    reissued: record.revision > 1 ? { revision: record.revision } : undefined,
  });
  try {
    const messageId = await sendEmail(email);
    logger.info('close email sent', {
      quarter: record.quarter,
      revision: record.revision,
      messageId,
      recipients: email.to.length,
    });
  } catch (error) {
    await releaseEmailClaim(record.quarter);
    throw new EmailNotSent(record.quarter, error);
  }
  await recordEmailSent(record.quarter, record.revision, now, { subject: email.subject, to: email.to });
  return {
    email: 'sent',
    sent: { subject: email.subject, to: email.to, recipients: email.to, sentAt: now.toISOString() },
  };
}

/** POST close and reissue: a frozen quarter whose email could not go yet is Unavailable, to retry. */
export async function closeOnRequest(quarter: string, options: CloseOptions): Promise<CloseAnswer> {
  // No early close by accident: before the closing marker, which would stop officers' returns.
  if (!options.reissue && !options.early && !quarterHasEnded(quarter, options.now)) {
    if (!(await readCloseState(quarter)).closed)
      throw new Conflict(
        `${quarter} ends on ${dateWords(quarterEndDate(quarter))}: it has not ended. To close it early, send {"early": true}.`,
      );
  }
  try {
    const outcome = await closeQuarter(quarter, options);
    return { ...outcome.report, email: outcome.sent ?? null };
  } catch (error) {
    if (error instanceof EmailNotSent) {
      throw new Unavailable(
        `${quarter} is frozen, but the EMT email could not be sent yet; close again to retry it.`,
        60,
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * The one close behind the schedule and POST /reports/{quarter}/close: freeze the
 * quarter's report once (a rerun returns the first snapshot), then send the EMT email
 * once per revision (a retry after a recorded send sends nothing).
 */
export async function closeQuarter(quarter: string, options: CloseOptions): Promise<CloseOutcome> {
  // The closing marker first, then a consistent read: a write that committed before the
  // marker is in what is read; one that committed after finds the marker and records
  // itself as an amendment (services/close-race.ts).
  if (!options.reissue) await markClosing(quarter, options.now);
  const current = await readQuarter(quarter, { consistent: true });
  const existing = current.close;
  if (existing && !options.reissue) {
    const snapshot = await readSnapshot(existing);
    const sending = await ensureEmailSent(
      existing,
      snapshot,
      async () => (await readDefinitions()).settings,
      options.now,
    );
    return { report: frozenAnswer(snapshot, current, existing.revision), froze: false, ...sending };
  }

  // The one function that decides what is frozen: the close-preview calls it too.
  const { snapshot, settings, revision, closedAt, included } = await freezeQuarter(quarter, current, options);
  const { report } = snapshot;
  const writeId = randomUUID();
  const chunks = await writeSnapshotChunks(quarter, revision, writeId, snapshot);
  const record: CloseRecord = { quarter, revision, closedAt, revisedAt: options.now.toISOString(), chunks, writeId };
  if (!(await commitClose(record, existing?.revision ?? 0))) {
    // Another close committed first: theirs is the snapshot, and theirs sends the email.
    logger.info('close lost the race; returning the committed snapshot', { quarter });
    return closeQuarter(quarter, { now: options.now });
  }
  logger.info('quarter closed', {
    quarter,
    revision,
    measures: report.measures.length,
    criticalItems: report.criticalItems.length,
  });
  const sending = await ensureEmailSent(record, snapshot, async () => settings, options.now);
  return { report: frozenAnswer(snapshot, current, revision, included), froze: true, ...sending };
}

/** The scheduled close: the quarter the event names, else the one that just ended. */
export async function scheduledClose(requested: string | undefined, now: Date) {
  const quarter = scheduledQuarter(requested, now);
  return { quarter, ...(await closeQuarter(quarter, { now })) };
}

/** The watchdog's check after the scheduled close: the quarter's close record, if it closed. */
export async function closeRecordOf(requested: string | undefined, now: Date) {
  const quarter = requested ?? quarterJustEnded(now);
  return { quarter, close: (await readQuarter(quarter)).close };
}
