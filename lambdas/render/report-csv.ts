import { stringify } from 'csv-stringify/sync';
import type { Report } from '../domain/types';
import { formulaSafe } from './formula-safe';
import { formatFigure, formatTarget } from './status-words';
import { signOffNote, targetChangedNote } from './view';

/** One row per measure, for spreadsheets. */
export function reportCsv(report: Report): string {
  const rows = report.measures.map((m) => ({
    quarter: report.quarter,
    measureId: m.id,
    plan: m.plan,
    programme: m.programme,
    title: m.title,
    ownerDirectorate: m.ownerDirectorate,
    unit: m.unit,
    polarity: m.polarity,
    status: m.status,
    actual: m.actual ?? '',
    target: formatTarget(m.target),
    shortfallPercent: m.shortfallPercent ?? '',
    trendPreviousQuarter: m.trend.previousQuarter,
    trendSameQuarterLastYear: m.trend.sameQuarterLastYear,
    commentary: m.commentary ?? '',
    targetChanged: targetChangedNote(m.targetChangedAfterStart),
    signOff: signOffNote(m.signOff, formatFigure(m.unapprovedActual) || undefined),
  }));
  // The column exists only with sign-off on, so that a report without it reads as before.
  const withSignOff = report.measures.some((m) => m.signOff !== undefined);
  return stringify(rows, {
    header: true,
    columns: [
      'quarter',
      'measureId',
      'plan',
      'programme',
      'title',
      'ownerDirectorate',
      'unit',
      'polarity',
      'status',
      'actual',
      'target',
      'shortfallPercent',
      'trendPreviousQuarter',
      'trendSameQuarterLastYear',
      'commentary',
      'targetChanged',
      ...(withSignOff ? ['signOff'] : []),
    ],
    cast: { string: formulaSafe },
  });
}
