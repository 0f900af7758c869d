// Summary figures and sentences, and overall status (docs/rules.md#summaries, #overall-status).

import { compare, mul, rational } from './decimal';
import { formatNumber } from './format';
import type { Language } from './language';
import { quarterEndMonth } from './periods';
import type {
  ActionReportStatus,
  MeasureStatus,
  MeasuresSummary,
  OverallStatus,
  PlannedWorkSummary,
  StatusSettings,
  Summary,
} from './types';
import { counted, fill, monthLabel, quarterShort, sounding, wordsFor } from './words';

/** count / denominator as a whole percentage, halves rounded up; 0 when the denominator is 0. */
export function percentOf(count: number, denominator: number): number {
  if (denominator === 0) return 0;
  return Math.floor((200 * count + denominator) / (2 * denominator)); // ⌊100c/d + ½⌋ in integers
}

/**
 * Whole percentages of the parts of one whole, adding up to exactly 100 (0 each when the
 * whole is empty): each part gets its percentage rounded down, and the points left go
 * to the largest remainders, ties to the larger count, then in the order given
 * (docs/rules.md#summaries). No part moves by 1 or more from its exact value.
 */
export function partitionPercents(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  // In integers: 100c = floor·total + remainder.
  const percents = counts.map((c) => Math.floor((100 * c) / total));
  const remainder = (i: number) => (100 * counts[i]!) % total;
  const left = 100 - percents.reduce((a, b) => a + b, 0);
  const order = counts.map((_, i) => i).sort((a, b) => remainder(b) - remainder(a) || counts[b]! - counts[a]! || a - b);
  for (const i of order.slice(0, left)) percents[i]! += 1;
  return percents;
}

/** Over every action due: no-update counts in the total (a missing return is a failure). */
export function plannedWorkSummary(statuses: readonly ActionReportStatus[]): PlannedWorkSummary {
  const total = statuses.length;
  const blueOrGreen = statuses.filter((s) => s === 'blue' || s === 'green').length;
  const amberOrRed = statuses.filter((s) => s === 'amber' || s === 'red').length;
  const noUpdate = statuses.filter((s) => s === 'no-update').length;
  const [blueOrGreenPercent, amberOrRedPercent, noUpdatePercent] = partitionPercents([
    blueOrGreen,
    amberOrRed,
    noUpdate,
  ]);
  return {
    total,
    blueOrGreen,
    amberOrRed,
    noUpdate,
    blueOrGreenPercent: blueOrGreenPercent!,
    amberOrRedPercent: amberOrRedPercent!,
    noUpdatePercent: noUpdatePercent!,
  };
}

/** Over measures with a target for the quarter: no-data counts, info-only and not-due do not. */
export function measuresSummary(statuses: readonly MeasureStatus[]): MeasuresSummary {
  const count = (...wanted: MeasureStatus[]) => statuses.filter((s) => wanted.includes(s)).length;
  const total = count('green', 'amber', 'red', 'no-data');
  const met = count('green');
  const offTarget = count('amber', 'red');
  const offTargetBeyondTolerance = count('red');
  const noData = count('no-data');
  const [metPercent, offTargetPercent, noDataPercent] = partitionPercents([met, offTarget, noData]);
  return {
    total,
    met,
    offTarget,
    offTargetBeyondTolerance,
    noData,
    metPercent: metPercent!,
    offTargetPercent: offTargetPercent!,
    // A part of "off target", not of the whole's partition: rounded half up on its own.
    offTargetBeyondTolerancePercent: percentOf(offTargetBeyondTolerance, total),
    noDataPercent: noDataPercent!,
  };
}

/**
 * §4.5: over all assessed items (actions due + measures with a target), green when the
 * blue/green (met) share is at least the green threshold, red below the red threshold,
 * amber otherwise. The exact share is compared, not a rounded percentage. With nothing
 * assessed nothing is off track: green.
 */
export function overallStatus(
  plannedWork: PlannedWorkSummary,
  measures: MeasuresSummary,
  settings: StatusSettings,
): OverallStatus {
  const assessed = plannedWork.total + measures.total;
  if (assessed === 0) return 'green';
  const good = plannedWork.blueOrGreen + measures.met;
  // good / assessed ≥ t  ⇔  100 · good ≥ t · assessed
  const share = rational(100 * good);
  const atLeast = (percent: number) => compare(share, mul(rational(percent), rational(assessed))) >= 0;
  if (atLeast(settings.overallGreenAtLeastPercent)) return 'green';
  return atLeast(settings.overallRedBelowPercent) ? 'amber' : 'red';
}

/** The seed's two sentences (§4.4), for the quarter-end month and the default tolerance, in `language`. */
export function summarySentences(
  quarter: string,
  plannedWork: PlannedWorkSummary,
  measures: MeasuresSummary,
  settings: StatusSettings,
  language: Language = 'en',
): string[] {
  const w = wordsFor(language).summary;
  const opening = fill(w.opening, {
    month: monthLabel(quarterEndMonth(quarter), language),
    quarter: quarterShort(quarter, language),
  });
  let work: string;
  if (plannedWork.total === 0) {
    work = fill(w.noPlannedWork, { opening });
  } else {
    work = fill(w.plannedWork, {
      opening,
      blueOrGreen: plannedWork.blueOrGreenPercent,
      amberOrRed: plannedWork.amberOrRedPercent,
    });
    if (plannedWork.noUpdate > 0) work += ` ${fill(w.noUpdate, { percent: plannedWork.noUpdatePercent })}`;
  }
  let measured: string;
  if (measures.total === 0) {
    measured = w.noMeasures;
  } else {
    const tolerance = settings.tolerancePercent;
    measured =
      `${fill(counted(w.measuresMet, measures.total), { total: measures.total, met: measures.metPercent })} ` +
      fill(sounding(w.offTarget, tolerance), {
        offTarget: measures.offTargetPercent,
        beyond: measures.offTargetBeyondTolerancePercent,
        tolerance: formatNumber(tolerance),
      });
    if (measures.noData > 0) measured += ` ${fill(w.noData, { percent: measures.noDataPercent })}`;
  }
  return [work, measured];
}

/** Summary and overall status of one set of items (the plan, a programme, a directorate). */
export function summarize(
  quarter: string,
  actionStatuses: readonly ActionReportStatus[],
  measureStatuses: readonly MeasureStatus[],
  settings: StatusSettings,
): { overall: OverallStatus; summary: Summary } {
  const plannedWork = plannedWorkSummary(actionStatuses);
  const measures = measuresSummary(measureStatuses);
  return {
    overall: overallStatus(plannedWork, measures, settings),
    summary: {
      plannedWork,
      measures,
      sentences: summarySentences(quarter, plannedWork, measures, settings),
      sentencesCy: summarySentences(quarter, plannedWork, measures, settings, 'cy'),
    },
  };
}
