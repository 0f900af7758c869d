import { randomUUID } from 'node:crypto';
import { quarterEndDate, quarterHasEnded, quarterJustEnded } from '../domain';
import { Conflict } from '../domain/errors';
import { formatDate } from '../domain/words';
import { logger } from '../observability/logger';
import { closeSk, outboxGsiPk, quarterPk } from '../store/keys';
import { pendingSk } from '../store/outbox';
import {
  type CloseRecord,
  commitClose,
  markClosing,
  materialiseCloseOutbox,
  readCloseState,
  readQuarter,
  readSnapshot,
  writeSnapshotChunks,
} from '../store/quarter';
import { type FrozenAnswer, freezeQuarter, frozenAnswer } from './freeze';
import { closeEmailState, type EmailState, emailStateOf } from './outbox';
import { readOtherReportData } from './report';
import { scheduledQuarter } from './schedule';

// The close commits; the email follows (docs/architecture.md "The outbox"): the snapshot
// and the EMT email's outbox record are one conditional write, and the mailer function
// renders and sends the email after the close has answered.

export interface CloseOutcome {
  report: FrozenAnswer;
  /** True when this call froze the snapshot (false: it existed already). */
  froze: boolean;
  /** The EMT email of the current revision: queued by the commit, then sent by the mailer. */
  email: EmailState;
}

/** The close and reissue answer: the report and its revision's EMT email. */
export type CloseAnswer = FrozenAnswer & { email: EmailState };

export interface CloseOptions {
  now: Date;
  /** Freeze a new revision of a closed quarter and send the email again, marked "Reissued". */
  reissue?: boolean;
  /** POST close: the admin closes a quarter that has not ended (without it, that is refused). */
  early?: boolean;
  /** Record the email as sent without sending it (the sample plan's earlier quarters, docs/local.md). */
  emailRecordedAsSent?: boolean;
}

/** POST close and reissue: the frozen report and the state of its email. */
export async function closeOnRequest(quarter: string, options: CloseOptions): Promise<CloseAnswer> {
  // No early close by accident: before the closing marker, which would stop officers' returns.
  if (!options.reissue && !options.early && !quarterHasEnded(quarter, options.now)) {
    if (!(await readCloseState(quarter)).closed)
      throw new Conflict(
        `${quarter} ends on ${formatDate(quarterEndDate(quarter), 'en')}: it has not ended. To close it early, send {"early": true}.`,
      );
  }
  const outcome = await closeQuarter(quarter, options);
  return { ...outcome.report, email: outcome.email };
}

/**
 * The one close behind the schedule and POST /reports/{quarter}/close: freeze the
 * quarter's report once (a rerun returns the first snapshot) and, in the same write,
 * queue its EMT email once per revision (the mailer sends it exactly once).
 */
export async function closeQuarter(quarter: string, options: CloseOptions): Promise<CloseOutcome> {
  // The closing marker first, then a consistent read: a write that committed before the
  // marker is in what is read; one that committed after finds the marker and records
  // itself as an amendment (services/close-race.ts).
  // The marker is written alone: sent beside the report's other reads, its answer waited
  // behind theirs (one thread handles every answer), and the quarter's read waited for it.
  // Those reads (definitions, last quarter, last year) need not follow the marker (no
  // write to other quarters or the definitions changes what this close freezes): they
  // go with the quarter's read.
  if (!options.reissue) await markClosing(quarter, options.now);
  const others = readOtherReportData(quarter);
  const current = await readQuarter(quarter, { consistent: true }).catch((error: unknown) => {
    others.catch(() => undefined);
    throw error;
  });
  const existing = current.close;
  if (existing && !options.reissue) {
    others.catch(() => undefined); // closed already: not needed
    const snapshot = await readSnapshot(existing);
    return {
      report: frozenAnswer(snapshot, current, existing.revision),
      froze: false,
      email: await emailStateOf(existing),
    };
  }

  // The one function that decides what is frozen: the close-preview calls it too.
  const { snapshot, revision, closedAt, included, email } = await freezeQuarter(quarter, current, {
    ...options,
    others,
  });
  const { report } = snapshot;
  const writeId = randomUUID();
  const writing = writeSnapshotChunks(quarter, revision, writeId, snapshot);
  writing.catch(() => undefined); // awaited below
  // The answer, made while the snapshot is compressed and written (used if this close commits).
  const answer = frozenAnswer(snapshot, current, revision, included, 'current');
  const chunks = await writing;
  const record: CloseRecord = { quarter, revision, closedAt, revisedAt: options.now.toISOString(), chunks, writeId };
  // The email the preview named, queued in the commit's own write as a seed (or recorded
  // as sent: sample history). The mailer makes it a record of its own; so does a reissue
  // of a revision whose seed is still there, before its commit replaces it.
  const at = options.now.toISOString();
  const outbox = {
    emailSubjectParts: email.subjectParts,
    ...(options.emailRecordedAsSent === true
      ? { emailSentRevision: revision, emailSentAt: at, emailSubject: email.subject, emailTo: email.recipients }
      : {
          outboxSeq: revision,
          mailSubject: email.subject,
          mailTo: email.recipients,
          mailQueuedAt: at,
          gsi1pk: outboxGsiPk,
          gsi1sk: pendingSk(at, quarterPk(quarter), closeSk),
        }),
  };
  if (existing) await materialiseCloseOutbox(existing, options.now);
  if (!(await commitClose(record, existing?.revision ?? 0, outbox))) {
    // Another close committed first: theirs is the snapshot, and its email is queued.
    logger.info('close lost the race; returning the committed snapshot', { quarter });
    return closeQuarter(quarter, { now: options.now });
  }
  logger.info('quarter closed', {
    quarter,
    revision,
    measures: report.measures.length,
    criticalItems: report.criticalItems.length,
  });
  return {
    report: answer,
    froze: true,
    email: closeEmailState({ ...record, ...(outbox as Partial<CloseRecord>) }),
  };
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
