import { Invalid } from '../domain/errors';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { documentFileName, documentFormats, isDocumentFormat } from '../render/document-formats';
import { reportCsv } from '../render/report-csv';
import { reportHtml } from '../render/report-html';
import { reportMarkdown } from '../render/report-md';
import { quarterReport, titledQuarterReport } from '../services/report';
import { quarterReportDocument } from '../services/report-documents';

export const handler = httpHandler(routeTable.getReport, async ({ params, query }) => {
  if (query.format === 'json') return json(200, (await quarterReport(params.quarter, query.plan, query.trend)).report);
  if (query.trend !== undefined)
    throw new Invalid('The trend option is only for the JSON report.', [
      { path: '/query/trend', message: 'only with format=json' },
    ]);
  if (isDocumentFormat(query.format)) {
    // Word and Excel come from the render-document function (docs/documents.md).
    const { report, bytes } = await quarterReportDocument(params.quarter, query.plan, query.format);
    return {
      statusCode: 200,
      headers: {
        'content-type': documentFormats[query.format],
        'content-disposition': `attachment; filename="${documentFileName(report.quarter, query.format, query.plan)}"`,
      },
      body: bytes.toString('base64'),
      // API Gateway v2 decodes a base64 body marked so before sending it to the client.
      isBase64Encoded: true,
    };
  }
  const { report, title } = await titledQuarterReport(params.quarter, query.plan);
  const [contentType, body] =
    query.format === 'html'
      ? ['text/html; charset=utf-8', reportHtml(report, title)]
      : query.format === 'md'
        ? ['text/markdown; charset=utf-8', reportMarkdown(report, title)]
        : ['text/csv; charset=utf-8', reportCsv(report)];
  return { statusCode: 200, headers: { 'content-type': contentType }, body };
});
