import { formatNumber } from '../domain/format';
import type { Language } from '../domain/language';
import type { ActionReportStatus, MeasureStatus, OverallStatus, Trend } from '../domain/types';
import { actionStatusWord, measureStatusWord, trendWord as trendWordIn } from '../domain/words';

type AnyStatus = MeasureStatus | ActionReportStatus | OverallStatus;

/** Status is always shown in words as well as colour; these pairs pass WCAG AA contrast. */
const styles: Record<AnyStatus, { label: string; background: string; color: string }> = {
  blue: { label: 'BLUE', background: '#1d70b8', color: '#ffffff' },
  green: { label: 'GREEN', background: '#00703c', color: '#ffffff' },
  amber: { label: 'AMBER', background: '#ffdd00', color: '#0b0c0c' },
  red: { label: 'RED', background: '#b10e1e', color: '#ffffff' },
  'no-data': { label: 'NO DATA', background: '#505a5f', color: '#ffffff' },
  'no-update': { label: 'NO UPDATE', background: '#505a5f', color: '#ffffff' },
  'not-due': { label: 'NOT DUE', background: '#f3f2f1', color: '#0b0c0c' },
  'info-only': { label: 'INFO ONLY', background: '#f3f2f1', color: '#0b0c0c' },
};

/** A status's fill and text colours (#rrggbb), for the Word and Excel writers. */
export function statusColours(status: AnyStatus): { background: string; color: string } {
  const { background, color } = styles[status];
  return { background, color };
}

/** The status in capitals, as every output shows it: "AMBER" / "AMBR" (the domain's words, docs/cymraeg.md). */
export function statusWord(status: AnyStatus, language: Language = 'en'): string {
  if (language === 'en') return styles[status].label;
  const word =
    status === 'blue' || status === 'no-update'
      ? actionStatusWord(status, language)
      : measureStatusWord(status, language);
  return word.toUpperCase();
}

/** The page's status classes (`status-amber` …): one stylesheet instead of a style attribute per row. */
export const statusCss = Object.entries(styles)
  .map(([status, s]) => `.status-${status} { background-color: ${s.background}; color: ${s.color}; }`)
  .join('\n');

export function statusStyle(status: AnyStatus): string {
  const s = styles[status];
  return `background-color:${s.background};color:${s.color};font-weight:bold;padding:2px 6px;`;
}

export function trendWord(trend: Trend, language: Language = 'en'): string {
  return trendWordIn(trend, language);
}

/** A figure in the domain's one number style (domain/format.ts), or nothing when there is none. */
export const formatFigure = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : formatNumber(value);

export function formatTarget(target: number | { min: number; max: number } | null): string {
  if (target === null) return '';
  return typeof target === 'number' ? formatNumber(target) : `${formatNumber(target.min)}–${formatNumber(target.max)}`;
}
