// Numbers that cannot be mistyped (SPEC §12 "Words, not data"): a measure may declare
// the values it can possibly take (`valueRange`, e.g. 0–100 for a percentage, ≥ 0 for
// days), and a value typed with a decimal comma is refused rather than read as another
// number. Pure, so the API (PUT, both importers) and the web app (as a value is typed)
// give the same answer in the same words. No zod here: the web app's first page loads this
// module, and its schema (`valueRangeSchema`) lives with the measure's in definition-schemas.ts.
import { formatNumber, formatValue } from './format';
import type { Language } from './language';
import type { ValueRange } from './types';
import { fill, sounding, wordsFor } from './words';

// Declared with the measure's type (types.ts), so value-range.ts may word its problems
// (words.ts, whose shape names the types) without an import circle.
export type { ValueRange } from './types';

/** The range in words: "between 0 and 100", "0 or more", "100 or less"; null when open both ends. */
export function valueRangeWords(range: ValueRange | undefined): string | null {
  const { min, max } = range ?? {};
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  if (min !== undefined) return `of ${min} or more`;
  if (max !== undefined) return `of ${max} or less`;
  return null;
}

/** Whether the value lies in the range (both ends inclusive; no range: any value). */
export function inValueRange(range: ValueRange | undefined, value: number): boolean {
  if (range?.min !== undefined && value < range.min) return false;
  if (range?.max !== undefined && value > range.max) return false;
  return true;
}

/** Which wording names the unit: a percentage, "a number per …", "a number of …", or a value with none. */
function unitKind(unit: string): 'percent' | 'unit' | 'perUnit' | 'bare' {
  const u = unit.trim();
  if (u === '%') return 'percent';
  if (u === '') return 'bare';
  return /^per\s/i.test(u) ? 'perUnit' : 'unit';
}

/**
 * What to enter instead of a value outside the range, naming the unit the person typed in:
 * "Enter a percentage between 0% and 100%", "Enter a number of days between 0 and 365
 * days", "Enter a value of 0 or more" (no unit); null when the value lies inside. The
 * API's problem, the upload's mistake and the web form's own check all say this.
 */
export function valueRangeProblem(
  range: ValueRange | undefined,
  value: number,
  unit = '',
  language: Language = 'en',
): string | null {
  if (inValueRange(range, value)) return null;
  const { min, max } = range ?? {};
  const kind = unitKind(unit);
  const texts = wordsFor(language).outsideRange[kind];
  const end = (x: number, withUnit: boolean) =>
    kind === 'percent' || withUnit ? formatValue(x, unit) : formatNumber(x);
  const trimmed = unit.trim();
  if (min !== undefined && max !== undefined)
    return fill(sounding(texts.between, max), { min: end(min, false), max: end(max, true), unit: trimmed });
  if (min !== undefined) return fill(texts.atLeast, { min: end(min, false), unit: trimmed });
  return fill(texts.atMost, { max: end(max as number, false), unit: trimmed });
}

export const decimalCommaMessage = 'Use a full stop for decimals, like 12.5';

/**
 * A decimal as people type it: digits, an optional full stop and fraction, an optional
 * exponent. Unambiguous (each digit matches one way), so linear; the old `\d+\.?\d*` split
 * a run of digits every way before failing. docs/deploy.md "Security baseline".
 */
export const decimalText = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** The same with a comma somewhere among the digits: "12,5", "1,250.5". */
const commaText = /^[+-]?[\d.]*\d,[\d,.]*$/;

export type TypedNumber = { value: number } | { problem: 'empty' | 'decimal-comma' | 'not-a-number' };

/**
 * A value as typed (a CSV cell, a spreadsheet cell, a form field), trimmed: its number,
 * or why it is none. A decimal comma is never read as a thousands separator or dropped.
 */
export function readTypedNumber(text: string): TypedNumber {
  const t = text.trim();
  if (t === '') return { problem: 'empty' };
  if (decimalText.test(t)) {
    const value = Number(t);
    return Number.isFinite(value) ? { value } : { problem: 'not-a-number' };
  }
  return { problem: commaText.test(t) ? 'decimal-comma' : 'not-a-number' };
}

/** Why a typed value is no number, in words: what to do. */
export const typedNumberWords: Record<Exclude<TypedNumber, { value: number }>['problem'], string> = {
  empty: 'the value is missing',
  'decimal-comma': decimalCommaMessage,
  'not-a-number': 'the value is not a number: enter a number like 12.5',
};
