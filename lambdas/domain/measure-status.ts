// Measure status (docs/rules.md#measure-status): targets, quarter values and RAG, with exact arithmetic.

import {
  absolute,
  add,
  compare,
  div,
  mul,
  type Rational,
  rational,
  roundHalfAwayFromZero,
  sign,
  sub,
  toNumber,
} from './decimal';
import { own } from './own';
import { quarterMonths, quarterNumber, quarterOfPeriod, sameQuarterLastYear, yearOfPeriod } from './periods';
import { trend } from './trend';
import type {
  Aggregation,
  DirectorateStatus,
  MeasureDefinition,
  MeasureStatus,
  Polarity,
  ResultValue,
  StatusSettings,
  TargetValue,
} from './types';

export type RagStatus = 'green' | 'amber' | 'red';

/** A result as the domain reads it; `version` picks the latest when several are given. */
export type ResultInput = Pick<ResultValue, 'measureId' | 'period' | 'value' | 'commentary' | 'breakdown'> & {
  version?: number;
};

export interface QuarterValue {
  value: number;
  breakdown?: Record<string, number>;
  commentary?: string;
}

/** The bands in force for one measure: its overrides over the deployment's settings. */
export interface Bands {
  tolerancePercent: number;
  greenTolerancePercent: number;
  toleranceAbsolute: number;
  improvementSoftensRed: boolean;
}

export interface MeasureAssessment {
  status: MeasureStatus;
  actual: number | null;
  target: TargetValue | null;
  shortfallPercent: number | null;
  commentary: string | null;
  directorates: DirectorateStatus[];
}

export function effectiveBands(measure: MeasureDefinition, settings: StatusSettings): Bands {
  return {
    tolerancePercent: measure.tolerancePercent ?? settings.tolerancePercent,
    greenTolerancePercent: measure.greenTolerancePercent ?? settings.greenTolerancePercent,
    toleranceAbsolute: measure.toleranceAbsolute ?? settings.toleranceAbsolute,
    improvementSoftensRed: measure.improvementSoftensRed ?? settings.improvementSoftensRed,
  };
}

/**
 * The target for a quarter: the quarter's own, else its year's (annual measures: the
 * year's). A directorate's target comes from `directorateTargets` first, falling back to
 * the measure's.
 */
export function targetFor(measure: MeasureDefinition, quarter: string, directorate?: string): TargetValue | null {
  const year = financialYearOf(quarter);
  const directorates =
    directorate === undefined
      ? undefined
      : targetIn(own(measure.directorateTargets, directorate), measure.frequency, quarter, year);
  return directorates ?? targetIn(measure.targets, measure.frequency, quarter, year) ?? null;
}

/** A quarter's target in one set of targets (annual measures: the year's). */
function targetIn(
  targets: Record<string, TargetValue> | undefined,
  frequency: MeasureDefinition['frequency'],
  quarter: string,
  year: string,
): TargetValue | undefined {
  return frequency === 'annual' ? own(targets, year) : (own(targets, quarter) ?? own(targets, year));
}

// A report asks the year of the same few quarters for every measure: parsed once each.
const yearsOfQuarters = new Map<string, string>();
function financialYearOf(quarter: string): string {
  let year = yearsOfQuarters.get(quarter);
  if (year === undefined) {
    year = yearOfPeriod(quarter);
    if (yearsOfQuarters.size >= 64) yearsOfQuarters.clear();
    yearsOfQuarters.set(quarter, year);
  }
  return year;
}

/** The measure's results by period, the highest version winning. */
function latestByPeriod(measureId: string, results: readonly ResultInput[]): Map<string, ResultInput> {
  const byPeriod = new Map<string, ResultInput>();
  for (const r of results) {
    if (r.measureId !== measureId) continue;
    const seen = byPeriod.get(r.period);
    if (!seen || (r.version ?? 0) > (seen.version ?? 0)) byPeriod.set(r.period, r);
  }
  return byPeriod;
}

/** The measure's result for one period, the highest version winning (as latestByPeriod picks it). */
function latestOf(measureId: string, period: string, results: readonly ResultInput[]): ResultInput | undefined {
  let latest: ResultInput | undefined;
  for (const r of results) {
    if (r.measureId !== measureId || r.period !== period) continue;
    if (!latest || (r.version ?? 0) > (latest.version ?? 0)) latest = r;
  }
  return latest;
}

/** Months' values in month order → one value. */
function aggregate(values: number[], how: Aggregation): number {
  if (how === 'latest') return values[values.length - 1]!;
  const total = values.map(rational).reduce(add);
  return toNumber(how === 'sum' ? total : div(total, rational(values.length)));
}

const present = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/** A quarterly or annual measure's value: its one result. */
function singleValue(r: ResultInput | undefined): QuarterValue | null {
  return r
    ? {
        value: r.value,
        ...(r.breakdown && { breakdown: r.breakdown }),
        ...(present(r.commentary) && { commentary: r.commentary }),
      }
    : null;
}

/**
 * The measure's value for a quarter: quarterly, that quarter's result; monthly, the
 * aggregation of the quarter's months present (breakdown per directorate the same way,
 * commentary the latest month's that has one); annual, the year's result, at Q4 only.
 */
export function quarterValue(
  measure: MeasureDefinition,
  quarter: string,
  results: readonly ResultInput[],
): QuarterValue | null {
  switch (measure.frequency) {
    case 'quarterly':
      return singleValue(latestOf(measure.id, quarter, results));
    case 'annual':
      return quarterNumber(quarter) === 4 ? singleValue(latestOf(measure.id, financialYearOf(quarter), results)) : null;
    case 'monthly': {
      const byPeriod = latestByPeriod(measure.id, results);
      const months = quarterMonths(quarter).flatMap((m) => byPeriod.get(m) ?? []);
      if (months.length === 0) return null;
      const how = measure.aggregation ?? 'latest';
      const names = [...new Set(months.flatMap((m) => Object.keys(m.breakdown ?? {})))].sort();
      // fromEntries defines own properties: a directorate named __proto__ is a key like any other.
      const breakdown: Record<string, number> = Object.fromEntries(
        names.map((name) => [
          name,
          aggregate(
            months.flatMap((m) => own(m.breakdown, name) ?? []),
            how,
          ),
        ]),
      );
      const commentary = months
        .map((m) => m.commentary)
        .filter(present)
        .pop();
      return {
        value: aggregate(
          months.map((m) => m.value),
          how,
        ),
        ...(names.length > 0 && { breakdown }),
        ...(commentary !== undefined && { commentary }),
      };
    }
  }
}

type ExactTarget = Rational | { min: Rational; max: Rational };

interface Rating {
  status: RagStatus;
  /** Exact relative shortfall in percent; null when the target (or bound) is 0. */
  shortfall: Rational | null;
}

const HUNDRED = rational(100);

/** Rate shortfall `s` (positive = off target) against a bound, per §4.1. */
function rateShortfall(s: Rational, bound: Rational, bands: Omit<Bands, 'improvementSoftensRed'>): Rating {
  if (sign(bound) === 0) {
    const status = sign(s) <= 0 ? 'green' : compare(s, rational(bands.toleranceAbsolute)) <= 0 ? 'amber' : 'red';
    return { status, shortfall: null };
  }
  const r = div(mul(s, HUNDRED), absolute(bound));
  if (sign(s) <= 0 || compare(r, rational(bands.greenTolerancePercent)) <= 0) return { status: 'green', shortfall: r };
  return { status: compare(r, rational(bands.tolerancePercent)) <= 0 ? 'amber' : 'red', shortfall: r };
}

/**
 * A numeric target of a `within` measure is the band [t, t]; a band given to a `higher`
 * measure means at least `min`, to a `lower` one at most `max`.
 */
function rateExact(
  value: Rational,
  target: ExactTarget,
  polarity: Polarity,
  bands: Omit<Bands, 'improvementSoftensRed'>,
): Rating {
  const band = 'min' in target ? target : { min: target, max: target };
  switch (polarity) {
    case 'higher':
      return rateShortfall(sub(band.min, value), band.min, bands);
    case 'lower':
      return rateShortfall(sub(value, band.max), band.max, bands);
    case 'within':
      if (compare(value, band.min) < 0) return rateShortfall(sub(band.min, value), band.min, bands);
      if (compare(value, band.max) > 0) return rateShortfall(sub(value, band.max), band.max, bands);
      return { status: 'green', shortfall: rational(0) };
  }
}

const exactTarget = (t: TargetValue): ExactTarget =>
  typeof t === 'number' ? rational(t) : { min: rational(t.min), max: rational(t.max) };

export interface RateInput {
  value: number;
  target: TargetValue;
  polarity: Polarity;
  tolerancePercent: number;
  greenTolerancePercent: number;
  toleranceAbsolute: number;
}

/**
 * RAG of a value against a target (§4.1), exactly. `shortfallPercent` is the relative
 * shortfall rounded to 1 dp: positive when off target, negative when beating it, 0
 * inside a band, null against a target (or nearest bound) of 0.
 */
export function rateValue(input: RateInput): { status: RagStatus; shortfallPercent: number | null } {
  const { status, shortfall } = rateExact(rational(input.value), exactTarget(input.target), input.polarity, input);
  return { status, shortfallPercent: shortfall === null ? null : roundHalfAwayFromZero(shortfall, 1) };
}

/** improvementSoftensRed: a red value that improved on the same quarter last year is amber. */
function soften(
  status: RagStatus,
  bands: Bands,
  polarity: Polarity,
  value: number,
  lastYear: number | undefined,
  target: TargetValue,
): RagStatus {
  if (status !== 'red' || !bands.improvementSoftensRed || lastYear === undefined) return status;
  return trend(polarity, value, lastYear, target) === 'improving' ? 'amber' : status;
}

/** A measure's status for a quarter (§4.1), with each directorate of its breakdown. */
export function assessMeasure(
  measure: MeasureDefinition,
  quarter: string,
  results: readonly ResultInput[],
  settings: StatusSettings,
): MeasureAssessment {
  const target = targetFor(measure, quarter);
  const none = { actual: null, target, shortfallPercent: null, commentary: null, directorates: [] };
  if (measure.frequency === 'annual' && quarterNumber(quarter) !== 4) return { status: 'not-due', ...none };

  const current = quarterValue(measure, quarter, results);
  const bands = effectiveBands(measure, settings);
  const lastYear = bands.improvementSoftensRed ? quarterValue(measure, sameQuarterLastYear(quarter), results) : null;

  const directorates: DirectorateStatus[] = Object.entries(current?.breakdown ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, actual]) => {
      const target = targetFor(measure, quarter, name);
      if (target === null) return { name, status: 'info-only', actual, target: null };
      const { status } = rateValue({ value: actual, target, polarity: measure.polarity, ...bands });
      return {
        name,
        status: soften(status, bands, measure.polarity, actual, own(lastYear?.breakdown, name), target),
        actual,
        target,
      };
    });
  const commentary = current?.commentary ?? null;

  if (target === null)
    return { ...none, status: 'info-only', actual: current?.value ?? null, commentary, directorates };
  if (current === null) return { status: 'no-data', ...none };
  const { status, shortfallPercent } = rateValue({
    value: current.value,
    target,
    polarity: measure.polarity,
    ...bands,
  });
  return {
    status: soften(status, bands, measure.polarity, current.value, lastYear?.value, target),
    actual: current.value,
    target,
    shortfallPercent,
    commentary,
    directorates,
  };
}

/** Months in a quarter: a `sum` measure's month is rated against a third of the quarter's target. */
const MONTHS_PER_QUARTER = rational(3);

/**
 * The status of one submitted value (the PUT response, and "commentary is required when
 * amber or red"): against the target of the period's quarter (the year's for annual
 * measures). Last year's value is not consulted, so improvementSoftensRed does not apply.
 * Throws RangeError when the period does not fit the measure's frequency.
 */
export function resultStatus(
  measure: MeasureDefinition,
  period: string,
  value: number,
  settings: StatusSettings,
): MeasureStatus {
  const target = targetFor(measure, quarterOfPeriod(period, measure.frequency));
  if (target === null) return 'info-only';
  let exact = exactTarget(target);
  if (measure.frequency === 'monthly' && measure.aggregation === 'sum') {
    exact =
      'min' in exact
        ? { min: div(exact.min, MONTHS_PER_QUARTER), max: div(exact.max, MONTHS_PER_QUARTER) }
        : div(exact, MONTHS_PER_QUARTER);
  }
  return rateExact(rational(value), exact, measure.polarity, effectiveBands(measure, settings)).status;
}
