import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DefinitionsWorkbookEvent } from '../services/definition-spreadsheets';
import { writeDocument } from '../services/document-writer';
import type { RenderDocumentEvent } from '../services/documents';

// The one function that bundles the Word and Excel writers (megabytes of code). No API
// route reaches it: get-report, close-report, reissue-report and the close job invoke
// it, and only their roles may; get-definitions and import-definitions too, for the
// plan's definitions workbook (docs/plan-administration.md), and results-template and
// import-results for the results template (docs/rules.md "Imports"). docs/documents.md

// Its own logger: locally this handler runs inside its caller's process, whose log keys it must not reset.
const logger = new Logger({ serviceName: 'ragtime' });

export const handler = middy((event: RenderDocumentEvent | DefinitionsWorkbookEvent) =>
  writeDocument(event, logger),
).use(injectLambdaContext(logger, { resetKeys: true }));
