import { missingReturns, quarterNumber, yearOfPeriod } from '../domain';
import { formatNumber } from '../domain/format';
import { signOffNote } from '../domain/sign-off';
import type { CriticalItem, Report, RollUp } from '../domain/types';
import { formatDate, formatDateTime, quarterLabel } from '../domain/words';
import { formatFigure, formatTarget, statusStyle, statusWord, trendWord } from './status-words';

export { signOffNote };

export const remedialActionNeeded = 'remedial action needed';

/** What every output says of a measure whose target moved after its quarter began. */
export const targetChangedNote = (date: string | undefined) =>
  date ? `target changed on ${formatDate(date, 'en')}` : '';

/** When the quarter closed, in words: "Closed 6 December 2026 at 12:38." */
export const closedNote = (closedAt: string | null | undefined) =>
  closedAt ? `Closed ${formatDateTime(closedAt, 'en')}.` : 'Closed.';

/** The report as display strings: every template (page, email, Markdown) renders this one view. */
export function reportView(report: Report, reportTitle: string) {
  const year = yearOfPeriod(report.quarter);
  const rollUp = (r: RollUp) => ({
    name: r.name,
    overall: statusWord(r.overall),
    overallStyle: statusStyle(r.overall),
    blueOrGreen: r.summary.plannedWork.blueOrGreen,
    amberOrRed: r.summary.plannedWork.amberOrRed,
    noUpdate: r.summary.plannedWork.noUpdate,
    measures: r.summary.measures.total,
    met: r.summary.measures.met,
    amber: r.summary.measures.offTarget - r.summary.measures.offTargetBeyondTolerance,
    red: r.summary.measures.offTargetBeyondTolerance,
    noData: r.summary.measures.noData,
  });
  return {
    reportTitle,
    year,
    quarterNumber: quarterNumber(report.quarter),
    quarter: report.quarter,
    heading: `${reportTitle} ${quarterLabel(report.quarter, 'en')}`,
    overall: statusWord(report.overall),
    overallStyle: statusStyle(report.overall),
    closed: report.closed,
    closedNote: closedNote(report.closedAt),
    sentences: report.summary.sentences,
    programmes: report.programmes.map(rollUp),
    directorates: report.directorates.map(rollUp),
    criticalItems: report.criticalItems.map(criticalItemView),
    criticalCount: report.criticalItems.length,
    /** Grouped by programme, as the seed's section 2 lists them. */
    criticalGroups: groupBy(report.criticalItems, (item) => item.programme).map(([programme, items]) => ({
      programme,
      items: items.map(criticalItemView),
    })),
    measures: report.measures.map((m) => ({
      title: m.title,
      programme: m.programme,
      ownerDirectorate: m.ownerDirectorate,
      status: statusWord(m.status),
      statusKey: m.status,
      actual: formatFigure(m.actual),
      target: formatTarget(m.target),
      unit: m.unit,
      trendPrevious: trendWord(m.trend.previousQuarter),
      trendLastYear: trendWord(m.trend.sameQuarterLastYear),
      commentary: m.commentary ?? '',
      targetNote: targetChangedNote(m.targetChangedAfterStart),
      signOffNote: signOffNote(
        m.signOff,
        m.unapprovedActual === undefined || m.unapprovedActual === null ? undefined : formatNumber(m.unapprovedActual),
      ),
    })),
    /** Returns counted (or not) at close without an approval. */
    notSignedOff: [...report.measures, ...report.actions]
      .filter((item) => item.signOff === 'not-signed-off')
      .map((item) => ({ title: item.title })),
    /** Moving goalposts: measures whose target for the quarter changed after it began. */
    targetChanges: report.measures
      .filter((m) => m.targetChangedAfterStart)
      .map((m) => ({ title: m.title, note: targetChangedNote(m.targetChangedAfterStart) })),
    actions: report.actions.map((a) => ({
      title: a.title,
      programme: a.programme,
      ownerDirectorate: a.ownerDirectorate,
      status: statusWord(a.status),
      statusKey: a.status,
      commentary: a.commentary ?? '',
      signOffNote: signOffNote(a.signOff, a.unapprovedStatus && statusWord(a.unapprovedStatus)),
    })),
    missing: missingReturns(report).map((d) => ({
      directorate: d.directorate,
      items: [...d.measures.map((m) => `Measure: ${m.title}`), ...d.actions.map((a) => `Planned work: ${a.title}`)],
    })),
  };
}

function criticalItemView(item: CriticalItem) {
  return {
    kindLabel: item.kind === 'measure' ? 'Measure' : 'Planned work',
    title: item.title,
    programme: item.programme,
    issue: item.issue,
    remedialAction: item.remedialAction?.text ?? null,
    remedialOwner: item.remedialAction?.owner ?? null,
    remedialDue: item.remedialAction?.dueDate ? formatDate(item.remedialAction.dueDate, 'en') : null,
    remedialActionNeeded,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.entries()];
}

export type ReportView = ReturnType<typeof reportView>;
