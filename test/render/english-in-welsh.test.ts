// The plan's English shown in a Welsh part of the HTML report and the EMT email, because
// the plan has no Welsh for it, is marked lang="en" (issue #27, docs/cymraeg.md): a
// screen reader then reads it as English, and nothing the plan does have in Welsh is marked.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/domain';
import type { QuarterReport } from '../../lambdas/domain/quarter-report';
import type { ReportLanguageOptions } from '../../lambdas/domain/report-language';
import { defaultStatusSettings } from '../../lambdas/domain/types';
import { closeEmail } from '../../lambdas/mail/close-email';
import { reportDocx } from '../../lambdas/render/report-docx';
import { reportHtml } from '../../lambdas/render/report-html';
import { aMeasure, anAction, aResult } from '../domain/fixtures';
import { readDocx } from '../support/office';

const quarter = '2017-18-Q4';
// Two of everything: one the plan names in Welsh, one it does not.
const built = buildReport({
  quarter,
  measures: [
    aMeasure({
      id: 'tax',
      title: 'Council tax collected',
      titleCy: 'Treth gyngor a gasglwyd',
      programme: 'Learning',
      directorates: ['People'],
      ownerDirectorate: 'People',
      targets: { [quarter]: 97 },
    }),
    aMeasure({
      id: 'parks',
      title: 'Parks visits',
      programme: 'Economy',
      directorates: ['Place'],
      ownerDirectorate: 'Place',
      targets: { [quarter]: 97 },
    }),
  ],
  actions: [
    anAction({ id: 'ldp', title: 'Adopt the LDP', titleCy: 'Mabwysiadu’r CDLl', programme: 'Learning' }),
    anAction({ id: 'roads', title: 'Resurface roads', programme: 'Economy', ownerDirectorate: 'Place' }),
  ],
  // Both measures red, so both are critical items.
  results: [aResult(quarter, 50, { measureId: 'tax' }), aResult(quarter, 50, { measureId: 'parks' })],
  actionUpdates: [],
  remedialActions: {},
  settings: defaultStatusSettings,
});
const report: QuarterReport = { ...built, closed: true, closedAt: '2018-04-10T06:00:43.623Z', revision: 1 };
const languages: ReportLanguageOptions = {
  languages: ['cy', 'en'],
  titles: { en: 'Corporate Improvement Plan', cy: 'Cynllun Gwella Corfforaethol' },
  namesCy: { programmes: { Learning: 'Dysgu' }, directorates: { People: 'Pobl' } },
};

/** Each language part's text marked lang="en", and whether the part's other text holds it too. */
function marked(html: string) {
  const { document } = new JSDOM(html).window;
  const parts = [...document.querySelectorAll('body div[lang], main > div[lang]')];
  return Object.fromEntries(
    parts.map((part) => [
      part.getAttribute('lang'),
      [...new Set([...part.querySelectorAll('[lang="en"]')].map((e) => e.textContent?.trim()))].sort(),
    ]),
  );
}

const englishInWelsh = ['Economy', 'Parks visits', 'Place', 'Resurface roads'];

describe('English the plan has no Welsh for, in a Welsh part', () => {
  it('is marked lang="en" in the HTML report, and nothing Welsh or in the English part is', () => {
    const parts = marked(reportHtml(report, 'Corporate Improvement Plan', languages));
    expect(Object.keys(parts)).toEqual(['cy', 'en-GB']);
    expect(parts.cy).toEqual(englishInWelsh);
    expect(parts['en-GB']).toEqual([]);
  });

  it('is marked lang="en" in the EMT email’s HTML body', () => {
    const email = closeEmail(report, {
      from: 'performance@example.gov.uk',
      to: ['emt@example.gov.uk'],
      reportTitle: 'Corporate Improvement Plan',
      appUrl: 'https://ragtime.example.gov.uk/app/',
      languages,
    });
    const parts = marked(email.html);
    expect(Object.keys(parts)).toEqual(['cy', 'en-GB']);
    // The email has no measures' or directorates' tables: programmes, critical items, missing returns.
    expect(parts.cy).toEqual(englishInWelsh);
    expect(parts['en-GB']).toEqual([]);
  });

  it('is a run marked English (en-GB) in the Word draft’s Welsh part; the Welsh titles and names are cy-GB', async () => {
    const docx = readDocx(
      await reportDocx(report, { title: 'Corporate Improvement Plan', languages: { ...languages, languages: ['cy'] } }),
    );
    const runs = [...docx.xml('word/document.xml').getElementsByTagName('w:r')].map((r) => ({
      text: [...r.getElementsByTagName('w:t')].map((t) => t.textContent).join(''),
      lang: r.getElementsByTagName('w:lang')[0]?.getAttribute('w:val'),
    }));
    const langsOf = (text: string) => [...new Set(runs.filter((r) => r.text === text).map((r) => r.lang))];
    // Titles in the critical items' labelled lines and the appendix tables; names as headings.
    for (const text of englishInWelsh.filter((t) => t !== 'Place')) expect(langsOf(text), text).toEqual(['en-GB']);
    for (const text of ['Treth gyngor a gasglwyd', 'Mabwysiadu’r CDLl', 'Dysgu'])
      expect(langsOf(text), text).toEqual(['cy-GB']);
  });

  it('is not marked when the report is English only', () => {
    const parts = marked(reportHtml(report, 'Corporate Improvement Plan'));
    expect(parts['en-GB']).toEqual([]);
  });
});
