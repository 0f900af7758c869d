// "One truth" (issue #22): the facts a quarter's report states, read back from each place
// that states them (the JSON report, the EMT email, the Word draft, the Excel workbook, the
// dashboard), so a test can ask that every place says the same. Each reader returns only
// the facts its place carries.

import type ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { DocxContents } from './office';
import { rowCells } from './office';

/** A critical item as every output names it: the title and the remedial action in words. */
export interface CriticalFact {
  title: string;
  /** The remedial action's text, or `Remedial action needed`. */
  remedialAction: string;
}

export interface ReportFacts {
  /** The overall status in words: `AMBER`. */
  overall: string;
  /** Sorted by title: the outputs group them differently (by programme, by rule). */
  criticalItems: CriticalFact[];
  /** How many measures have each counted status. */
  measures: { GREEN: number; AMBER: number; RED: number; 'NO DATA': number };
  /** Planned work in the parts every output can give (the email merges blue and green). */
  plannedWork: { blueOrGreen: number; amberOrRed: number; noUpdate: number };
  /** The titles of the returns counted at the close without an approval ("not signed off"), sorted. */
  notSignedOff: string[];
}

/** What the JSON report (GET /reports, a close's or reissue's answer, a preview) needs for its facts. */
export interface ReportJson {
  overall: string;
  criticalItems: { title: string; remedialAction: { text: string } | null }[];
  measures: { title: string; status: string; signOff?: string }[];
  actions: { title: string; status: string; signOff?: string }[];
  summary: { sentences: string[] };
}

const needed = 'Remedial action needed';
const byTitle = (items: CriticalFact[]) => [...items].sort((a, b) => a.title.localeCompare(b.title));
const remedial = (text: string) => (/^remedial action needed$/i.test(text.trim()) ? needed : text.trim());

function countMeasures(statuses: string[]): ReportFacts['measures'] {
  const count = (word: string) => statuses.filter((s) => s === word).length;
  return { GREEN: count('GREEN'), AMBER: count('AMBER'), RED: count('RED'), 'NO DATA': count('NO DATA') };
}

function countPlannedWork(statuses: string[]): ReportFacts['plannedWork'] {
  const count = (...words: string[]) => statuses.filter((s) => words.includes(s)).length;
  return { blueOrGreen: count('BLUE', 'GREEN'), amberOrRed: count('AMBER', 'RED'), noUpdate: count('NO UPDATE') };
}

const word = (status: string) => status.replace('-', ' ').toUpperCase();

/** The facts of a JSON report: the truth the other places are held to. */
export function jsonFacts(report: ReportJson): ReportFacts {
  return {
    overall: word(report.overall),
    criticalItems: byTitle(
      report.criticalItems.map((c) => ({ title: c.title, remedialAction: c.remedialAction?.text ?? needed })),
    ),
    measures: countMeasures(report.measures.map((m) => word(m.status))),
    plannedWork: countPlannedWork(report.actions.map((a) => word(a.status))),
    notSignedOff: [...report.measures, ...report.actions]
      .filter((item) => item.signOff === 'not-signed-off')
      .map((item) => item.title)
      .sort(),
  };
}

const flagged = 'not signed off';

/** The report but for its timestamps (when it closed, when the email went, the email's state). */
export function untimed({ closedAt, emailedAt, email, ...rest }: Record<string, unknown>) {
  const { subject, recipients } = email as { subject: string; recipients: string[] };
  return { ...rest, email: { subject, recipients } };
}

/** `Measure - title` (or `Planned work - title`) … `Remedial action - text`, as the email and the Word draft list them. */
function listedCriticalItems(lines: string[]): CriticalFact[] {
  const items: CriticalFact[] = [];
  let title: string | null = null;
  for (const line of lines) {
    // The email's text part follows a title with its critical item page's address, in brackets.
    const subject = /^(?:Measure|Planned work) - (.*?)(?: \(https?:\/\/\S+\/critical-items\/\S+\))?$/.exec(line);
    if (subject) title = subject[1]!;
    const action = /^Remedial action - (.*)$/.exec(line);
    if (action && title !== null) {
      items.push({ title, remedialAction: remedial(action[1]!) });
      title = null;
    }
  }
  return byTitle(items);
}

/** The EMT email's plain-text part: heading, programme lines (summed) and critical items. */
export function emailFacts(text: string): ReportFacts {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const overall = lines.map((l) => /: overall ([A-Z ]+)$/.exec(l)?.[1]).find((w) => w !== undefined) ?? '';
  const measures = { GREEN: 0, AMBER: 0, RED: 0, 'NO DATA': 0 };
  const plannedWork = { blueOrGreen: 0, amberOrRed: 0, noUpdate: 0 };
  const programme =
    /^- .+: [A-Z ]+; planned work (\d+) blue\/green, (\d+) amber\/red, (\d+) no update; measures (\d+) of \d+ met, (\d+) amber, (\d+) red, (\d+) no data$/;
  for (const line of lines) {
    const m = programme.exec(line)?.slice(1).map(Number);
    if (!m) continue;
    plannedWork.blueOrGreen += m[0]!;
    plannedWork.amberOrRed += m[1]!;
    plannedWork.noUpdate += m[2]!;
    measures.GREEN += m[3]!;
    measures.AMBER += m[4]!;
    measures.RED += m[5]!;
    measures['NO DATA'] += m[6]!;
  }
  // `Not signed off`, underlined, then `- title: not signed off` lines until a blank one.
  const notSignedOff: string[] = [];
  const heading = lines.indexOf('Not signed off');
  for (const line of lines.slice(heading + 2)) {
    const item = /^- (.*): not signed off$/.exec(line);
    if (heading < 0 || !item) break;
    notSignedOff.push(item[1]!);
  }
  return {
    overall,
    criticalItems: listedCriticalItems(lines),
    measures,
    plannedWork,
    notSignedOff: notSignedOff.sort(),
  };
}

/** The Word draft: the overall line of section 1, the critical items of section 2, the appendix's tables. */
export function docxFacts(docx: DocxContents): ReportFacts {
  const texts = docx.paragraphs.map((p) => p.text);
  const overall = texts.map((t) => /^The overall RAG status of .* is ([A-Z ]+)$/.exec(t)?.[1]).find(Boolean) ?? '';
  const appendix = texts.findIndex((t) => t.startsWith('Appendix A'));
  const measureStatuses: string[] = [];
  const workStatuses: string[] = [];
  const notSignedOff: string[] = [];
  let heading = '';
  for (const block of docx.blocks) {
    if (block.kind === 'paragraph') {
      if (block.paragraph.style === 'Heading3') heading = block.paragraph.text;
      continue;
    }
    // The appendix's tables: a header row, then one row per measure (Status) or planned work (BRAG), second column.
    const statuses = block.rows.slice(1).map((row) => rowCells(row)[1] ?? '');
    // A return not signed off has the words under its title, in the title's cell.
    for (const row of block.rows.slice(1)) {
      const title = rowCells(row)[0] ?? '';
      if (title.endsWith(flagged)) notSignedOff.push(title.slice(0, -flagged.length));
    }
    if (heading.endsWith(': measures')) measureStatuses.push(...statuses);
    else if (heading.endsWith(': planned work')) workStatuses.push(...statuses);
  }
  return {
    overall,
    criticalItems: listedCriticalItems(appendix < 0 ? texts : texts.slice(0, appendix)),
    measures: countMeasures(measureStatuses),
    plannedWork: countPlannedWork(workStatuses),
    notSignedOff: notSignedOff.sort(),
  };
}

/** A sheet's rows as objects keyed by its header row (row 1). */
export function sheetRows(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    if (values.length === 0) continue;
    rows.push(Object.fromEntries(header.map((name, i) => [name, values[i] ?? null])));
  }
  return rows;
}

/** The Excel workbook: the Summary sheet's overall line and the Measures, Planned work and Critical items sheets. */
export function xlsxFacts(workbook: ExcelJS.Workbook): ReportFacts {
  const sheet = (name: string) => {
    const found = workbook.getWorksheet(name);
    if (!found) throw new Error(`no ${name} sheet in the workbook`);
    return found;
  };
  const summary = sheet('Summary');
  const lines = Array.from({ length: summary.rowCount }, (_, r) => String(summary.getCell(r + 1, 1).value ?? ''));
  const overall = lines.map((l) => /^Overall status: ([A-Z ]+)$/.exec(l)?.[1]).find(Boolean) ?? '';
  return {
    overall,
    criticalItems: byTitle(
      sheetRows(sheet('Critical items')).map((row) => ({
        title: String(row['Measure or planned work']),
        remedialAction: remedial(String(row['Remedial action'] ?? '')),
      })),
    ),
    measures: countMeasures(sheetRows(sheet('Measures')).map((row) => String(row.Status))),
    plannedWork: countPlannedWork(sheetRows(sheet('Planned work')).map((row) => String(row.BRAG))),
    notSignedOff: [
      ...sheetRows(sheet('Measures')).map((row) => [row.Measure, row['Sign-off']]),
      ...sheetRows(sheet('Planned work')).map((row) => [row['Planned work'], row['Sign-off']]),
    ]
      .filter(([, note]) => note === flagged)
      .map(([title]) => String(title))
      .sort(),
  };
}

/** The Summary sheet's lines (column A above its table): the title, the overall status and the sentences. */
export function xlsxSummaryLines(workbook: ExcelJS.Workbook): string[] {
  const summary = workbook.getWorksheet('Summary');
  if (!summary) throw new Error('no Summary sheet in the workbook');
  return Array.from({ length: summary.rowCount }, (_, r) => String(summary.getCell(r + 1, 1).value ?? ''));
}

/**
 * The dashboard (web app) of the quarter it shows: overall status, critical items, the
 * measures' status counts summed over its Programmes table (the stacked bars' table) and the
 * measures it marks not signed off. Its planned work counts are left out (the caller compares
 * the sentences, which carry their percentages) and `notSignedOff` names measures only.
 */
export async function dashboardFacts(page: Page): Promise<Omit<ReportFacts, 'plannedWork'>> {
  const overall = /Overall status:\s*([A-Z ]+?)\s*$/.exec((await page.locator('#overall').textContent()) ?? '')?.[1];
  // The compact table of critical items: the title's link, and the `Remedial action` column
  // (read in one evaluation each: a frozen quarter's page is long).
  const criticalItems: CriticalFact[] = (
    await page
      .getByRole('region', { name: 'Critical items' })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows
          .filter((row) => row.querySelector('a'))
          .map((row) => ({
            title: (row.querySelector('a')?.textContent ?? '').trim(),
            action: (row.querySelector('td[data-label="Remedial action"]')?.textContent ?? '').trim(),
          })),
      )
  ).map(({ title, action }) => ({ title, remedialAction: remedial(action) }));
  const table = page.getByRole('table', { name: 'Programmes' });
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const measures = { GREEN: 0, AMBER: 0, RED: 0, 'NO DATA': 0 };
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
  for (const cells of rows)
    for (const status of Object.keys(measures) as (keyof typeof measures)[])
      measures[status] += Number(cells[headers.indexOf(status)]);
  const tagged = await page
    .getByRole('table', { name: 'Measures' })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        title: (tr.querySelector('a')?.textContent ?? '').trim(),
        tags: [...tr.querySelectorAll('.app-sign-off-tag')].map((t) => (t.textContent ?? '').trim()),
      })),
    );
  const notSignedOff = tagged.filter((row) => row.tags.includes(flagged)).map((row) => row.title);
  return { overall: overall ?? '', criticalItems: byTitle(criticalItems), measures, notSignedOff: notSignedOff.sort() };
}
