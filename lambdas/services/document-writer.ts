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
  if (event.workbook === 'write-template') {
    const contentBase64 = (await resultsTemplateXlsx(event.template)).toString('base64');
    logger.info('results template written', {
      bytes: contentBase64.length,
      ms: Math.round(performance.now() - started),
    });
    return contentBase64.length > maxContentBase64 ? { tooLarge: true } : { contentBase64 };
  }
  if (event.workbook === 'read-template') {
    try {
      const templateSheets = await readResultsTemplateXlsx(Buffer.from(event.contentBase64, 'base64'));
      logger.info('results template read', {
        rows: templateSheets.map((s) => s.rows.length),
        ms: Math.round(performance.now() - started),
      });
      return JSON.stringify(templateSheets).length > maxContentBase64
        ? { refused: 'The workbook holds more than an import can take; split it.', malformed: false }
        : { templateSheets };
    } catch (error) {
      if (error instanceof WorkbookRefused) return { refused: error.message, malformed: error.malformed };
      throw error;
    }
  }
  if (event.workbook === 'write') {
    const contentBase64 = (await definitionsXlsx(event.grids)).toString('base64');
    logger.info('definitions workbook written', {
      bytes: contentBase64.length,
      ms: Math.round(performance.now() - started),
    });
    return contentBase64.length > maxContentBase64 ? { tooLarge: true } : { contentBase64 };
  }
  try {
    const sheets = await readDefinitionsXlsx(Buffer.from(event.contentBase64, 'base64'));
    logger.info('definitions workbook read', {
      rows: sheets.map((s) => s.rows.length),
      ms: Math.round(performance.now() - started),
    });
    return JSON.stringify(sheets).length > maxContentBase64
      ? { refused: 'The workbook holds more than an import can take; split it.', malformed: false }
      : { sheets };
  } catch (error) {
    if (error instanceof WorkbookRefused) return { refused: error.message, malformed: error.malformed };
    throw error;
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
        ? await reportXlsx(report, { title: event.title })
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
