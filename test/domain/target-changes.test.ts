import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonDate, quarterStartInstant } from '../../lambdas/domain/periods';
import {
  effectiveTarget,
  quartersWithChangedTargets,
  recordTargetChanges,
  type TargetsVersion,
  targetChangedAfterStart,
  targetChangedOn,
} from '../../lambdas/domain/target-changes';
import type { Targets } from '../../lambdas/domain/types';

const q4 = '2017-18-Q4'; // begins 2018-01-01 00:00 in London (GMT)
const q1 = '2018-19-Q1'; // begins 2018-04-01 00:00 in London (BST: 2018-03-31T23:00Z)
const v = (at: string, targets: Targets): TargetsVersion => ({ at, targets });

describe('quarterStartInstant', () => {
  it.each([
    [q4, '2018-01-01T00:00:00.000Z'],
    [q1, '2018-03-31T23:00:00.000Z'],
    ['2017-18-Q3', '2017-09-30T23:00:00.000Z'],
    ['2017-18-Q2', '2017-06-30T23:00:00.000Z'],
  ])('%s begins at %s', (quarter, instant) => expect(quarterStartInstant(quarter).toISOString()).toBe(instant));

  it('a London date is the date on the clock in London (BST is an hour ahead of UTC)', () =>
    expect(londonDate(new Date('2018-03-31T23:30:00Z'))).toBe('2018-04-01'));
});

describe('targetChangedAfterStart', () => {
  it.each<[string, TargetsVersion[], string, { date: string; dates: string[] } | null]>([
    ['set before the quarter began: no flag', [v('2017-12-01T10:00:00Z', { [q4]: 5 })], q4, null],
    [
      'changed before the quarter began: no flag',
      [v('2017-03-01T10:00:00Z', { [q4]: 5 }), v('2017-12-31T23:59:59Z', { [q4]: 6 })],
      q4,
      null,
    ],
    [
      'changed on day 1 of the quarter: flag',
      [v('2017-03-01T10:00:00Z', { [q4]: 5 }), v('2018-01-01T00:00:00Z', { [q4]: 6 })],
      q4,
      { date: '2018-01-01', dates: ['2018-01-01'] },
    ],
    [
      'changed on day 1 of a summer quarter, in London time (still 31 March in UTC): flag',
      [v('2017-03-01T10:00:00Z', { [q1]: 5 }), v('2018-03-31T23:15:00Z', { [q1]: 6 })],
      q1,
      { date: '2018-04-01', dates: ['2018-04-01'] },
    ],
    [
      'changed in the last hour before a summer quarter (London): no flag',
      [v('2017-03-01T10:00:00Z', { [q1]: 5 }), v('2018-03-31T22:59:59Z', { [q1]: 6 })],
      q1,
      null,
    ],
    [
      'changed then changed back: flag, with both dates',
      [
        v('2017-03-01T10:00:00Z', { [q4]: 5 }),
        v('2018-01-15T09:00:00Z', { [q4]: 7 }),
        v('2018-02-20T09:00:00Z', { [q4]: 5 }),
      ],
      q4,
      { date: '2018-02-20', dates: ['2018-01-15', '2018-02-20'] },
    ],
    [
      'a target set for the quarter after it began, where it had none: flag',
      [v('2017-03-01T10:00:00Z', {}), v('2018-02-01T12:00:00Z', { [q4]: 5 })],
      q4,
      { date: '2018-02-01', dates: ['2018-02-01'] },
    ],
    [
      'the year target changed after the quarter began, the quarter having none of its own: flag',
      [v('2017-03-01T10:00:00Z', { '2017-18': 5 }), v('2018-02-01T12:00:00Z', { '2017-18': 4 })],
      q4,
      { date: '2018-02-01', dates: ['2018-02-01'] },
    ],
    [
      'the year target changed after the quarter began, the quarter having its own: no flag',
      [v('2017-03-01T10:00:00Z', { '2017-18': 5, [q4]: 2 }), v('2018-02-01T12:00:00Z', { '2017-18': 4, [q4]: 2 })],
      q4,
      null,
    ],
    [
      'a within band narrowed after the quarter began: flag',
      [
        v('2017-03-01T10:00:00Z', { [q4]: { min: 1, max: 5 } }),
        v('2018-01-02T12:00:00Z', { [q4]: { min: 1, max: 4 } }),
      ],
      q4,
      { date: '2018-01-02', dates: ['2018-01-02'] },
    ],
    [
      'other fields changed after the quarter began, the target unchanged: no flag',
      [v('2017-03-01T10:00:00Z', { [q4]: 5 }), v('2018-01-02T12:00:00Z', { [q4]: 5, '2018-19': 9 })],
      q4,
      null,
    ],
    [
      'the first definition is the baseline, even when written after the quarter began: no flag',
      [v('2018-02-01T12:00:00Z', { [q4]: 5 })],
      q4,
      null,
    ],
    [
      'a target removed after the quarter began: flag',
      [v('2017-03-01T10:00:00Z', { [q4]: 5 }), v('2018-03-01T12:00:00Z', {})],
      q4,
      { date: '2018-03-01', dates: ['2018-03-01'] },
    ],
  ])('%s', (_, history, quarter, expected) => expect(targetChangedAfterStart(history, quarter)).toEqual(expected));
});

describe('effective targets', () => {
  it('a quarter takes its own target, else its year’s', () => {
    expect(effectiveTarget({ '2017-18': 5, [q4]: 2 }, q4)).toBe(2);
    expect(effectiveTarget({ '2017-18': 5 }, '2017-18-Q2')).toBe(5);
    expect(effectiveTarget({ '2016-17': 5 }, q4)).toBeUndefined();
  });

  it('a year target covers its four quarters, less those with their own', () =>
    expect(quartersWithChangedTargets({ '2017-18': 5, [q4]: 2 }, { '2017-18': 6, [q4]: 2 })).toEqual([
      '2017-18-Q1',
      '2017-18-Q2',
      '2017-18-Q3',
    ]));

  it('"constructor" is just a key: no inherited target is ever found', () =>
    expect(effectiveTarget({}, q4)).toBeUndefined());
});

describe('the per-quarter record kept on the definition agrees with the history', () => {
  const quarters = ['2017-18-Q3', q4, q1];
  const targetsArb = fc.dictionary(
    fc.constantFrom('2017-18', '2017-18-Q3', '2017-18-Q4', '2018-19', '2018-19-Q1'),
    fc.integer({ min: 0, max: 3 }),
  );
  const instantArb = fc.integer({ min: Date.parse('2017-06-01T00:00:00Z'), max: Date.parse('2018-07-01T00:00:00Z') });

  it('flagged by the record exactly when flagged by the history, with the latest date', () =>
    fc.assert(
      fc.property(fc.array(fc.tuple(instantArb, targetsArb), { minLength: 1, maxLength: 6 }), (raw) => {
        const history = raw
          .map(([at, targets]) => v(new Date(at).toISOString(), targets))
          .sort((a, b) => a.at.localeCompare(b.at));
        let definition: { targets: Targets; targetsChangedAt?: Record<string, string> } | null = null;
        for (const version of history) {
          definition = {
            targets: version.targets,
            targetsChangedAt: recordTargetChanges(definition, version.targets, version.at),
          };
        }
        for (const quarter of quarters)
          expect(targetChangedOn(definition!, quarter)).toBe(targetChangedAfterStart(history, quarter)?.date ?? null);
      }),
    ));
});
