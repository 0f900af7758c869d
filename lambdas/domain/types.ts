// Plain data shapes shared by the domain core, the store and the handlers.
// The domain is pure: these are values, never clients or I/O.

/** The values a measure can possibly take, both ends inclusive; either end may be open (domain/value-range.ts). */
export interface ValueRange {
  min?: number;
  max?: number;
}

export type Polarity = 'higher' | 'lower' | 'within';
export type Frequency = 'monthly' | 'quarterly' | 'annual';
export type Aggregation = 'latest' | 'sum' | 'mean';

/** A `within` measure's target band. */
export interface TargetBand {
  min: number;
  max: number;
}
export type TargetValue = number | TargetBand;

/** Targets keyed by quarter (`2017-18-Q4`) or year (`2017-18`). */
export type Targets = Record<string, TargetValue>;

export interface MeasureDefinition {
  id: string;
  plan: string;
  programme: string;
  title: string;
  /** The title in Welsh, when the plan has one (docs/cymraeg.md). */
  titleCy?: string;
  unit: string;
  polarity: Polarity;
  frequency: Frequency;
  /** Monthly measures only: how the quarter's months make the quarter value. */
  aggregation?: Aggregation;
  tolerancePercent?: number;
  greenTolerancePercent?: number;
  /** Amber band for a target of 0. */
  toleranceAbsolute?: number;
  improvementSoftensRed?: boolean;
  directorates: string[];
  ownerDirectorate: string;
  targets: Targets;
  directorateTargets?: Record<string, Targets>;
  /** The values it can possibly take (e.g. 0–100 for a percentage); results outside are refused. */
  valueRange?: ValueRange;
  /** Marked by the store when sample data is loaded. */
  sample?: boolean;
  /** Set by DELETE: the first quarter the measure no longer belongs to. */
  retiredFrom?: string;
  /** Kept by the store: per quarter, when its effective target last changed (target-changes.ts). */
  targetsChangedAt?: Record<string, string>;
  /** Target keys copied by a roll forward and not changed since. */
  rolledForward?: string[];
}

export type MeasureStatus = 'green' | 'amber' | 'red' | 'no-data' | 'not-due' | 'info-only';
export type ActionStatus = 'blue' | 'green' | 'amber' | 'red';
export type ActionReportStatus = ActionStatus | 'no-update';
export type Trend = 'improving' | 'declining' | 'unchanged' | 'no-comparison';
export type OverallStatus = 'green' | 'amber' | 'red';

/** The latest version of one result (period = month, quarter or year). */
export interface ResultValue {
  measureId: string;
  period: string;
  value: number;
  commentary?: string;
  breakdown?: Record<string, number>;
  version: number;
  /** Saved while sign-off was on: counts once approved (sign-off.ts); who saved it (in words too), when. */
  submitted?: boolean;
  by?: string;
  byName?: string;
  byEmail?: string | null;
  at?: string;
  /** The decision on this version, if any. */
  decision?: SignOffDecision;
  /** The latest approved version, when this one is not it (sign-off on). */
  approved?: { version: number; value: number; commentary?: string; breakdown?: Record<string, number> };
}

export interface ActionDefinition {
  id: string;
  plan: string;
  programme: string;
  title: string;
  titleCy?: string;
  ownerDirectorate: string;
  startQuarter?: string;
  dueQuarter?: string;
  sample?: boolean;
  retiredFrom?: string;
}

export interface ActionUpdateValue {
  actionId: string;
  quarter: string;
  status: ActionStatus;
  commentary?: string;
  version: number;
  submitted?: boolean;
  by?: string;
  byName?: string;
  byEmail?: string | null;
  at?: string;
  decision?: SignOffDecision;
  approved?: { version: number; status: ActionStatus; commentary?: string };
}

export interface RemedialAction {
  text: string;
  owner?: string;
  dueDate?: string;
  by?: string;
  /** Who recorded it, in words, and their email (display-name.ts stampOf). */
  byName?: string;
  byEmail?: string;
  at?: string;
}

export type CriticalRule =
  | 'red'
  | 'all-directorates-off'
  | 'red-consecutive'
  | 'declining-despite-target'
  | 'action-red';

/** Deployment-wide status settings; measures may override the bands. */
export interface StatusSettings {
  tolerancePercent: number;
  greenTolerancePercent: number;
  toleranceAbsolute: number;
  improvementSoftensRed: boolean;
  /** §4.5: green if blue/green share >= greenAtLeastPercent, red if < redBelowPercent. */
  overallGreenAtLeastPercent: number;
  overallRedBelowPercent: number;
  criticalRules: Record<CriticalRule, boolean>;
}

export const defaultStatusSettings: StatusSettings = {
  tolerancePercent: 10,
  greenTolerancePercent: 0,
  toleranceAbsolute: 0,
  improvementSoftensRed: false,
  overallGreenAtLeastPercent: 80,
  overallRedBelowPercent: 50,
  criticalRules: {
    red: true,
    'all-directorates-off': true,
    'red-consecutive': true,
    'declining-despite-target': true,
    'action-red': true,
  },
};

/** Everything the report for one quarter depends on, already read from the store. */
export interface ReportInput {
  quarter: string;
  /** Narrow to one plan (`?plan=`); absent: every plan. */
  plan?: string;
  measures: MeasureDefinition[];
  actions: ActionDefinition[];
  /**
   * Latest result versions for the quarter, the previous quarter and the same quarter
   * last year: their quarter ids, their months and (for annual measures) their years.
   * Extra results are ignored.
   */
  results: ResultValue[];
  /** Action updates for the quarter (others are ignored). */
  actionUpdates: ActionUpdateValue[];
  /**
   * Remedial actions recorded for the quarter, keyed `<kind>#<id>` (`measure#x`,
   * `action#x`); a bare `<id>` key is one recorded before they were keyed by kind.
   */
  remedialActions: Record<string, RemedialAction>;
  settings: StatusSettings;
  /** Which versions count (sign-off.ts); absent: sign-off off, every latest version counts. */
  signOff?: SignOffMode;
  /** Directorates' Welsh names (settings `namesCy`), for the Welsh issue sentences; absent: as stored. */
  directorateNamesCy?: Record<string, string>;
}

// ---- The report (docs/rules.md#the-report) ----

export interface PlannedWorkSummary {
  total: number;
  blueOrGreen: number;
  amberOrRed: number;
  noUpdate: number;
  blueOrGreenPercent: number;
  amberOrRedPercent: number;
  noUpdatePercent: number;
}

export interface MeasuresSummary {
  total: number;
  met: number;
  offTarget: number;
  offTargetBeyondTolerance: number;
  noData: number;
  metPercent: number;
  offTargetPercent: number;
  offTargetBeyondTolerancePercent: number;
  noDataPercent: number;
}

export interface Summary {
  plannedWork: PlannedWorkSummary;
  measures: MeasuresSummary;
  sentences: string[];
  /** The same sentences in Welsh, from the same figures (absent in a report frozen before Welsh). */
  sentencesCy?: string[];
  /** The whole report's only: measures whose target for the quarter changed after it began. */
  targetsChangedAfterStart?: number;
  /** The whole report's only, with sign-off on: returns counted (or not) without an approval at close. */
  notSignedOff?: number;
}

export interface RollUp {
  name: string;
  overall: OverallStatus;
  summary: Summary;
}

export interface DirectorateStatus {
  name: string;
  status: MeasureStatus;
  actual: number | null;
  target: TargetValue | null;
}

export interface ReportMeasure {
  id: string;
  plan: string;
  title: string;
  /** The title in Welsh, when the plan has one. */
  titleCy?: string;
  programme: string;
  ownerDirectorate: string;
  unit: string;
  polarity: Polarity;
  status: MeasureStatus;
  actual: number | null;
  target: TargetValue | null;
  /** Relative shortfall in percent (positive = off target), rounded to 1 dp; null when not assessed. */
  shortfallPercent: number | null;
  commentary: string | null;
  trend: { previousQuarter: Trend; sameQuarterLastYear: Trend };
  directorates: DirectorateStatus[];
  /** London date (`YYYY-MM-DD`) the quarter's target was last changed, when after the quarter began. */
  targetChangedAfterStart?: string;
  /** With sign-off on, the state of the quarter's return (sign-off.ts). */
  signOff?: SignOffState;
  /** With sign-off on and the latest version not the counted one: its value. */
  unapprovedActual?: number | null;
}

export interface ReportAction {
  id: string;
  plan: string;
  title: string;
  titleCy?: string;
  programme: string;
  ownerDirectorate: string;
  status: ActionReportStatus;
  commentary: string | null;
  signOff?: SignOffState;
  /** With sign-off on and the latest update not the counted one: its status. */
  unapprovedStatus?: ActionStatus;
}

export interface CriticalItem {
  id: string;
  kind: 'measure' | 'action';
  subjectId: string;
  title: string;
  programme: string;
  ownerDirectorate: string;
  rules: CriticalRule[];
  issue: string;
  /** The issue in Welsh (absent in a report frozen before Welsh). */
  issueCy?: string;
  /** The title in Welsh, when the plan has one. */
  titleCy?: string;
  remedialAction: RemedialAction | null;
}

export interface Report {
  quarter: string;
  plan: string | null;
  closed: boolean;
  closedAt: string | null;
  overall: OverallStatus;
  summary: Summary;
  programmes: RollUp[];
  directorates: RollUp[];
  measures: ReportMeasure[];
  actions: ReportAction[];
  criticalItems: CriticalItem[];
}

// Sign-off's shapes (docs/sign-off.md; the rules are in sign-off.ts, which re-exports them).
export type SignOffSetting = 'off' | 'on';
/** At close, a return with no approved version: its latest version counts, flagged, or nothing does. */
export type UnsignedAtClose = 'count-flagged' | 'no-data';
export type Decision = 'approve' | 'return';
export type SignOffState = 'approved' | 'awaiting' | 'returned' | 'not-signed-off';

export interface SignOffDecision {
  decision: Decision;
  by: string;
  /** The decider's display name and email when decided (display-name.ts stampOf); absent on older decisions. */
  byName?: string;
  byEmail?: string;
  at: string;
  reason?: string;
}

export interface SignOffMode {
  signOff: SignOffSetting;
  unsignedAtClose: UnsignedAtClose;
  /** Computing the close's snapshot (or a reissue), where a return with no approved version is settled. */
  atClose: boolean;
}
