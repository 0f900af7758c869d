// Direction of travel (docs/rules.md#direction-of-travel), polarity-aware.

import { compare, type Rational, rational, sub } from './decimal';
import type { Polarity, TargetValue, Trend } from './types';

/** How far a value lies outside a band (0 inside it). */
function distanceToBand(value: Rational, min: Rational, max: Rational): Rational {
  if (compare(value, min) < 0) return sub(min, value);
  if (compare(value, max) > 0) return sub(value, max);
  return rational(0);
}

/**
 * `current` against `previous`. A `within` measure improves as it comes closer to its
 * band, so it needs the band (`target`, normally the current period's); without one it
 * has no comparison.
 */
export function trend(
  polarity: Polarity,
  current: number | null,
  previous: number | null,
  target?: TargetValue | null,
): Trend {
  if (current === null || previous === null) return 'no-comparison';
  let change: number;
  if (polarity === 'within') {
    if (target === undefined || target === null) return 'no-comparison';
    const band = typeof target === 'number' ? { min: target, max: target } : target;
    const [min, max] = [rational(band.min), rational(band.max)];
    change = compare(distanceToBand(rational(previous), min, max), distanceToBand(rational(current), min, max));
  } else {
    change = polarity === 'higher' ? Math.sign(current - previous) : Math.sign(previous - current);
  }
  return change > 0 ? 'improving' : change < 0 ? 'declining' : 'unchanged';
}
