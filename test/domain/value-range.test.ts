import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import {
  decimalCommaMessage,
  inValueRange,
  readTypedNumber,
  valueRangeProblem,
  valueRangeSchema,
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
    expect(safeParse(valueRangeSchema, { min: 0, max: 100 }).success).toBe(true);
    expect(safeParse(valueRangeSchema, { min: 0 }).success).toBe(true);
    const upside = safeParse(valueRangeSchema, { min: 5, max: 1 });
    expect(upside.success).toBe(false);
    expect(upside.error?.issues[0]?.message).toBe('the lowest possible value must not be more than the highest');
    expect(safeParse(valueRangeSchema, { from: 0 }).success).toBe(false);
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
