import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue } from '../../lambdas/domain/format';

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
