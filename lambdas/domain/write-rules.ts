// Who may write a result or an action update, and when: the owner directorate's officers
// (or admins), officers only until the quarter closes, and commentary with an amber or
// red status. The single-result route, the CSV import and action updates all use it.
import { type Caller, hasRole } from './caller';
import { Conflict, Forbidden, Invalid, VersionConflict } from './errors';

/** The most characters a result's or an update's commentary may have (the API's schema and the form's count). */
export const commentaryMaxLength = 4000;
/** The field error of a write whose status needs the commentary it lacks. */
export const commentaryRequiredMessage = 'required when the status is amber or red';

export interface WriteAttempt {
  caller: Caller;
  ownerDirectorate: string;
  /** What the caller is doing, for the refusal: `submit results for m1`, `update a1`. */
  doing: string;
  /** The item's own rules, after ownership: a period of the right kind, a retired measure, a quarter it is reported in. */
  itemRules?: () => Error | null;
  quarter: string;
  closed: boolean;
  /** Rules on the values, after the closed quarter: a breakdown's directorates. */
  valueRules?: () => Error | null;
  /** The status the write gives (computed once the rules above passed). */
  status: () => string;
  commentary: string | undefined;
  /** The refusal's detail when the status needs commentary the write lacks. */
  commentaryDetail: (status: string) => string;
}

/** The first rule a write breaks, as the error to raise, or null when it may be stored. */
export function writeRefusal(attempt: WriteAttempt): Error | null {
  const { caller, ownerDirectorate } = attempt;
  const isAdmin = hasRole(caller, 'admin');
  if (!isAdmin && caller.directorate !== ownerDirectorate) {
    return new Forbidden(`Only officers of ${ownerDirectorate} (or admins) may ${attempt.doing}.`);
  }
  const itemProblem = attempt.itemRules?.();
  if (itemProblem) return itemProblem;
  if (attempt.closed && !isAdmin) {
    return new Conflict(`${attempt.quarter} is closed; ask the performance team to amend it.`);
  }
  const valueProblem = attempt.valueRules?.();
  if (valueProblem) return valueProblem;
  const status = attempt.status();
  if ((status === 'amber' || status === 'red') && !attempt.commentary?.trim()) {
    return new Invalid(attempt.commentaryDetail(status), [{ path: '/commentary', message: commentaryRequiredMessage }]);
  }
  return null;
}

/** Blank commentary is no commentary. */
export const givenCommentary = (commentary: string | undefined) => (commentary?.trim() ? commentary : undefined);

/**
 * The version a write stored; a concurrent write that got in first (the store's
 * VersionConflict) is refused with this detail, worded for what was written.
 */
export async function versionWritten(write: Promise<number>, conflictDetail: string): Promise<number> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof VersionConflict) throw new VersionConflict(conflictDetail, undefined, { cause: error });
    throw error;
  }
}

/** A write made with If-Match is refused unless the item is still at that version. */
export function checkExpectedVersion(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) {
    throw new VersionConflict(`The item is at version ${current}, not ${expected}.`, current);
  }
}
