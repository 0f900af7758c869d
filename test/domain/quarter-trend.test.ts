import { describe, expect, it } from 'vitest';
import { measureTrends, quartersEndingAt } from '../../lambdas/domain/quarter-trend';
import { aMeasure, aResult, settingsWith } from './fixtures';

describe('quartersEndingAt', () => {
  it('lists the quarters ending at the given one, oldest first, across years', () => {
    expect(quartersEndingAt('2017-18-Q2', 4)).toEqual(['2016-17-Q3', '2016-17-Q4', '2017-18-Q1', '2017-18-Q2']);
  });

  it('is just the quarter for a count of 1', () => {
    expect(quartersEndingAt('2017-18-Q4', 1)).toEqual(['2017-18-Q4']);
  });
});

describe('measureTrends', () => {
  const quarters = quartersEndingAt('2017-18-Q4', 4);

  it("gives each quarter's status, actual and target by the report's rules, a missing result as a null actual", () => {
    const measure = aMeasure({ targets: { '2017-18': 100 } });
    const results = [aResult('2017-18-Q1', 100), aResult('2017-18-Q2', 95), aResult('2017-18-Q4', 50)];
    expect(measureTrends([measure], quarters, results, settingsWith()).get('m')).toEqual([
      { quarter: '2017-18-Q1', status: 'green', actual: 100, target: 100 },
      { quarter: '2017-18-Q2', status: 'amber', actual: 95, target: 100 },
      { quarter: '2017-18-Q3', status: 'no-data', actual: null, target: 100 },
      { quarter: '2017-18-Q4', status: 'red', actual: 50, target: 100 },
    ]);
  });

  it('keeps each measure to its own results', () => {
    const one = aMeasure({ id: 'one' });
    const two = aMeasure({ id: 'two' });
    const trends = measureTrends(
      [one, two],
      ['2017-18-Q4'],
      [aResult('2017-18-Q4', 100, { measureId: 'one' })],
      settingsWith(),
    );
    expect(trends.get('one')?.[0]?.actual).toBe(100);
    expect(trends.get('two')?.[0]).toEqual({ quarter: '2017-18-Q4', status: 'no-data', actual: null, target: 100 });
  });

  it('with sign-off on, counts the latest approved version, not one awaiting a decision', () => {
    const awaiting = aResult('2017-18-Q4', 50, {
      version: 2,
      submitted: true,
      approved: { version: 1, value: 100 },
    });
    const neverApproved = aResult('2017-18-Q3', 50, { submitted: true });
    const trend = measureTrends([aMeasure()], quarters, [awaiting, neverApproved], settingsWith(), {
      signOff: 'on',
      unsignedAtClose: 'count-flagged',
      atClose: false,
    }).get('m');
    expect(trend?.[3]).toMatchObject({ status: 'green', actual: 100 });
    expect(trend?.[2]).toMatchObject({ status: 'no-data', actual: null });
  });
});
