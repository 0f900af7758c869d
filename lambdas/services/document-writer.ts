import { gunzipSync } from 'node:zlib';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { QuarterReport } from '../domain/quarter-report';
import { definitionsXlsx, readDefinitionsXlsx, WorkbookRefused } from '../render/definitions-xlsx';
import { reportDocx } from '../render/report-docx';
import { reportXlsx } from '../render/report-xlsx';
import { readResultsTemplateXlsx, resultsTemplateXlsx } from '../render/results-template-xlsx';
import type { DefinitionsWorkbookEvent, DefinitionsWorkbookResult } from './definition-spreadsheets';
import type { RenderDocumentEvent, RenderDocumentResult } from './documents';

// The body of the one function that bundles the Word and Excel writers (megabytes of
// code): only handlers/render-document.ts imports this module, so no other bundle carries
// them. Its callers' side is documents.ts (the report) and definition-spreadsheets.ts
// (the plan's definitions workbook). docs/documents.md

/** What the callers can pass on: Lambda's 6 MB response limit less room for the envelope. */
const maxContentBase64 = 6 * 1024 * 1024 - 64 * 1024;

async function definitionsWorkbook(
  event: DefinitionsWorkbookEvent,
  logger: Logger,
): Promise<DefinitionsWorkbookResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  /** A written workbook, unless it is over what Lambda can answer. */
  const written = async (what: string, bytes: Promise<Buffer>): Promise<DefinitionsWorkbookResult> => {
    const contentBase64 = (await bytes).toString('base64');
    logger.info(`${what} written`, { bytes: contentBase64.length, ms: ms() });
    return contentBase64.length > maxContentBase64 ? { tooLarge: true } : { contentBase64 };
  };
  /** An uploaded workbook's sheets, or why it is refused. */
  const read = async <S extends { rows: unknown[] }>(
    what: string,
    sheets: () => Promise<S[]>,
    answer: (sheets: S[]) => DefinitionsWorkbookResult,
  ): Promise<DefinitionsWorkbookResult> => {
    try {
      const found = await sheets();
      logger.info(`${what} read`, { rows: found.map((s) => s.rows.length), ms: ms() });
      return JSON.stringify(found).length > maxContentBase64
        ? { refused: 'The workbook holds more than an import can take; split it.', malformed: false }
        : answer(found);
    } catch (error) {
      if (error instanceof WorkbookRefused) return { refused: error.message, malformed: error.malformed };
      throw error;
    }
  };
  switch (event.workbook) {
    case 'write':
      return written('definitions workbook', definitionsXlsx(event.grids, event.directorates));
    case 'write-template':
      return written('results template', resultsTemplateXlsx(event.template));
    case 'read':
      return read(
        'definitions workbook',
        () => readDefinitionsXlsx(Buffer.from(event.contentBase64, 'base64')),
        (sheets) => ({ sheets }),
      );
    case 'read-template':
      return read(
        'results template',
        () => readResultsTemplateXlsx(Buffer.from(event.contentBase64, 'base64')),
        (templateSheets) => ({ templateSheets }),
      );
  }
}

/** Writes the report as Word or Excel, or writes or reads the definitions workbook; `logger` is the function's own. */
export async function writeDocument(
  event: RenderDocumentEvent | DefinitionsWorkbookEvent,
  logger: Logger,
): Promise<RenderDocumentResult | DefinitionsWorkbookResult> {
  if ('workbook' in event) return definitionsWorkbook(event, logger);
  const report = JSON.parse(gunzipSync(Buffer.from(event.reportGzip, 'base64')).toString('utf8')) as QuarterReport;
  const started = performance.now();
  const bytes =
    event.format === 'docx'
      ? await reportDocx(report, { title: event.title, languages: event.languages })
      : event.format === 'xlsx'
        ? await reportXlsx(report, { title: event.title, languages: event.languages })
        : null;
  if (!bytes) throw new Error(`unknown document format: ${String(event.format)}`);
  const contentBase64 = bytes.toString('base64');
  logger.info('document rendered', {
    format: event.format,
    quarter: report.quarter,
    measures: report.measures.length,
    bytes: bytes.length,
    ms: Math.round(performance.now() - started),
  });
  return contentBase64.length > maxContentBase64 ? { tooLarge: true } : { contentBase64 };
}
