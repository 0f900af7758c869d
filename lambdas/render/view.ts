import { missingReturns, quarterNumber, yearOfPeriod } from '../domain';
import { formatNumber } from '../domain/format';
import type { Language } from '../domain/language';
import type { ReportLanguageOptions } from '../domain/report-language';
import { signOffNote } from '../domain/sign-off';
import type { CriticalItem, Report, RollUp } from '../domain/types';
import {
  actionStatusWord,
  fill,
  formatDate,
  formatDateTime,
  measureStatusWord,
  quarterLabel,
  remedialActionNeeded,
  wordsFor,
} from '../domain/words';
import { formatFigure, formatTarget, statusStyle, statusWord, trendWord } from './status-words';

export { signOffNote };

/** What every output says of a measure whose target moved after its quarter began. */
export const targetChangedNote = (date: string | undefined, language: Language = 'en') =>
  date ? fill(wordsFor(language).outputs.targetChanged, { date: formatDate(date, language) }) : '';

/** When the quarter closed, in words: "Closed 6 December 2026 at 12:38." */
export const closedNote = (closedAt: string | null | undefined, language: Language = 'en') => {
  const o = wordsFor(language).outputs;
  return closedAt ? fill(o.closedOn, { date: formatDateTime(closedAt, language) }) : o.closed;
};

/** A Mustache partial: an item's title in a Welsh sentence or list, marked English where the plan has no Welsh title. */
export const englishTitle = '{{#titleEn}}<span lang="en">{{title}}</span>{{/titleEn}}{{^titleEn}}{{title}}{{/titleEn}}';

/**
 * Which words of a Welsh view are the plan's English, shown because it has no Welsh for
 * them (docs/cymraeg.md): the HTML marks them `lang="en"`. `namesCy` are the settings'
 * Welsh names (absent: none); a view in English has none to mark.
 */
export function englishInView(language: Language, namesCy?: ReportLanguageOptions['namesCy']) {
  const welsh = new Set([...Object.values(namesCy?.programmes ?? {}), ...Object.values(namesCy?.directorates ?? {})]);
  return {
    title: (item: { titleCy?: string }) => language === 'cy' && !item.titleCy,
    name: (name: string) => language === 'cy' && !welsh.has(name),
  };
}

/**
 * The report as display strings: every template (page, email, Markdown) renders this one view.
 * `namesCy` (a Welsh view only) says which names are Welsh, so the rest can be marked English.
 */
export function reportView(
  report: Report,
  reportTitle: string,
  language: Language = 'en',
  namesCy?: ReportLanguageOptions['namesCy'],
) {
  const year = yearOfPeriod(report.quarter);
  const o = wordsFor(language).outputs;
  const status = (s: Parameters<typeof statusWord>[0]) => statusWord(s, language);
  const english = englishInView(language, namesCy);
  const criticalItemView = criticalItemViewIn(language, english);
  const rollUp = (r: RollUp) => ({
    name: r.name,
    nameEn: english.name(r.name),
    overall: status(r.overall),
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
    /** The template's own words (headings, column names) in the view's language. */
    t: o,
    lang: language === 'cy' ? 'cy' : 'en-GB',
    /** The roll-up tables' status columns, as the status words say them. */
    labels: {
      noUpdate: actionStatusWord('no-update', language),
      amber: measureStatusWord('amber', language),
      red: measureStatusWord('red', language),
      noData: measureStatusWord('no-data', language),
    },
    criticalHeading: fill(o.criticalItemsHeading, { count: report.criticalItems.length }),
    reportTitle,
    year,
    quarterNumber: quarterNumber(report.quarter),
    quarter: report.quarter,
    heading: fill(o.heading, { title: reportTitle, quarter: quarterLabel(report.quarter, language) }),
    overall: status(report.overall),
    overallStyle: statusStyle(report.overall),
    closed: report.closed,
    closedNote: closedNote(report.closedAt, language),
    sentences: report.summary.sentences,
    programmes: report.programmes.map(rollUp),
    directorates: report.directorates.map(rollUp),
    criticalItems: report.criticalItems.map(criticalItemView),
    criticalCount: report.criticalItems.length,
    /** Grouped by programme, as the seed's section 2 lists them. */
    criticalGroups: groupBy(report.criticalItems, (item) => item.programme).map(([programme, items]) => ({
      programme,
      programmeEn: english.name(programme),
      items: items.map(criticalItemView),
    })),
    measures: report.measures.map((m) => ({
      title: m.title,
      titleEn: english.title(m),
      programme: m.programme,
      programmeEn: english.name(m.programme),
      ownerDirectorate: m.ownerDirectorate,
      ownerDirectorateEn: english.name(m.ownerDirectorate),
      status: status(m.status),
      statusKey: m.status,
      actual: formatFigure(m.actual),
      target: formatTarget(m.target),
      unit: m.unit,
      trendPrevious: trendWord(m.trend.previousQuarter, language),
      trendLastYear: trendWord(m.trend.sameQuarterLastYear, language),
      commentary: m.commentary ?? '',
      targetNote: targetChangedNote(m.targetChangedAfterStart, language),
      signOffNote: signOffNote(
        m.signOff,
        m.unapprovedActual === undefined || m.unapprovedActual === null ? undefined : formatNumber(m.unapprovedActual),
        language,
      ),
    })),
    /** Returns counted (or not) at close without an approval. */
    notSignedOff: [...report.measures, ...report.actions]
      .filter((item) => item.signOff === 'not-signed-off')
      .map((item) => ({
        title: item.title,
        titleEn: english.title(item),
        note: signOffNote('not-signed-off', undefined, language),
      })),
    /** Moving goalposts: measures whose target for the quarter changed after it began. */
    targetChanges: report.measures
      .filter((m) => m.targetChangedAfterStart)
      .map((m) => ({
        title: m.title,
        titleEn: english.title(m),
        note: targetChangedNote(m.targetChangedAfterStart, language),
      })),
    actions: report.actions.map((a) => ({
      title: a.title,
      titleEn: english.title(a),
      programme: a.programme,
      programmeEn: english.name(a.programme),
      ownerDirectorate: a.ownerDirectorate,
      ownerDirectorateEn: english.name(a.ownerDirectorate),
      status: status(a.status),
      statusKey: a.status,
      commentary: a.commentary ?? '',
      signOffNote: signOffNote(a.signOff, a.unapprovedStatus && status(a.unapprovedStatus), language),
    })),
    missing: missingReturns(report).map((d) => ({
      directorate: d.directorate,
      directorateEn: english.name(d.directorate),
      items: [
        ...d.measures.map((m) => ({ kindLabel: o.measure, title: m.title, titleEn: english.title(m) })),
        ...d.actions.map((a) => ({ kindLabel: o.plannedWork, title: a.title, titleEn: english.title(a) })),
      ],
    })),
  };
}

const criticalItemViewIn = (language: Language, english: ReturnType<typeof englishInView>) => (item: CriticalItem) => {
  const o = wordsFor(language).outputs;
  return {
    id: item.id,
    kindLabel: item.kind === 'measure' ? o.measure : o.plannedWork,
    title: item.title,
    titleEn: english.title(item),
    programme: item.programme,
    programmeEn: english.name(item.programme),
    issue: item.issue,
    remedialAction: item.remedialAction?.text ?? null,
    remedialOwner: item.remedialAction?.owner ? fill(o.owner, { owner: item.remedialAction.owner }) : null,
    remedialDue: item.remedialAction?.dueDate
      ? fill(o.due, { date: formatDate(item.remedialAction.dueDate, language) })
      : null,
    // The same sentence-case words as the dashboard, the Word draft and the workbook ("Remedial action needed").
    remedialActionNeeded: remedialActionNeeded(language),
  };
};

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
