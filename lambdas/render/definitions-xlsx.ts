// The plan's definitions as an .xlsx workbook, and a workbook read back into grids.
// exceljs is megabytes of code: only the render-document function imports this module
// (docs/documents.md, docs/plan-administration.md). The reader refuses what a plan
// never needs and a spreadsheet can smuggle: macros, formulas, dates where values
// belong, a zip that would inflate past any plan's size.
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { withoutNonXmlDeep } from '../domain/text';
import { actionsSheet, type Grid, measuresSheet, type ReadCell, type ReadSheet, safeCell } from './definition-sheets';

/** Writes the grids as sheets with a bold, frozen, filterable header row; numbers stay numbers. */
export async function definitionsXlsx(grids: readonly Grid[]): Promise<Buffer> {
  // Text stored before the one text rule (domain/text.ts) may hold characters XML cannot: dropped, so Excel opens the file.
  return writeDefinitions(withoutNonXmlDeep(grids));
}

async function writeDefinitions(grids: readonly Grid[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ragtime';
  for (const grid of grids) {
    const sheet = workbook.addWorksheet(grid.name);
    grid.rows.forEach((values, r) => {
      const row = sheet.getRow(r + 1);
      values.forEach((value, c) => {
        // Each cell is either a number or text (formula-escaped); never a formula.
        row.getCell(c + 1).value = safeCell(value);
      });
      if (r === 0) row.font = { bold: true };
    });
    const columns = grid.rows[0]?.length ?? 0;
    for (let c = 1; c <= columns; c++) sheet.getColumn(c).width = c <= 4 ? 28 : 16;
    sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
    if (columns > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
  }
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

/**
 * The zip's central directory (a workbook is a zip): refuses macros (a VBA project or
 * Excel 4 macro sheets) by the entries' names, and archives that inflate past 40 MB.
 * The sizes a zip declares are the writer's word, and a crafted one can understate
 * them; so each entry is inflated here, with the output bounded by what is left of the
 * 40 MB, before exceljs inflates anything. docs/plan-administration.md "Spreadsheets".
 */
export function checkWorkbookZip(bytes: Buffer): void {
  const notWorkbook = () => new WorkbookRefused('The file is not an .xlsx workbook (it is not a readable zip).', true);
  // End of central directory: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notWorkbook();
  const entries = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (entries > maxEntries || directoryOffset + directorySize > bytes.length) throw notWorkbook();
  const contents: { method: number; start: number; end: number }[] = [];
  let at = directoryOffset;
  let declared = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw notWorkbook();
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeader = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength).toLowerCase();
    if (size === 0xffffffff || compressedSize === 0xffffffff)
      throw new WorkbookRefused('The workbook is too large to import.');
    // Encrypted entries, or a compression a workbook never uses (only stored and deflated).
    if (flags & 1 || (method !== 0 && method !== 8)) throw notWorkbook();
    declared += size;
    if (name.endsWith('vbaproject.bin') || name.includes('macrosheets/'))
      throw new WorkbookRefused(
        'The workbook contains macros (a VBA project or macro sheets); save it as .xlsx without macros.',
      );
    if (localHeader + 30 > bytes.length || bytes.readUInt32LE(localHeader) !== 0x04034b50) throw notWorkbook();
    const start = localHeader + 30 + bytes.readUInt16LE(localHeader + 26) + bytes.readUInt16LE(localHeader + 28);
    if (start + compressedSize > bytes.length) throw notWorkbook();
    contents.push({ method, start, end: start + compressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (declared > maxInflatedBytes) throw tooLargeWhenInflated();
  let inflated = 0;
  for (const { method, start, end } of contents) {
    const data = bytes.subarray(start, end);
    if (method === 0) inflated += data.length;
    else {
      // One byte more than what is left: reaching it means past the limit, and no more is ever allocated.
      const left = maxInflatedBytes - inflated;
      try {
        inflated += inflateRawSync(data, { maxOutputLength: left + 1 }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLargeWhenInflated();
        throw notWorkbook();
      }
    }
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
  checkWorkbookZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new WorkbookRefused('The file is not a readable .xlsx workbook.', true);
  }
  const sheets: ReadSheet[] = [];
  for (const name of [measuresSheet, actionsSheet] as const) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) continue;
    const rows: ReadSheet['rows'] = [];
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
