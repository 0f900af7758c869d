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
