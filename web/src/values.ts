import type { TargetValue } from '../../lambdas/domain/types';
import { formatValue } from './words';

// Values and targets in their unit, in the one number style (SPEC §12 "Words, not data"):
// "95%", "12 days", "Between 10% and 20%". Every page that shows a measure's figure.

/** A value in its unit; a missing one is "No result". */
export const valueText = (value: number | null | undefined, unit: string): string =>
  value === null || value === undefined ? 'No result' : formatValue(value, unit);

/** A target in its unit: a figure, a band "Between 10% and 20%", or `none` when there is none. */
export const targetText = (target: TargetValue | null, unit: string, none = 'No target'): string =>
  target === null
    ? none
    : typeof target === 'number'
      ? formatValue(target, unit)
      : `Between ${formatValue(target.min, unit)} and ${formatValue(target.max, unit)}`;
