// What a close (or reissue) freezes, computed in ONE place: the close and the reissue
// call it to write their snapshot, and GET /reports/{quarter}/close-preview and
// /reissue-preview call it to show the confirmation page, so the page and the close
// cannot disagree (docs/rules.md "Quarter close", "One truth").
import { randomUUID } from 'node:crypto';
import {
  buildReport,
  frozenInput,
  type MissingReturns,
  missingReturns,
  quarterEndDate,
  quarterHasEnded,
} from '../domain';
import { closeEmailSubjectParts, type SubjectPart, subjectOf } from '../domain/close-subject';
import { Conflict } from '../domain/errors';
import { reportLanguageOptions } from '../domain/report-language';
import type { Settings } from '../domain/settings';
import { readDefinitions } from '../store/definitions';
import {
  commitClose,
  type QuarterData,
  readQuarter,
  readSnapshot,
  type Snapshot,
  writeSnapshotChunks,
} from '../store/quarter';
import {
  type Amendment,
  amendmentsSince,
  closedReport,
  frozenVersionsOf,
  type OtherReportReads,
  type QuarterReport,
  readReportInput,
} from './report';

/** The EMT email a close would send: its subject and recipients. */
export interface EmailPreview {
  subject: string;
  /** The subject by language (absent: an email stored before it had them, its languages unknown). */
  subjectParts?: SubjectPart[];
  recipients: string[];
}

export interface Freeze {
  quarter: string;
  revision: number;
  closedAt: string;
  snapshot: Snapshot;
  settings: Settings;
  email: EmailPreview;
  /** A reissue: the amendments since the revision it replaces, which it freezes into the figures. */
  included?: Amendment[];
}

/** The EMT email a revision of a report sends: the subject and recipients the close uses. */
export function emailPreviewOf(report: Snapshot['report'], settings: Settings, revision: number): EmailPreview {
  const subjectParts = closeEmailSubjectParts(report, reportLanguageOptions(settings), revision > 1);
  return {
    subject: subjectOf(subjectParts),
    subjectParts,
    recipients: [...settings.emtRecipients],
  };
}

/**
 * What a close (`reissue` false) or reissue of `quarter` freezes at `now`, given its data
 * read now (the close reads it consistently, after its closing marker). The report is
 * computed at close: returns with no approved version settled by unsignedAtClose.
 */
export async function freezeQuarter(
  quarter: string,
  current: QuarterData,
  options: { now: Date; reissue?: boolean; others?: OtherReportReads },
): Promise<Freeze> {
  const existing = current.close;
  if (options.reissue && !existing) throw new Conflict(`${quarter} is not closed, so there is nothing to reissue.`);
  const [{ input, settings }, previous] = await Promise.all([
    readReportInput(quarter, current, true, undefined, options.others),
    options.reissue && existing ? readSnapshot(existing) : undefined,
  ]);
  const closedAt = existing?.closedAt ?? options.now.toISOString();
  const report = { ...buildReport(input), closed: true, closedAt };
  const revision = (existing?.revision ?? 0) + 1;
  const snapshot: Snapshot = { report, input: frozenInput(input), frozenVersions: frozenVersionsOf(current) };
  return {
    quarter,
    revision,
    closedAt,
    snapshot,
    settings,
    email: emailPreviewOf(report, settings, revision),
    ...(previous && { included: amendmentsSince(previous, current) }),
  };
}

/** A close's or reissue's report as it answers it: the frozen figures, the missing returns and what a reissue included. */
export type FrozenAnswer = QuarterReport & {
  /** The quarter was closed before this call (`current`, read before it): a close then freezes nothing new. */
  alreadyClosed: boolean;
  /** The quarter's last day (Europe/London), `YYYY-MM-DD`. */
  endsOn: string;
  /** Closed (for a preview: would close) before the quarter ended: a close then needs `{"early": true}`. */
  closedEarly: boolean;
  missingReturns: MissingReturns[];
  included?: Amendment[];
};

/**
 * `frozenFrom`: the snapshot was frozen from `current` itself (the close that froze it), so
 * no write is newer than its figures: no amendments, and none looked for (10,000 results).
 */
export function frozenAnswer(
  snapshot: Snapshot,
  current: QuarterData,
  revision: number,
  included?: Amendment[],
  frozenFrom?: 'current',
): FrozenAnswer {
  return {
    ...closedReport(snapshot, current, revision, undefined, frozenFrom === 'current' ? () => [] : undefined),
    alreadyClosed: current.close !== undefined,
    endsOn: quarterEndDate(snapshot.report.quarter),
    closedEarly: !quarterHasEnded(snapshot.report.quarter, new Date(snapshot.report.closedAt!)),
    missingReturns: missingReturns(snapshot.report),
    ...(included && { included }),
  };
}

/** The preview: what the close (reissue) would answer now, with the email it would send. */
export type FreezePreview = FrozenAnswer & { email: EmailPreview };

/**
 * GET /reports/{quarter}/close-preview and /reissue-preview. A closed quarter's
 * close-preview is what a close answers then: its frozen report (a second close
 * freezes nothing), with the email of its revision.
 */
export async function previewFreeze(
  quarter: string,
  options: { now: Date; reissue?: boolean },
): Promise<FreezePreview> {
  const current = await readQuarter(quarter, { consistent: true });
  if (current.close && !options.reissue) {
    const [snapshot, { settings }] = await Promise.all([readSnapshot(current.close), readDefinitions()]);
    const { revision, emailSentRevision, emailSubject, emailSubjectParts, emailTo, emailSentAt } = current.close;
    const sent = (emailSentRevision ?? 0) >= revision && emailSubject && emailTo;
    return {
      ...frozenAnswer(snapshot, current, revision),
      emailedAt: (emailSentRevision ?? 0) >= revision ? (emailSentAt ?? null) : null,
      email: sent
        ? { subject: emailSubject, ...(emailSubjectParts && { subjectParts: emailSubjectParts }), recipients: emailTo }
        : emailPreviewOf(snapshot.report, settings, revision),
    };
  }
  const frozen = await freezeQuarter(quarter, current, options);
  return { ...frozenAnswer(frozen.snapshot, current, frozen.revision, frozen.included), email: frozen.email };
}

/**
 * A quarter closed as history (the sample plan's quarters before the one under way):
 * frozen by the same function as every close, at `at`, its email recorded as sent then
 * but not sent (the SES emulator's inbox keeps only the closes people make). False when
 * it was closed already.
 */
export async function closeAsHistory(quarter: string, at: Date): Promise<boolean> {
  const current = await readQuarter(quarter, { consistent: true });
  if (current.close) return false;
  const { revision, closedAt, snapshot, email } = await freezeQuarter(quarter, current, { now: at });
  const writeId = randomUUID();
  const chunks = await writeSnapshotChunks(quarter, revision, writeId, snapshot);
  // The email recorded as sent with the commit, and no outbox record: the mailer sends nothing.
  const record = {
    quarter,
    revision,
    closedAt,
    revisedAt: closedAt,
    chunks,
    writeId,
    emailSentRevision: revision,
    emailSentAt: at.toISOString(),
    emailSubject: email.subject,
    emailSubjectParts: email.subjectParts,
    emailTo: email.recipients,
  };
  return commitClose(record, 0);
}
