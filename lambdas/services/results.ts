import { isMonthId, isYearId, periodFitsFrequency, quarterOfPeriod, resultStatus } from '../domain';
import type { Caller } from '../domain/caller';
import { callerName } from '../domain/display-name';
import { Conflict, Invalid, NotFound } from '../domain/errors';
import { formatValue } from '../domain/format';
import type { Frequency } from '../domain/types';
import { inValueRange, valueRangeProblem } from '../domain/value-range';
import { checkExpectedVersion, givenCommentary, versionWritten, writeRefusal } from '../domain/write-rules';
import { readMeasure } from '../store/definitions';
import { readResultHistory, resultKey, type SubmitContext, writeResult } from '../store/results';
import { readDecisions } from '../store/sign-off';
import { readWriteContext } from '../store/write-context';
import { settleAgainstClose } from './close-race';
import { named, namedDecision, peopleNames } from './names';

export interface ResultSubmission {
  measureId: string;
  period: string;
  value: number;
  commentary?: string;
  breakdown?: Record<string, number>;
}

/** The first rule a submission breaks (domain/write-rules.ts and the measure's own), or null when it may be stored. */
export function resultRefusal(context: SubmitContext, caller: Caller, submission: ResultSubmission): Error | null {
  const { measureId, period } = submission;
  const measure = context.definition;
  if (!measure) return new NotFound(`There is no measure ${measureId}.`);
  const fits = periodFitsFrequency(period, measure.frequency);
  const quarter = fits ? quarterOfPeriod(period, measure.frequency) : period;
  return writeRefusal({
    caller,
    ownerDirectorate: measure.ownerDirectorate,
    doing: `submit results for ${measureId}`,
    itemRules: () => {
      if (!fits) {
        return new Invalid(`${period} is not a ${measure.frequency} period.`, [
          { path: '/path/period', message: `a ${measure.frequency} period id` },
        ]);
      }
      if (measure.retiredFrom && quarter >= measure.retiredFrom) {
        return new Conflict(`Measure ${measureId} was retired from ${measure.retiredFrom}.`);
      }
      return null;
    },
    quarter,
    // Closing counts as closed: a close has begun reading the quarter.
    closed: context.close !== undefined || context.closing,
    valueRules: () => {
      // The measure's possible range (domain/value-range.ts), for the value and each directorate's.
      const outside = [
        ...(inValueRange(measure.valueRange, submission.value) ? [] : [{ path: '/value', value: submission.value }]),
        ...Object.entries(submission.breakdown ?? {})
          .filter(([, v]) => !inValueRange(measure.valueRange, v))
          .map(([d, value]) => ({ path: `/breakdown/${d}`, value })),
      ];
      if (outside.length > 0) {
        const problem = valueRangeProblem(measure.valueRange, outside[0]!.value, measure.unit)!;
        return new Invalid(
          `${problem}: ${measure.title} cannot be ${outside.map((o) => formatValue(o.value, measure.unit)).join(' or ')}.`,
          outside.map(({ path }) => ({ path, message: problem })),
        );
      }
      const unknown = Object.keys(submission.breakdown ?? {}).filter((d) => !measure.directorates.includes(d));
      if (unknown.length === 0) return null;
      return new Invalid(
        'The breakdown names directorates this measure does not cover.',
        unknown.map((d) => ({
          path: `/breakdown/${d}`,
          message: `not one of: ${measure.directorates.join(', ') || '(none)'}`,
        })),
      );
    },
    status: () => resultStatus(measure, period, submission.value, context.settings),
    commentary: submission.commentary,
    commentaryDetail: (status) => `The result is ${status.toUpperCase()}: commentary is required.`,
  });
}

/** Stores a new version of a result, by the write rules; If-Match's version, when given, must still be current. */
export async function submitResult(
  submission: ResultSubmission & { expectedVersion?: number },
  caller: Caller,
  now: Date,
) {
  const { measureId, period, value, breakdown, expectedVersion } = submission;
  const quarter = await quarterForResult(measureId, period);
  const subject = { kind: 'result', measureId, period, quarter } as const;
  const context = await readWriteContext(subject);
  const refusal = resultRefusal(context, caller, submission);
  if (refusal) throw refusal;
  const status = resultStatus(context.definition!, period, value, context.settings);
  const commentary = givenCommentary(submission.commentary);
  checkExpectedVersion(expectedVersion, context.currentVersion);
  let amendment = context.close !== undefined || context.closing;
  const version = await versionWritten(
    writeResult({
      measureId,
      period,
      quarter,
      value,
      commentary,
      breakdown,
      by: caller.sub,
      byName: callerName(caller) ?? undefined,
      at: now.toISOString(),
      amendment,
      expectedVersion,
      head: context.head,
      // An amendment awaits nobody: no decision can be taken on a closed quarter (docs/sign-off.md).
      submitted: context.settings.signOff === 'on' && !amendment,
      email: caller.email ?? undefined,
    }),
    'The result changed since the version given in If-Match.',
  );
  if (!amendment) amendment = await settleAgainstClose(subject, version);
  return {
    measureId,
    period,
    quarter,
    version,
    value,
    commentary: commentary ?? null,
    breakdown: breakdown ?? null,
    status,
    amendment,
  };
}

/** Every version of a result, oldest first. */
export async function resultHistory(measureId: string, period: string) {
  const quarter = await quarterForResult(measureId, period);
  const versions = await readResultHistory(measureId, period, quarter);
  if (!versions) throw new NotFound(`No result was ever submitted for ${measureId} in ${period}.`);
  // Sign-off decisions (docs/sign-off.md) beside their versions; the submitter's address stays in the store.
  const [decisions, names] = await Promise.all([readDecisions(resultKey(measureId, period, quarter)), peopleNames()]);
  return versions.map((version) => {
    const v = named(version, names);
    const signOff = namedDecision(decisions.get(v.version), names);
    return signOff ? { ...v, signOff } : v;
  });
}

/**
 * The quarter a result's period files under. Ids 2000-01 to 2011-12 are both a
 * financial year and an ISO month: only for those is the measure's frequency read first.
 */
export async function quarterForResult(measureId: string, period: string): Promise<string> {
  if (!isAmbiguousPeriod(period)) return quarterOfPeriod(period);
  return quarterOfPeriodFor(period, (await readMeasure(measureId))?.frequency);
}

const isAmbiguousPeriod = (period: string) => isYearId(period) && isMonthId(period);

/** The quarter a period files under for a measure of this frequency (known or not). */
export function quarterOfPeriodFor(period: string, frequency: Frequency | undefined): string {
  // Only an ambiguous id needs the frequency; a quarterly measure reads it neither way
  // (quarterOfPeriod would throw): file it as the month, and resultRefusal refuses it with
  // 422 as it does every period of the wrong kind.
  if (!isAmbiguousPeriod(period) || frequency === 'quarterly') return quarterOfPeriod(period);
  return quarterOfPeriod(period, frequency);
}
