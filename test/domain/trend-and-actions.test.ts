import { describe, expect, it } from 'vitest';
import { actionDueIn, actionUpdateProblem, isRetired } from '../../lambdas/domain/actions';
import { trend } from '../../lambdas/domain/trend';
import type { Polarity, TargetValue } from '../../lambdas/domain/types';
import { anAction } from './fixtures';

describe('trend (§4.2)', () => {
  it.each([
    ['higher', 82, 80, undefined, 'improving'],
    ['higher', 80, 82, undefined, 'declining'],
    ['higher', 80, 80, undefined, 'unchanged'],
    ['lower', 2.4, 2.6, undefined, 'improving'],
    ['lower', 2.6, 2.4, undefined, 'declining'],
    ['lower', -1, -1, undefined, 'unchanged'],
    ['higher', null, 80, undefined, 'no-comparison'],
    ['lower', 80, null, undefined, 'no-comparison'],
    // within: closer to the band improves, from either side
    ['within', 5.2, 5.5, { min: 2, max: 5 }, 'improving'],
    ['within', 1.9, 5.5, { min: 2, max: 5 }, 'improving'],
    ['within', 5.5, 1.9, { min: 2, max: 5 }, 'declining'],
    ['within', 3, 4, { min: 2, max: 5 }, 'unchanged'],
    ['within', 1.8, 5.2, { min: 2, max: 5 }, 'unchanged'],
    ['within', 5.1, 5.3, 5, 'improving'],
    ['within', 0.3, 0.1, { min: 0.1, max: 0.2 }, 'declining'],
    ['within', 3, 4, null, 'no-comparison'],
    ['within', 3, 4, undefined, 'no-comparison'],
  ] as const)(
    '%s: %s after %s (band %j) is %s',
    (polarity: Polarity, current, previous, target: TargetValue | null | undefined, expected) => {
      expect(trend(polarity, current, previous, target)).toBe(expected);
    },
  );
});

describe('action updates (§4.3)', () => {
  it.each([
    ['blue', undefined, null],
    ['green', '', null],
    ['amber', 'Delayed by weather', null],
    ['red', 'Off track', null],
    ['amber', undefined, 'Commentary is required when the status is amber.'],
    ['red', '   ', 'Commentary is required when the status is red.'],
    ['red', null, 'Commentary is required when the status is red.'],
  ] as const)('%s with commentary %j → %j', (status, commentary, problem) => {
    expect(actionUpdateProblem(status, commentary)).toBe(problem);
  });

  it('is due from start to due, both inclusive', () => {
    const action = anAction({ startQuarter: '2017-18-Q2', dueQuarter: '2018-19-Q1' });
    expect(actionDueIn(action, '2017-18-Q1')).toBe(false);
    expect(actionDueIn(action, '2017-18-Q2')).toBe(true);
    expect(actionDueIn(action, '2017-18-Q4')).toBe(true);
    expect(actionDueIn(action, '2018-19-Q1')).toBe(true);
    expect(actionDueIn(action, '2018-19-Q2')).toBe(false);
  });

  it('is open-ended where start or due is absent', () => {
    expect(actionDueIn(anAction(), '1999-00-Q1')).toBe(true);
    expect(actionDueIn(anAction({ startQuarter: '2017-18-Q2' }), '2030-31-Q4')).toBe(true);
    expect(actionDueIn(anAction({ dueQuarter: '2017-18-Q2' }), '2010-11-Q4')).toBe(true);
  });

  it('leaves the quarters from its retirement on', () => {
    const retired = anAction({ retiredFrom: '2017-18-Q4' });
    expect(actionDueIn(retired, '2017-18-Q3')).toBe(true);
    expect(actionDueIn(retired, '2017-18-Q4')).toBe(false);
    expect(actionDueIn(retired, '2018-19-Q1')).toBe(false);
    expect(isRetired({}, '2017-18-Q4')).toBe(false);
  });
});
