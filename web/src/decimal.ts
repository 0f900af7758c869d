import {
  decimalCommaMessage,
  readTypedNumber,
  type ValueRange,
  valueRangeProblem,
} from '../../lambdas/domain/value-range';

// A number as a person types it, read by the domain's rule (lambdas/domain/value-range.ts),
// so the form refuses what the API and the imports refuse, in the same words: a decimal
// comma is never read as a thousands separator ("12,5" is not 125), and a value outside
// the measure's possible range is refused before anything is sent.

/** A decimal as a person types it (`85.5`, `-3`, `.5`), or null when it is not one. */
export function parseDecimal(text: string): number | null {
  const typed = readTypedNumber(text);
  return 'value' in typed ? typed.value : null;
}

/** A typed value: its number, nothing typed, or what is wrong with it in words. */
export type ReadValue = { value: number } | { empty: true } | { problem: string };

/** Reads a measure's value as typed: a number within `range`, or why not (`name`: "the value", "Place's value"). */
export function readValue(text: string, range?: ValueRange, name = 'the value'): ReadValue {
  const typed = readTypedNumber(text);
  if ('value' in typed) {
    const outside = valueRangeProblem(range, typed.value);
    return outside ? { problem: outside } : typed;
  }
  if (typed.problem === 'empty') return { empty: true };
  return { problem: typed.problem === 'decimal-comma' ? decimalCommaMessage : `Enter ${name} as a number, like 85.5` };
}
