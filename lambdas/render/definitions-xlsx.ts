// The plan's definitions as an .xlsx workbook, and a workbook read back into grids.
// exceljs is megabytes of code: only the render-document function imports this module
// (docs/documents.md, docs/plan-administration.md). The reader refuses what a plan
// never needs and a spreadsheet can smuggle: macros, formulas, dates where values
// belong, a zip that would inflate past any plan's size.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { withoutNonXmlDeep } from '../domain/text';
import {
  actionsSheet,
  columnChoices,
  definitionNotes,
  type Grid,
  measuresSheet,
  notesSheet,
  type ReadCell,
  type ReadSheet,
} from './definition-sheets';
import { addGridSheet, addNotesSheet } from './workbook-sheets';

/**
 * Writes the grids as sheets with a bold, frozen, filterable header row (numbers stay
 * numbers), dropdowns for polarity, frequency, aggregation and the owner directorate
 * (`directorates`, from the settings), and a Notes sheet explaining every column.
 */
export async function definitionsXlsx(grids: readonly Grid[], directorates: readonly string[] = []): Promise<Buffer> {
  // Text stored before the one text rule (domain/text.ts) may hold characters XML cannot: dropped, so Excel opens the file.
  return writeDefinitions(withoutNonXmlDeep(grids), withoutNonXmlDeep([...directorates]));
}

/** Excel's limit for a dropdown written in place: 255 characters. */
const fitsDropdown = (values: readonly string[]) =>
  values.length > 0 && values.join(',').length <= 250 && values.every((v) => !v.includes(',') && !v.includes('"'));

async function writeDefinitions(grids: readonly Grid[], directorates: readonly string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ragtime';
  const choices: Record<string, readonly string[]> = {
    ...columnChoices,
    ...(fitsDropdown(directorates) && { ownerDirectorate: directorates }),
  };
  for (const grid of grids) {
    const lists = new Map<number, readonly string[]>();
    (grid.rows[0] ?? []).forEach((column, i) => {
      const list = choices[String(column)];
      if (list) lists.set(i, list);
    });
    // Rows a person adds below the plan's get the dropdowns too.
    addGridSheet(workbook, grid.name, grid.rows, { lists, spareRows: 200 });
  }
  addNotesSheet(workbook, notesSheet, definitionNotes(grids));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Why a workbook is refused as a whole (malformed: not a workbook at all). */
export class WorkbookRefused extends Error {
  constructor(
    message: string,
    readonly malformed = false,
  ) {
    super(message);
  }
}

const maxInflatedBytes = 40 * 1024 * 1024;
const maxEntries = 2000;

const tooLargeWhenInflated = () => new WorkbookRefused('The workbook inflates to more than 40 MB; no plan needs that.');
const notWorkbook = () => new WorkbookRefused('The file is not an .xlsx workbook (it is not a readable zip).', true);

/**
 * What one entry inflates to, read through a bounded stream: it stops (and the stream is
 * destroyed) as soon as more than `limit` bytes have come out, so at most `limit` plus
 * one chunk is ever inflated, whatever the entry declares.
 */
export function inflatedSizeUpTo(file: JSZip.JSZipObject, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    // JSZip's stream (readable-stream 2: events, not async iteration) inflates as it is read.
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        (stream as { destroy?: () => void }).destroy?.();
        resolve(size);
      }
    });
    // JSZip checks the declared size only at the end, after every byte came out: a lie
    // about sizes is not what this bounds (the reader refuses such a file later, as
    // unreadable), so the entry counts at what it really inflated to and the next is read.
    stream.on('error', (error: Error) => (/size mismatch/.test(error.message) ? resolve(size) : reject(notWorkbook())));
    stream.on('end', () => resolve(size));
  });
}

/**
 * The workbook's zip, read by the library exceljs reads it with (JSZip): the entries
 * checked are the entries exceljs would open, wherever their directory is (a ZIP64
 * record included: a crafted file once showed a decoy directory to a hand-written reader
 * while JSZip followed the ZIP64 record to a 200 MB entry). Refuses macros (a VBA project
 * or Excel 4 macro sheets) by the entries' names, and archives that inflate past 40 MB:
 * the sizes a zip declares are the writer's word, so each entry is inflated here
 * through a bounded stream before exceljs inflates anything. docs/plan-administration.md
 * "Spreadsheets".
 */
export async function checkWorkbookZip(bytes: Buffer): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    // Not a zip, or encrypted entries, or a compression a workbook never uses (JSZip reads only stored and deflated).
    throw notWorkbook();
  }
  const files = Object.values(zip.files).filter((file) => !file.dir);
  if (files.length > maxEntries) throw notWorkbook();
  for (const file of files) {
    const name = file.name.toLowerCase();
    if (name.endsWith('vbaproject.bin') || name.includes('macrosheets/'))
      throw new WorkbookRefused(
        'The workbook contains macros (a VBA project or macro sheets); save it as .xlsx without macros.',
      );
  }
  let inflated = 0;
  for (const file of files) {
    inflated += await inflatedSizeUpTo(file, maxInflatedBytes - inflated);
    if (inflated > maxInflatedBytes) throw tooLargeWhenInflated();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the grids take it: text, a number, empty, or what it is that makes it refused. */
function readCell(cell: ExcelJS.Cell): ReadCell {
  const v = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Number:
      return v as number;
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return v as string;
    case ExcelJS.ValueType.RichText:
      return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    case ExcelJS.ValueType.Hyperlink: {
      const text = (v as ExcelJS.CellHyperlinkValue).text;
      return typeof text === 'string' ? text : String(text ?? '');
    }
    case ExcelJS.ValueType.Boolean:
      return v ? 'true' : 'false';
    case ExcelJS.ValueType.Date: {
      const d = v as Date;
      const date = Number.isNaN(d.getTime())
        ? 'a date'
        : `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      return { refused: `a date (${date}), not a value this column takes: format the cell as text or a number` };
    }
    case ExcelJS.ValueType.Formula:
      return { refused: 'a formula: paste the values only (Paste Special, Values)' };
    case ExcelJS.ValueType.Error:
      return { refused: `an error value (${String((v as ExcelJS.CellErrorValue).error)})` };
    default:
      return { refused: 'a cell of a kind this import does not read' };
  }
}

/** The sheets Measures and Planned work that the workbook has, as grids (row numbers as in Excel). */
export async function readDefinitionsXlsx(bytes: Buffer): Promise<ReadSheet[]> {
  return (await readSheetsXlsx(bytes, [measuresSheet, actionsSheet])) as ReadSheet[];
}

/**
 * The named sheets the workbook has (others are ignored), each row with its number as in
 * Excel; the zip checked first (checkWorkbookZip), so every workbook upload has the same limits.
 */
export async function readSheetsXlsx<N extends string>(
  bytes: Buffer,
  names: readonly N[],
): Promise<{ name: N; rows: { row: number; cells: ReadCell[] }[] }[]> {
  await checkWorkbookZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new WorkbookRefused('The file is not a readable .xlsx workbook.', true);
  }
  const sheets: { name: N; rows: { row: number; cells: ReadCell[] }[] }[] = [];
  for (const name of names) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) continue;
    const rows: { row: number; cells: ReadCell[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: ReadCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = readCell(cell);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      rows.push({ row: rowNumber, cells });
    });
    sheets.push({ name, rows });
  }
  return sheets;
}
