import { gzipSync } from 'node:zlib';
import type { InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import { environment } from '../config/environment';
import type { ReportLanguageOptions } from '../domain/report-language';
import type { DocumentFormat } from '../render/document-formats';
import type { QuarterReport } from './report';

// The Word and Excel writers (docx, exceljs) are megabytes of code: they live in their
// own function, render-document, which get-report and the close invoke with the report
// (gzipped JSON). Every other bundle stays small. In AWS that is Lambda Invoke; locally
// the same SDK call reaches the local Lambda endpoint, which runs the same handler in
// process. docs/documents.md

/** What get-report and the close send the render-document function, and what it answers. */
export interface RenderDocumentEvent {
  format: DocumentFormat;
  /** The report title (the plan's name with ?plan=). */
  title: string;
  /** The report's languages, titles, Welsh names and Cabinet frame (settings); absent: English only. */
  languages?: ReportLanguageOptions;
  /** The report JSON, gzipped and base64: a large plan's report stays under the invoke payload limit. */
  reportGzip: string;
}

export type RenderDocumentResult = { contentBase64: string } | { tooLarge: true };

/** Lambda's synchronous invoke payload limit (6 MB) less room for the envelope. */
const maxInvokePayloadBytes = 6 * 1024 * 1024 - 64 * 1024;

/** The report is too large for one document, or to write in the time allowed (narrow it with ?plan=). */
export class DocumentTooLarge extends Error {
  constructor(format: DocumentFormat, why = 'larger than Lambda can carry') {
    super(`the ${format} document of this report is ${why}`);
  }
}

/**
 * How long a caller waits for the writer: under API Gateway's 29 s for GET and the HTTP
 * close (whose function also has 29 s). The Word writer takes about 2.5 ms a measure on
 * a shared vCPU, so a plan of several thousand measures may not make it: narrow it.
 */
export const renderWaitMs = 20_000;

// Loaded on first use: get-report answers JSON, HTML, CSV and Markdown without it, so
// its cold start does not load the Lambda client (docs/architecture.md "The outbox").
let lambda:
  | Promise<{ client: LambdaClient; InvokeCommand: typeof import('@aws-sdk/client-lambda').InvokeCommand }>
  | undefined;
export function lambdaSdk() {
  lambda ??= import('@aws-sdk/client-lambda').then(({ LambdaClient, InvokeCommand }) => ({
    client: new LambdaClient({}),
    InvokeCommand,
  }));
  return lambda;
}

/** Renders the report as a Word or Excel file by invoking the render-document function. */
export async function renderDocument(
  format: DocumentFormat,
  report: QuarterReport,
  /** The title (English only), or the report's languages from the settings. */
  titled: string | ReportLanguageOptions,
  waitMs = renderWaitMs,
): Promise<Buffer> {
  const functionName = environment().renderDocumentFunction;
  if (!functionName) throw new Error('RENDER_DOCUMENT_FUNCTION is not set');
  const event: RenderDocumentEvent = {
    format,
    ...(typeof titled === 'string' ? { title: titled } : { title: titled.titles.en, languages: titled }),
    reportGzip: gzipSync(JSON.stringify(report)).toString('base64'),
  };
  const payload = JSON.stringify(event);
  if (payload.length > maxInvokePayloadBytes) throw new DocumentTooLarge(format);
  const { client, InvokeCommand } = await lambdaSdk();
  let out: InvokeCommandOutput;
  try {
    out = await client.send(
      new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(payload) }),
      { abortSignal: AbortSignal.timeout(waitMs) },
    );
  } catch (error) {
    if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
      throw new DocumentTooLarge(format, `too large to write within ${waitMs / 1000} s`);
    throw error;
  }
  const text = out.Payload ? new TextDecoder().decode(out.Payload) : '';
  if (out.FunctionError) {
    // Lambda's own refusal of a response over its limit arrives as a function error.
    if (/ResponseSizeTooLarge|payload size/i.test(text)) throw new DocumentTooLarge(format);
    throw new Error(`render-document failed (${out.FunctionError}): ${text.slice(0, 500)}`);
  }
  const result = JSON.parse(text) as RenderDocumentResult;
  if ('tooLarge' in result) throw new DocumentTooLarge(format);
  return Buffer.from(result.contentBase64, 'base64');
}
