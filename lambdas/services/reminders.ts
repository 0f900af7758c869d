import { environment, senderEmail } from '../config/environment';
import { buildReport, missingReturns, quarterCloseInstant } from '../domain';
import { own } from '../domain/own';
import { reminderEmail } from '../mail/reminder-email';
import { sendEmail } from '../mail/ses';
import { logger } from '../observability/logger';
import { recordReminderSent } from '../store/quarter';
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
  const sender = senderEmail();
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
    await sendEmail(email);
    await recordReminderSent(run.quarter, run.daysBeforeClose, directorate, run.now);
    const count = missing.measures.length + missing.actions.length;
    logger.info('reminder sent', { quarter: run.quarter, directorate, missing: count, copiedHeads: cc.length });
    outcome.sent.push({ directorate, to: contact.contacts, cc, missing: count });
  }
  return outcome;
}

/** The scheduled reminder: the quarter the event names, else the one that just ended, whose close is coming. */
export async function scheduledReminders(requested: string | undefined, daysBeforeClose: number, now: Date) {
  const quarter = scheduledQuarter(requested, now);
  if (!Number.isInteger(daysBeforeClose) || daysBeforeClose < 0)
    throw new Error('daysBeforeClose must be a whole number of days');
  return { quarter, ...(await sendReminders({ quarter, daysBeforeClose, now })) };
}
