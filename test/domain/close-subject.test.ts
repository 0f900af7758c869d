import { describe, expect, it } from 'vitest';
import { closeEmailSubject } from '../../lambdas/domain/close-subject';

describe('closeEmailSubject', () => {
  it('names the title, year, quarter, overall status in words and the critical items', () => {
    const report = { quarter: '2017-18-Q4', overall: 'amber' as const, criticalItems: Array(9).fill({}) };
    expect(closeEmailSubject(report, 'Corporate Improvement Plan', false)).toBe(
      'Corporate Improvement Plan 2017-18 Q4: overall AMBER, 9 critical items',
    );
  });

  it('says "1 critical item" for one, and starts "Reissued: " for a reissue', () => {
    const report = { quarter: '2031-32-Q1', overall: 'green' as const, criticalItems: [{}] };
    expect(closeEmailSubject(report, 'Plan', true)).toBe('Reissued: Plan 2031-32 Q1: overall GREEN, 1 critical item');
  });
});
