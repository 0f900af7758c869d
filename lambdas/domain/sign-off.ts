// Sign-off (docs/sign-off.md): which version of a result or action update counts, who
// may decide on one, and the words a report shows. Pure: the versions and decisions are given.

import { type Caller, hasRole } from './caller';
import { Conflict, Forbidden, Invalid, NotFound, VersionConflict } from './errors';
import type { Language } from './language';
import type {
  ActionUpdateValue,
  Decision,
  ResultValue,
  SignOffDecision,
  SignOffMode,
  SignOffSetting,
  SignOffState,
  UnsignedAtClose,
} from './types';
import { counted, fill, wordsFor } from './words';

export type { Decision, SignOffDecision, SignOffMode, SignOffSetting, SignOffState, UnsignedAtClose } from './types';

export const signOffSettings = ['off', 'on'] as const satisfies readonly SignOffSetting[];
export const unsignedAtCloseSettings = ['count-flagged', 'no-data'] as const satisfies readonly UnsignedAtClose[];
export const decisions = ['approve', 'return'] as const satisfies readonly Decision[];

/**
 * A version as sign-off reads it. `submitted`: saved while sign-off was on, so it counts
 * only once approved; a version saved while it was off (or seeded as approved) counts as
 * approved.
 */
export interface SignableVersion {
  version: number;
  submitted?: boolean;
  decision?: SignOffDecision;
}

export const signOffOff: SignOffMode = { signOff: 'off', unsignedAtClose: 'count-flagged', atClose: false };

export interface Counted<V> {
  /** The version the report counts; null: none (no data). */
  counted: V | null;
  /** The newest version, whatever its state. */
  latest: V | null;
  /** Null when sign-off is off or there is no version. */
  state: SignOffState | null;
}

export const isApproved = (v: SignableVersion) => !v.submitted || v.decision?.decision === 'approve';

/**
 * Sign-off never changes a figure by itself (SPEC §13 "One truth"): when a new version
 * replaces one that counts as approved in its own right (saved while sign-off was off, so
 * "Counted: saved before sign-off", or approved), the replaced one becomes the item's
 * latest approved version (`approved`, these fields and its number), so it keeps counting
 * while the new one awaits a decision. Undefined: the replaced version was itself awaiting
 * or returned, and the item's latest approved version stays what it was.
 */
export function approvalCarried(
  replaced: (SignableVersion & Record<string, unknown>) | null,
  fields: readonly string[],
): Record<string, unknown> | undefined {
  if (!replaced || !isApproved(replaced)) return undefined;
  const kept = fields.filter((f) => replaced[f] !== undefined).map((f) => [f, replaced[f]]);
  return { ...Object.fromEntries(kept), version: replaced.version };
}

/** The latest version's own state: approved, awaiting a decision, or returned. */
export function versionState(v: SignableVersion): 'approved' | 'awaiting' | 'returned' {
  if (isApproved(v)) return 'approved';
  return v.decision?.decision === 'return' ? 'returned' : 'awaiting';
}

/**
 * The counted version: with sign-off off, the latest; with it on, the latest approved.
 * With none approved, nothing counts before close; at close `unsignedAtClose` decides,
 * and the state is `not-signed-off`.
 */
export function countedVersion<V extends SignableVersion>(versions: readonly V[], mode: SignOffMode): Counted<V> {
  let latest: V | null = null;
  let approved: V | null = null;
  for (const v of versions) {
    if (!latest || v.version > latest.version) latest = v;
    if (isApproved(v) && (!approved || v.version > approved.version)) approved = v;
  }
  if (!latest) return { counted: null, latest: null, state: null };
  if (mode.signOff === 'off') return { counted: latest, latest, state: null };
  if (approved) return { counted: approved, latest, state: versionState(latest) };
  if (!mode.atClose) return { counted: null, latest, state: versionState(latest) };
  return {
    counted: mode.unsignedAtClose === 'count-flagged' ? latest : null,
    latest,
    state: 'not-signed-off',
  };
}

/** A measure's state from its quarter's results' states (monthly measures have several). */
export function combinedState(states: readonly (SignOffState | null)[]): SignOffState | null {
  const order: SignOffState[] = ['returned', 'awaiting', 'not-signed-off', 'approved'];
  for (const s of order) if (states.includes(s)) return s;
  return null;
}

/** The summary's sentence, said only when some return was not signed off. */
export const notSignedOffSentence = (n: number, language: Language = 'en') =>
  fill(counted(wordsFor(language).summary.notSignedOff, n), { count: n });

/** Words for a state, as the report's pages and exports show it (English; `wordsFor` has Welsh). */
export const signOffWords: Record<SignOffState, string> = wordsFor('en').signOff;

/**
 * What every output (the email, the Word draft, the Excel workbook, the CSV, the HTML and
 * Markdown report, the dashboard) says of a return's sign-off (docs/sign-off.md): empty
 * when it is approved or sign-off is off, so that those outputs are unchanged.
 */
export function signOffNote(state: SignOffState | undefined, unapproved?: string, language: Language = 'en'): string {
  if (!state || state === 'approved') return '';
  const words = wordsFor(language).signOff;
  if (state === 'not-signed-off') return words[state];
  return unapproved ? `${words[state]}: ${unapproved}` : words[state];
}

export interface DecisionAttempt {
  caller: Caller;
  ownerDirectorate: string;
  signOff: SignOffSetting;
  decision: Decision;
  reason?: string;
  /** From If-Match: the version decided on. */
  expectedVersion: number | undefined;
  /** The item's latest version as stored (null: never submitted), with its submitter's `sub` and email (the token's claim, kept with it). */
  latest: (SignableVersion & { by: string; email?: string }) | null;
  /** What is decided on, for the refusals: `the result of m1 for 2017-18-Q4`. */
  subject: string;
  /** The quarter's close, begun or committed (absent: open): decisions end with it. */
  close?: { quarter: string; state: 'closed' | 'closing' };
}

/**
 * Whether the caller is the person who submitted a version: the same account (`sub`), or
 * the same email address whatever its case (a second account of one person, SPEC §13).
 */
export function isSubmitter(caller: Pick<Caller, 'sub' | 'email'>, version: { by: string; email?: string }): boolean {
  if (version.by === caller.sub) return true;
  return !!caller.email && !!version.email && caller.email.toLowerCase() === version.email.toLowerCase();
}

/** The first rule a sign-off decision breaks, as the error to raise, or null when it may be recorded. */
export function decisionRefusal(a: DecisionAttempt): Error | null {
  const { caller } = a;
  if (a.signOff === 'off') return new Conflict('Sign-off is off in this deployment: every saved version counts.');
  const isAdmin = hasRole(caller, 'admin');
  if (!isAdmin && !(hasRole(caller, 'approver') && caller.directorate === a.ownerDirectorate)) {
    return new Forbidden(`Only approvers of ${a.ownerDirectorate} (or admins) may sign off ${a.subject}.`);
  }
  if (a.close) {
    const { quarter, state } = a.close;
    return new Conflict(
      `${quarter} is ${state === 'closed' ? 'closed' : 'being closed'}: its returns are no longer signed off; an admin amendment is the only change.`,
    );
  }
  if (a.decision === 'return' && !a.reason?.trim()) {
    return new Invalid('A return needs a reason, which is sent to the officer who submitted it.', [
      { path: '/reason', message: 'required when the decision is return' },
    ]);
  }
  if (!a.latest) return new NotFound(`Nothing was submitted for ${a.subject}.`);
  if (a.expectedVersion === undefined) {
    return new Invalid('Name the version decided on in If-Match, like "3".', [
      { path: '/header/if-match', message: 'required: the version decided on' },
    ]);
  }
  if (a.expectedVersion !== a.latest.version) {
    return new VersionConflict(
      `${a.subject} is at version ${a.latest.version}, not ${a.expectedVersion}: decide on the latest.`,
      a.latest.version,
    );
  }
  if (isSubmitter(caller, a.latest)) return new Forbidden('Nobody signs off a version they submitted.');
  if (!a.latest.submitted) return new Conflict(`Version ${a.latest.version} was not submitted for sign-off.`);
  if (a.latest.decision) {
    const word = a.latest.decision.decision === 'approve' ? 'approved' : 'returned';
    return new Conflict(`Version ${a.latest.version} was already ${word}.`);
  }
  return null;
}

/** A stored result as versions: its latest approved one (when older) and itself. */
export function resultVersions(r: ResultValue): ResultValue[] {
  const a = r.approved;
  if (!a || a.version >= r.version) return [r];
  const older: ResultValue = {
    measureId: r.measureId,
    period: r.period,
    value: a.value,
    version: a.version,
    ...(a.commentary !== undefined && { commentary: a.commentary }),
    ...(a.breakdown !== undefined && { breakdown: a.breakdown }),
  };
  return [older, r];
}

/** A stored action update as versions, like resultVersions. */
export function updateVersions(u: ActionUpdateValue): ActionUpdateValue[] {
  const a = u.approved;
  if (!a || a.version >= u.version) return [u];
  const older: ActionUpdateValue = {
    actionId: u.actionId,
    quarter: u.quarter,
    status: a.status,
    version: a.version,
    ...(a.commentary !== undefined && { commentary: a.commentary }),
  };
  return [older, u];
}
