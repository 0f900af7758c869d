import { describe, expect, it } from 'vitest';
import { actionReturn, landingQuarter, measureReturn, quartersWithTargets, returnPeriods } from '../../lambdas/domain';
import { defaultStatusSettings, type MeasureDefinition } from '../../lambdas/domain/types';

const measure = (over: Partial<MeasureDefinition> = {}): MeasureDefinition => ({
  id: 'm',
  plan: 'cip',
  programme: 'P',
  title: 'M',
  unit: '%',
  polarity: 'higher',
  frequency: 'quarterly',
  directorates: ['Place'],
  ownerDirectorate: 'Place',
  targets: { '2017-18': 100 },
  ...over,
});
const Q4 = '2017-18-Q4';

describe('returns (the web app’s Your returns)', () => {
  it('takes a quarterly return for the quarter, monthly for its months, annual at Q4 only', () => {
    expect(returnPeriods(measure(), Q4)).toEqual([Q4]);
    expect(returnPeriods(measure({ frequency: 'monthly' }), Q4)).toEqual(['2018-01', '2018-02', '2018-03']);
    expect(returnPeriods(measure({ frequency: 'annual' }), Q4)).toEqual(['2017-18']);
    expect(returnPeriods(measure({ frequency: 'annual' }), '2017-18-Q3')).toEqual([]);
    expect(returnPeriods(measure({ retiredFrom: Q4 }), Q4)).toEqual([]);
  });

  it('is not started without a result', () => {
    expect(measureReturn(measure(), Q4, [], defaultStatusSettings)).toEqual({
      state: 'not-started',
      status: null,
      value: null,
      period: Q4,
    });
  });

  it('is saved with the quarter’s status', () => {
    const r = measureReturn(
      measure(),
      Q4,
      [{ measureId: 'm', period: Q4, value: 50, commentary: 'why' }],
      defaultStatusSettings,
    );
    expect(r).toMatchObject({ state: 'saved', status: 'red', value: 50 });
  });

  it('needs commentary when the quarter is red or amber without any', () => {
    const r = measureReturn(measure(), Q4, [{ measureId: 'm', period: Q4, value: 95 }], defaultStatusSettings);
    expect(r).toMatchObject({ state: 'needs-commentary', status: 'amber' });
  });

  it('points a monthly measure’s form at its first month without a result', () => {
    const r = measureReturn(
      measure({ frequency: 'monthly' }),
      Q4,
      [{ measureId: 'm', period: '2018-01', value: 100 }],
      defaultStatusSettings,
    );
    expect(r).toMatchObject({ state: 'saved', period: '2018-02' });
  });

  it('rates planned work by its update', () => {
    expect(actionReturn(undefined)).toEqual({ state: 'not-started', status: null });
    expect(actionReturn({ status: 'red' })).toEqual({ state: 'needs-commentary', status: 'red' });
    expect(actionReturn({ status: 'amber', commentary: 'why' })).toEqual({ state: 'saved', status: 'amber' });
  });

  it('offers every quarter with a target, newest first (a year target covers its four quarters)', () => {
    expect(
      quartersWithTargets([
        measure({ targets: { '2016-17': 1, '2017-18-Q2': 3 } }),
        measure({ targets: {}, directorateTargets: { Place: { '2018-19-Q1': 2 } } }),
      ]),
    ).toEqual(['2018-19-Q1', '2017-18-Q2', '2016-17-Q4', '2016-17-Q3', '2016-17-Q2', '2016-17-Q1']);
  });
});

describe('landingQuarter (§12: where Your returns and the Dashboard open)', () => {
  const q = (quarter: string, closed = false) => ({ quarter, closed });
  it.each([
    ['nothing offered', [], null],
    ['none closed: the newest', [q('2017-18-Q4'), q('2017-18-Q3')], '2017-18-Q4'],
    [
      'the quarter after the latest closed',
      [q('2018-19-Q1'), q('2017-18-Q4', true), q('2017-18-Q3', true)],
      '2018-19-Q1',
    ],
    [
      'the sample plan before its close: 2017-18 Q4 after the closed Q3',
      [q('2017-18-Q4'), q('2017-18-Q3', true), q('2017-18-Q2', true)],
      '2017-18-Q4',
    ],
    [
      'the latest closed when nothing comes after it (finding 10)',
      [q('2017-18-Q4', true), q('2017-18-Q3')],
      '2017-18-Q4',
    ],
    [
      'the latest closed when the next offered is not the quarter after it',
      [q('2018-19-Q2'), q('2017-18-Q4', true)],
      '2017-18-Q4',
    ],
  ])('%s', (_name, quarters, expected) => expect(landingQuarter(quarters)).toBe(expected));
});
