// Moving goalposts (docs/plan-administration.md): a measure whose target for a quarter
// was set or changed after that quarter began is flagged in the report with the date.
// A measure's first definition is its baseline (setting up a plan, or loading past years,
// moves no goalpost); every later version that alters a quarter's target counts: a
// target added, changed, removed, or changed and changed back. A year's target applies
// to each of its quarters without one of their own (§3), so the target that matters is
// the quarter's effective one.

import { isQuarterId, isYearId, londonDate, quarterStartInstant, yearOfPeriod } from './periods';
import type { Targets, TargetValue } from './types';

/** One version of a measure definition, as far as its targets go. */
export interface TargetsVersion {
  /** ISO instant the version was written. */
  at: string;
  targets: Targets;
}

/** The target that applies to a quarter: its own, else its year's, else none. */
export function effectiveTarget(targets: Targets, quarter: string): TargetValue | undefined {
  if (Object.hasOwn(targets, quarter)) return targets[quarter];
  const year = yearOfPeriod(quarter);
  return Object.hasOwn(targets, year) ? targets[year] : undefined;
}

export function sameTarget(a: TargetValue | undefined, b: TargetValue | undefined): boolean {
  if (typeof a === 'object' && typeof b === 'object') return a.min === b.min && a.max === b.max;
  return a === b;
}

/** The quarters named by target keys: a quarter itself, a year's four quarters. */
function quartersOf(keys: Iterable<string>): Set<string> {
  const quarters = new Set<string>();
  for (const key of keys) {
    if (isQuarterId(key)) quarters.add(key);
    else if (isYearId(key)) for (let n = 1; n <= 4; n++) quarters.add(`${key}-Q${n}`);
  }
  return quarters;
}

/** The quarters whose effective target differs between two sets of targets, in order. */
export function quartersWithChangedTargets(before: Targets, after: Targets): string[] {
  return [...quartersOf([...Object.keys(before), ...Object.keys(after)])]
    .filter((q) => !sameTarget(effectiveTarget(before, q), effectiveTarget(after, q)))
    .sort();
}

/**
 * The London dates (`YYYY-MM-DD`, oldest first, one per version) on which the quarter's
 * effective target was set or changed at or after the quarter began. `history` is the
 * definition's versions, oldest first; the first is the baseline.
 */
export function targetChangeDates(history: readonly TargetsVersion[], quarter: string): string[] {
  const start = quarterStartInstant(quarter).getTime();
  const dates: string[] = [];
  for (let i = 1; i < history.length; i++) {
    const version = history[i]!;
    const at = Date.parse(version.at);
    if (at < start) continue;
    if (!sameTarget(effectiveTarget(history[i - 1]!.targets, quarter), effectiveTarget(version.targets, quarter)))
      dates.push(londonDate(new Date(at)));
  }
  return dates;
}

/**
 * Whether the quarter's target was set or changed after the quarter began: null when
 * not, else the date of the latest such change (what reports show) and all of them.
 */
export function targetChangedAfterStart(
  history: readonly TargetsVersion[],
  quarter: string,
): { date: string; dates: string[] } | null {
  const dates = targetChangeDates(history, quarter);
  return dates.length === 0 ? null : { date: dates[dates.length - 1]!, dates };
}

/**
 * The definition keeps, per quarter, when its effective target last changed (bounded:
 * one entry per quarter with a target), so a report needs no history: the quarter was
 * changed after it began exactly when its last change was. `previous` null: the
 * baseline, which records nothing.
 */
export function recordTargetChanges(
  previous: { targets: Targets; targetsChangedAt?: Record<string, string> } | null,
  targets: Targets,
  at: string,
): Record<string, string> | undefined {
  if (!previous) return undefined;
  const changed = quartersWithChangedTargets(previous.targets, targets);
  if (changed.length === 0) return previous.targetsChangedAt;
  const record = new Map(Object.entries(previous.targetsChangedAt ?? {}));
  for (const q of changed) record.set(q, at);
  return Object.fromEntries(record);
}

/** The London date the quarter's target was last changed, when that was after the quarter began; else null. */
export function targetChangedOn(
  measure: { targetsChangedAt?: Record<string, string> },
  quarter: string,
): string | null {
  const changes = measure.targetsChangedAt;
  if (!changes || !Object.hasOwn(changes, quarter)) return null;
  const at = Date.parse(changes[quarter]!);
  return at >= quarterStartInstant(quarter).getTime() ? londonDate(new Date(at)) : null;
}
