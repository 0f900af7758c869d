// The quarter report as a Word draft laid out like the seed's Cabinet report:
// "1. Summary", "2. Proposal" (the critical items by programme as Measure / Issue /
// Remedial action) and "Appendix A" (a table per programme). Real heading styles and
// repeated table header rows keep it navigable and accessible; every status is a word
// (its colour is only a cell shading beside it). docs/documents.md
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { quarterNumber, yearOfPeriod } from '../domain';
import { formatNumber } from '../domain/format';
import type { QuarterReport } from '../domain/quarter-report';
import { withoutNonXmlDeep } from '../domain/text';
import type { ActionReportStatus, MeasureStatus, OverallStatus, ReportMeasure } from '../domain/types';
import { formatDate, periodLabel, quarterLabel } from '../domain/words';
import { formatFigure, formatTarget, statusColours, statusWord, trendWord } from './status-words';
import { signOffNote, targetChangedNote } from './view';

/** What the draft says where EMT has recorded no remedial action yet (the seed's section 2 wording). */
export const remedialActionNeededText = 'Remedial action needed';

export const proposalSentence =
  'It is proposed that Cabinet consider the detail within Appendix A and agree the Management Team remedial actions for the Critical Items to ensure that performance improves in these areas. The critical items are as follows:';

const font = 'Arial';
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' };
/** On the table, not on each cell: a 10,000-measure appendix builds and writes far fewer elements. */
const borders = {
  top: cellBorder,
  bottom: cellBorder,
  left: cellBorder,
  right: cellBorder,
  insideHorizontal: cellBorder,
  insideVertical: cellBorder,
};

const paragraph = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });

/** "Measure - title": the seed's labelled lines of section 2, label in bold. */
const labelled = (label: string, text: string) =>
  new Paragraph({
    children: [new TextRun({ text: `${label} - `, bold: true }), new TextRun(text)],
    spacing: { after: 80 },
  });

function headerCell(text: string, widthPercent: number) {
  return new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    shading: { type: ShadingType.CLEAR, fill: 'F3F2F1', color: 'auto' },
    children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })],
  });
}

function textCell(lines: string | string[]) {
  const all = Array.isArray(lines) ? lines : [lines];
  return new TableCell({ children: all.map((line) => new Paragraph({ children: [new TextRun(line)] })) });
}

/** The status in words, in bold on its colour: the colour never carries the meaning alone. */
function statusCell(status: MeasureStatus | ActionReportStatus | OverallStatus) {
  const { background, color } = statusColours(status);
  return new TableCell({
    shading: { type: ShadingType.CLEAR, fill: background.slice(1), color: 'auto' },
    children: [
      new Paragraph({ children: [new TextRun({ text: statusWord(status), bold: true, color: color.slice(1) })] }),
    ],
  });
}

/** A table whose first row is a header row Word repeats at the top of every page it spans. */
function table(header: [string, number][], rows: TableRow[]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map(([text, width]) => headerCell(text, width)),
      }),
      ...rows,
    ],
  });
}

const withUnit = (text: string, unit: string) => (text === '' ? '' : unit === '%' ? `${text}%` : text);

function measureRow(m: ReportMeasure) {
  return new TableRow({
    cantSplit: true,
    children: [
      // A return not signed off says so beside its title, as every other output does.
      textCell(m.signOff && m.signOff !== 'approved' ? [m.title, signOffNote(m.signOff)] : m.title),
      statusCell(m.status),
      textCell(withUnit(formatFigure(m.actual), m.unit)),
      // Moving goalposts stay visible: "target changed on <date>" under the target.
      textCell(
        m.targetChangedAfterStart
          ? [withUnit(formatTarget(m.target), m.unit), targetChangedNote(m.targetChangedAfterStart)]
          : withUnit(formatTarget(m.target), m.unit),
      ),
      textCell([
        `Last quarter: ${trendWord(m.trend.previousQuarter)}`,
        `Last year: ${trendWord(m.trend.sameQuarterLastYear)}`,
      ]),
      textCell(m.commentary ?? ''),
    ],
  });
}

function groupByProgramme<T extends { programme: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.programme);
    if (group) group.push(item);
    else groups.set(item.programme, [item]);
  }
  return groups;
}

export interface DocxOptions {
  /** The report title (the plan's name with `?plan=`), e.g. "Corporate Improvement Plan". */
  title: string;
}

/** The Word draft of a quarter's report, as the bytes of a .docx file. */
export async function reportDocx(report: QuarterReport, options: DocxOptions): Promise<Buffer> {
  // Text stored before the one text rule (domain/text.ts) may hold characters XML cannot: dropped, so Word opens the file.
  return writeDocx(withoutNonXmlDeep(report), withoutNonXmlDeep(options));
}

async function writeDocx(report: QuarterReport, options: DocxOptions): Promise<Buffer> {
  const year = yearOfPeriod(report.quarter);
  const q = quarterNumber(report.quarter);
  const documentTitle = `${options.title} ${year} Quarter ${q} performance report`;
  const overall = statusWord(report.overall);
  const programmes = report.programmes.map((p) => p.name);
  const titles = new Map<string, string>([
    ...report.measures.map((m): [string, string] => [m.id, m.title]),
    ...report.actions.map((a): [string, string] => [a.id, a.title]),
  ]);

  const front: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(documentTitle)] }),
    paragraph('REPORT FOR: Decision'),
    paragraph(
      report.closed && report.closedAt
        ? `Draft generated by Ragtime from the figures frozen at the quarter's close on ${formatDate(report.closedAt, 'en')}.`
        : 'Draft generated by Ragtime from a live preview: this quarter is not closed yet and its figures may change.',
    ),
  ];
  if ((report.revision ?? 1) > 1) {
    front.push(
      new Paragraph({
        children: [
          new TextRun({
            text: `Reissued: revision ${report.revision}. This replaces the report issued earlier for this quarter.`,
            bold: true,
          }),
        ],
        spacing: { after: 120 },
      }),
    );
  }

  // 1. Summary, numbered as the seed numbers it.
  front.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('1. Summary')] }),
    paragraph(`1.1 This report provides the ${year} quarter ${q} update against the ${options.title}.`),
    paragraph(
      `1.2 A detailed report is attached in Appendix A which sets out progress against the ${year} programmes, which were:`,
    ),
    ...programmes.map(
      (name, i) =>
        new Paragraph({
          children: [new TextRun(name)],
          indent: { left: 720 },
          spacing: { after: i === programmes.length - 1 ? 120 : 0 },
        }),
    ),
    paragraph(`1.3 ${report.summary.sentences[0] ?? ''}`),
    new Paragraph({
      children: [
        new TextRun(`The overall RAG status of the ${options.title} for ${year} quarter ${q} is `),
        new TextRun({ text: overall, bold: true }),
      ],
      spacing: { after: 120 },
    }),
    ...report.summary.sentences.slice(1).map(paragraph),
  );

  // 2. Proposal: the critical items grouped by programme, in the seed's labelled lines.
  front.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('2. Proposal')] }),
    paragraph(`2.1 ${proposalSentence}`),
  );
  if (report.criticalItems.length === 0) front.push(paragraph('There are no critical items this quarter.'));
  for (const [programme, items] of groupByProgramme(report.criticalItems)) {
    front.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(programme)] }));
    for (const item of items) {
      const remedial = item.remedialAction;
      const remedialText = remedial
        ? [
            remedial.text,
            remedial.owner ? ` (owner: ${remedial.owner})` : '',
            remedial.dueDate ? ` (due ${formatDate(remedial.dueDate, 'en')})` : '',
          ].join('')
        : remedialActionNeededText;
      front.push(
        labelled(item.kind === 'measure' ? 'Measure' : 'Planned work', item.title),
        labelled('Issue', item.issue),
        new Paragraph({
          children: [
            new TextRun({ text: 'Remedial action - ', bold: true }),
            new TextRun({ text: remedialText, bold: !remedial }),
          ],
          spacing: { after: 240 },
        }),
      );
    }
  }

  // Writes after close: the frozen figures stand until a reissue, so say what changed.
  const amendments = report.amendments ?? [];
  if (amendments.length > 0) {
    front.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Amendments since close')] }),
      paragraph(
        'These returns were amended after the quarter closed. The figures in this report are those frozen at close until the report is reissued.',
      ),
      table(
        [
          ['Measure or planned work', 40],
          ['Period', 20],
          ['Version at close', 15],
          ['Amended to', 25],
        ],
        amendments.map(
          (a) =>
            new TableRow({
              cantSplit: true,
              children: [
                textCell(titles.get(a.id) ?? a.id),
                textCell(periodLabel(a.period, 'en')),
                textCell(a.frozenVersion === null ? 'none' : String(a.frozenVersion)),
                textCell(
                  a.kind === 'result'
                    ? `version ${a.version}: ${formatNumber(a.value)}`
                    : `version ${a.version}: ${a.status.toUpperCase()}`,
                ),
              ],
            }),
        ),
      ),
    );
  }

  // Appendix A: landscape, a heading per programme, its measures and planned work.
  const appendix: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun(`Appendix A: ${options.title} ${year} quarter ${q} in detail`)],
    }),
  ];
  const measuresBy = groupByProgramme(report.measures);
  const actionsBy = groupByProgramme(report.actions);
  for (const rollUp of report.programmes) {
    const measures = measuresBy.get(rollUp.name) ?? [];
    const actions = actionsBy.get(rollUp.name) ?? [];
    appendix.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(rollUp.name)] }),
      new Paragraph({
        children: [new TextRun('Overall status: '), new TextRun({ text: statusWord(rollUp.overall), bold: true })],
        spacing: { after: 120 },
      }),
      ...rollUp.summary.sentences.map(paragraph),
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`${rollUp.name}: measures`)] }),
    );
    appendix.push(
      measures.length === 0
        ? paragraph('No measures this quarter.')
        : table(
            [
              ['Measure', 28],
              ['Status', 10],
              ['Actual', 9],
              ['Target', 9],
              ['Trend', 18],
              ['Commentary', 26],
            ],
            measures.map(measureRow),
          ),
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`${rollUp.name}: planned work`)] }),
      actions.length === 0
        ? paragraph('No planned work due this quarter.')
        : table(
            [
              ['Planned work', 40],
              ['BRAG', 12],
              ['Commentary', 48],
            ],
            actions.map(
              (a) =>
                new TableRow({
                  cantSplit: true,
                  children: [textCell(a.title), statusCell(a.status), textCell(a.commentary ?? '')],
                }),
            ),
          ),
    );
  }

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun(`${documentTitle} · page `),
          new TextRun({ children: [PageNumber.CURRENT] }),
          new TextRun(' of '),
          new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
  const a4 = { width: 11906, height: 16838 };
  const margin = { top: 1134, bottom: 1134, left: 1134, right: 1134 };

  const document = new Document({
    title: documentTitle,
    subject: `${options.title} ${quarterLabel(report.quarter, 'en')}`,
    creator: 'Ragtime',
    description: `Draft Cabinet report for ${quarterLabel(report.quarter, 'en')}${report.plan ? ` (plan ${report.plan})` : ''}, overall ${overall}`,
    lastModifiedBy: 'Ragtime',
    revision: report.revision ?? 1,
    styles: {
      default: {
        document: { run: { font, size: 22, language: { value: 'en-GB' } } },
        title: { run: { font, size: 36, bold: true, color: '0B0C0C' } },
        heading1: {
          run: { font, size: 30, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font, size: 26, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { before: 200, after: 100 } },
        },
        heading3: {
          run: { font, size: 22, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { before: 160, after: 80 } },
        },
      },
    },
    sections: [
      { properties: { page: { size: a4, margin } }, footers: { default: footer }, children: front },
      {
        properties: {
          page: { size: { ...a4, orientation: PageOrientation.LANDSCAPE }, margin },
        },
        footers: { default: footer },
        children: appendix,
      },
    ],
  });
  // docx sets the document properties' created and modified times to now.
  return Packer.toBuffer(document);
}
