import { environment } from '../config/environment';
import { buildReport, missingReturns, quarterCloseInstant } from '../domain';
import { own } from '../domain/own';
import type { Settings } from '../domain/settings';
import type { ReportInput } from '../domain/types';
import { reminderEmail } from '../mail/reminder-email';
import { awaitingSignOffEmail } from '../mail/sign-off-email';
import { logger } from '../observability/logger';
import { quarterPk, reminderSk } from '../store/keys';
import type { QuarterData } from '../store/quarter';
import { queueEmail } from './outbox';
import { readReportInput } from './report';
import { scheduledQuarter } from './schedule';

export interface ReminderRun {
  quarter: string;
  daysBeforeClose: number;
  now: Date;
  /** The scheduled close (day of month, hour) in Europe/London; absent: the deployment's. */
  closeDay?: number;
  closeHour?: number;
}

export interface ReminderOutcome {
  sent: { directorate: string; to: string[]; cc: string[]; missing: number }[];
  skipped: { directorate: string; reason: string }[];
}

/**
 * Emails each directorate contact what its directorate still has to return for the
 * quarter; the last reminder before close copies the directorate heads. Directorates
 * with nothing missing get nothing; a retried run skips those already sent.
 */
export async function sendReminders(run: ReminderRun): Promise<ReminderOutcome> {
  const { input, current, settings } = await readReportInput(run.quarter);
  const outcome: ReminderOutcome = { sent: [], skipped: [] };
  if (current.close) {
    logger.info('quarter already closed; no reminders', { quarter: run.quarter });
    return outcome;
  }
  // From: the mailer's own sender (only it knows SES's).
  const sender = '';
  const finalReminder = settings.reminderDays.length > 1 && run.daysBeforeClose === Math.min(...settings.reminderDays);
  const closeAt = quarterCloseInstant(
    run.quarter,
    run.closeDay ?? environment().closeDay,
    run.closeHour ?? environment().closeHour,
  );
  for (const missing of missingReturns(buildReport(input))) {
    const { directorate } = missing;
    const contact = own(settings.directorates, directorate);
    if (!contact || contact.contacts.length === 0) {
      logger.warn('no contact for a directorate with missing returns', { directorate });
      outcome.skipped.push({ directorate, reason: 'no contact configured' });
      continue;
    }
    if (current.remindersSent.has(`${run.daysBeforeClose}#${directorate}`)) {
      outcome.skipped.push({ directorate, reason: 'already sent' });
      continue;
    }
    const cc = finalReminder ? contact.heads : [];
    const email = reminderEmail(missing, {
      from: sender,
      to: contact.contacts,
      cc,
      quarter: run.quarter,
      closeAt,
      daysBeforeClose: run.daysBeforeClose,
      reportTitle: settings.reportTitle,
    });
    // The reminder's record is its outbox record: the mailer sends it, a rerun finds it.
    await queueEmail(
      { pk: quarterPk(run.quarter), sk: reminderSk(run.daysBeforeClose, directorate) },
      'reminder',
      email,
      run.now,
      { at: run.now.toISOString() },
    );
    const count = missing.measures.length + missing.actions.length;
    logger.info('reminder sent', { quarter: run.quarter, directorate, missing: count, copiedHeads: cc.length });
    outcome.sent.push({ directorate, to: contact.contacts, cc, missing: count });
  }
  if (settings.signOff === 'on') await remindApprovers(run, input, current, settings, closeAt, outcome);
  return outcome;
}

/**
 * With sign-off on, each directorate's approvers get what awaits their decision
 * (docs/sign-off.md); recorded like a reminder under `sign-off:<directorate>`, so a
 * retried run sends nothing twice.
 */
async function remindApprovers(
  run: ReminderRun,
  input: ReportInput,
  current: QuarterData,
  settings: Settings,
  closeAt: Date,
  outcome: ReminderOutcome,
) {
  const owners = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const m of input.measures) {
    owners.set(`m:${m.id}`, m.ownerDirectorate);
    titles.set(`m:${m.id}`, m.title);
  }
  for (const a of input.actions) {
    owners.set(`a:${a.id}`, a.ownerDirectorate);
    titles.set(`a:${a.id}`, a.title);
  }
  const awaiting = new Map<string, { title: string; period: string; version: number }[]>();
  const add = (key: string, period: string, version: number) => {
    const owner = owners.get(key);
    if (owner === undefined) return;
    const list = awaiting.get(owner) ?? [];
    list.push({ title: titles.get(key) ?? key, period, version });
    awaiting.set(owner, list);
  };
  for (const r of current.results) if (r.submitted && !r.decision) add(`m:${r.measureId}`, r.period, r.version);
  for (const u of current.actionUpdates) if (u.submitted && !u.decision) add(`a:${u.actionId}`, u.quarter, u.version);
  for (const [directorate, items] of [...awaiting.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const key = `sign-off:${directorate}`;
    const approvers = own(settings.directorates, directorate)?.approvers ?? [];
    if (approvers.length === 0) {
      outcome.skipped.push({ directorate: key, reason: 'no approvers configured' });
      continue;
    }
    if (current.remindersSent.has(`${run.daysBeforeClose}#${key}`)) {
      outcome.skipped.push({ directorate: key, reason: 'already sent' });
      continue;
    }
    await queueEmail(
      { pk: quarterPk(run.quarter), sk: reminderSk(run.daysBeforeClose, key) },
      'approvers',
      awaitingSignOffEmail({
        from: '', // the mailer's own sender
        to: approvers,
        reportTitle: settings.reportTitle,
        directorate,
        quarter: run.quarter,
        closeAt,
        items: items.sort((a, b) => a.title.localeCompare(b.title)),
      }),
      run.now,
      { at: run.now.toISOString() },
    );
    logger.info('sign-off reminder sent', { quarter: run.quarter, directorate, awaiting: items.length });
    outcome.sent.push({ directorate: key, to: approvers, cc: [], missing: items.length });
  }
}

/** The scheduled reminder: the quarter the event names, else the one that just ended, whose close is coming. */
export async function scheduledReminders(requested: string | undefined, daysBeforeClose: number, now: Date) {
  const quarter = scheduledQuarter(requested, now);
  if (!Number.isInteger(daysBeforeClose) || daysBeforeClose < 0)
    throw new Error('daysBeforeClose must be a whole number of days');
  return { quarter, ...(await sendReminders({ quarter, daysBeforeClose, now })) };
}
