// Spreadsheet formula escaping for every writer of cells (CSV now, XLSX too): a cell
// whose text starts with = + - @ tab or CR runs as a formula in Excel, LibreOffice and
// Google Sheets, unless it is a plain number. Such text gets a leading ' (shown as
// text). docs/deploy.md "Security baseline".

/** Optional minus, digits, an optional decimal part; nothing else (no exponent, no spaces). */
const plainNumber = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
const formulaStart = new Set(['=', '+', '-', '@', '\t', '\r']);

export function formulaSafe(text: string): string {
  if (text === '' || !formulaStart.has(text[0]!)) return text;
  return plainNumber.test(text) ? text : `'${text}`;
}

/** Text that is, or looks like, an escaped formula: apostrophes, then a formula's first character. */
const escapedFormula = /^'+[=+\-@\t\r]/;

/**
 * formulaSafe for cells that are read back (the definitions spreadsheet): text that
 * already starts with apostrophes before a formula character (`'=x`) gets one more as
 * well, so the reader strips exactly one ' from every such cell and gets the text back:
 * `readFormulaSafe(reversibleFormulaSafe(s)) === s` for every s. docs/plan-administration.md
 * "Spreadsheets". (The report writers keep formulaSafe: nothing reads a report back.)
 */
export function reversibleFormulaSafe(text: string): string {
  return escapedFormula.test(text) ? `'${text}` : formulaSafe(text);
}

/** A cell's text as written before reversibleFormulaSafe: one leading ' removed where it added one. */
export function readFormulaSafe(cell: string): string {
  return escapedFormula.test(cell) ? cell.slice(1) : cell;
}
