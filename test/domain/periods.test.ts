import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareQuarters,
  isMonthId,
  isQuarterId,
  isYearId,
  londonWallClock,
  periodFitsFrequency,
  periodKind,
  previousQuarter,
  quarterCloseInstant,
  quarterEndDate,
  quarterEndLabel,
  quarterEndMonth,
  quarterHasEnded,
  quarterJustEnded,
  quarterMonths,
  quarterNumber,
  quarterOfPeriod,
  sameQuarterLastYear,
  yearOfPeriod,
} from '../../lambdas/domain/periods';

describe('period ids', () => {
  it.each([
    ['2017-18', true],
    ['2099-00', true],
    ['2017-19', false],
    ['2017-17', false],
    ['17-18', false],
    ['2017-018', false],
    [' 2017-18', false],
    ['0999-00', false],
    ['9999-00', false],
  ])('isYearId(%j) is %s', (id, ok) => expect(isYearId(id)).toBe(ok));

  it.each([
    ['2017-18-Q1', true],
    ['2017-18-Q4', true],
    ['2017-18-Q5', false],
    ['2017-18-Q0', false],
    ['2017-19-Q1', false],
    ['2017-18-q1', false],
    ['2017-18Q1', false],
  ])('isQuarterId(%j) is %s', (id, ok) => expect(isQuarterId(id)).toBe(ok));

  it.each([
    ['2018-03', true],
    ['2018-12', true],
    ['2018-01', true],
    ['2018-13', false],
    ['2018-00', false],
    ['2018-3', false],
    ['201803', false],
  ])('isMonthId(%j) is %s', (id, ok) => expect(isMonthId(id)).toBe(ok));

  it.each([
    ['2017-18', 'year'],
    ['2017-18-Q4', 'quarter'],
    ['2018-03', 'month'],
    ['2017-19', null],
    ['2017-18-Q5', null],
    ['2018-13', null],
    ['', null],
    // Financial years 2000-01 … 2011-12 are also ISO months: read as months unless told.
    ['2011-12', 'month'],
  ])('periodKind(%j) is %s', (id, kind) => expect(periodKind(id)).toBe(kind));

  it('reads an ambiguous id as the kind of the frequency it is given', () => {
    expect(periodKind('2011-12', 'annual')).toBe('year');
    expect(periodKind('2011-12', 'monthly')).toBe('month');
    expect(periodKind('2011-12', 'quarterly')).toBeNull();
    expect(quarterOfPeriod('2011-12')).toBe('2011-12-Q3');
    expect(quarterOfPeriod('2011-12', 'annual')).toBe('2011-12-Q4');
    expect(yearOfPeriod('2002-03')).toBe('2001-02');
    expect(yearOfPeriod('2002-03', 'annual')).toBe('2002-03');
  });

  it.each([
    ['2018-03', 'monthly', true],
    ['2018-03', 'quarterly', false],
    ['2017-18-Q4', 'quarterly', true],
    ['2017-18-Q4', 'annual', false],
    ['2017-18', 'annual', true],
    ['2017-18', 'monthly', false],
    ['2018-13', 'monthly', false],
  ] as const)('periodFitsFrequency(%j, %s) is %s', (period, frequency, ok) =>
    expect(periodFitsFrequency(period, frequency)).toBe(ok),
  );
});

describe('quarters and years', () => {
  it.each([
    ['2017-04', '2017-18-Q1'],
    ['2017-06', '2017-18-Q1'],
    ['2017-07', '2017-18-Q2'],
    ['2017-09', '2017-18-Q2'],
    ['2017-10', '2017-18-Q3'],
    ['2017-12', '2017-18-Q3'],
    ['2018-01', '2017-18-Q4'],
    ['2018-03', '2017-18-Q4'],
    ['2017-18-Q2', '2017-18-Q2'],
    ['2017-18', '2017-18-Q4'],
    ['2099-00', '2099-00-Q4'],
  ])('quarterOfPeriod(%j) is %s', (period, quarter) => expect(quarterOfPeriod(period)).toBe(quarter));

  it.each([
    ['2018-03', '2017-18'],
    ['2018-04', '2018-19'],
    ['2017-18-Q1', '2017-18'],
    ['2017-18', '2017-18'],
  ])('yearOfPeriod(%j) is %s', (period, year) => expect(yearOfPeriod(period)).toBe(year));

  it('throws on an id that is not a period', () => {
    expect(() => quarterOfPeriod('2017-19')).toThrow(RangeError);
    expect(() => quarterNumber('2017-18-Q5')).toThrow(RangeError);
    expect(() => quarterOfPeriod('2018-03', 'annual')).toThrow(RangeError);
  });

  it('lists a quarter’s months and names its end', () => {
    expect(quarterMonths('2017-18-Q1')).toEqual(['2017-04', '2017-05', '2017-06']);
    expect(quarterMonths('2017-18-Q3')).toEqual(['2017-10', '2017-11', '2017-12']);
    expect(quarterMonths('2017-18-Q4')).toEqual(['2018-01', '2018-02', '2018-03']);
    expect(quarterEndMonth('2017-18-Q4')).toBe('2018-03');
    expect(quarterEndLabel('2017-18-Q4')).toBe('March 2018');
    expect(quarterEndLabel('2017-18-Q1')).toBe('June 2017');
    expect(quarterEndLabel('2099-00-Q4')).toBe('March 2100');
  });

  it('steps back a quarter and a year', () => {
    expect(previousQuarter('2017-18-Q4')).toBe('2017-18-Q3');
    expect(previousQuarter('2017-18-Q1')).toBe('2016-17-Q4');
    expect(previousQuarter('2000-01-Q1')).toBe('1999-00-Q4');
    expect(sameQuarterLastYear('2017-18-Q4')).toBe('2016-17-Q4');
    expect(quarterNumber('2017-18-Q3')).toBe(3);
    expect(compareQuarters('2017-18-Q4', '2018-19-Q1')).toBeLessThan(0);
    expect(compareQuarters('2017-18-Q4', '2017-18-Q4')).toBe(0);
    expect(compareQuarters('2100-01-Q1', '2099-00-Q4')).toBeGreaterThan(0);
  });

  it('computes with the years before the first accepted one', () => {
    expect(isQuarterId('1000-01-Q1')).toBe(true);
    expect(isQuarterId('0999-00-Q4')).toBe(false);
    expect(isMonthId('1000-03')).toBe(false);
    expect(previousQuarter('1000-01-Q1')).toBe('0999-00-Q4');
    expect(sameQuarterLastYear(previousQuarter('1000-01-Q1'))).toBe('0998-99-Q4');
    expect(quarterMonths('0998-99-Q4')).toEqual(['0999-01', '0999-02', '0999-03']);
    expect(quarterOfPeriod('0999-02')).toBe('0998-99-Q4');
    expect(yearOfPeriod('0998-99-Q4')).toBe('0998-99');
    expect(() => quarterOfPeriod('0999-02-Q4')).toThrow(RangeError);
  });

  it('puts every month in exactly one quarter, of its own year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const id = `${year}-${String(month).padStart(2, '0')}`;
        if (!isMonthId(id)) return; // 1000-01 … 1000-03 belong to 999-00, before the first accepted year
        const quarter = quarterOfPeriod(id);
        expect(quarterMonths(quarter)).toContain(id);
        expect(yearOfPeriod(id)).toBe(yearOfPeriod(quarter));
        expect(compareQuarters(quarter, previousQuarter(quarter))).toBe(1);
        expect(compareQuarters(quarter, sameQuarterLastYear(quarter))).toBe(4);
      }),
    );
  });
});

describe('Europe/London', () => {
  it.each([
    ['2018-04-10T06:00:00Z', '2017-18-Q4'],
    ['2018-01-10T07:00:00Z', '2017-18-Q3'],
    ['2017-07-10T06:00:00Z', '2017-18-Q1'],
    ['2017-10-10T06:00:00Z', '2017-18-Q2'],
    // BST began on 25 March 2018: 23:30 UTC on 31 March is already 1 April in London.
    ['2018-03-31T23:30:00Z', '2017-18-Q4'],
    ['2018-03-31T22:59:59Z', '2017-18-Q3'],
    // GMT in winter: midnight UTC on 1 January is midnight in London.
    ['2017-12-31T23:59:59Z', '2017-18-Q2'],
    ['2018-01-01T00:00:00Z', '2017-18-Q3'],
  ])('quarterJustEnded(%s) is %s', (instant, quarter) => expect(quarterJustEnded(new Date(instant))).toBe(quarter));

  it.each([
    ['2017-18-Q4', '2018-04-10T06:00:00.000Z'], // BST
    ['2017-18-Q3', '2018-01-10T07:00:00.000Z'], // GMT
    ['2017-18-Q2', '2017-10-10T06:00:00.000Z'], // still BST until 29 October
    ['2017-18-Q1', '2017-07-10T06:00:00.000Z'],
  ])('quarterCloseInstant(%s) is %s', (quarter, instant) =>
    expect(quarterCloseInstant(quarter).toISOString()).toBe(instant),
  );

  it('takes the day and hour, across the October clock change', () => {
    // 29 October 2017: clocks went back at 02:00 BST (01:00 UTC).
    expect(quarterCloseInstant('2017-18-Q2', 29, 0).toISOString()).toBe('2017-10-28T23:00:00.000Z');
    expect(quarterCloseInstant('2017-18-Q2', 29, 1).toISOString()).toBe('2017-10-29T01:00:00.000Z');
    expect(quarterCloseInstant('2017-18-Q2', 29, 2).toISOString()).toBe('2017-10-29T02:00:00.000Z');
    expect(quarterCloseInstant('2017-18-Q4', 1, 0).toISOString()).toBe('2018-03-31T23:00:00.000Z');
  });

  it('refuses a day or hour that does not exist', () => {
    expect(() => quarterCloseInstant('2017-18-Q4', 31)).toThrow(RangeError);
    expect(() => quarterCloseInstant('2017-18-Q4', 0)).toThrow(RangeError);
    expect(() => quarterCloseInstant('2017-18-Q4', 10, 24)).toThrow(RangeError);
    expect(() => quarterCloseInstant('2017-18-Q4', 1.5)).toThrow(RangeError);
  });

  it('closes at 07:00 London on the 10th in every quarter, and that quarter has just ended then (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2200 }), fc.integer({ min: 1, max: 4 }), (start, n) => {
        const quarter = `${start}-${String((start + 1) % 100).padStart(2, '0')}-Q${n}`;
        const close = quarterCloseInstant(quarter);
        const clock = londonWallClock(close);
        expect([clock.day, clock.hour, clock.minute]).toEqual([10, 7, 0]);
        expect(quarterJustEnded(close)).toBe(quarter);
      }),
    );
  });

  it('names the last day of a quarter, in words, and says whether it has ended in London', () => {
    expect(quarterEndDate('2033-34-Q1')).toBe('2033-06-30');
    expect(quarterEndDate('2017-18-Q4')).toBe('2018-03-31');
    expect(quarterEndDate('2019-20-Q4')).toBe('2020-03-31');
    expect(quarterEndDate('2017-18-Q3')).toBe('2017-12-31');
    // 2033-34-Q1 ends at midnight BST (23:00 UTC on 30 June).
    expect(quarterHasEnded('2033-34-Q1', new Date('2033-06-30T22:59:59Z'))).toBe(false);
    expect(quarterHasEnded('2033-34-Q1', new Date('2033-06-30T23:00:00Z'))).toBe(true);
    // 2017-18-Q3 ends at midnight GMT.
    expect(quarterHasEnded('2017-18-Q3', new Date('2017-12-31T23:59:59Z'))).toBe(false);
    expect(quarterHasEnded('2017-18-Q3', new Date('2018-01-01T00:00:00Z'))).toBe(true);
  });

  it('the quarter that just ended has ended, and the one under way has not (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1971-01-01'), max: new Date('2199-01-01'), noInvalidDate: true }), (now) => {
        const { year, month } = londonWallClock(now);
        const underWay = quarterOfPeriod(`${year}-${String(month).padStart(2, '0')}`);
        expect(quarterHasEnded(quarterJustEnded(now), now)).toBe(true);
        expect(quarterHasEnded(underWay, now)).toBe(false);
        expect(previousQuarter(underWay)).toBe(quarterJustEnded(now));
      }),
    );
  });
});
