// The quarter report as a Word draft of the Cabinet report, laid out like the seed's: the
// frame (council, meeting, date, author and portfolio, subject, "REPORT FOR: Decision"),
// "1. Summary", "2. Proposal" (the critical items by programme as Measure / Issue /
// Remedial action), sections 3–13 with our figures where we have them and "[to be
// written]" where a person must write, the recommendation table, and "Appendix A" (a
// table per programme). With `reportLanguages` cy+en the draft is two parts, Welsh then
// English, each the whole report in its language. Real heading styles and repeated table
// header rows keep it navigable and accessible; every status is a word (its colour is only
// a cell shading beside it). docs/documents.md
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
import type { Language } from '../domain/language';
import type { QuarterReport } from '../domain/quarter-report';
import { englishOnly, type ReportLanguageOptions, reportIn } from '../domain/report-language';
import { withoutNonXmlDeep } from '../domain/text';
import type { ActionReportStatus, MeasureStatus, OverallStatus, ReportMeasure } from '../domain/types';
import {
  type DomainWords,
  fill,
  formatDate,
  periodLabel,
  quarterLabel,
  remedialActionNeeded,
  wordsFor,
} from '../domain/words';
import { formatFigure, formatTarget, statusColours, statusWord, trendWord } from './status-words';
import { englishInView, signOffNote, targetChangedNote } from './view';

/** What the draft says where EMT has recorded no remedial action yet (the seed's section 2 wording). */
export const remedialActionNeededText = remedialActionNeeded('en');

/** The seed's proposal, after its number "2.1 ". */
export const proposalSentence = wordsFor('en').outputs.proposal.replace(/^2\.1 /, '');

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
const locale: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB' };

type Block = Paragraph | Table;
type RunOptions = { bold?: boolean; color?: string; highlight?: 'yellow' };
/** Words in the part's language, or the plan's English in a Welsh part (a title or name it has no Welsh for). */
type Phrase = string | { text: string; language: Language };

/**
 * The writer of one language's part: every run carries its language, so Word checks the Welsh
 * as Welsh, and the plan's English shown in a Welsh part (`namesCy` say which names are Welsh)
 * is marked English (docs/cymraeg.md).
 */
function partWriter(language: Language, namesCy?: ReportLanguageOptions['namesCy']) {
  const lang = { value: locale[language] };
  const run = (phrase: Phrase, options: RunOptions = {}) =>
    typeof phrase === 'string'
      ? new TextRun({ text: phrase, language: lang, ...options })
      : new TextRun({ text: phrase.text, language: { value: locale[phrase.language] }, ...options });
  const english = englishInView(language, namesCy);
  /** An item's title, marked English where the plan has no Welsh one. */
  const titleOf = (item: { title: string; titleCy?: string }): Phrase =>
    english.title(item) ? { text: item.title, language: 'en' } : item.title;
  /** A programme's or directorate's name, marked English where the settings have no Welsh one. */
  const nameOf = (name: string): Phrase => (english.name(name) ? { text: name, language: 'en' } : name);
  const w = wordsFor(language);
  /** Where a person must write: "[to be written]", bold on yellow so it cannot be missed. */
  const toBeWritten = () => run(w.cabinet.toBeWritten, { bold: true, highlight: 'yellow' });
  const paragraph = (text: string) => new Paragraph({ children: [run(text)], spacing: { after: 120 } });
  const heading = (level: 1 | 2 | 3, text: Phrase) =>
    new Paragraph({
      heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
      children: [run(text)],
    });
  /** "Measure - title": the seed's labelled lines of section 2, label in bold. */
  const labelled = (label: string, text: Phrase) =>
    new Paragraph({ children: [run(`${label} - `, { bold: true }), run(text)], spacing: { after: 80 } });
  /** A question of the seed's frame with its answer left to be written: "Has this report been scrutinised? [to be written]". */
  const unanswered = (text: string) =>
    new Paragraph({ children: [run(`${text} `), toBeWritten()], spacing: { after: 120 } });
  const headerCell = (text: string, widthPercent: number) =>
    new TableCell({
      width: { size: widthPercent, type: WidthType.PERCENTAGE },
      shading: { type: ShadingType.CLEAR, fill: 'F3F2F1', color: 'auto' },
      children: [new Paragraph({ children: [run(text, { bold: true })] })],
    });
  const textCell = (lines: Phrase | Phrase[]) =>
    new TableCell({
      children: (Array.isArray(lines) ? lines : [lines]).map((line) => new Paragraph({ children: [run(line)] })),
    });
  /** The status in words, in bold on its colour: the colour never carries the meaning alone. */
  const statusCell = (status: MeasureStatus | ActionReportStatus | OverallStatus) => {
    const { background, color } = statusColours(status);
    return new TableCell({
      shading: { type: ShadingType.CLEAR, fill: background.slice(1), color: 'auto' },
      children: [
        new Paragraph({ children: [run(statusWord(status, language), { bold: true, color: color.slice(1) })] }),
      ],
    });
  };
  /** A table whose first row is a header row Word repeats at the top of every page it spans. */
  const table = (header: [string, number][], rows: TableRow[]) =>
    new Table({
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
  const row = (cells: TableCell[]) => new TableRow({ cantSplit: true, children: cells });
  return {
    language,
    w,
    run,
    titleOf,
    nameOf,
    toBeWritten,
    paragraph,
    heading,
    labelled,
    unanswered,
    textCell,
    statusCell,
    table,
    row,
  };
}
type PartWriter = ReturnType<typeof partWriter>;

const withUnit = (text: string, unit: string) => (text === '' ? '' : unit === '%' ? `${text}%` : text);

function measureRow(d: PartWriter, m: ReportMeasure) {
  const o = d.w.outputs;
  return d.row([
    // A return not signed off says so beside its title, as every other output does.
    d.textCell(
      m.signOff && m.signOff !== 'approved'
        ? [d.titleOf(m), signOffNote(m.signOff, undefined, d.language)]
        : d.titleOf(m),
    ),
    d.statusCell(m.status),
    d.textCell(withUnit(formatFigure(m.actual), m.unit)),
    // Moving goalposts stay visible: "target changed on <date>" under the target.
    d.textCell(
      m.targetChangedAfterStart
        ? [withUnit(formatTarget(m.target), m.unit), targetChangedNote(m.targetChangedAfterStart, d.language)]
        : withUnit(formatTarget(m.target), m.unit),
    ),
    d.textCell([
      fill(o.lastQuarter, { trend: trendWord(m.trend.previousQuarter, d.language) }),
      fill(o.lastYear, { trend: trendWord(m.trend.sameQuarterLastYear, d.language) }),
    ]),
    d.textCell(m.commentary ?? ''),
  ]);
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
  /** The languages, their titles and Welsh names, and the Cabinet frame (settings); absent: English only. */
  languages?: ReportLanguageOptions;
}

/** The Word draft of a quarter's report, as the bytes of a .docx file. */
export async function reportDocx(report: QuarterReport, options: DocxOptions): Promise<Buffer> {
  // Text stored before the one text rule (domain/text.ts) may hold characters XML cannot: dropped, so Word opens the file.
  return writeDocx(withoutNonXmlDeep(report), withoutNonXmlDeep(options));
}

/** The draft's title in `w`'s language: "Corporate Improvement Plan 2017-18 Quarter 4 performance report". */
const documentTitleOf = (w: DomainWords, title: string, quarter: string) =>
  fill(w.outputs.documentTitle, { title, year: yearOfPeriod(quarter), n: quarterNumber(quarter) });

/** The seed's opening: council, meeting, its date, author and portfolio, subject, "REPORT FOR: Decision". */
function frame(d: PartWriter, options: ReportLanguageOptions, documentTitle: string): Block[] {
  const given = options.cabinet?.[d.language] ?? {};
  const c = d.w.cabinet;
  const line = (text: string | undefined, bold = true) =>
    new Paragraph({ children: [text ? d.run(text, { bold }) : d.toBeWritten()], spacing: { after: 120 } });
  const date = options.cabinet?.meetingDate;
  const [authorBefore, authorAfter] = c.author.split('{author}') as [string, string];
  return [
    line(given.council),
    line(given.meeting),
    line(date ? formatDate(date, d.language) : undefined, false),
    new Paragraph({
      children: [
        d.run(authorBefore, { bold: true }),
        given.author ? d.run(given.author, { bold: true }) : d.toBeWritten(),
        d.run(authorAfter, { bold: true }),
      ],
    }),
    line(given.portfolio),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [d.run(fill(c.subject, { subject: documentTitle }))] }),
    d.paragraph(d.w.outputs.reportFor),
  ];
}

/** Sections 3–13 of the seed's report and its recommendation table: our words where we have them, else "[to be written]". */
function sectionsThreeToThirteen(d: PartWriter, title: string, year: string): Block[] {
  const c = d.w.cabinet;
  const placeholder = () => new Paragraph({ children: [d.toBeWritten()], spacing: { after: 120 } });
  const answer = (text: string) => d.row([d.textCell(text), new TableCell({ children: [placeholder()] })]);
  return [
    d.heading(1, c.options),
    placeholder(),
    d.heading(1, c.preferredChoice),
    placeholder(),
    d.heading(1, c.impactAssessment),
    d.unanswered(c.impactRequired),
    d.unanswered(c.impactAttached),
    d.heading(1, fill(c.plan, { title })),
    d.paragraph(fill(c.planText, { title, year })),
    d.heading(1, c.localMembers),
    placeholder(),
    d.heading(1, c.otherServices),
    d.unanswered(c.otherServicesQuestion),
    d.heading(1, c.communications),
    d.unanswered(c.communicationsQuestion),
    d.heading(1, c.supportServices),
    d.heading(2, c.legal),
    placeholder(),
    d.heading(2, c.finance),
    placeholder(),
    d.heading(1, c.scrutiny),
    d.unanswered(c.scrutinyQuestion),
    d.heading(1, c.statutoryOfficers),
    d.unanswered(c.monitoringOfficer),
    d.unanswered(c.section151Officer),
    d.heading(1, c.membersInterests),
    placeholder(),
    d.table(
      [
        [c.recommendation, 50],
        [c.reasonForRecommendation, 50],
      ],
      [
        d.row([d.textCell(c.recommendationText), d.textCell(fill(c.reasonText, { title, year }))]),
        ...[
          c.relevantPolicies,
          c.withinPolicy,
          c.withinBudget,
          c.relevantLocalMembers,
          c.implementers,
          c.implementBy,
          c.contactOfficer,
        ].map(answer),
      ],
    ),
  ];
}

/** One language's part: its front (portrait) and its Appendix A (landscape). */
function part(
  report: QuarterReport,
  options: ReportLanguageOptions,
  d: PartWriter,
): { documentTitle: string; front: Block[]; appendix: Block[] } {
  const { language, w } = d;
  const o = w.outputs;
  const title = options.titles[language];
  const year = yearOfPeriod(report.quarter);
  const n = quarterNumber(report.quarter);
  const documentTitle = documentTitleOf(w, title, report.quarter);
  const overall = statusWord(report.overall, language);
  const programmes = report.programmes.map((p) => p.name);
  const titles = new Map<string, string>([
    ...report.measures.map((m): [string, string] => [m.id, m.title]),
    ...report.actions.map((a): [string, string] => [a.id, a.title]),
  ]);

  const front: Block[] = [
    ...frame(d, options, documentTitle),
    d.paragraph(
      report.closed && report.closedAt
        ? fill(o.draftFrozen, { date: formatDate(report.closedAt, language) })
        : o.draftLive,
    ),
  ];
  if ((report.revision ?? 1) > 1) {
    front.push(
      new Paragraph({
        children: [d.run(fill(o.reissuedDocument, { revision: report.revision ?? 1 }), { bold: true })],
        spacing: { after: 120 },
      }),
    );
  }

  // 1. Summary, numbered as the seed numbers it.
  front.push(
    d.heading(1, o.summaryHeading),
    d.paragraph(fill(o.summaryIntro, { year, n, title })),
    d.paragraph(fill(o.summaryProgrammes, { year })),
    ...programmes.map(
      (name, i) =>
        new Paragraph({
          children: [d.run(d.nameOf(name))],
          indent: { left: 720 },
          spacing: { after: i === programmes.length - 1 ? 120 : 0 },
        }),
    ),
    d.paragraph(`1.3 ${report.summary.sentences[0] ?? ''}`),
    new Paragraph({
      children: [d.run(`${fill(o.overallSentence, { title, year, n })} `), d.run(overall, { bold: true })],
      spacing: { after: 120 },
    }),
    ...report.summary.sentences.slice(1).map(d.paragraph),
  );

  // 2. Proposal: the critical items grouped by programme, in the seed's labelled lines.
  front.push(d.heading(1, o.proposalHeading), d.paragraph(o.proposal));
  if (report.criticalItems.length === 0) front.push(d.paragraph(o.noCriticalItemsDocument));
  for (const [programme, items] of groupByProgramme(report.criticalItems)) {
    front.push(d.heading(2, d.nameOf(programme)));
    for (const item of items) {
      const remedial = item.remedialAction;
      const remedialText = remedial
        ? [
            remedial.text,
            remedial.owner ? ` (${fill(o.owner, { owner: remedial.owner })})` : '',
            remedial.dueDate ? ` (${fill(o.due, { date: formatDate(remedial.dueDate, language) })})` : '',
          ].join('')
        : remedialActionNeeded(language);
      front.push(
        d.labelled(item.kind === 'measure' ? o.measure : o.plannedWork, d.titleOf(item)),
        d.labelled(o.issue, item.issue),
        new Paragraph({
          children: [d.run(`${o.remedialAction} - `, { bold: true }), d.run(remedialText, { bold: !remedial })],
          spacing: { after: 240 },
        }),
      );
    }
  }

  // Writes after close: the frozen figures stand until a reissue, so say what changed.
  const amendments = report.amendments ?? [];
  if (amendments.length > 0) {
    front.push(
      d.heading(2, o.amendmentsHeading),
      d.paragraph(o.amendmentsIntro),
      d.table(
        [
          [o.amendedItem, 40],
          [o.period, 20],
          [o.versionAtClose, 15],
          [o.amendedTo, 25],
        ],
        amendments.map((a) =>
          d.row([
            d.textCell(titles.get(a.id) ?? a.id),
            d.textCell(periodLabel(a.period, language)),
            d.textCell(a.frozenVersion === null ? o.none : String(a.frozenVersion)),
            d.textCell(
              fill(o.versionValue, {
                version: a.version,
                value:
                  a.kind === 'result' ? formatNumber(a.value) : statusWord(a.status as ActionReportStatus, language),
              }),
            ),
          ]),
        ),
      ),
    );
  }
  front.push(...sectionsThreeToThirteen(d, title, year));

  // Appendix A: landscape, a heading per programme, its measures and planned work.
  const appendix: Block[] = [d.heading(1, fill(o.appendixHeading, { title, year, n }))];
  const measuresBy = groupByProgramme(report.measures);
  const actionsBy = groupByProgramme(report.actions);
  for (const rollUp of report.programmes) {
    const measures = measuresBy.get(rollUp.name) ?? [];
    const actions = actionsBy.get(rollUp.name) ?? [];
    appendix.push(
      d.heading(2, d.nameOf(rollUp.name)),
      new Paragraph({
        children: [d.run(`${o.overallStatus} `), d.run(statusWord(rollUp.overall, language), { bold: true })],
        spacing: { after: 120 },
      }),
      ...rollUp.summary.sentences.map(d.paragraph),
      d.heading(3, fill(o.programmeMeasures, { programme: rollUp.name })),
      measures.length === 0
        ? d.paragraph(o.noMeasures)
        : d.table(
            [
              [o.measure, 28],
              [o.status, 10],
              [o.actual, 9],
              [o.target, 9],
              [o.trend, 18],
              [o.commentary, 26],
            ],
            measures.map((m) => measureRow(d, m)),
          ),
      d.heading(3, fill(o.programmePlannedWork, { programme: rollUp.name })),
      actions.length === 0
        ? d.paragraph(o.noPlannedWork)
        : d.table(
            [
              [o.plannedWork, 40],
              [o.brag, 12],
              [o.commentary, 48],
            ],
            actions.map((a) =>
              d.row([d.textCell(d.titleOf(a)), d.statusCell(a.status), d.textCell(a.commentary ?? '')]),
            ),
          ),
    );
  }
  return { documentTitle, front, appendix };
}

async function writeDocx(report: QuarterReport, options: DocxOptions): Promise<Buffer> {
  const languages = options.languages ?? englishOnly(options.title);
  const parts = languages.languages.map((language) =>
    part(reportIn(report, language, languages), languages, partWriter(language, languages.namesCy)),
  );
  const a4 = { width: 11906, height: 16838 };
  const margin = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
  const sections = languages.languages.flatMap((language, i) => {
    const { documentTitle, front, appendix } = parts[i]!;
    const d = partWriter(language);
    const footer = new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            d.run(`${documentTitle} · ${d.w.outputs.page} `),
            new TextRun({ children: [PageNumber.CURRENT] }),
            d.run(` ${d.w.outputs.of} `),
            new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
          ],
        }),
      ],
    });
    return [
      { properties: { page: { size: a4, margin } }, footers: { default: footer }, children: front },
      {
        properties: { page: { size: { ...a4, orientation: PageOrientation.LANDSCAPE }, margin } },
        footers: { default: footer },
        children: appendix,
      },
    ];
  });
  const documentTitle = parts.map((p) => p.documentTitle).join(' / ');
  const heading = languages.languages.map((l) => `${languages.titles[l]} ${quarterLabel(report.quarter, l)}`);
  const document = new Document({
    title: documentTitle,
    subject: heading.join(' / '),
    creator: 'Ragtime',
    description: `Draft Cabinet report for ${quarterLabel(report.quarter, 'en')}${report.plan ? ` (plan ${report.plan})` : ''}, overall ${statusWord(report.overall)}`,
    lastModifiedBy: 'Ragtime',
    revision: report.revision ?? 1,
    styles: {
      default: {
        document: { run: { font, size: 22, language: { value: locale[languages.languages[0]!] } } },
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
    sections,
  });
  // docx sets the document properties' created and modified times to now.
  return Packer.toBuffer(document);
}
