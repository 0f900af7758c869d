// Readers for the Word and Excel files the API makes: unzip (fflate) and parse the
// parts' XML (jsdom's DOMParser), so tests check what Word or Excel would open.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';

const { DOMParser } = new JSDOM('').window;

export interface DocxParagraph {
  text: string;
  /** The paragraph style id (`Heading1`, `Title`…), or null for body text. */
  style: string | null;
  element: Element;
}

export interface DocxContents {
  files: string[];
  xml(part: string): Document;
  text(part: string): string;
  /** The body's top-level paragraphs and tables, in order. */
  blocks: ({ kind: 'paragraph'; paragraph: DocxParagraph } | { kind: 'table'; rows: Element[] })[];
  paragraphs: DocxParagraph[];
}

const textOf = (element: Element) => [...element.getElementsByTagName('w:t')].map((t) => t.textContent ?? '').join('');

export function paragraphOf(element: Element): DocxParagraph {
  const style = element.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') ?? null;
  return { text: textOf(element), style, element };
}

export function readDocx(bytes: Uint8Array): DocxContents {
  const parts = unzipSync(bytes);
  const text = (part: string) => {
    const data = parts[part];
    if (!data) throw new Error(`no ${part} in the .docx`);
    return strFromU8(data);
  };
  const xml = (part: string) => new DOMParser().parseFromString(text(part), 'application/xml');
  const body = xml('word/document.xml').getElementsByTagName('w:body')[0]!;
  const blocks: DocxContents['blocks'] = [];
  for (const child of [...body.children]) {
    if (child.tagName === 'w:p') blocks.push({ kind: 'paragraph', paragraph: paragraphOf(child) });
    else if (child.tagName === 'w:tbl')
      blocks.push({ kind: 'table', rows: [...child.children].filter((c) => c.tagName === 'w:tr') });
  }
  return {
    files: Object.keys(parts),
    xml,
    text,
    blocks,
    paragraphs: [...body.getElementsByTagName('w:p')].map(paragraphOf),
  };
}

/** A table row's cells as text. */
export const rowCells = (row: Element) =>
  [...row.children].filter((c) => c.tagName === 'w:tc').map((cell) => textOf(cell));

export async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * Every XML part of a .docx or .xlsx (word/document.xml, xl/sharedStrings.xml, the
 * sheets, the relationships…) that is not well-formed XML, with the parser's reason:
 * empty when Word or Excel would read every part without "repairing" the file.
 */
export function malformedXmlParts(bytes: Uint8Array): string[] {
  const parts = unzipSync(bytes);
  const bad: string[] = [];
  const xmlParts = Object.keys(parts).filter((name) => /\.(xml|rels)$/.test(name));
  if (xmlParts.length === 0) return ['(no XML parts: not an Office file)'];
  for (const name of xmlParts) {
    const document = new DOMParser().parseFromString(strFromU8(parts[name]!), 'application/xml');
    const error = document.getElementsByTagName('parsererror')[0];
    if (error) bad.push(`${name}: ${error.textContent}`);
  }
  return bad;
}
