import { environment } from '../config/environment';
import { buildReport, type MissingReturns, missingReturns, quarterCloseInstant } from '../domain';
import type { Language } from '../domain/language';
import { own } from '../domain/own';
import type { Settings } from '../domain/settings';
import type { ReportInput } from '../domain/types';
import { reminderEmail } from '../mail/reminder-email';
import { awaitingSignOffEmail } from '../mail/sign-off-email';
import { logger } from '../observability/logger';
import { quarterPk, reminderSk } from '../store/keys';
import type { QuarterData } from '../store/quarter';
import { queueEmail } from './outbox';
import { languagesOfPeople } from './people';
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
  const languageOf = await languagesOfPeople();
  const words = planWords(input, settings);
  for (const missing of missingReturns(buildReport(input))) {
    const { directorate } = missing;
    const contact = own(settings.directorates, directorate);
    if (!contact || contact.contacts.length === 0) {
      logger.warn('no contact for a directorate with missing returns', { directorate });
      outcome.skipped.push({ directorate, reason: 'no contact configured' });
      continue;
    }
    const heads = finalReminder ? contact.heads : [];
    // One email per language among the recipients (People `language`): English keeps the
    // record it always had, Welsh has its own (`<directorate>#cy`).
    for (const { language, to, cc } of byLanguage(contact.contacts, heads, languageOf)) {
      const key = languageKey(directorate, language);
      if (current.remindersSent.has(`${run.daysBeforeClose}#${key}`)) {
        outcome.skipped.push({ directorate, reason: 'already sent' });
        continue;
      }
      const email = reminderEmail(words.missing(missing, language), {
        from: sender,
        to,
        cc,
        quarter: run.quarter,
        closeAt,
        daysBeforeClose: run.daysBeforeClose,
        reportTitle: words.reportTitle(language),
        language,
      });
      // The reminder's record is its outbox record: the mailer sends it, a rerun finds it.
      await queueEmail(
        { pk: quarterPk(run.quarter), sk: reminderSk(run.daysBeforeClose, key) },
        'reminder',
        email,
        run.now,
        { at: run.now.toISOString() },
      );
      const count = missing.measures.length + missing.actions.length;
      logger.info('reminder sent', {
        quarter: run.quarter,
        directorate,
        missing: count,
        copiedHeads: cc.length,
        language,
      });
      outcome.sent.push({ directorate, to, cc, missing: count });
    }
  }
  if (settings.signOff === 'on')
    await remindApprovers(run, input, current, settings, closeAt, outcome, languageOf, words);
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
  languageOf: (email: string) => Language,
  words: PlanWords,
) {
  const owners = new Map<string, string>();
  for (const m of input.measures) owners.set(`m:${m.id}`, m.ownerDirectorate);
  for (const a of input.actions) owners.set(`a:${a.id}`, a.ownerDirectorate);
  const awaiting = new Map<string, { id: string; period: string; version: number }[]>();
  const add = (key: string, period: string, version: number) => {
    const owner = owners.get(key);
    if (owner === undefined) return;
    const list = awaiting.get(owner) ?? [];
    list.push({ id: key, period, version });
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
    for (const group of byLanguage(approvers, [], languageOf)) {
      const { language } = group;
      const recordKey = languageKey(key, language);
      if (current.remindersSent.has(`${run.daysBeforeClose}#${recordKey}`)) {
        outcome.skipped.push({ directorate: key, reason: 'already sent' });
        continue;
      }
      await queueEmail(
        { pk: quarterPk(run.quarter), sk: reminderSk(run.daysBeforeClose, recordKey) },
        'approvers',
        awaitingSignOffEmail({
          from: '', // the mailer's own sender
          to: group.to,
          reportTitle: words.reportTitle(language),
          directorate: words.directorate(directorate, language),
          quarter: run.quarter,
          closeAt,
          items: items
            .map(({ id, period, version }) => ({ title: words.title(id, language), period, version }))
            .sort((a, b) => a.title.localeCompare(b.title)),
          language,
        }),
        run.now,
        { at: run.now.toISOString() },
      );
      logger.info('sign-off reminder sent', { quarter: run.quarter, directorate, awaiting: items.length, language });
      outcome.sent.push({ directorate: key, to: group.to, cc: [], missing: items.length });
    }
  }
}

/** The record key of a language's email: English the key as it always was, another language suffixed. */
const languageKey = (key: string, language: Language) => (language === 'en' ? key : `${key}#${language}`);

/**
 * The recipients grouped by their language, English first: each group's `to` and `cc`
 * (a group of heads alone is addressed to them).
 */
export function byLanguage(
  to: readonly string[],
  cc: readonly string[],
  languageOf: (email: string) => Language,
): { language: Language; to: string[]; cc: string[] }[] {
  return (['en', 'cy'] as const).flatMap((language) => {
    const mine = (list: readonly string[]) => list.filter((email) => languageOf(email) === language);
    const groupTo = mine(to);
    const groupCc = mine(cc);
    if (groupTo.length === 0 && groupCc.length === 0) return [];
    return [groupTo.length ? { language, to: groupTo, cc: groupCc } : { language, to: groupCc, cc: [] }];
  });
}

type PlanWords = ReturnType<typeof planWords>;

/** The plan's words in a language: Welsh names and titles where the plan has them, else the English. */
function planWords(input: ReportInput, settings: Settings) {
  const titlesCy = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const m of input.measures) {
    titles.set(`m:${m.id}`, m.title);
    if (m.titleCy) titlesCy.set(`m:${m.id}`, m.titleCy);
  }
  for (const a of input.actions) {
    titles.set(`a:${a.id}`, a.title);
    if (a.titleCy) titlesCy.set(`a:${a.id}`, a.titleCy);
  }
  const title = (key: string, language: Language) =>
    (language === 'cy' ? titlesCy.get(key) : undefined) ?? titles.get(key) ?? key;
  const directorate = (name: string, language: Language) =>
    (language === 'cy' ? own(settings.namesCy.directorates, name) : undefined) ?? name;
  return {
    title,
    directorate,
    reportTitle: (language: Language) =>
      (language === 'cy' ? settings.namesCy.reportTitle : undefined) ?? settings.reportTitle,
    missing: (missing: MissingReturns, language: Language): MissingReturns =>
      language === 'en'
        ? missing
        : {
            directorate: directorate(missing.directorate, language),
            measures: missing.measures.map((m) => ({ ...m, title: title(`m:${m.id}`, language) })),
            actions: missing.actions.map((a) => ({ ...a, title: title(`a:${a.id}`, language) })),
          },
  };
}

/** The scheduled reminder: the quarter the event names, else the one that just ended, whose close is coming. */
export async function scheduledReminders(requested: string | undefined, daysBeforeClose: number, now: Date) {
  const quarter = scheduledQuarter(requested, now);
  if (!Number.isInteger(daysBeforeClose) || daysBeforeClose < 0)
    throw new Error('daysBeforeClose must be a whole number of days');
  return { quarter, ...(await sendReminders({ quarter, daysBeforeClose, now })) };
}
