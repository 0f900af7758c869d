import fc from 'fast-check';
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

  // The report's shortcuts (whole numbers without the text, compare without reducing,
  // rounding parsed directly) answer what the general path answers, for any double.
  describe('shortcuts agree with the general path', () => {
    // rational() as it was: every double through the text String() prints.
    const general = (x: number) => {
      const [, sign, whole, fraction = '', exponent = '0'] = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x))!;
      const scale = Number(exponent) - fraction.length;
      const digits = BigInt(`${sign}${whole}${fraction}`);
      return scale >= 0
        ? { n: digits * 10n ** BigInt(scale), d: 1n }
        : div({ n: digits, d: 1n }, { n: 10n ** BigInt(-scale), d: 1n });
    };
    const doubles = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.maxSafeInteger(),
      fc.integer({ min: -99999, max: 99999 }).map((n) => n / 100),
    );

    it('rational', () =>
      fc.assert(
        fc.property(doubles, (x) => {
          expect(rational(x)).toEqual(general(x));
        }),
      ));

    it('compare is the sign of the difference', () =>
      fc.assert(
        fc.property(doubles, doubles, (a, b) => {
          const d = sub(rational(a), rational(b));
          expect(compare(rational(a), rational(b))).toBe(d.n < 0n ? -1 : d.n > 0n ? 1 : 0);
        }),
      ));

    it('roundHalfAwayFromZero is the nearest double of the rounded decimal', () =>
      fc.assert(
        fc.property(doubles, doubles, fc.integer({ min: 0, max: 6 }), (a, b, dp) => {
          fc.pre(b !== 0);
          const q = div(rational(a), rational(b));
          const scale = 10n ** BigInt(dp);
          const magnitude = ((2n * (q.n < 0n ? -q.n : q.n) * scale) / q.d + 1n) / 2n;
          const expected = toNumber(div({ n: q.n < 0n ? -magnitude : magnitude, d: 1n }, { n: scale, d: 1n }));
          expect(Object.is(roundHalfAwayFromZero(q, dp), expected === 0 ? 0 : expected)).toBe(true);
        }),
      ));
  });
});
