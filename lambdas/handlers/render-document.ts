import { gunzipSync } from 'node:zlib';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { reportDocx } from '../render/report-docx';
import { reportXlsx } from '../render/report-xlsx';
import type { RenderDocumentEvent, RenderDocumentResult } from '../services/documents';
import type { QuarterReport } from '../services/report';

// The one function that bundles the Word and Excel writers (megabytes of code). No API
// route reaches it: get-report, close-report, reissue-report and the close job invoke
// it, and only their roles may. docs/documents.md

// Its own logger: locally this handler runs inside its caller's process, whose log keys it must not reset.
const logger = new Logger({ serviceName: 'ragtime' });

/** What the callers can pass on: Lambda's 6 MB response limit less room for the envelope. */
const maxContentBase64 = 6 * 1024 * 1024 - 64 * 1024;

export const handler = middy(async (event: RenderDocumentEvent): Promise<RenderDocumentResult> => {
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
}).use(injectLambdaContext(logger, { resetKeys: true }));
