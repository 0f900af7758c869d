import { dateWords } from './periods';

// Numbers in the report's sentences.

/**
 * A number as typed (the shortest decimal that round-trips) with thousands separators in
 * its whole part: 1200 → "1,200", 0.55 → "0.55". Exponent forms are left as they are.
 */
export function formatNumber(x: number): string {
  const text = String(x);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+$)/g, ',')}${m[3] ?? ''}`;
}

/** A value in its unit where the unit reads as a suffix: "82%"; otherwise the bare number. */
export function formatValue(x: number, unit: string): string {
  return unit === '%' ? `${formatNumber(x)}%` : formatNumber(x);
}

// Dates in words (docs/web-app.md, SPEC §12 "Words, not data"): one style everywhere but
// JSON and the CSV's own date columns, in London's time. The formatters are built on first
// use: a time-zone formatter costs cold-start time in every function that imports the domain.
let dateFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** An instant (ISO 8601) or a date (YYYY-MM-DD) as "6 December 2026". */
export function formatDate(iso: string): string {
  dateFormat ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });
  // A plain date is that day wherever it is read, not midnight UTC moved to London.
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateWords(iso) : dateFormat.format(new Date(iso));
}

/** An instant (ISO 8601) as London's wall clock in words: "6 December 2026 at 12:38". */
export function formatDateTime(iso: string): string {
  dateTimeFormat ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/London',
  });
  const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  const parts = dateTimeFormat.formatToParts(new Date(iso));
  return `${part(parts, 'day')} ${part(parts, 'month')} ${part(parts, 'year')} at ${part(parts, 'hour')}:${part(parts, 'minute')}`;
}
