// A report in each of its languages (docs/cymraeg.md): the report carries its sentences
// and issues in both languages from the same figures, and `reportIn` swaps the words,
// never a figure.

import { describe, expect, it } from 'vitest';
import { builtInSettings } from '../../lambdas/domain/defaults';
import { buildReport, targetsChangedSentence } from '../../lambdas/domain/report';
import { englishOnly, reportIn, reportLanguageOptions } from '../../lambdas/domain/report-language';
import { sampleReportInput } from '../support/sample-report';

const quarter = '2017-18-Q4';
const peopleCy = 'Pobl';
const sample = sampleReportInput(quarter);
const input = {
  ...sample,
  measures: sample.measures.map((m, i) => (i % 2 === 0 ? { ...m, titleCy: `Mesur ${m.id}` } : m)),
  directorateNamesCy: { People: peopleCy },
};
const report = buildReport(input);
const numbers = (texts: readonly string[]) => texts.join(' ').match(/\d+(?:[.,]\d+)*/g) ?? [];

describe('the report in both languages', () => {
  it('carries every sentence and issue in Welsh with the same figures as the English', () => {
    expect(report.summary.sentencesCy).toHaveLength(report.summary.sentences.length);
    expect(numbers(report.summary.sentencesCy!)).toEqual(numbers(report.summary.sentences));
    expect(report.criticalItems.length).toBeGreaterThan(5);
    for (const item of report.criticalItems) {
      expect(item.issueCy).toBeDefined();
      expect(item.issueCy).not.toBe(item.issue);
      expect(numbers([item.issueCy!])).toEqual(numbers([item.issue]));
    }
    for (const p of report.programmes) expect(numbers(p.summary.sentencesCy!)).toEqual(numbers(p.summary.sentences));
  });

  it('names directorates in Welsh in the Welsh issue only', () => {
    const all = report.criticalItems.filter((i) => i.rules.includes('all-directorates-off'));
    expect(all.length).toBeGreaterThan(0);
    for (const item of all) {
      expect(item.issueCy).toContain(peopleCy);
      expect(item.issue).not.toContain(peopleCy);
    }
  });

  it('words the moving-goalposts sentence in both languages', () => {
    expect(targetsChangedSentence(1)).toBe('The target of 1 measure was changed after the quarter began.');
    expect(targetsChangedSentence(3, 'cy')).toBe('Newidiwyd targedau 3 mesur ar ôl i’r chwarter ddechrau.');
    const changed = buildReport({
      ...input,
      measures: input.measures.map((m) => ({ ...m, targetsChangedAt: { [quarter]: '2018-02-01T00:00:00.000Z' } })),
    });
    expect(changed.summary.sentences.at(-1)).toMatch(/^The targets of \d+ measures were changed/);
    expect(changed.summary.sentencesCy!.at(-1)).toMatch(/^Newidiwyd targedau \d+ mesur/);
  });
});

describe('reportIn', () => {
  const options = reportLanguageOptions(
    {
      ...builtInSettings,
      reportLanguages: 'cy+en',
      namesCy: {
        reportTitle: 'Cynllun Gwella Corfforaethol',
        plans: { cip: 'Y Cynllun' },
        programmes: { Learning: 'Dysgu' },
        directorates: { People: peopleCy },
      },
    },
    undefined,
  );

  it('takes the languages, Welsh first, and the titles from the settings', () => {
    expect(options.languages).toEqual(['cy', 'en']);
    expect(options.titles).toEqual({ en: 'Corporate Improvement Plan', cy: 'Cynllun Gwella Corfforaethol' });
    expect(reportLanguageOptions({ ...builtInSettings, namesCy: options.namesCy as never }, 'cip').titles.cy).toBe(
      'Corporate Improvement Plan',
    );
    const planned = reportLanguageOptions(
      { ...builtInSettings, namesCy: { plans: { cip: 'Y Cynllun' }, programmes: {}, directorates: {} } },
      'cip',
      'cy',
    );
    expect(planned.languages).toEqual(['cy']);
    expect(planned.titles.cy).toBe('Y Cynllun');
    expect(englishOnly('T')).toMatchObject({ languages: ['en'], titles: { en: 'T', cy: 'T' } });
  });

  it('leaves English as it is', () => {
    expect(reportIn(report, 'en', options)).toBe(report);
  });

  it('puts the Welsh words in, English where the plan has no Welsh, and changes no figure', () => {
    const welsh = reportIn(report, 'cy', options);
    expect(welsh.summary.sentences).toEqual(report.summary.sentencesCy);
    expect(welsh.criticalItems.map((c) => c.issue)).toEqual(report.criticalItems.map((c) => c.issueCy));
    expect(welsh.measures.map((m) => m.title)).toEqual(report.measures.map((m) => m.titleCy ?? m.title));
    expect(welsh.measures.map((m) => [m.id, m.status, m.actual, m.target])).toEqual(
      report.measures.map((m) => [m.id, m.status, m.actual, m.target]),
    );
    expect(welsh.programmes.map((p) => p.name)).toContain('Dysgu');
    expect(welsh.programmes.map((p) => p.name)).toContain('Developing the economy');
    expect(welsh.directorates.map((d) => d.name)).toContain(peopleCy);
    expect(welsh.programmes.map((p) => p.summary.sentences)).toEqual(
      report.programmes.map((p) => p.summary.sentencesCy),
    );
    expect(welsh.measures.flatMap((m) => m.directorates.map((d) => d.name))).toContain(peopleCy);
    expect(welsh.actions.every((a) => a.programme !== 'Learning')).toBe(true);
  });

  it('falls back to the English words of a report frozen before Welsh', () => {
    const old = {
      ...report,
      summary: { ...report.summary, sentencesCy: undefined },
      programmes: report.programmes.map((p) => ({ ...p, summary: { ...p.summary, sentencesCy: undefined } })),
      criticalItems: report.criticalItems.map((c) => ({ ...c, issueCy: undefined })),
    };
    const welsh = reportIn(old, 'cy', options);
    expect(welsh.summary.sentences).toEqual(report.summary.sentences);
    expect(welsh.criticalItems.map((c) => c.issue)).toEqual(report.criticalItems.map((c) => c.issue));
    expect(welsh.programmes[0]!.summary.sentences).toEqual(report.programmes[0]!.summary.sentences);
  });
});
