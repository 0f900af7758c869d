import { zipSync } from 'fflate';

// Test-only: a minimal .xlsx built synchronously (fast-check arbitraries are synchronous),
// with the cell kinds a hostile or careless spreadsheet holds: text, numbers, formulas,
// dates (numbers in a date style), error values; and raw extra zip entries (a VBA project).

export type XlsxCell =
  | string
  | number
  | null
  | { formula: string; cached?: number }
  | { date: number }
  | { error: string };

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Only characters XML 1.0 allows.
const xmlSafe = (s: string) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/g, '?');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(cell: XlsxCell, ref: string, shared?: string[]): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === 'string' && shared) return `<c r="${ref}" t="s"><v>${shared.push(cell) - 1}</v></c>`;
  if (typeof cell === 'string')
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(xmlSafe(cell))}</t></is></c>`;
  if ('formula' in cell) return `<c r="${ref}"><f>${xmlEscape(cell.formula)}</f><v>${cell.cached ?? 0}</v></c>`;
  if ('date' in cell) return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
  return `<c r="${ref}" t="e"><v>${xmlEscape(cell.error)}</v></c>`;
}

function sheetXml(rows: XlsxCell[][], shared?: string[]): string {
  const body = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((c, i) => cellXml(c, `${columnName(i)}${r + 1}`, shared)).join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

const enc = (s: string) => new TextEncoder().encode(s);

/**
 * A workbook of these sheets (names as given), plus any extra raw entries. Text cells are
 * inline strings, or with `sharedStrings` entries of xl/sharedStrings.xml (as Excel
 * writes them; exceljs reads `_xHHHH_` there as the character U+HHHH).
 */
export function buildXlsx(
  sheets: [string, XlsxCell[][]][],
  extra: Record<string, Uint8Array> = {},
  options: { sharedStrings?: boolean } = {},
): Buffer {
  const shared = options.sharedStrings ? ([] as string[]) : undefined;
  const sheetParts = sheets.map(([, rows], i) => [`xl/worksheets/sheet${i + 1}.xml`, enc(sheetXml(rows, shared))]);
  const sharedParts: Record<string, Uint8Array> = shared
    ? {
        'xl/sharedStrings.xml': enc(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared
            .map((text) => `<si><t xml:space="preserve">${xmlEscape(xmlSafe(text))}</t></si>`)
            .join('')}</sst>`,
        ),
      }
    : {};
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': enc(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join(
          '',
        )}${shared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    ),
    '_rels/.rels': enc(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': enc(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map(([name], i) => `<sheet name="${xmlEscape(xmlSafe(name))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': enc(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${shared ? `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ),
    'xl/styles.xml': enc(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    ),
    ...Object.fromEntries(sheetParts),
    ...sharedParts,
    ...extra,
  };
  return Buffer.from(zipSync(files, { level: 6 }));
}
