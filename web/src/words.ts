import * as format from '../../lambdas/domain/format';
import type { Language } from '../../lambdas/domain/language';
import type { ActionStatus, Frequency, MeasureStatus, Polarity, Trend } from '../../lambdas/domain/types';
import * as words from '../../lambdas/domain/words';
import type { ReturnState, Role } from './api';
import { en, type WebWords } from './i18n/en';

// The language the pages are shown in (web/src/i18n sets it with the switch): the domain's
// words below (statuses, trends, BRAG meanings, dates, quarters) and the catalogue's
// `roles` and `shared` words follow it. Each record is read when a page renders, so a
// record read once at a module's load stays in the language of that moment.
let language: Language = 'en';
let catalogue: WebWords = en;
/** The language shown and its catalogue (the Welsh one is its own chunk, so it is handed in, not imported). */
export const setWordsLanguage = (next: Language, t: WebWords = en) => {
  language = next;
  catalogue = t;
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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

/** A return's state on Your returns: "Awaiting sign-off" is the domain's sign-off word, the rest the catalogue's. */
export const stateWords: Record<ReturnState, string> = inLanguage(
  ['not-started', 'saved', 'needs-commentary', 'awaiting-sign-off', 'returned'],
  (state) =>
    state === 'awaiting-sign-off'
      ? capitalised(words.wordsFor(language).signOff.awaiting)
      : catalogue.shared.state[state],
);

export const frequencyWords: Record<Frequency, string> = inLanguage(
  ['monthly', 'quarterly', 'annual'],
  (frequency) => catalogue.shared.frequency[frequency],
);

export const polarityWords: Record<Polarity, string> = inLanguage(
  ['higher', 'lower', 'within'],
  (polarity) => catalogue.shared.polarity[polarity],
);

export const bragLabels: Record<ActionStatus, string> = inLanguage(['blue', 'green', 'amber', 'red'], (status) =>
  words.actionStatusMeaning(status, language),
);

/** Roles in words, capitalised (the sign-in page, People): the catalogue's `roles`. */
export const roleWords: Record<Role, string> = inLanguage(['officer', 'approver', 'emt', 'admin'], (role) =>
  capitalised(catalogue.roles[role]),
);

/** "Officer, Place": someone's roles in words, then their directorate; "No role" when none. */
export const rolesAndDirectorate = (roles: readonly Role[], directorate?: string | null): string =>
  [
    roles.length === 0 ? catalogue.shared.noRole : roles.map((r) => roleWords[r]).join(', '),
    ...(directorate ? [directorate] : []),
  ].join(', ');

// Numbers, dates and periods in the one style of the emails and documents (SPEC §12): the
// domain's formatters (domain/format.ts, domain/words.ts), in the web app's language.

/** 2017-18-Q4 → 2017-18 Q4; 2018-03 → March 2018; 2017-18 stays. */
export const periodLabel = (period: string, frequency?: Frequency): string =>
  words.periodLabel(period, language, frequency);

/** "1,234.5678"; a missing figure is "No result". */
export const formatNumber = (value: number | null | undefined): string =>
  value === null || value === undefined ? catalogue.shared.noResult : format.formatNumber(value);

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
