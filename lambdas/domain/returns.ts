// An officer's returns for a quarter (the web app's `Your returns`, docs/web-app.md):
// which periods a measure takes a return for, and each item's state in words.

import { actionUpdateProblem, isRetired } from './actions';
import { assessMeasure, type ResultInput } from './measure-status';
import { compareQuarters, previousQuarter, quarterMonths, quarterNumber, yearOfPeriod } from './periods';
import type { SignOffDecision } from './sign-off';
import type { ActionStatus, MeasureDefinition, MeasureStatus, ResultValue, StatusSettings } from './types';

export type ReturnState = 'not-started' | 'saved' | 'needs-commentary' | 'awaiting-sign-off' | 'returned';

/** Sign-off's word for a return, when it has one (docs/sign-off.md): returned (with the reason) or awaiting. */
function signOffReturn(
  versions: readonly { submitted?: boolean; decision?: SignOffDecision }[],
): { state: 'returned'; reason: string | null } | { state: 'awaiting-sign-off' } | null {
  const returned = versions.find((v) => v.submitted && v.decision?.decision === 'return');
  if (returned) return { state: 'returned', reason: returned.decision?.reason ?? null };
  if (versions.some((v) => v.submitted && !v.decision)) return { state: 'awaiting-sign-off' };
  return null;
}

/** The periods whose results make a measure's value for the quarter; none when not due (annual, Q1–Q3) or retired. */
export function returnPeriods(measure: MeasureDefinition, quarter: string): string[] {
  if (isRetired(measure, quarter)) return [];
  switch (measure.frequency) {
    case 'quarterly':
      return [quarter];
    case 'monthly':
      return quarterMonths(quarter);
    case 'annual':
      return quarterNumber(quarter) === 4 ? [yearOfPeriod(quarter)] : [];
  }
}

export interface MeasureReturn {
  state: ReturnState;
  /** A returned version's reason. */
  reason?: string | null;
  /** The quarter's status by the report's rules; null when nothing is saved. */
  status: MeasureStatus | null;
  value: number | null;
  /** The period the form edits: the first of the quarter's periods without a result, else the last. */
  period: string;
}

/** A measure's return for a quarter; `results` may hold any results (others are ignored). */
export function measureReturn(
  measure: MeasureDefinition,
  quarter: string,
  results: readonly (ResultInput & Pick<ResultValue, 'submitted' | 'decision'>)[],
  settings: StatusSettings,
): MeasureReturn | null {
  const periods = returnPeriods(measure, quarter);
  if (periods.length === 0) return null;
  const own = results.filter((r) => r.measureId === measure.id && periods.includes(r.period));
  const missing = periods.find((p) => !own.some((r) => r.period === p));
  const period = missing ?? periods[periods.length - 1]!;
  if (own.length === 0) return { state: 'not-started', status: null, value: null, period };
  const assessed = assessMeasure(measure, quarter, own, settings);
  const offTarget = assessed.status === 'amber' || assessed.status === 'red';
  const signOff = signOffReturn(own);
  if (signOff) return { ...signOff, status: assessed.status, value: assessed.actual, period };
  return {
    state: offTarget && assessed.commentary === null ? 'needs-commentary' : 'saved',
    status: assessed.status,
    value: assessed.actual,
    period,
  };
}

/** An action's return: saved once it has an update, needing commentary if amber or red without any. */
export function actionReturn(
  update:
    | { status: ActionStatus; commentary?: string | null; submitted?: boolean; decision?: SignOffDecision }
    | undefined,
): {
  state: ReturnState;
  status: ActionStatus | null;
  reason?: string | null;
} {
  if (!update) return { state: 'not-started', status: null };
  const signOff = signOffReturn([update]);
  if (signOff) return { ...signOff, status: update.status };
  return {
    state: actionUpdateProblem(update.status, update.commentary) ? 'needs-commentary' : 'saved',
    status: update.status,
  };
}

/**
 * The quarters a plan has targets for (quarter keys, and each quarter of a year key),
 * newest first: what the `Quarter` select offers.
 */
export function quartersWithTargets(measures: readonly MeasureDefinition[]): string[] {
  const quarters = new Set<string>();
  const add = (key: string) => {
    if (key.includes('-Q')) quarters.add(key);
    else for (const n of [1, 2, 3, 4]) quarters.add(`${key}-Q${n}`);
  };
  for (const m of measures) {
    for (const key of Object.keys(m.targets)) add(key);
    for (const targets of Object.values(m.directorateTargets ?? {})) for (const key of Object.keys(targets)) add(key);
  }
  return [...quarters].sort((a, b) => compareQuarters(b, a));
}

/**
 * The quarter Your returns and the Dashboard open on (§12), given the quarters offered,
 * newest first: the quarter after the latest closed one when it is offered (has targets),
 * else the latest closed one (shown as closed); with none closed, the newest offered.
 */
export function landingQuarter(quarters: readonly { quarter: string; closed: boolean }[]): string | null {
  const latestClosed = quarters.findIndex((q) => q.closed);
  if (latestClosed === -1) return quarters[0]?.quarter ?? null;
  const closed = quarters[latestClosed]!.quarter;
  // Newest first: the one just before the latest closed is newer, and not closed.
  const after = quarters[latestClosed - 1]?.quarter;
  return after !== undefined && previousQuarter(after) === closed ? after : closed;
}
