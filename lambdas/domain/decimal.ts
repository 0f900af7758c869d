// Exact rational arithmetic over BigInt.
//
// Status boundaries are decided by comparisons such as "shortfall / |target| × 100 ≤ 10".
// In binary floating point 90 vs 100 at 10% lands on 10.000000000000002 or similar and
// flips a band, so every rule compares exact rationals built from the decimal a person
// typed: a double's shortest round-trip string (what `String(x)` prints) is that decimal.

/** n / d in lowest terms, d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

const abs = (x: bigint) => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(n: bigint, d: bigint): Rational {
  // A whole number is in lowest terms: no gcd (the report rates 10,000 measures).
  if (d === 1n) return { n, d };
  if (d === 0n) throw new RangeError('Division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(abs(n), d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

/** The exact value of the decimal that `String(x)` prints for a finite double. */
export function rational(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`Not a finite number: ${x}`);
  // A safe integer prints as its digits (no exponent below 1e21): the same value, without the text.
  if (Number.isSafeInteger(x)) return { n: BigInt(x), d: 1n };
  // String() of a finite double always has this form.
  const [, sign, whole, fraction = '', exponent = '0'] = NUMBER_TEXT.exec(String(x))!;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const scale = Number(exponent) - fraction.length;
  return scale >= 0 ? make(digits * 10n ** BigInt(scale), 1n) : make(digits, 10n ** BigInt(-scale));
}

export const add = (a: Rational, b: Rational): Rational => make(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => make(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => make(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => make(a.n * b.d, a.d * b.n);
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });
export const absolute = (a: Rational): Rational => ({ n: abs(a.n), d: a.d });

/** -1, 0 or 1. */
export function sign(a: Rational): -1 | 0 | 1 {
  return a.n < 0n ? -1 : a.n > 0n ? 1 : 0;
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  // The sign of a − b, whose denominator is positive: no need to reduce it.
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
}

/** The nearest double (21 significant digits are parsed, so terminating decimals are exact). */
export function toNumber(a: Rational): number {
  if (a.d === 1n) return Number(a.n);
  const negative = a.n < 0n;
  const n = abs(a.n);
  const shift = Math.max(0, 21 - (n.toString().length - a.d.toString().length));
  const scaled = (n * 10n ** BigInt(shift)) / a.d;
  return Number(`${negative ? '-' : ''}${scaled}e-${shift}`);
}

/** Rounded to `decimals` places, halves away from zero (so 2.25 → 2.3 and −2.25 → −2.3). */
export function roundHalfAwayFromZero(a: Rational, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const twice = (2n * abs(a.n) * scale) / a.d; // floor(2|a|·10^k)
  const rounded = (twice + 1n) / 2n; // floor(|a|·10^k + ½)
  // Below 10^20 the decimal is exact in toNumber's 21 digits: the same double, parsed directly.
  if (rounded === 0n) return 0;
  if (rounded < 100_000_000_000_000_000_000n) return Number(`${a.n < 0n ? '-' : ''}${rounded}e-${decimals}`);
  return toNumber(make(a.n < 0n ? -rounded : rounded, scale));
}
