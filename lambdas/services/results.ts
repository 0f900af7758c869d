import { isMonthId, isYearId, periodFitsFrequency, quarterOfPeriod, resultStatus } from '../domain';
import type { Frequency, MeasureStatus } from '../domain/types';
import { type Caller, hasRole } from '../http/auth';
import { HttpProblem, type ProblemFieldError } from '../http/problem';
import { batchGet } from '../store/batch';
import { definitionsPk, measureSk } from '../store/keys';
import type { SubmitContext } from '../store/results';

export interface ResultSubmission {
  measureId: string;
  period: string;
  value: number;
  commentary?: string;
  breakdown?: Record<string, number>;
}

/**
 * Every rule a submitted result must pass, against what the write depends on; the
 * single-result route and the CSV import both use it. Throws the problem to answer.
 */
export function checkResult(
  context: SubmitContext,
  caller: Caller,
  submission: ResultSubmission,
): { status: MeasureStatus; commentary: string | undefined } {
  const problems = resultProblems(context, caller, submission);
  if (problems) throw new HttpProblem(problems.status, problems.detail, problems.errors);
  return evaluate(context, submission);
}

function evaluate(context: SubmitContext, submission: ResultSubmission) {
  const status = resultStatus(context.measure!, submission.period, submission.value, context.settings);
  const commentary = submission.commentary?.trim() ? submission.commentary : undefined;
  return { status, commentary };
}

/** The first problem with a submission (status, detail, field errors), or null when it may be stored. */
export function resultProblems(
  context: SubmitContext,
  caller: Caller,
  submission: ResultSubmission,
): { status: number; detail: string; errors?: ProblemFieldError[] } | null {
  const { measureId, period } = submission;
  const measure = context.measure;
  if (!measure) return { status: 404, detail: `There is no measure ${measureId}.` };
  const isAdmin = hasRole(caller, 'admin');
  if (!isAdmin && caller.directorate !== measure.ownerDirectorate) {
    return {
      status: 403,
      detail: `Only officers of ${measure.ownerDirectorate} (or admins) may submit results for ${measureId}.`,
    };
  }
  if (!periodFitsFrequency(period, measure.frequency)) {
    return {
      status: 422,
      detail: `${period} is not a ${measure.frequency} period.`,
      errors: [{ path: '/path/period', message: `a ${measure.frequency} period id` }],
    };
  }
  const quarter = quarterOfPeriod(period, measure.frequency);
  if (measure.retiredFrom && quarter >= measure.retiredFrom) {
    return { status: 409, detail: `Measure ${measureId} was retired from ${measure.retiredFrom}.` };
  }
  if (context.close && !isAdmin) {
    return { status: 409, detail: `${quarter} is closed; ask the performance team to amend it.` };
  }
  const unknown = Object.keys(submission.breakdown ?? {}).filter((d) => !measure.directorates.includes(d));
  if (unknown.length > 0) {
    return {
      status: 422,
      detail: 'The breakdown names directorates this measure does not cover.',
      errors: unknown.map((d) => ({
        path: `/breakdown/${d}`,
        message: `not one of: ${measure.directorates.join(', ') || '(none)'}`,
      })),
    };
  }
  const { status, commentary } = evaluate(context, submission);
  if ((status === 'amber' || status === 'red') && !commentary) {
    return {
      status: 422,
      detail: `The result is ${status.toUpperCase()}: commentary is required.`,
      errors: [{ path: '/commentary', message: 'required when the status is amber or red' }],
    };
  }
  return null;
}

/**
 * The quarter a result's period files under. Ids 2000-01 to 2011-12 are both a
 * financial year and an ISO month: only for those is the measure's frequency read first.
 */
export async function quarterForResult(measureId: string, period: string): Promise<string> {
  if (!isAmbiguousPeriod(period)) return quarterOfPeriod(period);
  const found = await batchGet([{ pk: definitionsPk, sk: measureSk(measureId) }]);
  const measure = [...found.values()][0] as { frequency?: Frequency } | undefined;
  return quarterOfPeriodFor(period, measure?.frequency);
}

const isAmbiguousPeriod = (period: string) => isYearId(period) && isMonthId(period);

/** The quarter a period files under for a measure of this frequency (known or not). */
export function quarterOfPeriodFor(period: string, frequency: Frequency | undefined): string {
  // Only an ambiguous id needs the frequency; a quarterly measure reads it neither way
  // (quarterOfPeriod would throw): file it as the month, and checkResult refuses it with
  // 422 as it does every period of the wrong kind.
  if (!isAmbiguousPeriod(period) || frequency === 'quarterly') return quarterOfPeriod(period);
  return quarterOfPeriod(period, frequency);
}
