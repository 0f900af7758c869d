import { TooLarge } from '../domain/errors';
import type { DocumentFormat } from '../render/document-formats';
import { DocumentTooLarge, renderDocument } from './documents';
import { type QuarterReport, titledQuarterReport } from './report';

/** The report as a Word or Excel file (docs/documents.md); TooLarge when it cannot be carried back. */
export async function quarterReportDocument(
  quarter: string,
  plan: string | undefined,
  format: DocumentFormat,
): Promise<{ report: QuarterReport; bytes: Buffer }> {
  const { report, title } = await titledQuarterReport(quarter, plan);
  try {
    return { report, bytes: await renderDocument(format, report, title) };
  } catch (error) {
    if (error instanceof DocumentTooLarge)
      throw new TooLarge(
        `The ${format} file of this report is too large (${error.message.replace(/^.* is /, '')}); narrow it with ?plan=.`,
        { cause: error },
      );
    throw error;
  }
}
