// Critical items (docs/rules.md#critical-items): what needs EMT's remedial action this quarter, with an issue
// sentence in the plain style of the seed report's section 2.

import { absolute, compare, div, mul, rational, sign, sub } from './decimal';
import { formatNumber, formatValue } from './format';
import type { Language } from './language';
import { effectiveBands, type MeasureAssessment } from './measure-status';
import { own } from './own';
import { previousQuarter, yearOfPeriod } from './periods';
import type {
  CriticalItem,
  CriticalRule,
  MeasureDefinition,
  MeasureStatus,
  RemedialAction,
  ReportAction,
  StatusSettings,
  TargetValue,
} from './types';
import { fill, quarterShort, sounding, wordsFor } from './words';

/** One measure as the rules see it: this quarter's assessment and what it is compared with. */
export interface CriticalMeasureInput {
  measure: MeasureDefinition;
  assessment: MeasureAssessment;
  previousStatus: MeasureStatus;
  /** The value for the same quarter last year, or null. */
  lastYearActual: number | null;
}

const offTarget = (s: MeasureStatus) => s === 'amber' || s === 'red';

/** A figure as the seed's sentences write it: a percentage with its sign, other units left to the title. */
const figure = (x: number, unit: string) => formatValue(x, unit === '%' ? '%' : '');

function formatTarget(target: TargetValue, unit: string, language: Language): string {
  return typeof target === 'number'
    ? figure(target, unit)
    : fill(wordsFor(language).issue.targetRange, {
        min: figure(target.min, unit),
        max: figure(target.max, unit),
      });
}

/** "2017-18 Q3 and Q4", or "2017-18 Q4 and 2018-19 Q1" across a year end. */
function twoQuarters(quarter: string, language: Language): string {
  const w = wordsFor(language).issue;
  const previous = previousQuarter(quarter);
  const values = {
    previousYear: yearOfPeriod(previous),
    previous: quarterShort(previous, language),
    year: yearOfPeriod(quarter),
    current: quarterShort(quarter, language),
  };
  return fill(values.previousYear === values.year ? w.twoQuartersSameYear : w.twoQuartersAcrossYears, values);
}

/**
 * Rule 4: met the target, but worse than the same quarter last year by more than the
 * measure's tolerance relative to last year's value (by more than toleranceAbsolute when
 * last year's value was 0). A `within` measure that met its target sits inside its band,
 * where no value is worse than another.
 */
function declinedBeyondTolerance(
  measure: MeasureDefinition,
  actual: number,
  lastYear: number,
  settings: StatusSettings,
): boolean {
  if (measure.polarity === 'within') return false;
  // Not worse at all, told by the doubles (most green measures, of 10,000): String() of a
  // double orders as the double does, so the exact decimals below would say the same.
  if (measure.polarity === 'higher' ? actual >= lastYear : actual <= lastYear) return false;
  const bands = effectiveBands(measure, settings);
  const [now, then] = [rational(actual), rational(lastYear)];
  const worsening = measure.polarity === 'higher' ? sub(then, now) : sub(now, then);
  if (sign(worsening) <= 0) return false;
  if (sign(then) === 0) return compare(worsening, rational(bands.toleranceAbsolute)) > 0;
  return compare(div(mul(worsening, rational(100)), absolute(then)), rational(bands.tolerancePercent)) > 0;
}

/** The rules a measure matches this quarter (language aside), or null when it is not critical. */
interface MatchedRules {
  red: boolean;
  allDirectorates: boolean;
  redConsecutive: boolean;
  declining: boolean;
}

function matchedRules(input: CriticalMeasureInput, settings: StatusSettings): MatchedRules | null {
  const { measure, assessment: a, previousStatus, lastYearActual } = input;
  // Every rule needs a value rated against a target (green, amber or red).
  if (a.target === null || a.actual === null) return null;
  const on = settings.criticalRules;
  const red = on.red && a.status === 'red';
  const allDirectorates =
    on['all-directorates-off'] &&
    offTarget(a.status) &&
    a.directorates.length > 0 &&
    a.directorates.every((d) => offTarget(d.status));
  const redConsecutive = on['red-consecutive'] && a.status === 'red' && previousStatus === 'red';
  const declining =
    on['declining-despite-target'] &&
    a.status === 'green' &&
    lastYearActual !== null &&
    declinedBeyondTolerance(measure, a.actual, lastYearActual, settings);
  return red || allDirectorates || redConsecutive || declining
    ? { red, allDirectorates, redConsecutive, declining }
    : null;
}

/** A critical measure's item, its issue in `language`: only for a measure that matched (most do not, of 10,000). */
function measureItem(
  input: CriticalMeasureInput,
  matched: MatchedRules,
  settings: StatusSettings,
  language: Language,
  directorateName: (name: string) => string,
  /** The quarter and the one before it in words ("2017-18 Q3 and Q4"). */
  quarters: () => string,
): CriticalItem {
  const { measure, assessment: a, lastYearActual } = input;
  const rules: CriticalRule[] = [];
  const sentences: string[] = [];
  const w = wordsFor(language).issue;
  const target = formatTarget(a.target!, measure.unit, language);
  const actual = figure(a.actual!, measure.unit);

  if (matched.red) {
    rules.push('red');
    if (a.shortfallPercent === null) {
      sentences.push(fill(w.missed, { target, actual }));
    } else {
      // The largest multiple of 10 below the shortfall, but never below the band it broke.
      const tolerance = effectiveBands(measure, settings).tolerancePercent;
      const floor = Math.max(tolerance, Math.ceil(a.shortfallPercent / 10) * 10 - 10);
      sentences.push(fill(sounding(w.missedBy, floor), { percent: formatNumber(floor), target, actual }));
    }
  }
  if (matched.allDirectorates) {
    rules.push('all-directorates-off');
    sentences.push(
      fill(w.allDirectorates, {
        directorates: a.directorates.map((d) => directorateName(d.name)).join(w.listSeparator),
      }),
    );
  }
  if (matched.redConsecutive) {
    rules.push('red-consecutive');
    sentences.push(fill(w.redTwoQuarters, { quarters: quarters() }));
  }
  if (matched.declining) {
    rules.push('declining-despite-target');
    const sentence = measure.polarity === 'higher' ? w.lowerThanLastYear : w.worseThanLastYear;
    sentences.push(fill(sentence, { target, actual, lastYear: figure(lastYearActual!, measure.unit) }));
  }
  return {
    id: measure.id,
    kind: 'measure',
    subjectId: measure.id,
    title: measure.title,
    ...(measure.titleCy !== undefined && { titleCy: measure.titleCy }),
    programme: measure.programme,
    ownerDirectorate: measure.ownerDirectorate,
    rules,
    issue: sentences.join(' '),
    remedialAction: null,
  };
}

function actionItem(
  quarter: string,
  action: ReportAction,
  settings: StatusSettings,
  language: Language,
): CriticalItem | null {
  if (!settings.criticalRules['action-red'] || action.status !== 'red') return null;
  return {
    id: action.id,
    kind: 'action',
    subjectId: action.id,
    title: action.title,
    ...(action.titleCy !== undefined && { titleCy: action.titleCy }),
    programme: action.programme,
    ownerDirectorate: action.ownerDirectorate,
    rules: ['action-red'],
    issue: fill(wordsFor(language).issue.actionRed, { quarter: quarterShort(quarter, language) }),
    remedialAction: null,
  };
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const kindOrder = (kind: CriticalItem['kind']) => (kind === 'measure' ? 0 : 1);

/**
 * Every critical item of the quarter, one per subject listing each rule it matched, sorted
 * by programme, measures before actions, then title. Remedial actions are left null. The
 * issue sentences are in `language` (directorates named by `directorateName`); the items
 * and their order are the same in each.
 */
export function findCriticalItems(
  quarter: string,
  measures: readonly CriticalMeasureInput[],
  actions: readonly ReportAction[],
  settings: StatusSettings,
  language: Language = 'en',
  directorateName: (name: string) => string = (name) => name,
): CriticalItem[] {
  return criticalItemsIn(quarter, measures, actions, settings, [{ language, directorateName }])[0]!;
}

/**
 * findCriticalItems in each of `languages` at once: the rules are applied once, so each
 * list has the same items in the same order, only their issue sentences differ.
 */
export function criticalItemsIn(
  quarter: string,
  measures: readonly CriticalMeasureInput[],
  actions: readonly ReportAction[],
  settings: StatusSettings,
  languages: ReadonlyArray<{ language: Language; directorateName?: (name: string) => string }>,
): CriticalItem[][] {
  const matched = measures.flatMap((m) => {
    const rules = matchedRules(m, settings);
    return rules ? [{ m, rules }] : [];
  });
  return languages.map(({ language, directorateName = (name: string) => name }) => {
    // The quarter's two quarters in words: the same for every item, so worded once a language.
    let quartersWords: string | undefined;
    const quarters = () => (quartersWords ??= twoQuarters(quarter, language));
    const items = [
      ...matched.map(({ m, rules }) => measureItem(m, rules, settings, language, directorateName, quarters)),
      ...actions.map((a) => actionItem(quarter, a, settings, language)),
    ].filter((item): item is CriticalItem => item !== null);
    return items.sort(
      (a, b) =>
        text(a.programme, b.programme) ||
        kindOrder(a.kind) - kindOrder(b.kind) ||
        text(a.title, b.title) ||
        text(a.id, b.id),
    );
  });
}

/** The key a critical item's remedial action is stored under: its kind and subject id, so a measure and planned work of one id never share one. */
export const remedialKey = (kind: CriticalItem['kind'], subjectId: string) => `${kind}#${subjectId}`;

/**
 * A critical item's remedial action: the one recorded for its kind and subject, else one
 * recorded before remedial actions were keyed by kind (under the bare id).
 */
export function remedialActionOf(
  remedialActions: Readonly<Record<string, RemedialAction>> | undefined,
  item: Pick<CriticalItem, 'kind' | 'subjectId'>,
): RemedialAction | undefined {
  return own(remedialActions, remedialKey(item.kind, item.subjectId)) ?? own(remedialActions, item.subjectId);
}
