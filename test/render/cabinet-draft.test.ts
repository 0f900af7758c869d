// The Word draft as the council writes its Cabinet report (docs/documents.md, SPEC §17):
// the seed's frame, sections 3–13 and the recommendation table, in English, Welsh or both
// (Welsh first), read back as Word would read it.
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInSettings } from '../../lambdas/domain/defaults';
import { reportLanguageOptions } from '../../lambdas/domain/report-language';
import type { Settings } from '../../lambdas/domain/settings';
import { reportDocx } from '../../lambdas/render/report-docx';
import { type DocxContents, readDocx, rowCells } from '../support/office';
import { sampleReport } from '../support/sample-report';

const settings: Settings = {
  ...builtInSettings,
  reportLanguages: 'cy+en',
  namesCy: {
    reportTitle: 'Cynllun Gwella Corfforaethol',
    plans: {},
    programmes: { Learning: 'Dysgu' },
    directorates: { People: 'Pobl' },
  },
  cabinetReport: {
    en: {
      council: 'CYNGOR SIR POWYS COUNTY COUNCIL',
      meeting: 'CABINET EXECUTIVE',
      author: 'County Councillor Aled Davies',
      portfolio: 'Portfolio Holder for Finance, Countryside and Transport',
    },
    cy: { council: 'CYNGOR SIR POWYS COUNTY COUNCIL', meeting: 'CABINET GWEITHREDOL' },
    meetingDate: '2018-07-10',
  },
};

const report = sampleReport();

const lines = (docx: DocxContents) => docx.paragraphs.map((p) => p.text);
let bilingual: DocxContents;
let english: DocxContents;

beforeAll(async () => {
  bilingual = readDocx(
    await reportDocx(report, { title: settings.reportTitle, languages: reportLanguageOptions(settings) }),
  );
  english = readDocx(
    await reportDocx(report, {
      title: settings.reportTitle,
      languages: reportLanguageOptions(settings, undefined, 'en'),
    }),
  );
});

describe('the Cabinet draft in English', () => {
  it('opens with the council, the meeting, its date, the author and portfolio, the subject and REPORT FOR', () => {
    expect(lines(english).slice(0, 7)).toEqual([
      'CYNGOR SIR POWYS COUNTY COUNCIL',
      'CABINET EXECUTIVE',
      '10 July 2018',
      'REPORT AUTHOR: County Councillor Aled Davies',
      'Portfolio Holder for Finance, Countryside and Transport',
      'SUBJECT: Corporate Improvement Plan 2017-18 Quarter 4 performance report',
      'REPORT FOR: Decision',
    ]);
  });

  it('leaves what a person must write marked "[to be written]", and gives section 6 our figures', () => {
    const all = lines(english);
    const at = (heading: string) => all.indexOf(heading);
    expect(all[at('3. Options Considered / Available') + 1]).toBe('[to be written]');
    expect(all[at('5. Impact Assessment') + 1]).toBe('5.1 Is an impact assessment required? [to be written]');
    expect(all[at('6. Corporate Improvement Plan') + 1]).toBe(
      '6.1 Appendix A sets out detailed performance against the Corporate Improvement Plan 2017-18.',
    );
    expect(all[at('11. Scrutiny') + 1]).toBe('Has this report been scrutinised? [to be written]');
    // Sections 3–13 come after the proposal and before Appendix A.
    expect(at('2. Proposal')).toBeLessThan(at('3. Options Considered / Available'));
    expect(at("13. Members' Interests")).toBeLessThan(all.findIndex((l) => l.startsWith('Appendix A:')));
    // The placeholder is bold on yellow: it cannot be missed or printed as if written.
    expect(english.text('word/document.xml')).toMatch(/<w:highlight w:val="yellow"\/>.*?\[to be written\]/s);
  });

  it('ends the report with the recommendation table', () => {
    const table = english.blocks.find((b) => b.kind === 'table' && rowCells(b.rows[0]!)[0] === 'Recommendation:');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    const rows = table.rows.map(rowCells);
    expect(rows[0]).toEqual(['Recommendation:', 'Reason for Recommendation:']);
    expect(rows[1]![0]).toMatch(/^That Cabinet consider the detail within Appendix A/);
    expect(rows[1]![1]).toContain("Council's Corporate Improvement Plan for the year 2017-18");
    expect(rows.slice(2)).toContainEqual(['Contact Officer:', '[to be written]']);
    expect(rows.slice(2)).toContainEqual(['Within Budget:', '[to be written]']);
  });

  it('without a frame in the settings, leaves the council, meeting, date and author to be written', async () => {
    const bare = readDocx(
      await reportDocx(report, {
        title: 'Corporate Improvement Plan',
        languages: reportLanguageOptions(builtInSettings),
      }),
    );
    expect(lines(bare).slice(0, 7)).toEqual([
      '[to be written]',
      '[to be written]',
      '[to be written]',
      'REPORT AUTHOR: [to be written]',
      '[to be written]',
      'SUBJECT: Corporate Improvement Plan 2017-18 Quarter 4 performance report',
      'REPORT FOR: Decision',
    ]);
  });
});

describe('the Cabinet draft in Welsh and English', () => {
  it('is two parts, Welsh first, each the whole report in its language', () => {
    const all = lines(bilingual);
    const titles = bilingual.paragraphs.filter((p) => p.style === 'Title').map((p) => p.text);
    expect(titles).toEqual([
      'PWNC: Adroddiad perfformiad Cynllun Gwella Corfforaethol 2017-18 Chwarter 4',
      'SUBJECT: Corporate Improvement Plan 2017-18 Quarter 4 performance report',
    ]);
    expect(all.slice(0, 7)).toEqual([
      'CYNGOR SIR POWYS COUNTY COUNCIL',
      'CABINET GWEITHREDOL',
      '10 Gorffennaf 2018',
      "AWDUR YR ADRODDIAD: [i'w ysgrifennu]",
      "[i'w ysgrifennu]",
      'PWNC: Adroddiad perfformiad Cynllun Gwella Corfforaethol 2017-18 Chwarter 4',
      'ADRODDIAD AR GYFER: Penderfyniad',
    ]);
    const headings = bilingual.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings.slice(0, 2)).toEqual(['1. Crynodeb', '2. Cynnig']);
    expect(headings).toContain('13. Buddiannau Aelodau');
    expect(headings.indexOf('Atodiad A: Cynllun Gwella Corfforaethol chwarter 4 2017-18 yn fanwl')).toBeLessThan(
      headings.indexOf('1. Summary'),
    );
    expect(all).toContain(`1.3 ${report.summary.sentencesCy![0]}`);
    expect(all).toContain(`1.3 ${report.summary.sentences[0]}`);
    for (const item of report.criticalItems) {
      expect(all).toContain(`Mater - ${item.issueCy}`);
      expect(all).toContain(`Issue - ${item.issue}`);
    }
    expect(all).toContain('Dysgu');
    expect(all).toContain('Statws RAG cyffredinol y Cynllun Gwella Corfforaethol ar gyfer chwarter 4 2017-18 yw AMBR');
  });

  it('marks the Welsh runs as Welsh and the English as English', () => {
    const langs = [...bilingual.xml('word/document.xml').getElementsByTagName('w:lang')].map((l) =>
      l.getAttribute('w:val'),
    );
    expect(langs).toContain('cy-GB');
    expect(langs).toContain('en-GB');
    expect(langs.indexOf('cy-GB')).toBeLessThan(langs.indexOf('en-GB'));
  });
});
