// The quarter's report as the API answers it and the documents render it: the domain's
// Report (report.ts builds it) with what a closed quarter adds (revision, amendments, the
// email's time) and, asked for, each measure's trend. Here, not in services/, so the
// renderers and the web app may name it while importing only the domain.

import type { TrendPoint } from './quarter-trend';
import type { Report } from './types';

/**
 * A write to a closed quarter made after its snapshot froze the figures: the frozen value
 * beside the new one (null: no return was frozen), and who made the write when.
 */
export type Amendment = (
  | {
      kind: 'result';
      id: string;
      period: string;
      frozenVersion: number | null;
      version: number;
      value: number;
      frozenValue: number | null;
    }
  | {
      kind: 'action-update';
      id: string;
      period: string;
      frozenVersion: number | null;
      version: number;
      status: string;
      frozenStatus: string | null;
    }
) & { by?: string; byName?: string; byEmail?: string | null; at?: string };

export type QuarterReport = Omit<Report, 'criticalItems'> & {
  criticalItems: Array<
    Report['criticalItems'][number] & { emailedRemedialAction?: Report['criticalItems'][number]['remedialAction'] }
  >;
  revision?: number;
  amendments?: Amendment[];
  /** A closed quarter: when the email of this revision went out (null: not yet). */
  emailedAt?: string | null;
  /** A live quarter: when the scheduled close is due (docs/rules.md "Closed quarters and amendments"). */
  closeDue?: string;
};
/** A report asked for with `?trend=N`: each measure carries its last N quarters. */
export type TrendReport = Omit<QuarterReport, 'measures'> & {
  measures: Array<QuarterReport['measures'][number] & { quarters?: TrendPoint[] }>;
};
