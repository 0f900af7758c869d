import type { ActionStatus, MeasureStatus, Polarity, Trend } from '../../lambdas/domain/types';
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

/** 2017-18-Q4 → 2017-18 Q4; 2018-03 → March 2018; 2017-18 stays. */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4}-\d{2})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]} Q${quarter[2]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month && Number(month[2]) <= 12 && Number(month[2]) >= 1) {
    const name = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)).toLocaleString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    return `${name} ${month[1]}`;
  }
  return period;
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });
export const formatNumber = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'No result' : numberFormat.format(value);

export const trendWords: Record<Trend, string> = {
  improving: 'Improving',
  declining: 'Declining',
  unchanged: 'Unchanged',
  'no-comparison': 'No comparison',
};
