import { Invalid, TooLarge } from '../domain/errors';
import type { TrendReport } from '../domain/quarter-report';
import { type DocumentFormat, documentFileName, documentFormats, isDocumentFormat } from '../render/document-formats';
import { reportCsv } from '../render/report-csv';
import { reportHtml } from '../render/report-html';
import { reportMarkdown } from '../render/report-md';
import { DocumentTooLarge, renderDocument } from './documents';
import { type QuarterReport, quarterReport, titledQuarterReport } from './report';

/** The formats GET /reports/{quarter} answers in. */
export type ReportFormat = 'json' | 'html' | 'md' | 'csv' | DocumentFormat;

/** A report as GET /reports/{quarter} answers it: the JSON, or a file (Word and Excel as base64). */
export type ReportAnswer =
  | { kind: 'json'; report: TrendReport }
  | { kind: 'file'; contentType: string; body: string; base64: boolean; fileName?: string };

/**
 * The quarter's report in the format asked for: the JSON (with `trend`, each measure's
 * last quarters), the page, Markdown or CSV rendered here, or Word and Excel from the
 * render-document function (docs/documents.md).
 */
export async function reportAnswer(
  quarter: string,
  options: { format: ReportFormat; plan?: string; trend?: number },
): Promise<ReportAnswer> {
  const { format, plan, trend } = options;
  if (format === 'json') return { kind: 'json', report: (await quarterReport(quarter, plan, trend)).report };
  if (trend !== undefined)
    throw new Invalid('The trend option is only for the JSON report.', [
      { path: '/query/trend', message: 'only with format=json' },
    ]);
  if (isDocumentFormat(format)) {
    const { report, bytes } = await quarterReportDocument(quarter, plan, format);
    return {
      kind: 'file',
      contentType: documentFormats[format],
      body: bytes.toString('base64'),
      base64: true,
      fileName: documentFileName(report.quarter, format, plan),
    };
  }
  const { report, title, languages } = await titledQuarterReport(quarter, plan);
  if (format === 'html')
    return {
      kind: 'file',
      contentType: 'text/html; charset=utf-8',
      body: reportHtml(report, title, languages),
      base64: false,
    };
  if (format === 'md')
    return {
      kind: 'file',
      contentType: 'text/markdown; charset=utf-8',
      body: reportMarkdown(report, title),
      base64: false,
    };
  return { kind: 'file', contentType: 'text/csv; charset=utf-8', body: reportCsv(report), base64: false };
}

/** The report as a Word or Excel file (docs/documents.md); TooLarge when it cannot be carried back. */
export async function quarterReportDocument(
  quarter: string,
  plan: string | undefined,
  format: DocumentFormat,
): Promise<{ report: QuarterReport; bytes: Buffer }> {
  const { report, languages } = await titledQuarterReport(quarter, plan);
  try {
    return { report, bytes: await renderDocument(format, report, languages) };
  } catch (error) {
    if (error instanceof DocumentTooLarge)
      throw new TooLarge(
        `The ${format} file of this report is too large (${error.message.replace(/^.* is /, '')}); narrow it with ?plan=.`,
        { cause: error },
      );
    throw error;
  }
}
