// The Word draft of the seed quarter (the sample plan's 2017-18 Q4), opened as Word
// would open it: unzipped and its XML parsed. docs/documents.md
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../lambdas/domain/types';
import { proposalSentence, remedialActionNeededText, reportDocx } from '../../lambdas/render/report-docx';
import type { QuarterReport } from '../../lambdas/services/report';
import { type DocxContents, readDocx, rowCells } from '../support/office';
import { sampleReport } from '../support/sample-report';

const title = 'Corporate Improvement Plan';

let report: Report;
let docx: DocxContents;

/** The top-level paragraphs and tables between two Heading 1 paragraphs (the first starting with `from`). */
function section(from: string) {
  const start = docx.blocks.findIndex(
    (b) => b.kind === 'paragraph' && b.paragraph.style === 'Heading1' && b.paragraph.text.startsWith(from),
  );
  expect(start, `a Heading 1 "${from}"`).toBeGreaterThanOrEqual(0);
  const end = docx.blocks.findIndex((b, i) => i > start && b.kind === 'paragraph' && b.paragraph.style === 'Heading1');
  return docx.blocks.slice(start + 1, end === -1 ? undefined : end);
}
/** `<w:tblHeader/>` on, as Word reads it: no w:val, or a true one. */
const repeatsAsHeader = (row: Element) =>
  [...row.getElementsByTagName('w:tblHeader')].some((h) => !/^(false|0|off)$/.test(h.getAttribute('w:val') ?? ''));
const texts = (blocks: DocxContents['blocks']) =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.paragraph.text] : []));

beforeAll(async () => {
  report = sampleReport();
  docx = readDocx(await reportDocx(report, { title }));
});

describe('the Word draft of the seed quarter', () => {
  it('states both summary sentences exactly and the overall status AMBER in "1. Summary"', () => {
    expect(report.summary.sentences).toEqual([
      'At the end of March 2018 (Q4), 75% of planned work received a BRAG status of blue or green with 25% indicating amber or red.',
      'Out of the 35 measures, 32% met target. 57% were off target and 34% off target by more than 10%. 11% had no data.',
    ]);
    const summary = texts(section('1. Summary'));
    expect(summary).toContain(`1.3 ${report.summary.sentences[0]}`);
    expect(summary).toContain(report.summary.sentences[1]);
    expect(summary).toContain(
      'The overall RAG status of the Corporate Improvement Plan for 2017-18 quarter 4 is AMBER',
    );
  });

  it('lists every critical item in "2. Proposal" as Measure / Issue / Remedial action, by programme', () => {
    const proposal = section('2. Proposal');
    const lines = texts(proposal);
    expect(lines[0]).toBe(`2.1 ${proposalSentence}`);
    expect(lines[0]).toContain(
      'It is proposed that Cabinet consider the detail within Appendix A and agree the Management Team remedial actions for the Critical Items',
    );
    expect(report.criticalItems.length).toBeGreaterThan(5);
    for (const item of report.criticalItems) {
      const at = lines.indexOf(`${item.kind === 'measure' ? 'Measure' : 'Planned work'} - ${item.title}`);
      expect(at, item.title).toBeGreaterThan(0);
      expect(lines[at + 1]).toBe(`Issue - ${item.issue}`);
      expect(lines[at + 2]).toBe(`Remedial action - ${remedialActionNeededText}`);
      // Under its programme's Heading 2.
      const heading = proposal
        .slice(
          0,
          proposal.findIndex((b) => b.kind === 'paragraph' && b.paragraph.text === lines[at]),
        )
        .filter((b) => b.kind === 'paragraph' && b.paragraph.style === 'Heading2')
        .at(-1);
      expect(heading?.kind === 'paragraph' && heading.paragraph.text, item.title).toBe(item.programme);
    }
  });

  it('shows EMT\'s remedial action, with its owner and due date, in place of "Remedial action needed"', async () => {
    const [first] = report.criticalItems;
    const withAction: Report = {
      ...report,
      criticalItems: report.criticalItems.map((item) =>
        item === first
          ? { ...item, remedialAction: { text: 'Revise the policy.', owner: 'EMT', dueDate: '2018-09-30' } }
          : item,
      ),
    };
    const lines = texts(readDocx(await reportDocx(withAction, { title })).blocks);
    const at = lines.indexOf(`Measure - ${first!.title}`);
    expect(lines[at + 2]).toBe('Remedial action - Revise the policy. (owner: EMT) (due 30 September 2018)');
  });

  it("gives each programme a table in Appendix A with one row per measure, and its planned work's BRAG", () => {
    const appendix = section('Appendix A');
    for (const programme of report.programmes) {
      const measures = report.measures.filter((m) => m.programme === programme.name);
      const at = appendix.findIndex(
        (b) => b.kind === 'paragraph' && b.paragraph.text === `${programme.name}: measures`,
      );
      const table = appendix[at + 1];
      expect(table?.kind, programme.name).toBe('table');
      if (table?.kind !== 'table') continue;
      expect(rowCells(table.rows[0]!)).toEqual(['Measure', 'Status', 'Actual', 'Target', 'Trend', 'Commentary']);
      expect(table.rows.slice(1).map((row) => rowCells(row)[0])).toEqual(measures.map((m) => m.title));
      const statusWords = table.rows.slice(1).map((row) => rowCells(row)[1]);
      expect(statusWords).toEqual(measures.map((m) => m.status.toUpperCase().replace('-', ' ')));

      const actions = report.actions.filter((a) => a.programme === programme.name);
      const work =
        appendix[
          appendix.findIndex((b) => b.kind === 'paragraph' && b.paragraph.text === `${programme.name}: planned work`) +
            1
        ];
      if (actions.length === 0 || work?.kind !== 'table') {
        expect(actions).toHaveLength(0);
        continue;
      }
      expect(work.rows.slice(1).map((row) => rowCells(row).slice(0, 2))).toEqual(
        actions.map((a) => [a.title, a.status.toUpperCase().replace('-', ' ')]),
      );
    }
  });

  it('says "target changed on <date>" beside a target set or changed after the quarter began', async () => {
    const [first] = report.measures;
    const moved: Report = {
      ...report,
      measures: report.measures.map((m) => (m === first ? { ...m, targetChangedAfterStart: '2018-02-14' } : m)),
    };
    const rows = readDocx(await reportDocx(moved, { title })).blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
    const row = rows.map(rowCells).find((cells) => cells[0] === first!.title)!;
    expect(row[3]).toMatch(/target changed on 14 February 2018$/);
    const others = rows.map(rowCells).filter((cells) => cells[0] !== first!.title);
    expect(others.some((cells) => cells.join(' ').includes('target changed'))).toBe(false);
  });

  it('uses Word heading styles for its headings', () => {
    const headings = docx.paragraphs.filter((p) => /^Heading\d$/.test(p.style ?? ''));
    expect(headings.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      '1. Summary',
      '2. Proposal',
      // The seed report's sections 3–13, for the performance team to finish (docs/documents.md).
      '3. Options Considered / Available',
      '4. Preferred Choice and Reasons',
      '5. Impact Assessment',
      '6. Corporate Improvement Plan',
      '7. Local Member(s)',
      '8. Other Front Line Services',
      '9. Communications',
      '10. Support Services (Legal, Finance, Corporate Property, HR, ICT, Business Services)',
      '11. Scrutiny',
      '12. Statutory Officers',
      "13. Members' Interests",
      'Appendix A: Corporate Improvement Plan 2017-18 quarter 4 in detail',
    ]);
    const heading2 = headings.filter((p) => p.style === 'Heading2').map((p) => p.text);
    for (const programme of report.programmes) expect(heading2).toContain(programme.name);
    expect(docx.paragraphs.find((p) => p.style === 'Title')?.text).toBe(
      'SUBJECT: Corporate Improvement Plan 2017-18 Quarter 4 performance report',
    );
    // The styles exist in the document, so Word's navigation pane lists them.
    const styleIds = [...docx.xml('word/styles.xml').getElementsByTagName('w:style')].map((s) =>
      s.getAttribute('w:styleId'),
    );
    expect(styleIds).toEqual(expect.arrayContaining(['Title', 'Heading1', 'Heading2', 'Heading3']));
  });

  it("marks every table's first row as a header row repeated on each page", () => {
    const tables = [...docx.xml('word/document.xml').getElementsByTagName('w:tbl')];
    expect(tables.length).toBeGreaterThanOrEqual(report.programmes.length);
    for (const table of tables) {
      const rows = [...table.children].filter((c) => c.tagName === 'w:tr');
      expect(repeatsAsHeader(rows[0]!)).toBe(true);
      for (const row of rows.slice(1)) expect(repeatsAsHeader(row)).toBe(false);
    }
  });

  it('sets the language to en-GB, the title and creation time in its properties, and has no images', () => {
    const lang = [...docx.xml('word/styles.xml').getElementsByTagName('w:lang')].map((l) => l.getAttribute('w:val'));
    expect(lang).toContain('en-GB');
    const core = docx.xml('docProps/core.xml');
    expect(core.getElementsByTagName('dc:title')[0]?.textContent).toBe(
      'Corporate Improvement Plan 2017-18 Quarter 4 performance report',
    );
    const created = Date.parse(core.getElementsByTagName('dcterms:created')[0]?.textContent ?? '');
    expect(Math.abs(Date.now() - created)).toBeLessThan(5 * 60_000);
    expect(docx.files.filter((f) => f.startsWith('word/media/'))).toEqual([]);
    expect(docx.text('word/document.xml')).not.toMatch(/<w:drawing|<w:pict/);
  });

  it('says it is a live preview before close, and marks a reissue and the amendments since close', async () => {
    expect(texts(docx.blocks).join('\n')).toContain('this quarter is not closed yet');
    const reissued: QuarterReport = {
      ...report,
      closed: true,
      closedAt: '2018-04-10T06:00:00.000Z',
      revision: 2,
      amendments: [
        {
          kind: 'result',
          id: report.measures[0]!.id,
          period: '2017-18-Q4',
          frozenVersion: 1,
          frozenValue: 5,
          version: 2,
          value: 42,
        },
      ],
    };
    const reread = readDocx(await reportDocx(reissued, { title }));
    const all = texts(reread.blocks).join('\n');
    expect(all).toContain("frozen at the quarter's close on 10 April 2018");
    expect(all).toContain('Reissued: revision 2. This replaces the report issued earlier for this quarter.');
    const amendments = reread.blocks.find(
      (b) => b.kind === 'table' && rowCells(b.rows[0]!)[0] === 'Measure or planned work',
    );
    expect(amendments?.kind === 'table' && amendments.rows.slice(1).map(rowCells)).toEqual([
      [report.measures[0]!.title, '2017-18 Q4', '1', 'version 2: 42'],
    ]);
  });
});
