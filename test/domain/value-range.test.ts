import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import { valueRangeSchema } from '../../lambdas/domain/definition-schemas';
import { formatNumber } from '../../lambdas/domain/format';
import {
  decimalCommaMessage,
  inValueRange,
  readTypedNumber,
  valueRangeProblem,
  valueRangeWords,
} from '../../lambdas/domain/value-range';

// Numbers that cannot be mistyped (SPEC §12 "Words, not data"): the measure's possible
// range and the decimal comma, shared by the API and the web app.

describe('valueRange', () => {
  it('says what to enter, in words, for each kind of range', () => {
    expect(valueRangeProblem({ min: 0, max: 100 }, 120)).toBe('Enter a value between 0 and 100');
    expect(valueRangeProblem({ min: 0, max: 100 }, -0.5)).toBe('Enter a value between 0 and 100');
    expect(valueRangeProblem({ min: 0 }, -5)).toBe('Enter a value of 0 or more');
    expect(valueRangeProblem({ max: 10 }, 10.01)).toBe('Enter a value of 10 or less');
    expect(valueRangeWords({ min: 0, max: 100 })).toBe('between 0 and 100');
    expect(valueRangeWords({})).toBeNull();
  });

  it('names the unit the person typed in (SPEC §12)', () => {
    expect(valueRangeProblem({ min: 0, max: 100 }, 120, '%')).toBe('Enter a percentage between 0% and 100%');
    expect(valueRangeProblem({ min: 0 }, -1, '%')).toBe('Enter a percentage of 0% or more');
    expect(valueRangeProblem({ max: 100 }, 101, '%')).toBe('Enter a percentage of 100% or less');
    expect(valueRangeProblem({ min: 0, max: 365 }, 400, 'days')).toBe('Enter a number of days between 0 and 365 days');
    expect(valueRangeProblem({ min: 0 }, -5, ' days ')).toBe('Enter a number of days: 0 or more');
    expect(valueRangeProblem({ max: 1200 }, 1201, 'homes')).toBe('Enter a number of homes: 1,200 or less');
    expect(valueRangeProblem({ min: 0, max: 50 }, 51, 'per 1,000 pupils')).toBe(
      'Enter a number per 1,000 pupils between 0 and 50 per 1,000 pupils',
    );
    // Welsh: "a" becomes "ac" before a number read with a vowel (words.ts readsWithVowel).
    expect(valueRangeProblem({ min: 0, max: 100 }, 120, '%', 'cy')).toBe('Rhowch ganran rhwng 0% a 100%');
    expect(valueRangeProblem({ min: 0, max: 80 }, 90, '%', 'cy')).toBe('Rhowch ganran rhwng 0% ac 80%');
    expect(valueRangeProblem({ min: 0, max: 8 }, 9, 'days', 'cy')).toBe('Rhowch nifer o days rhwng 0 ac 8 days');
    expect(valueRangeProblem({ min: 0 }, -1, '', 'cy')).toBe('Rhowch werth o 0 neu fwy');
  });

  it("words every value outside a range with its unit and the range's ends (property)", () => {
    const unit = fc.constantFrom('%', 'days', 'per 1,000 pupils', '');
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.nat(1e6),
        fc.integer({ min: 1, max: 1e6 }),
        unit,
        (min, span, over, u) => {
          const max = min + span;
          const problem = valueRangeProblem({ min, max }, max + over, u);
          expect(problem).toContain(u === '%' ? `${formatNumber(max)}%` : formatNumber(max));
          expect(problem).toContain(formatNumber(min));
          if (u !== '') expect(problem).toContain(u);
          expect(valueRangeProblem({ min, max }, min - over, u)).toBe(problem);
        },
      ),
    );
    expect(valueRangeWords(undefined)).toBeNull();
  });

  it('takes both ends, and any value when there is no range', () => {
    expect(valueRangeProblem({ min: 0, max: 100 }, 0)).toBeNull();
    expect(valueRangeProblem({ min: 0, max: 100 }, 100)).toBeNull();
    expect(valueRangeProblem(undefined, -1e15)).toBeNull();
    expect(valueRangeProblem({}, 1e15)).toBeNull();
  });

  it('refuses a value exactly when it lies outside (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b, x) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        expect(valueRangeProblem({ min, max }, x) === null).toBe(x >= min && x <= max);
        expect(inValueRange({ min }, x)).toBe(x >= min);
      }),
    );
  });

  it('is a schema that refuses a lowest value above the highest, and unknown keys', () => {
    expect(safeParse(valueRangeSchema(), { min: 0, max: 100 }).success).toBe(true);
    expect(safeParse(valueRangeSchema(), { min: 0 }).success).toBe(true);
    const upside = safeParse(valueRangeSchema(), { min: 5, max: 1 });
    expect(upside.success).toBe(false);
    expect(upside.error?.issues[0]?.message).toBe('the lowest possible value must not be more than the highest');
    expect(safeParse(valueRangeSchema(), { from: 0 }).success).toBe(false);
  });
});

describe('readTypedNumber', () => {
  it('reads decimals with a full stop', () => {
    expect(readTypedNumber('12.5')).toEqual({ value: 12.5 });
    expect(readTypedNumber(' -5 ')).toEqual({ value: -5 });
    expect(readTypedNumber('.5')).toEqual({ value: 0.5 });
    expect(readTypedNumber('1e3')).toEqual({ value: 1000 });
  });

  it('refuses a decimal comma instead of reading 12,5 as 125', () => {
    for (const text of ['12,5', '-0,75', '1,250.5', '1,000'])
      expect(readTypedNumber(text), text).toEqual({ problem: 'decimal-comma' });
    expect(decimalCommaMessage).toBe('Use a full stop for decimals, like 12.5');
  });

  it('says when a value is missing or not a number', () => {
    expect(readTypedNumber('  ')).toEqual({ problem: 'empty' });
    for (const text of ['abc', '12.5.1', '1e999', '12 5', ',', '1,,a'])
      expect(readTypedNumber(text), text).toEqual({ problem: 'not-a-number' });
  });

  it('reads back every finite double String() prints (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const read = readTypedNumber(String(x));
        expect(read).toEqual({ value: x === 0 ? Number(String(x)) : x });
      }),
    );
  });
});
