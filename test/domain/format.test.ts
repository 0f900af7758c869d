import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatValue } from '../../lambdas/domain/format';

describe('numbers in sentences', () => {
  it.each([
    [1200, '1,200'],
    [560, '560'],
    [1234567.25, '1,234,567.25'],
    [-12000, '-12,000'],
    [0.55, '0.55'],
    [1e21, '1e+21'],
    [1.5e-7, '1.5e-7'],
  ])('formatNumber(%d) is %s', (x, text) => expect(formatNumber(x)).toBe(text));

  it('suffixes percentages only', () => {
    expect(formatValue(82, '%')).toBe('82%');
    expect(formatValue(1200, 'improvements')).toBe('1,200');
  });
});

describe('dates in words (Europe/London)', () => {
  it('writes a date as "6 December 2026", a plain date as that day', () => {
    expect(formatDate('2026-12-06T12:38:00Z')).toBe('6 December 2026');
    // 23:30 UTC in summer is already the next day in London.
    expect(formatDate('2026-07-06T23:30:00Z')).toBe('7 July 2026');
    expect(formatDate('2018-04-10')).toBe('10 April 2018');
  });

  it('writes an instant as "6 December 2026 at 12:38", in London time with summer time', () => {
    expect(formatDateTime('2026-12-06T12:38:00Z')).toBe('6 December 2026 at 12:38');
    expect(formatDateTime('2018-04-10T06:00:00Z')).toBe('10 April 2018 at 07:00');
    expect(formatDateTime('2026-01-01T00:05:00Z')).toBe('1 January 2026 at 00:05');
  });
});
