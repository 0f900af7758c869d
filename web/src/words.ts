import * as format from '../../lambdas/domain/format';
import type { Language } from '../../lambdas/domain/language';
import type { ActionStatus, Frequency, MeasureStatus, Polarity, Trend } from '../../lambdas/domain/types';
import * as words from '../../lambdas/domain/words';
import type { ReturnState, Role } from './api';

// The language the pages are shown in (web/src/i18n sets it with the switch): the domain's
// words below (statuses, trends, BRAG meanings, dates, quarters) follow it.
let language: Language = 'en';
export const setWordsLanguage = (next: Language) => {
  language = next;
};

/** A record whose every value is read in the language shown, from the domain's words. */
function inLanguage<K extends string>(keys: readonly K[], word: (key: K) => string): Record<K, string> {
  const words = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(words, key, { enumerable: true, get: () => word(key) });
  return words;
}

// The words the pages show (docs/web-app.md lists them): status always in words, in capitals.
export const statusWords: Record<MeasureStatus | ActionStatus | 'no-update', string> = inLanguage(
  ['blue', 'green', 'amber', 'red', 'no-data', 'no-update', 'not-due', 'info-only'],
  (status) =>
    (status === 'blue' || status === 'no-update'
      ? words.actionStatusWord(status, language)
      : words.measureStatusWord(status, language)
    ).toUpperCase(),
);

export const stateWords: Record<ReturnState, string> = {
  'not-started': 'Not started',
  saved: 'Saved',
  'needs-commentary': 'Needs commentary',
  'awaiting-sign-off': 'Awaiting sign-off',
  returned: 'Returned',
};

export const frequencyWords: Record<Frequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Annual',
};

export const polarityWords: Record<Polarity, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  within: 'Within the target range is better',
};

export const bragLabels: Record<ActionStatus, string> = inLanguage(['blue', 'green', 'amber', 'red'], (status) =>
  words.actionStatusMeaning(status, language),
);

/** Roles in words (the header, the sign-in page, People). */
export const roleWords: Record<Role, string> = { officer: 'Officer', approver: 'Approver', emt: 'EMT', admin: 'Admin' };

/** "Officer, Place": someone's roles in words, then their directorate; "No role" when none. */
export const rolesAndDirectorate = (roles: readonly Role[], directorate?: string | null): string =>
  [
    roles.length === 0 ? 'No role' : roles.map((r) => roleWords[r]).join(', '),
    ...(directorate ? [directorate] : []),
  ].join(', ');

// Numbers, dates and periods in the one style of the emails and documents (SPEC §12): the
// domain's formatters (domain/format.ts, domain/words.ts), in the web app's language.

/** 2017-18-Q4 → 2017-18 Q4; 2018-03 → March 2018; 2017-18 stays. */
export const periodLabel = (period: string, frequency?: Frequency): string =>
  words.periodLabel(period, language, frequency);

/** "1,234.5678"; a missing figure is "No result". */
export const formatNumber = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'No result' : format.formatNumber(value);

/** "82%", "12 days", "560". */
export const formatValue = (value: number, unit: string): string => format.formatValue(value, unit);

/** A date or an instant as "6 December 2026". */
export const formatDate = (at: string): string => words.formatDate(at, language);

/** An instant as "6 December 2026 at 12:38" (London time). */
export const formatDateTime = (at: string): string => words.formatDateTime(at, language);

export const trendWords: Record<Trend, string> = inLanguage(
  ['improving', 'declining', 'unchanged', 'no-comparison'],
  (trend) => words.trendWord(trend, language),
);
