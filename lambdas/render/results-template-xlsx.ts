// The results template as an .xlsx (SPEC §12): sheets Results and Planned work to fill
// in, ids, periods, titles and reference columns locked, a dropdown for the status, and a
// Notes sheet. Read back by the same reader as the definitions workbook (same zip limits).
// exceljs: only the render-document function imports this module.
import ExcelJS from 'exceljs';
import { withoutNonXmlDeep } from '../domain/text';
import { readSheetsXlsx } from './definitions-xlsx';
import {
  notesSheet,
  plannedWorkSheet,
  type ResultsTemplate,
  resultsSheet,
  type TemplateGrid,
  templateGrids,
  templateNotes,
} from './results-template';
import { addGridSheet, addNotesSheet, protectLockedCells } from './workbook-sheets';

const indexes = (grid: TemplateGrid, keep: (c: TemplateGrid['columns'][number]) => boolean) =>
  grid.columns.flatMap((c, i) => (keep(c) ? [i] : []));

export async function resultsTemplateXlsx(template: ResultsTemplate): Promise<Buffer> {
  const clean = withoutNonXmlDeep(template);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ragtime';
  const { results, actions } = templateGrids(clean);
  for (const grid of [results, actions]) {
    const sheet = addGridSheet(workbook, grid.name, grid.rows, {
      lists: new Map(grid.columns.flatMap((c, i) => (c.list ? [[i, c.list] as const] : []))),
      locked: new Set(indexes(grid, (c) => c.locked === true)),
      wideColumns: 2,
    });
    await protectLockedCells(sheet);
  }
  addNotesSheet(workbook, notesSheet, templateNotes(clean));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template's sheets that the workbook has, as rows of cells (row numbers as in Excel). */
export const readResultsTemplateXlsx = (bytes: Buffer) => readSheetsXlsx(bytes, [resultsSheet, plannedWorkSheet]);
