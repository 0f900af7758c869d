// The product's defaults, in one place: what a deployment starts with until its CDK
// context or an admin's PUT /settings says otherwise (README "Deploy" lists the settings).
import { noCabinetReport, noNamesCy, type Settings } from './settings';
import { defaultStatusSettings } from './types';

export const defaultReportTitle = 'Corporate Improvement Plan';
/** The quarter closes on this day of the month after it ends, at this hour (Europe/London). */
export const defaultCloseDay = 10;
export const defaultCloseHour = 7;
/** Reminders go out this many days before the close. */
export const defaultReminderDays: readonly number[] = [5, 1];

/** The settings before any deployment default or admin change. */
export const builtInSettings: Settings = {
  reportTitle: defaultReportTitle,
  planNames: { cip: defaultReportTitle },
  ...defaultStatusSettings,
  emtRecipients: ['emt@localhost'],
  directorates: {},
  reminderDays: [...defaultReminderDays],
  signOff: 'off',
  unsignedAtClose: 'count-flagged',
  reportLanguages: 'en',
  namesCy: noNamesCy(),
  cabinetReport: noCabinetReport(),
};
