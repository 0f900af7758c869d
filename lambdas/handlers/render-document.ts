import { gunzipSync } from 'node:zlib';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { definitionsXlsx, readDefinitionsXlsx, WorkbookRefused } from '../render/definitions-xlsx';
import { reportDocx } from '../render/report-docx';
import { reportXlsx } from '../render/report-xlsx';
import type { DefinitionsWorkbookEvent, DefinitionsWorkbookResult } from '../services/definition-spreadsheets';
import type { RenderDocumentEvent, RenderDocumentResult } from '../services/documents';
import type { QuarterReport } from '../services/report';

// The one function that bundles the Word and Excel writers (megabytes of code). No API
// route reaches it: get-report, close-report, reissue-report and the close job invoke
// it, and only their roles may; get-definitions and import-definitions too, for the
// plan's definitions workbook (docs/plan-administration.md). docs/documents.md

// Its own logger: locally this handler runs inside its caller's process, whose log keys it must not reset.
const logger = new Logger({ serviceName: 'ragtime' });

/** What the callers can pass on: Lambda's 6 MB response limit less room for the envelope. */
const maxContentBase64 = 6 * 1024 * 1024 - 64 * 1024;

async function definitionsWorkbook(event: DefinitionsWorkbookEvent): Promise<DefinitionsWorkbookResult> {
  const started = performance.now();
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

export const handler = middy(
  async (
    event: RenderDocumentEvent | DefinitionsWorkbookEvent,
  ): Promise<RenderDocumentResult | DefinitionsWorkbookResult> => {
    if ('workbook' in event) return definitionsWorkbook(event);
    const report = JSON.parse(gunzipSync(Buffer.from(event.reportGzip, 'base64')).toString('utf8')) as QuarterReport;
    const started = performance.now();
    const bytes =
      event.format === 'docx'
        ? await reportDocx(report, { title: event.title })
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
  },
).use(injectLambdaContext(logger, { resetKeys: true }));
