// The quarter report (docs/rules.md#the-report), computed from data already read from the store.

import { actionDueIn, isRetired } from './actions';
import { type CriticalMeasureInput, criticalItemsIn, remedialActionOf } from './critical-items';
import type { Language } from './language';
import { assessMeasure, quarterValue, type ResultInput } from './measure-status';
import { own } from './own';
import { previousQuarter, quarterOfPeriod, sameQuarterLastYear } from './periods';
import {
  combinedState,
  countedVersion,
  notSignedOffSentence,
  resultVersions,
  type SignOffState,
  signOffOff,
  updateVersions,
} from './sign-off';
import { summarize } from './summary';
import { targetChangedOn } from './target-changes';
import { trend } from './trend';
import type {
  ActionUpdateValue,
  CriticalItem,
  MeasureDefinition,
  Report,
  ReportAction,
  ReportInput,
  ReportMeasure,
  RollUp,
  Summary,
} from './types';
import { counted, fill, wordsFor } from './words';

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byProgrammeThenTitle = (
  a: { programme: string; title: string; id: string },
  b: { programme: string; title: string; id: string },
) => text(a.programme, b.programme) || text(a.title, b.title) || text(a.id, b.id);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The quarter's latest update per action. */
function latestUpdates(updates: readonly ActionUpdateValue[], quarter: string): Map<string, ActionUpdateValue> {
  const latest = new Map<string, ActionUpdateValue>();
  for (const u of updates) {
    if (u.quarter !== quarter) continue;
    const seen = latest.get(u.actionId);
    if (!seen || u.version > seen.version) latest.set(u.actionId, u);
  }
  return latest;
}

/** Moving goalposts, said in the summary so that EMT and members see them. */
export const targetsChangedSentence = (n: number, language: Language = 'en') =>
  fill(counted(wordsFor(language).outputs.targetsChangedSentence, n), { count: n });

/** The summary with one more sentence in each language. */
const withSentence = (summary: Summary, sentence: (language: Language) => string): Summary => ({
  ...summary,
  sentences: [...summary.sentences, sentence('en')],
  ...(summary.sentencesCy && { sentencesCy: [...summary.sentencesCy, sentence('cy')] }),
});

/**
 * The report for `input.quarter`: the plan's (or every plan's) measures not retired for
 * the quarter and actions due in it, their roll-ups by programme and by owner directorate,
 * and the critical items with any remedial actions recorded. Live: closed is false.
 */
export function buildReport(input: ReportInput): Report {
  const { quarter, settings } = input;
  const previous = previousQuarter(quarter);
  const lastYear = sameQuarterLastYear(quarter);
  const inPlan = (d: { plan: string }) => input.plan === undefined || d.plan === input.plan;
  const mode = input.signOff ?? signOffOff;
  const signOffOn = mode.signOff === 'on';
  // With sign-off on, each result counts as its counted version (or not at all); its state is kept by period.
  const states = new Map<string, Array<{ period: string; state: SignOffState | null }>>();
  const counted: ResultInput[] = [];
  if (signOffOn) {
    for (const r of input.results) {
      const c = countedVersion(resultVersions(r), mode);
      if (c.counted) counted.push(c.counted);
      const list = states.get(r.measureId) ?? [];
      list.push({ period: r.period, state: c.state });
      states.set(r.measureId, list);
    }
  }
  // Grouped once: a report of 10,000 measures must not scan every result per measure.
  const resultsOf = groupBy<ResultInput>(signOffOn ? counted : input.results, (r) => r.measureId);
  const latestResultsOf = signOffOn ? groupBy<ResultInput>(input.results, (r) => r.measureId) : resultsOf;
  const updates = latestUpdates(input.actionUpdates, quarter);
  const inQuarter = (period: string, frequency: MeasureDefinition['frequency']) => {
    try {
      return quarterOfPeriod(period, frequency) === quarter;
    } catch {
      return false;
    }
  };

  const critical: CriticalMeasureInput[] = [];
  const measures: ReportMeasure[] = input.measures
    .filter((m) => inPlan(m) && !isRetired(m, quarter))
    .sort(byProgrammeThenTitle)
    .map((measure) => {
      const results = resultsOf.get(measure.id) ?? [];
      const assessment = assessMeasure(measure, quarter, results, settings);
      const previousValue = quarterValue(measure, previous, results)?.value ?? null;
      const lastYearValue = quarterValue(measure, lastYear, results)?.value ?? null;
      critical.push({
        measure,
        assessment,
        previousStatus: assessMeasure(measure, previous, results, settings).status,
        lastYearActual: lastYearValue,
      });
      const changedOn = targetChangedOn(measure, quarter);
      const signOff = signOffOn
        ? combinedState(
            (states.get(measure.id) ?? []).filter((s) => inQuarter(s.period, measure.frequency)).map((s) => s.state),
          )
        : null;
      return {
        id: measure.id,
        plan: measure.plan,
        title: measure.title,
        ...(measure.titleCy !== undefined && { titleCy: measure.titleCy }),
        programme: measure.programme,
        ownerDirectorate: measure.ownerDirectorate,
        unit: measure.unit,
        polarity: measure.polarity,
        status: assessment.status,
        actual: assessment.actual,
        target: assessment.target,
        shortfallPercent: assessment.shortfallPercent,
        commentary: assessment.commentary,
        trend: {
          previousQuarter: trend(measure.polarity, assessment.actual, previousValue, assessment.target),
          sameQuarterLastYear: trend(measure.polarity, assessment.actual, lastYearValue, assessment.target),
        },
        directorates: assessment.directorates,
        ...(changedOn !== null && { targetChangedAfterStart: changedOn }),
        ...(signOff !== null && { signOff }),
        ...(signOff !== null &&
          signOff !== 'approved' && {
            unapprovedActual: quarterValue(measure, quarter, latestResultsOf.get(measure.id) ?? [])?.value ?? null,
          }),
      };
    });

  const actions: ReportAction[] = input.actions
    .filter((a) => inPlan(a) && actionDueIn(a, quarter))
    .sort(byProgrammeThenTitle)
    .map((action) => {
      const latest = updates.get(action.id);
      const c = signOffOn && latest ? countedVersion(updateVersions(latest), mode) : null;
      const update = c ? c.counted : latest;
      return {
        id: action.id,
        plan: action.plan,
        title: action.title,
        ...(action.titleCy !== undefined && { titleCy: action.titleCy }),
        programme: action.programme,
        ownerDirectorate: action.ownerDirectorate,
        status: update?.status ?? 'no-update',
        commentary: update?.commentary?.trim() ? update.commentary : null,
        ...(c?.state && { signOff: c.state }),
        ...(c?.state && c.state !== 'approved' && latest && { unapprovedStatus: latest.status }),
      };
    });

  const rollUps = (key: (item: { programme: string; ownerDirectorate: string }) => string): RollUp[] => {
    const measuresBy = groupBy(measures, key);
    const actionsBy = groupBy(actions, key);
    return [...new Set([...measuresBy.keys(), ...actionsBy.keys()])].sort(text).map((name) => ({
      name,
      ...summarize(
        quarter,
        (actionsBy.get(name) ?? []).map((a) => a.status),
        (measuresBy.get(name) ?? []).map((m) => m.status),
        settings,
      ),
    }));
  };

  const whole = summarize(
    quarter,
    actions.map((a) => a.status),
    measures.map((m) => m.status),
    settings,
  );
  const targetsChanged = measures.filter((m) => m.targetChangedAfterStart !== undefined).length;
  const notSignedOff = [...measures, ...actions].filter((item) => item.signOff === 'not-signed-off').length;
  let summary = whole.summary;
  if (targetsChanged > 0)
    summary = {
      ...withSentence(summary, (language) => targetsChangedSentence(targetsChanged, language)),
      targetsChangedAfterStart: targetsChanged,
    };
  if (signOffOn)
    summary = {
      ...(notSignedOff > 0
        ? withSentence(summary, (language) => notSignedOffSentence(notSignedOff, language))
        : summary),
      notSignedOff,
    };
  // The same items in the same order in each language (criticalItemsIn): only the issue's words differ.
  const namesCy = input.directorateNamesCy ?? {};
  const [criticalEn, issuesCy] = criticalItemsIn(quarter, critical, actions, settings, [
    { language: 'en' },
    { language: 'cy', directorateName: (d) => own(namesCy, d) ?? d },
  ]) as [CriticalItem[], CriticalItem[]];
  return {
    quarter,
    plan: input.plan ?? null,
    closed: false,
    closedAt: null,
    overall: whole.overall,
    summary,
    programmes: rollUps((item) => item.programme),
    directorates: rollUps((item) => item.ownerDirectorate),
    measures,
    actions,
    criticalItems: criticalEn.map((item, i) => ({
      ...item,
      issueCy: issuesCy[i]!.issue,
      remedialAction: remedialActionOf(input.remedialActions, item) ?? null,
    })),
  };
}

/**
 * The report's input as a close freezes it beside the report: the results of other
 * quarters (last quarter's, last year's) without their commentary, which buildReport reads
 * only of the quarter's own results (a measure's status elsewhere uses values and
 * breakdowns). The snapshot keeps its input so that a plan's view is rebuilt from the
 * frozen figures and an amendment names the frozen value (services/report.ts): neither
 * needs every earlier quarter's commentary again. buildReport(frozenInput(i)) equals
 * buildReport(i) (test/domain/frozen-input.test.ts). A result whose period does not parse
 * is kept as it is.
 */
export function frozenInput(input: ReportInput): ReportInput {
  const frequencyOf = new Map(input.measures.map((m) => [m.id, m.frequency]));
  const otherQuarter = (period: string, frequency: MeasureDefinition['frequency'] | undefined) => {
    try {
      return quarterOfPeriod(period, frequency) !== input.quarter;
    } catch {
      return false;
    }
  };
  return {
    ...input,
    results: input.results.map((r) => {
      if (r.commentary === undefined || !otherQuarter(r.period, frequencyOf.get(r.measureId))) return r;
      const { commentary: _, ...rest } = r;
      return rest;
    }),
  };
}

/** A missing return's item: its Welsh title too, so a Welsh output can mark an English one. */
export interface MissingItem {
  id: string;
  title: string;
  titleCy?: string;
}

export interface MissingReturns {
  directorate: string;
  measures: MissingItem[];
  actions: MissingItem[];
}

const missingItem = (i: MissingItem): MissingItem =>
  i.titleCy === undefined ? { id: i.id, title: i.title } : { id: i.id, title: i.title, titleCy: i.titleCy };

/** No-data measures and no-update actions by owner directorate, for the email and reminders. */
export function missingReturns(report: Report): MissingReturns[] {
  const byDirectorate = new Map<string, MissingReturns>();
  const entry = (directorate: string) => {
    let e = byDirectorate.get(directorate);
    if (!e) {
      e = { directorate, measures: [], actions: [] };
      byDirectorate.set(directorate, e);
    }
    return e;
  };
  const byTitle = (a: { id: string; title: string }, b: { id: string; title: string }) =>
    text(a.title, b.title) || text(a.id, b.id);
  // A return awaiting sign-off is not missing: the officer has made it (docs/sign-off.md).
  for (const m of report.measures)
    if (m.status === 'no-data' && m.signOff !== 'awaiting') entry(m.ownerDirectorate).measures.push(missingItem(m));
  for (const a of report.actions)
    if (a.status === 'no-update' && a.signOff !== 'awaiting') entry(a.ownerDirectorate).actions.push(missingItem(a));
  return [...byDirectorate.values()]
    .sort((a, b) => text(a.directorate, b.directorate))
    .map((e) => ({ ...e, measures: e.measures.sort(byTitle), actions: e.actions.sort(byTitle) }));
}
