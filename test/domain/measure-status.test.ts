import { describe, expect, it } from 'vitest';
import {
  assessMeasure,
  quarterValue,
  type RateInput,
  rateValue,
  resultStatus,
  targetFor,
} from '../../lambdas/domain/measure-status';
import type { Polarity, TargetValue } from '../../lambdas/domain/types';
import { aMeasure, aResult, settingsWith } from './fixtures';

const Q4 = '2017-18-Q4';
const defaults = settingsWith();

function rate(polarity: Polarity, value: number, target: TargetValue, bands: Partial<RateInput> = {}) {
  return rateValue({
    value,
    target,
    polarity,
    tolerancePercent: 10,
    greenTolerancePercent: 0,
    toleranceAbsolute: 0,
    ...bands,
  });
}

describe('rateValue (§4.1)', () => {
  it.each([
    // higher is better
    ['exactly on target', 'higher', 100, 100, {}, 'green', 0],
    ['above target', 'higher', 101, 100, {}, 'green', -1],
    ['exactly at tolerance', 'higher', 90, 100, {}, 'amber', 10],
    ['just beyond tolerance', 'higher', 89.99, 100, {}, 'red', 10],
    ['fractional at tolerance', 'higher', 0.9, 1, {}, 'amber', 10],
    ['fractional beyond tolerance', 'higher', 0.899, 1, {}, 'red', 10.1],
    ['99.9 of 111 is exactly 10%', 'higher', 99.9, 111, {}, 'amber', 10],
    ['exactly at green tolerance', 'higher', 95, 100, { greenTolerancePercent: 5 }, 'green', 5],
    ['just beyond green tolerance', 'higher', 94.99, 100, { greenTolerancePercent: 5 }, 'amber', 5],
    ['a wider tolerance', 'higher', 85, 100, { tolerancePercent: 15 }, 'amber', 15],
    ['a narrower tolerance', 'higher', 98.9, 100, { tolerancePercent: 1 }, 'red', 1.1],
    ['negative target, at tolerance', 'higher', -110, -100, {}, 'amber', 10],
    ['negative target, beyond', 'higher', -110.5, -100, {}, 'red', 10.5],
    ['negative target, beaten', 'higher', -90, -100, {}, 'green', -10],
    ['target 0, met', 'higher', 0, 0, {}, 'green', null],
    ['target 0, beaten', 'higher', 5, 0, {}, 'green', null],
    ['target 0, short with no absolute tolerance', 'higher', -1, 0, {}, 'red', null],
    ['target 0, within absolute tolerance', 'higher', -1, 0, { toleranceAbsolute: 1 }, 'amber', null],
    ['target 0, beyond absolute tolerance', 'higher', -1.01, 0, { toleranceAbsolute: 1 }, 'red', null],
    // lower is better
    ['lower: exactly on target', 'lower', 2.5, 2.5, {}, 'green', 0],
    ['lower: below target', 'lower', 2, 2.5, {}, 'green', -20],
    ['lower: 0.55 vs 0.5 is exactly 10%', 'lower', 0.55, 0.5, {}, 'amber', 10],
    ['lower: 1.1 vs 1 is exactly 10%', 'lower', 1.1, 1, {}, 'amber', 10],
    ['lower: just beyond', 'lower', 0.5501, 0.5, {}, 'red', 10],
    ['lower: 8.9 vs 7.5', 'lower', 8.9, 7.5, {}, 'red', 18.7],
    ['lower: negative target', 'lower', -90, -100, {}, 'amber', 10],
    ['lower: negative target, met', 'lower', -100.5, -100, {}, 'green', -0.5],
    ['lower: target 0, within absolute tolerance', 'lower', 0.5, 0, { toleranceAbsolute: 0.5 }, 'amber', null],
    ['lower: target 0, beyond absolute tolerance', 'lower', 0.6, 0, { toleranceAbsolute: 0.5 }, 'red', null],
    ['lower: target 0, met', 'lower', -0.1, 0, {}, 'green', null],
    // within a band
    ['within: at min', 'within', 2, { min: 2, max: 5 }, {}, 'green', 0],
    ['within: at max', 'within', 5, { min: 2, max: 5 }, {}, 'green', 0],
    ['within: inside', 'within', 3.3, { min: 2, max: 5 }, {}, 'green', 0],
    ['within: below, at tolerance of min', 'within', 1.8, { min: 2, max: 5 }, {}, 'amber', 10],
    ['within: below, beyond', 'within', 1.79, { min: 2, max: 5 }, {}, 'red', 10.5],
    ['within: above, at tolerance of max', 'within', 5.5, { min: 2, max: 5 }, {}, 'amber', 10],
    ['within: above, beyond', 'within', 5.51, { min: 2, max: 5 }, {}, 'red', 10.2],
    [
      'within: above, inside green tolerance',
      'within',
      5.1,
      { min: 2, max: 5 },
      { greenTolerancePercent: 2 },
      'green',
      2,
    ],
    ['within: negative min', 'within', -1.1, { min: -1, max: 1 }, {}, 'amber', 10],
    [
      'within: bound 0, within absolute tolerance',
      'within',
      -0.5,
      { min: 0, max: 3 },
      { toleranceAbsolute: 0.5 },
      'amber',
      null,
    ],
    [
      'within: bound 0, beyond absolute tolerance',
      'within',
      -0.6,
      { min: 0, max: 3 },
      { toleranceAbsolute: 0.5 },
      'red',
      null,
    ],
    ['within: a number is the band [t, t]', 'within', 5.5, 5, {}, 'amber', 10],
    ['higher with a band: at least min', 'higher', 1.8, { min: 2, max: 5 }, {}, 'amber', 10],
    ['lower with a band: at most max', 'lower', 5.5, { min: 2, max: 5 }, {}, 'amber', 10],
  ] as const)('%s', (_name, polarity, value, target, bands, status, shortfallPercent) => {
    expect(rate(polarity, value, target, bands)).toEqual({ status, shortfallPercent });
  });
});

describe('targetFor', () => {
  const measure = aMeasure({
    targets: { '2017-18': 80, '2017-18-Q4': 85 },
    directorates: ['People', 'Place', 'Resources'],
    directorateTargets: { People: { '2017-18-Q4': 70 }, Place: { '2017-18': 75 } },
  });

  it('prefers the quarter’s own target to its year’s', () => {
    expect(targetFor(measure, Q4)).toBe(85);
    expect(targetFor(measure, '2017-18-Q3')).toBe(80);
    expect(targetFor(measure, '2018-19-Q1')).toBeNull();
  });

  it('takes a directorate’s own target first, else the measure’s', () => {
    expect(targetFor(measure, Q4, 'People')).toBe(70);
    expect(targetFor(measure, '2017-18-Q3', 'People')).toBe(80);
    expect(targetFor(measure, Q4, 'Place')).toBe(75);
    expect(targetFor(measure, Q4, 'Resources')).toBe(85);
  });

  it('reads an annual measure’s year key only', () => {
    const annual = aMeasure({ frequency: 'annual', targets: { '2017-18': 250, '2017-18-Q4': 1 } });
    expect(targetFor(annual, Q4)).toBe(250);
    expect(targetFor(annual, '2017-18-Q2')).toBe(250);
  });
});

describe('quarterValue', () => {
  it('takes a quarterly measure’s latest version for the quarter', () => {
    const results = [
      aResult(Q4, 80, { version: 1 }),
      aResult(Q4, 82, { version: 2, commentary: 'Revised', breakdown: { People: 81 } }),
      aResult('2017-18-Q3', 70),
      aResult(Q4, 99, { measureId: 'other' }),
    ];
    expect(quarterValue(aMeasure(), Q4, results)).toEqual({
      value: 82,
      commentary: 'Revised',
      breakdown: { People: 81 },
    });
    expect(quarterValue(aMeasure(), '2016-17-Q4', results)).toBeNull();
  });

  it('ignores blank commentary', () => {
    expect(quarterValue(aMeasure(), Q4, [aResult(Q4, 1, { commentary: '  ' })])).toEqual({ value: 1 });
  });

  const months = [
    aResult('2018-01', 0.1, { breakdown: { People: 1, Place: 4 }, commentary: 'January' }),
    aResult('2018-02', 0.2, { breakdown: { People: 2 }, commentary: 'February' }),
    aResult('2018-03', 0.3, { breakdown: { People: 3, Place: 5 } }),
    aResult('2017-12', 100),
    aResult('2018-04', 100),
  ];

  it.each([
    ['latest', { value: 0.3, breakdown: { People: 3, Place: 5 }, commentary: 'February' }],
    ['sum', { value: 0.6, breakdown: { People: 6, Place: 9 }, commentary: 'February' }],
    ['mean', { value: 0.2, breakdown: { People: 2, Place: 4.5 }, commentary: 'February' }],
  ] as const)('aggregates a monthly measure’s months by %s, exactly', (aggregation, expected) => {
    expect(quarterValue(aMeasure({ frequency: 'monthly', aggregation }), Q4, months)).toEqual(expected);
  });

  it('aggregates only the months present, latest by default', () => {
    const measure = aMeasure({ frequency: 'monthly' });
    expect(quarterValue(measure, Q4, months.slice(0, 2))).toEqual({
      value: 0.2,
      breakdown: { People: 2, Place: 4 },
      commentary: 'February',
    });
    expect(
      quarterValue(aMeasure({ frequency: 'monthly', aggregation: 'mean' }), Q4, [months[0]!, months[2]!])?.value,
    ).toBe(0.2);
    expect(quarterValue(measure, '2018-19-Q2', months)).toBeNull();
  });

  it('gives an annual measure its year’s result at Q4 only', () => {
    const annual = aMeasure({ frequency: 'annual' });
    const results = [aResult('2017-18', 231)];
    expect(quarterValue(annual, Q4, results)).toEqual({ value: 231 });
    expect(quarterValue(annual, '2017-18-Q3', results)).toBeNull();
  });
});

describe('assessMeasure', () => {
  it('rates a quarter’s value against its target', () => {
    const a = assessMeasure(
      aMeasure({ polarity: 'lower', targets: { '2017-18': 7.5 } }),
      Q4,
      [aResult(Q4, 8.9, { commentary: 'Why' })],
      defaults,
    );
    expect(a).toEqual({
      status: 'red',
      actual: 8.9,
      target: 7.5,
      shortfallPercent: 18.7,
      commentary: 'Why',
      directorates: [],
    });
  });

  it('is not due for an annual measure before Q4', () => {
    const annual = aMeasure({ frequency: 'annual', targets: { '2017-18': 250 } });
    const results = [aResult('2017-18', 231)];
    expect(assessMeasure(annual, '2017-18-Q3', results, defaults)).toMatchObject({
      status: 'not-due',
      actual: null,
      target: 250,
    });
    expect(assessMeasure(annual, Q4, results, defaults)).toMatchObject({
      status: 'amber',
      actual: 231,
      shortfallPercent: 7.6,
    });
  });

  it('is information only without a target, with or without a value', () => {
    const untargeted = aMeasure({ targets: {} });
    expect(assessMeasure(untargeted, Q4, [aResult(Q4, 5, { commentary: 'c' })], defaults)).toEqual({
      status: 'info-only',
      actual: 5,
      target: null,
      shortfallPercent: null,
      commentary: 'c',
      directorates: [],
    });
    expect(assessMeasure(untargeted, Q4, [], defaults).status).toBe('info-only');
  });

  it('rates a directorate with its own target even when the measure has none', () => {
    const m = aMeasure({
      targets: {},
      directorates: ['People', 'Place'],
      directorateTargets: { People: { '2017-18': 10 } },
    });
    const a = assessMeasure(m, Q4, [aResult(Q4, 5, { breakdown: { Place: 4, People: 9 } })], defaults);
    expect(a.status).toBe('info-only');
    expect(a.directorates).toEqual([
      { name: 'People', status: 'amber', actual: 9, target: 10 },
      { name: 'Place', status: 'info-only', actual: 4, target: null },
    ]);
  });

  it('is no data without a value for a measure with a target', () => {
    expect(assessMeasure(aMeasure(), Q4, [aResult('2017-18-Q3', 100)], defaults)).toEqual({
      status: 'no-data',
      actual: null,
      target: 100,
      shortfallPercent: null,
      commentary: null,
      directorates: [],
    });
  });

  it('rates each directorate in the breakdown against its own target, else the measure’s, sorted by name', () => {
    const m = aMeasure({
      polarity: 'lower',
      directorates: ['People', 'Place', 'Resources'],
      targets: { '2017-18': 2.4 },
      directorateTargets: { People: { '2017-18': 2.3 } },
    });
    const a = assessMeasure(
      m,
      Q4,
      [aResult(Q4, 2.6, { breakdown: { Resources: 2.4, People: 2.7, Place: 2.5 } })],
      defaults,
    );
    expect(a.status).toBe('amber');
    expect(a.directorates).toEqual([
      { name: 'People', status: 'red', actual: 2.7, target: 2.3 },
      { name: 'Place', status: 'amber', actual: 2.5, target: 2.4 },
      { name: 'Resources', status: 'green', actual: 2.4, target: 2.4 },
    ]);
  });

  it('lets a measure override the deployment’s bands', () => {
    const results = [aResult(Q4, 94)];
    expect(assessMeasure(aMeasure(), Q4, results, defaults).status).toBe('amber');
    expect(assessMeasure(aMeasure({ tolerancePercent: 5 }), Q4, results, defaults).status).toBe('red');
    expect(assessMeasure(aMeasure(), Q4, results, settingsWith({ tolerancePercent: 5 })).status).toBe('red');
    expect(
      assessMeasure(aMeasure({ tolerancePercent: 10 }), Q4, results, settingsWith({ tolerancePercent: 5 })).status,
    ).toBe('amber');
    expect(assessMeasure(aMeasure(), Q4, results, settingsWith({ greenTolerancePercent: 6 })).status).toBe('green');
    expect(
      assessMeasure(aMeasure({ greenTolerancePercent: 5 }), Q4, results, settingsWith({ greenTolerancePercent: 6 }))
        .status,
    ).toBe('amber');
    const zero = aMeasure({ targets: { '2017-18': 0 }, polarity: 'lower' });
    expect(assessMeasure(zero, Q4, [aResult(Q4, 2)], defaults).status).toBe('red');
    expect(assessMeasure(zero, Q4, [aResult(Q4, 2)], settingsWith({ toleranceAbsolute: 2 })).status).toBe('amber');
    expect(
      assessMeasure({ ...zero, toleranceAbsolute: 1 }, Q4, [aResult(Q4, 2)], settingsWith({ toleranceAbsolute: 2 }))
        .status,
    ).toBe('red');
  });

  describe('improvementSoftensRed', () => {
    const soft = settingsWith({ improvementSoftensRed: true });
    const m = aMeasure({ directorates: ['People'], targets: { '2017-18': 100, '2016-17': 100 } });
    const thisYear = aResult(Q4, 80, { breakdown: { People: 70 } });

    it('rates red amber when it improved on the same quarter last year', () => {
      const a = assessMeasure(m, Q4, [thisYear, aResult('2016-17-Q4', 75, { breakdown: { People: 60 } })], soft);
      expect(a.status).toBe('amber');
      expect(a.directorates[0]?.status).toBe('amber');
    });

    it('keeps red when last year was as good or better, or missing', () => {
      expect(
        assessMeasure(m, Q4, [thisYear, aResult('2016-17-Q4', 80, { breakdown: { People: 75 } })], soft),
      ).toMatchObject({
        status: 'red',
        directorates: [{ status: 'red' }],
      });
      expect(assessMeasure(m, Q4, [thisYear], soft).status).toBe('red');
    });

    it('is off by default and can be switched on per measure', () => {
      const results = [thisYear, aResult('2016-17-Q4', 75)];
      expect(assessMeasure(m, Q4, results, defaults).status).toBe('red');
      expect(assessMeasure({ ...m, improvementSoftensRed: true }, Q4, results, defaults).status).toBe('amber');
      expect(assessMeasure({ ...m, improvementSoftensRed: false }, Q4, results, soft).status).toBe('red');
    });

    it('never changes amber', () => {
      expect(assessMeasure(m, Q4, [aResult(Q4, 95), aResult('2016-17-Q4', 75)], soft).status).toBe('amber');
    });
  });
});

describe('resultStatus', () => {
  it('rates a quarterly value against the quarter’s target', () => {
    expect(resultStatus(aMeasure(), Q4, 90, defaults)).toBe('amber');
    expect(resultStatus(aMeasure(), Q4, 89.99, defaults)).toBe('red');
    expect(resultStatus(aMeasure(), Q4, 100, defaults)).toBe('green');
    expect(resultStatus(aMeasure({ tolerancePercent: 20 }), Q4, 85, defaults)).toBe('amber');
  });

  it('is information only without a target', () => {
    expect(resultStatus(aMeasure(), '2018-19-Q1', 1, defaults)).toBe('info-only');
  });

  it('rates a month of a latest or mean measure against the quarter’s target', () => {
    expect(resultStatus(aMeasure({ frequency: 'monthly', aggregation: 'latest' }), '2018-02', 90, defaults)).toBe(
      'amber',
    );
    expect(resultStatus(aMeasure({ frequency: 'monthly', aggregation: 'mean' }), '2018-02', 100, defaults)).toBe(
      'green',
    );
    expect(resultStatus(aMeasure({ frequency: 'monthly' }), '2018-02', 80, defaults)).toBe('red');
  });

  it('rates a month of a sum measure against a third of the quarter’s target, exactly', () => {
    const sum = aMeasure({ frequency: 'monthly', aggregation: 'sum' });
    expect(resultStatus(sum, '2018-02', 33.34, defaults)).toBe('green');
    expect(resultStatus(sum, '2018-02', 30, defaults)).toBe('amber'); // exactly 10% short of 100/3
    expect(resultStatus(sum, '2018-02', 29.99, defaults)).toBe('red');
    const band = aMeasure({
      frequency: 'monthly',
      aggregation: 'sum',
      polarity: 'within',
      targets: { '2017-18': { min: 30, max: 60 } },
    });
    expect(resultStatus(band, '2018-02', 15, defaults)).toBe('green');
    expect(resultStatus(band, '2018-02', 22, defaults)).toBe('amber');
    expect(resultStatus(band, '2018-02', 23, defaults)).toBe('red');
  });

  it('rates an annual value against the year’s target', () => {
    expect(resultStatus(aMeasure({ frequency: 'annual', targets: { '2017-18': 250 } }), '2017-18', 231, defaults)).toBe(
      'amber',
    );
  });

  it('throws for a period that does not fit the frequency', () => {
    expect(() => resultStatus(aMeasure(), '2018-02', 1, defaults)).toThrow(RangeError);
  });
});
