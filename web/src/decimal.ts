import type { Language } from '../../lambdas/domain/language';
import { readTypedNumber, type ValueRange, valueRangeProblem } from '../../lambdas/domain/value-range';
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

/** The measure a value is typed for: its possible values and its unit. */
export interface ValueOf {
  valueRange?: ValueRange;
  unit: string;
}

/**
 * Reads a measure's value as typed: a number within its possible values, or why not
 * (`name`: "the value", "Place's value"), a value outside them in the domain's words that
 * name the unit ("Enter a percentage between 0% and 100%"), as the API says it.
 */
export function readValue(
  text: string,
  measure: ValueOf = { unit: '' },
  name?: string,
  w: NumberWords = en.forms.number,
  language: Language = 'en',
): ReadValue {
  const typed = readTypedNumber(text);
  if ('value' in typed) {
    const outside = valueRangeProblem(measure.valueRange, typed.value, measure.unit, language);
    return outside ? { problem: outside } : typed;
  }
  if (typed.problem === 'empty') return { empty: true };
  return {
    problem: typed.problem === 'decimal-comma' ? w.decimalComma : fill(w.notANumber, { name: name ?? w.theValue }),
  };
}
