// A measure's status in each quarter it has a result or a quarter target for, judged by
// the same rules as the quarter's report (GET /measures/{id}).
import { quarterOfPeriod } from './periods';
import { buildReport } from './report';
import type { MeasureDefinition, ReportInput, ReportMeasure, ResultValue } from './types';

export type MeasureQuarter = Pick<
  ReportMeasure,
  'status' | 'actual' | 'target' | 'shortfallPercent' | 'trend' | 'directorates'
> & { quarter: string };

export function measureQuarters(
  measure: MeasureDefinition,
  results: ResultValue[],
  settings: ReportInput['settings'],
): MeasureQuarter[] {
  const quarters = [
    ...new Set([
      ...results.map((r) => quarterOfPeriod(r.period)),
      ...Object.keys(measure.targets).filter((k) => k.includes('-Q')),
    ]),
  ].sort();
  return quarters.map((quarter) => {
    const row = buildReport({
      quarter,
      measures: [measure],
      actions: [],
      results,
      actionUpdates: [],
      remedialActions: {},
      settings,
    }).measures[0];
    return row
      ? {
          quarter,
          status: row.status,
          actual: row.actual,
          target: row.target,
          shortfallPercent: row.shortfallPercent,
          trend: row.trend,
          directorates: row.directorates,
        }
      : {
          quarter,
          status: 'not-due',
          actual: null,
          target: null,
          shortfallPercent: null,
          trend: { previousQuarter: 'no-comparison', sameQuarterLastYear: 'no-comparison' },
          directorates: [],
        };
  });
}
