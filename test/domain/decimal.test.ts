import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  div,
  mul,
  neg,
  rational,
  roundHalfAwayFromZero,
  sub,
  toNumber,
} from '../../lambdas/domain/decimal';

describe('exact decimals', () => {
  it.each([
    [0.1, 1n, 10n],
    [-2.5, -5n, 2n],
    [1200, 1200n, 1n],
    [1e21, 10n ** 21n, 1n],
    [1.5e-7, 3n, 20000000n],
    [-0, 0n, 1n],
  ])('rational(%d) is %d/%d', (x, n, d) => expect(rational(x)).toEqual({ n, d }));

  it('refuses what is not a finite number', () => {
    expect(() => rational(Number.NaN)).toThrow(RangeError);
    expect(() => rational(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => div(rational(1), rational(0))).toThrow(RangeError);
  });

  it('adds without binary rounding', () => {
    expect(toNumber(add(rational(0.1), rational(0.2)))).toBe(0.3);
    expect(compare(add(rational(0.1), rational(0.2)), rational(0.3))).toBe(0);
    expect(toNumber(sub(rational(100), rational(90)))).toBe(10);
    expect(toNumber(mul(rational(0.1), rational(3)))).toBe(0.3);
    expect(toNumber(neg(rational(2.5)))).toBe(-2.5);
  });

  it('converts back to the nearest double', () => {
    expect(toNumber(div(rational(1), rational(3)))).toBe(1 / 3);
    expect(toNumber(div(rational(-2), rational(3)))).toBe(-2 / 3);
    expect(toNumber(div(rational(31100), rational(3)))).toBe(31100 / 3);
    expect(toNumber(rational(-7))).toBe(-7);
  });

  it.each([
    [2.25, 1, 2.3],
    [-2.25, 1, -2.3],
    [2.24999, 1, 2.2],
    [53.3333, 1, 53.3],
    [0.05, 1, 0.1],
    [-0.04, 1, 0],
    [18.666666, 1, 18.7],
    [0.5, 0, 1],
  ])('roundHalfAwayFromZero(%d, %d) is %d', (x, dp, expected) => {
    expect(roundHalfAwayFromZero(rational(x), dp)).toBe(expected);
  });
});
