// What every workbook people fill in and upload has (the results template, the
// definitions workbook): a bold, frozen, filterable header row; cells that are numbers or
// formula-escaped text, never formulas; dropdowns (data validation lists) where a column
// has a closed set of values; optionally some columns locked (sheet protection without a
// password, so nothing is hidden from the person); and a Notes sheet explaining each
// column in words. exceljs: only the render-document function imports this module.
import type ExcelJS from 'exceljs';
import { type CellValue, safeCell } from './definition-sheets';

export interface SheetLayout {
  /** Column index (0-based) → the values its dropdown offers. */
  lists?: ReadonlyMap<number, readonly string[]>;
  /** Column indexes (0-based) locked against change; with any, the sheet is protected (no password). */
  locked?: ReadonlySet<number>;
  /** Rows below the data that still get the dropdowns (rows a person may add). */
  spareRows?: number;
  /** Width of the first columns (ids and titles); the rest are 16. */
  wideColumns?: number;
}

/** A dropdown list's formula: the values in quotes, comma separated (Excel's limit is 255 characters). */
const listFormula = (values: readonly string[]) => `"${values.join(',')}"`;

export function addGridSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: readonly (readonly CellValue[])[],
  layout: SheetLayout = {},
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  const columns = rows[0]?.length ?? 0;
  const lastRow = Math.max(rows.length, 1) + (layout.spareRows ?? 0);
  const locked = layout.locked ?? new Set<number>();
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    values.forEach((value, c) => {
      // Each cell is either a number or text (formula-escaped); never a formula.
      row.getCell(c + 1).value = safeCell(value);
    });
    if (r === 0) row.font = { bold: true };
  });
  for (let c = 0; c < columns; c++) {
    const column = sheet.getColumn(c + 1);
    column.width = c < (layout.wideColumns ?? 4) ? 28 : 16;
    const list = layout.lists?.get(c);
    for (let r = 2; r <= lastRow; r++) {
      const cell = sheet.getRow(r).getCell(c + 1);
      if (list)
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [listFormula(list)],
          showErrorMessage: true,
          errorTitle: 'Choose from the list',
          error: `Choose one of: ${list.join(', ')}`,
        };
      if (locked.size > 0 && !locked.has(c)) cell.protection = { locked: false };
    }
  }
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  if (columns > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
  return sheet;
}

/** Protects a sheet's locked cells without a password (a person can unprotect it; it stops slips, not people). */
export async function protectLockedCells(sheet: ExcelJS.Worksheet): Promise<void> {
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
  });
}

/** The Notes sheet: rows of words (its first row the header), wrapped in a wide last column. */
export function addNotesSheet(workbook: ExcelJS.Workbook, name: string, rows: readonly (readonly CellValue[])[]) {
  const sheet = workbook.addWorksheet(name);
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    values.forEach((value, c) => {
      row.getCell(c + 1).value = safeCell(value);
    });
    if (r === 0) row.font = { bold: true };
  });
  const columns = Math.max(...rows.map((r) => r.length), 1);
  for (let c = 1; c <= columns; c++) {
    const column = sheet.getColumn(c);
    column.width = c === columns ? 100 : 24;
    if (c === columns) column.alignment = { wrapText: true, vertical: 'top' };
  }
  return sheet;
}
