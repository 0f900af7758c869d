import { describe, expect, it } from 'vitest';
import { closeEmailSubject, closeEmailSubjectParts, subjectOf } from '../../lambdas/domain/close-subject';

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

describe('closeEmailSubjectParts', () => {
  const report = { quarter: '2017-18-Q4', overall: 'amber' as const, criticalItems: Array(9).fill({}) };
  const bilingual = {
    languages: ['cy' as const, 'en' as const],
    titles: { en: 'Corporate Improvement Plan', cy: 'Cynllun Gwella Corfforaethol' },
    namesCy: { programmes: {}, directorates: {} },
  };

  it('gives one part per language of the report, Welsh first, which joined are the subject', () => {
    const parts = closeEmailSubjectParts(report, bilingual, false);
    expect(parts.map((part) => part.language)).toEqual(['cy', 'en']);
    const [cy, en] = parts.map((part) => part.text);
    expect(cy).toMatch(/^Cynllun Gwella Corfforaethol /);
    expect(en).toBe('Corporate Improvement Plan 2017-18 Q4: overall AMBER, 9 critical items');
    expect(subjectOf(parts)).toBe(`${cy} / ${en}`);
    expect(closeEmailSubject(report, bilingual, false)).toBe(subjectOf(parts));
  });

  it('names English alone for a report in English', () => {
    expect(closeEmailSubjectParts(report, 'Plan', true)).toEqual([
      { language: 'en', text: 'Reissued: Plan 2017-18 Q4: overall AMBER, 9 critical items' },
    ]);
  });
});
