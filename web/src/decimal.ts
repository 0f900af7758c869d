import { readTypedNumber, type ValueRange } from '../../lambdas/domain/value-range';
import { fill } from '../../lambdas/domain/words';
import { en } from './i18n/en';
import type { NumberWords } from './values';

// A number as a person types it, read by the domain's rule (lambdas/domain/value-range.ts),
// so the form refuses what the API and the imports refuse, in the same words (in the
// language shown): a decimal comma is never read as a thousands separator ("12,5" is not
// 125), and a value outside the measure's possible range is refused before anything is sent.

/** A decimal as a person types it (`85.5`, `-3`, `.5`), or null when it is not one. */
export function parseDecimal(text: string): number | null {
  const typed = readTypedNumber(text);
  return 'value' in typed ? typed.value : null;
}

/** A typed value: its number, nothing typed, or what is wrong with it in words. */
export type ReadValue = { value: number } | { empty: true } | { problem: string };

/** What to do when the value lies outside the range ("Enter a value between 0 and 100"), or null. */
function outsideRange(range: ValueRange | undefined, value: number, w: NumberWords): string | null {
  const { min, max } = range ?? {};
  const low = min !== undefined && value < min;
  const high = max !== undefined && value > max;
  if (!low && !high) return null;
  if (min !== undefined && max !== undefined) return fill(w.between, { min, max });
  return min !== undefined ? fill(w.atLeast, { min }) : fill(w.atMost, { max: max as number });
}

/** Reads a measure's value as typed: a number within `range`, or why not (`name`: "the value", "Place's value"). */
export function readValue(
  text: string,
  range?: ValueRange,
  name?: string,
  w: NumberWords = en.forms.number,
): ReadValue {
  const typed = readTypedNumber(text);
  if ('value' in typed) {
    const outside = outsideRange(range, typed.value, w);
    return outside ? { problem: outside } : typed;
  }
  if (typed.problem === 'empty') return { empty: true };
  return {
    problem: typed.problem === 'decimal-comma' ? w.decimalComma : fill(w.notANumber, { name: name ?? w.theValue }),
  };
}
