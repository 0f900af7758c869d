import { isMonthId, isYearId, periodFitsFrequency, quarterOfPeriod, resultStatus } from '../domain';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors';
import type { Frequency, MeasureStatus } from '../domain/types';
import { type Caller, hasRole } from '../http/auth';
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
  const problem = resultProblems(context, caller, submission);
  if (problem) throw problem;
  return evaluate(context, submission);
}

function evaluate(context: SubmitContext, submission: ResultSubmission) {
  const status = resultStatus(context.measure!, submission.period, submission.value, context.settings);
  const commentary = submission.commentary?.trim() ? submission.commentary : undefined;
  return { status, commentary };
}

/** The first problem with a submission, as the error to raise, or null when it may be stored. */
export function resultProblems(
  context: SubmitContext,
  caller: Caller,
  submission: ResultSubmission,
): NotFound | Forbidden | Invalid | Conflict | null {
  const { measureId, period } = submission;
  const measure = context.measure;
  if (!measure) return new NotFound(`There is no measure ${measureId}.`);
  const isAdmin = hasRole(caller, 'admin');
  if (!isAdmin && caller.directorate !== measure.ownerDirectorate) {
    return new Forbidden(
      `Only officers of ${measure.ownerDirectorate} (or admins) may submit results for ${measureId}.`,
    );
  }
  if (!periodFitsFrequency(period, measure.frequency)) {
    return new Invalid(`${period} is not a ${measure.frequency} period.`, [
      { path: '/path/period', message: `a ${measure.frequency} period id` },
    ]);
  }
  const quarter = quarterOfPeriod(period, measure.frequency);
  if (measure.retiredFrom && quarter >= measure.retiredFrom) {
    return new Conflict(`Measure ${measureId} was retired from ${measure.retiredFrom}.`);
  }
  if (context.close && !isAdmin) {
    return new Conflict(`${quarter} is closed; ask the performance team to amend it.`);
  }
  const unknown = Object.keys(submission.breakdown ?? {}).filter((d) => !measure.directorates.includes(d));
  if (unknown.length > 0) {
    return new Invalid(
      'The breakdown names directorates this measure does not cover.',
      unknown.map((d) => ({
        path: `/breakdown/${d}`,
        message: `not one of: ${measure.directorates.join(', ') || '(none)'}`,
      })),
    );
  }
  const { status, commentary } = evaluate(context, submission);
  if ((status === 'amber' || status === 'red') && !commentary) {
    return new Invalid(`The result is ${status.toUpperCase()}: commentary is required.`, [
      { path: '/commentary', message: 'required when the status is amber or red' },
    ]);
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
