// The input a close freezes beside its report (frozenInput): the same report from it, with
// no other quarter's commentary. Property: buildReport cannot tell the two inputs apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, frozenInput } from '../../lambdas/domain/report';
import type { ReportInput, ResultValue } from '../../lambdas/domain/types';
import { aMeasure, aResult, settingsWith } from './fixtures';

const quarter = '2017-18-Q4';
const periods = [
  '2017-01',
  '2017-02',
  '2017-12',
  '2018-01',
  '2018-02',
  '2018-03',
  '2016-17-Q4',
  '2017-18-Q3',
  '2017-18-Q4',
  '2016-17',
  '2017-18',
  'not-a-period',
];
const ids = ['m0', 'm1', 'm2', 'gone'];

const measure = (id: string) =>
  fc
    .record({
      frequency: fc.constantFrom('monthly', 'quarterly', 'annual' as const),
      polarity: fc.constantFrom('higher', 'lower' as const),
      target: fc.integer({ min: 1, max: 100 }),
      improvementSoftensRed: fc.boolean(),
    })
    .map(({ frequency, polarity, target, improvementSoftensRed }) =>
      aMeasure({
        id,
        title: `Measure ${id}`,
        frequency,
        polarity,
        improvementSoftensRed,
        aggregation: frequency === 'monthly' ? 'mean' : undefined,
        targets: { '2016-17': target, '2017-18': target },
      }),
    );

const result = fc
  .record({
    measureId: fc.constantFrom(...ids),
    period: fc.constantFrom(...periods),
    value: fc.integer({ min: 0, max: 120 }),
    commentary: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
    breakdown: fc.option(fc.record({ People: fc.integer({ min: 0, max: 120 }) }), { nil: undefined }),
    submitted: fc.boolean(),
  })
  .map(({ measureId, period, value, commentary, breakdown, submitted }) =>
    aResult(period, value, {
      measureId,
      ...(commentary !== undefined && { commentary }),
      ...(breakdown !== undefined && { breakdown }),
      ...(submitted && { submitted, by: 'sub-1', byName: 'An Officer', byEmail: 'o@example.gov.uk', at: 'x' }),
    }),
  );

const inputs = fc
  .record({
    measures: fc.tuple(measure('m0'), measure('m1'), measure('m2')),
    results: fc.uniqueArray(result, { maxLength: 24, selector: (r) => `${r.measureId}#${r.period}` }),
    signOff: fc.option(
      fc.record({
        signOff: fc.constant('on' as const),
        unsignedAtClose: fc.constantFrom('count-flagged', 'no-data' as const),
        atClose: fc.boolean(),
      }),
      { nil: undefined },
    ),
  })
  .map(
    ({ measures, results, signOff }): ReportInput => ({
      quarter,
      measures,
      actions: [],
      results,
      actionUpdates: [],
      remedialActions: {},
      settings: settingsWith(),
      ...(signOff && { signOff }),
    }),
  );

describe('frozenInput', () => {
  it('builds the same report as the input it was made from', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(buildReport(frozenInput(input))).toEqual(buildReport(input));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the quarter's own commentary and drops every other quarter's", () => {
    const input: ReportInput = {
      quarter,
      measures: [aMeasure({ id: 'q' }), aMeasure({ id: 'mo', frequency: 'monthly', aggregation: 'mean' })],
      actions: [],
      results: [
        aResult('2017-18-Q4', 1, { measureId: 'q', commentary: 'this quarter' }),
        aResult('2017-18-Q3', 2, { measureId: 'q', commentary: 'last quarter' }),
        aResult('2016-17-Q4', 3, { measureId: 'q', commentary: 'last year' }),
        aResult('2018-03', 4, { measureId: 'mo', commentary: 'March' }),
        aResult('2017-12', 5, { measureId: 'mo', commentary: 'December' }),
        aResult('not-a-period', 6, { measureId: 'q', commentary: 'kept as it is' }),
      ],
      actionUpdates: [],
      remedialActions: {},
      settings: settingsWith(),
    };
    const frozen = frozenInput(input);
    expect(frozen.results.map((r: ResultValue) => r.commentary)).toEqual([
      'this quarter',
      undefined,
      undefined,
      'March',
      undefined,
      'kept as it is',
    ]);
    expect(frozen.results.map((r) => ('commentary' in r ? 'has' : 'none'))).toEqual([
      'has',
      'none',
      'none',
      'has',
      'none',
      'has',
    ]);
    expect(frozen.results.map((r) => [r.measureId, r.period, r.value, r.version])).toEqual(
      input.results.map((r) => [r.measureId, r.period, r.value, r.version]),
    );
    expect(input.results[1]!.commentary).toBe('last quarter'); // the input itself is unchanged
  });
});
