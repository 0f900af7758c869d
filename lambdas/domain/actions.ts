// Planned work (docs/rules.md#planned-work-brag) and which definitions belong to a quarter.

import { compareQuarters } from './periods';
import type { ActionDefinition, ActionStatus } from './types';

/** Why an update is refused, or null: amber and red need non-blank commentary. */
export function actionUpdateProblem(status: ActionStatus, commentary?: string | null): string | null {
  if ((status === 'amber' || status === 'red') && !commentary?.trim()) {
    return `Commentary is required when the status is ${status}.`;
  }
  return null;
}

/** Retired (DELETE) from `retiredFrom` on: it leaves that quarter and every later one. */
export function isRetired(definition: { retiredFrom?: string }, quarter: string): boolean {
  return definition.retiredFrom !== undefined && compareQuarters(quarter, definition.retiredFrom) >= 0;
}

/** Reported from start to due, both inclusive, open-ended where absent, until retired. */
export function actionDueIn(action: ActionDefinition, quarter: string): boolean {
  if (action.startQuarter !== undefined && compareQuarters(quarter, action.startQuarter) < 0) return false;
  if (action.dueQuarter !== undefined && compareQuarters(quarter, action.dueQuarter) > 0) return false;
  return !isRetired(action, quarter);
}
