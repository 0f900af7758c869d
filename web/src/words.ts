import * as format from '../../lambdas/domain/format';
import type { ActionStatus, Frequency, MeasureStatus, Polarity, Trend } from '../../lambdas/domain/types';
import * as words from '../../lambdas/domain/words';
import type { ReturnState } from './api';

// The words the pages show (docs/web-app.md lists them): status always in words.
export const statusWords: Record<MeasureStatus | ActionStatus | 'no-update', string> = {
  blue: 'BLUE',
  green: 'GREEN',
  amber: 'AMBER',
  red: 'RED',
  'no-data': 'NO DATA',
  'no-update': 'NO UPDATE',
  'not-due': 'NOT DUE',
  'info-only': 'INFO ONLY',
};

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

export const bragLabels: Record<ActionStatus, string> = {
  blue: 'Blue (complete)',
  green: 'Green (on track)',
  amber: 'Amber (at risk)',
  red: 'Red (off track)',
};

// Numbers, dates and periods in the one style of the emails and documents (SPEC §12): the
// domain's formatters (domain/format.ts, domain/words.ts), in the web app's language.
const language = 'en';

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

export const trendWords: Record<Trend, string> = {
  improving: 'Improving',
  declining: 'Declining',
  unchanged: 'Unchanged',
  'no-comparison': 'No comparison',
};
