import { fill } from '../../lambdas/domain/words';
import type { DateParts, FieldError } from './components';
import { en, type WebWords } from './i18n/en';

/**
 * `YYYY-MM-DD` from the GOV.UK date input's three fields (ids `<id>-day`…), nothing when
 * all three are empty, or an error naming the field to fix: "<label> must include a day".
 */
export function isoDateOf(
  { day, month, year }: DateParts,
  id: string,
  label: string,
  w: WebWords['date'] = en.date,
): { date?: string; error?: FieldError } {
  if (!day.trim() && !month.trim() && !year.trim()) return {};
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!/^\d{1,2}$/.test(d)) return { error: { field: `${id}-day`, message: fill(w.mustIncludeDay, { label }) } };
  if (!/^\d{1,2}$/.test(m)) return { error: { field: `${id}-month`, message: fill(w.mustIncludeMonth, { label }) } };
  if (!/^\d{4}$/.test(y)) return { error: { field: `${id}-year`, message: w.yearFourNumbers } };
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return { error: { field: `${id}-day`, message: fill(w.realDate, { label }) } };
  return { date: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` };
}

/** A stored `YYYY-MM-DD` as the date input's three fields. */
export function datePartsOf(date: string | undefined): DateParts {
  const [year = '', month = '', day = ''] = date?.split('-') ?? [];
  return { day, month, year };
}
