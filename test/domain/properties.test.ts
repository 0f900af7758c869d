// Properties of the status rules, checked by fast-check.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RagStatus, type RateInput, rateValue } from '../../lambdas/domain/measure-status';
import { measuresSummary, partitionPercents, percentOf, plannedWorkSummary } from '../../lambdas/domain/summary';
import type { ActionReportStatus, MeasureStatus, Polarity, TargetValue } from '../../lambdas/domain/types';

const rank: Record<RagStatus, number> = { green: 0, amber: 1, red: 2 };
const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const percent = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 200 });
const bands = fc.record({ tolerancePercent: percent, greenTolerancePercent: percent, toleranceAbsolute: percent });
type Bands = Pick<RateInput, 'tolerancePercent' | 'greenTolerancePercent' | 'toleranceAbsolute'>;

const status = (polarity: Polarity, value: number, target: TargetValue, b: Bands) =>
  rateValue({ value, target, polarity, ...b }).status;
const sorted = (a: number, b: number) => (a <= b ? [a, b] : [b, a]) as [number, number];

describe('a better actual never gives a worse status', () => {
  it('higher is better', () => {
    fc.assert(
      fc.property(number, number, number, bands, (x, y, target, b) => {
        const [worse, better] = sorted(x, y);
        expect(rank[status('higher', better, target, b)]).toBeLessThanOrEqual(rank[status('higher', worse, target, b)]);
      }),
    );
  });

  it('lower is better', () => {
    fc.assert(
      fc.property(number, number, number, bands, (x, y, target, b) => {
        const [better, worse] = sorted(x, y);
        expect(rank[status('lower', better, target, b)]).toBeLessThanOrEqual(rank[status('lower', worse, target, b)]);
      }),
    );
  });

  it('within a band, coming closer from either side', () => {
    fc.assert(
      fc.property(number, number, number, number, bands, (p, q, x, y, b) => {
        const [min, max] = sorted(p, q);
        const [low, high] = sorted(x, y);
        const band = { min, max };
        if (high <= min)
          expect(rank[status('within', high, band, b)]).toBeLessThanOrEqual(rank[status('within', low, band, b)]);
        if (low >= max)
          expect(rank[status('within', low, band, b)]).toBeLessThanOrEqual(rank[status('within', high, band, b)]);
        if (low >= min && high <= max) expect(status('within', low, band, b)).toBe('green');
      }),
    );
  });
});

describe('mirroring', () => {
  it('swapping polarity and negating actual and target gives the same status and shortfall', () => {
    fc.assert(
      fc.property(number, number, bands, (value, target, b) => {
        const higher = rateValue({ value, target, polarity: 'higher', ...b });
        const lower = rateValue({ value: -value, target: -target, polarity: 'lower', ...b });
        expect(lower).toEqual(higher);
      }),
    );
  });

  it('negating a band and the actual gives the same status', () => {
    fc.assert(
      fc.property(number, number, number, bands, (value, p, q, b) => {
        const [min, max] = sorted(p, q);
        const original = rateValue({ value, target: { min, max }, polarity: 'within', ...b });
        const mirrored = rateValue({ value: -value, target: { min: -max, max: -min }, polarity: 'within', ...b });
        expect(mirrored).toEqual(original);
      }),
    );
  });
});

describe('exact decimals', () => {
  /** n × 10^−k as the double a person typing that decimal gets. */
  const decimal = (n: bigint, k: number) => Number(`${n}e-${k}`);
  const int = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });
  const small = fc.bigInt({ min: 0n, max: 5000n });

  /** The rule of §4.1 in BigInt over units of 10^−k (values) and 10^−j (percentages). */
  function exactStatus(
    polarity: 'higher' | 'lower',
    a: bigint,
    t: bigint,
    tol: bigint,
    green: bigint,
    j: number,
    abs: bigint,
  ): RagStatus {
    const s = polarity === 'higher' ? t - a : a - t;
    if (s <= 0n) return 'green';
    if (t === 0n) return s <= abs ? 'amber' : 'red';
    const magnitude = t < 0n ? -t : t;
    // r = 100 s / |t|; r ≤ p/10^j  ⇔  100 s 10^j ≤ p |t|
    const scaled = 100n * s * 10n ** BigInt(j);
    if (scaled <= green * magnitude) return 'green';
    return scaled <= tol * magnitude ? 'amber' : 'red';
  }

  it('decides exactly as rational arithmetic does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('higher' as const, 'lower' as const),
        int,
        int,
        fc.integer({ min: 0, max: 6 }),
        small,
        small,
        fc.integer({ min: 0, max: 2 }),
        small,
        (polarity, a, t, k, tol, green, j, abs) => {
          const actual = rateValue({
            value: decimal(a, k),
            target: decimal(t, k),
            polarity,
            tolerancePercent: decimal(tol, j),
            greenTolerancePercent: decimal(green, j),
            toleranceAbsolute: decimal(abs, k),
          }).status;
          expect(actual).toBe(exactStatus(polarity, a, t, tol, green, j, abs));
        },
      ),
    );
  });

  it('puts the boundary itself in the better band', () => {
    // actual = target × (1 − tol/100) exactly, for decimal targets and tolerances
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 99 }),
        (t, k, tol) => {
          const target = decimal(t * 100n, k + 2);
          const atEdge = decimal(t * BigInt(100 - tol), k + 2);
          expect(
            rateValue({
              value: atEdge,
              target,
              polarity: 'higher',
              tolerancePercent: tol,
              greenTolerancePercent: 0,
              toleranceAbsolute: 0,
            }).status,
          ).toBe('amber');
        },
      ),
    );
  });
});

describe('summaries', () => {
  const measureStatus = fc.constantFrom<MeasureStatus>('green', 'amber', 'red', 'no-data', 'not-due', 'info-only');
  const actionStatus = fc.constantFrom<ActionReportStatus>('blue', 'green', 'amber', 'red', 'no-update');

  it('measure counts add up to the stated denominator', () => {
    fc.assert(
      fc.property(fc.array(measureStatus), (statuses) => {
        const s = measuresSummary(statuses);
        expect(s.met + s.offTarget + s.noData).toBe(s.total);
        expect(s.total).toBe(statuses.filter((x) => x !== 'not-due' && x !== 'info-only').length);
        expect(s.offTargetBeyondTolerance).toBeLessThanOrEqual(s.offTarget);
        expect([s.metPercent, s.offTargetPercent, s.noDataPercent]).toEqual(
          partitionPercents([s.met, s.offTarget, s.noData]),
        );
        expect(s.offTargetBeyondTolerancePercent).toBe(percentOf(s.offTargetBeyondTolerance, s.total));
      }),
    );
  });

  it('planned-work counts add up to the actions due', () => {
    fc.assert(
      fc.property(fc.array(actionStatus), (statuses) => {
        const s = plannedWorkSummary(statuses);
        expect(s.blueOrGreen + s.amberOrRed + s.noUpdate).toBe(s.total);
        expect(s.total).toBe(statuses.length);
        expect([s.blueOrGreenPercent, s.amberOrRedPercent, s.noUpdatePercent]).toEqual(
          partitionPercents([s.blueOrGreen, s.amberOrRed, s.noUpdate]),
        );
      }),
    );
  });

  it('the parts of a whole add up to 100 and none moves 1 or more from its exact value (finding 9)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 6 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const percents = partitionPercents(counts);
        expect(percents).toHaveLength(counts.length);
        expect(percents.reduce((a, b) => a + b, 0)).toBe(total === 0 ? 0 : 100);
        percents.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          // |p − 100c/total| < 1, in integers: |p·total − 100c| < total.
          if (total > 0) expect(Math.abs(p * total - 100 * counts[i]!)).toBeLessThan(total);
          else expect(p).toBe(0);
        });
      }),
    );
  });

  it('percentages are the nearest whole number, halves up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (d, c) => {
        const count = c % (d + 1);
        const p = percentOf(count, d);
        // p − ½ ≤ 100c/d < p + ½
        expect(2 * p * d - d).toBeLessThanOrEqual(200 * count);
        expect(200 * count).toBeLessThan(2 * p * d + d);
      }),
    );
  });
});
