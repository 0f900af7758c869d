import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalPlacesShown, formatNumber, formatValue, maxDecimalPlaces } from '../../lambdas/domain/format';
import { isStorableNumber, maxStorableMagnitude } from '../../lambdas/domain/storable-number';

describe('one number style (formatNumber)', () => {
  it.each([
    [1200, '1,200'],
    [560, '560'],
    [0, '0'],
    [-0, '0'],
    [1234567.25, '1,234,567.25'],
    [-12000, '-12,000'],
    [0.55, '0.55'],
    [1234.5678, '1,234.5678'],
    [0.1 + 0.2, '0.3'],
    // Rounded to 4 places, halves away from zero.
    [1234.56789, '1,234.5679'],
    [2.00005, '2.0001'],
    [-2.00005, '-2.0001'],
    [99.99999, '100'],
    [123456789.123456, '123,456,789.1235'],
    // Below 0.001: 2 significant figures where they show more than 4 places, never 0 and never an exponent.
    [0.000105, '0.00011'],
    [0.00001234, '0.000012'],
    [1.5e-7, '0.00000015'],
    [-0.00005, '-0.00005'],
    [maxStorableMagnitude, '9,007,199,254,740,991'],
    [-maxStorableMagnitude, '-9,007,199,254,740,991'],
  ])('formatNumber(%d) is %s', (x, text) => expect(formatNumber(x)).toBe(text));

  it('writes every storable number without an exponent, with commas between thousands', () => {
    const storable = fc.double({ noNaN: true, noDefaultInfinity: true }).filter(isStorableNumber);
    fc.assert(
      fc.property(storable, (x) => {
        const text = formatNumber(x);
        expect(text).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d+)?$/);
        expect(text).not.toMatch(/e/i);
      }),
    );
  });

  it('rounds a number of 0.001 or more to at most 4 places: read back, it is within half a unit of the 4th place', () => {
    const ordinary = fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((x) => Math.abs(x) >= 1e-3);
    fc.assert(
      fc.property(ordinary, (x) => {
        const text = formatNumber(x);
        expect(decimalPlacesShown(x)).toBeLessThanOrEqual(maxDecimalPlaces);
        const back = Number(text.replace(/,/g, ''));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(0.5e-4 + Math.abs(x) * Number.EPSILON * 4);
      }),
    );
  });

  it('never shows a non-zero number as 0', () => {
    const storable = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => isStorableNumber(x) && x !== 0);
    fc.assert(
      fc.property(storable, (x) => {
        expect(formatNumber(x)).toMatch(/[1-9]/);
      }),
    );
  });

  it('writes a whole number as its digits, and the integers a person types exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -maxStorableMagnitude, max: maxStorableMagnitude }), (n) => {
        expect(formatNumber(n).replace(/,/g, '')).toBe(String(n === 0 ? 0 : n));
      }),
    );
  });
});

describe('a value in its unit (formatValue)', () => {
  it.each([
    [82, '%', '82%'],
    [82.5, '%', '82.5%'],
    [1200, 'improvements', '1,200 improvements'],
    [4.25, 'days per FTE', '4.25 days per FTE'],
    [560, '', '560'],
    [0.1 + 0.2, ' days ', '0.3 days'],
  ])('formatValue(%d, %j) is %s', (x, unit, text) => expect(formatValue(x, unit)).toBe(text));
});
