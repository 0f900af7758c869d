import type { TargetValue } from '../../lambdas/domain/types';
import { fill } from '../../lambdas/domain/words';
import { en, type WebWords } from './i18n/en';
import { formatNumber, formatValue } from './words';

// Values and targets in their unit, in the one number style (SPEC §12 "Words, not data"):
// "95%", "12 days", "Between 10% and 20%". Every page that shows a measure's figure; the
// words come from the catalogue of the language shown (English unless given).

export type NumberWords = WebWords['forms']['number'];

/** A value in its unit; a missing one is "No result" (in the language shown). */
export const valueText = (value: number | null | undefined, unit: string): string =>
  value === null || value === undefined ? formatNumber(value) : formatValue(value, unit);

/** A target in its unit: a figure, a band "Between 10% and 20%", or `none` when there is none. */
export const targetText = (
  target: TargetValue | null,
  unit: string,
  w: NumberWords = en.forms.number,
  none: string = w.noTarget,
): string =>
  target === null
    ? none
    : typeof target === 'number'
      ? formatValue(target, unit)
      : fill(w.band, { min: formatValue(target.min, unit), max: formatValue(target.max, unit) });
