// A report's trend option (GET /reports/{quarter}?trend=N): each measure's last N quarters
// (docs/rules.md#trend-lines), judged by the same rules as each quarter's own report.

import { assessMeasure, type ResultInput } from './measure-status';
import { previousQuarter } from './periods';
import { countedVersion, resultVersions, type SignOffMode, signOffOff } from './sign-off';
import type { MeasureDefinition, MeasureStatus, ResultValue, StatusSettings, TargetValue } from './types';

/** The most quarters a trend may ask for: what the dashboard's sparkline and the measure page's chart show. */
export const maxTrendQuarters = 8;

export interface TrendPoint {
  quarter: string;
  status: MeasureStatus;
  /** null: no result for the quarter (a gap in the line). */
  actual: number | null;
  target: TargetValue | null;
}

/** The `count` quarters ending at `quarter`, oldest first. */
export function quartersEndingAt(quarter: string, count: number): string[] {
  const quarters = [quarter];
  while (quarters.length < count) quarters.unshift(previousQuarter(quarters[0]!));
  return quarters;
}

/**
 * Each measure's status, actual and target in each of `quarters`, from the results of
 * those quarters (and, for improvementSoftensRed, of the year before them). With sign-off
 * on, the version that counts is the latest approved one, as in a live report.
 */
export function measureTrends(
  measures: readonly MeasureDefinition[],
  quarters: readonly string[],
  results: readonly ResultValue[],
  settings: StatusSettings,
  signOff: SignOffMode = signOffOff,
): Map<string, TrendPoint[]> {
  const byMeasure = new Map<string, ResultInput[]>();
  for (const r of results) {
    const counted = signOff.signOff === 'on' ? countedVersion(resultVersions(r), signOff).counted : r;
    if (!counted) continue;
    const list = byMeasure.get(r.measureId);
    if (list) list.push(counted);
    else byMeasure.set(r.measureId, [counted]);
  }
  return new Map(
    measures.map((measure) => {
      const own = byMeasure.get(measure.id) ?? [];
      return [
        measure.id,
        quarters.map((quarter) => {
          const { status, actual, target } = assessMeasure(measure, quarter, own, settings);
          return { quarter, status, actual, target };
        }),
      ];
    }),
  );
}
