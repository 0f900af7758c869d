// The Word and Excel forms of a report: their content types and file names. Light on
// purpose (no writer imports): get-report and the close import it, while the writers
// themselves live in the render-document function. docs/documents.md
import { docxMediaType, xlsxMediaType } from '../domain/media-types';
export const documentFormats = { docx: docxMediaType, xlsx: xlsxMediaType } as const;

export type DocumentFormat = keyof typeof documentFormats;

export const isDocumentFormat = (format: string): format is DocumentFormat => Object.hasOwn(documentFormats, format);

/** `ragtime-2017-18-Q4.docx`, `ragtime-2017-18-Q4-cip.xlsx` with `?plan=`. */
export function documentFileName(quarter: string, format: DocumentFormat, plan?: string | null): string {
  return `ragtime-${quarter}${plan ? `-${plan}` : ''}.${format}`;
}
