import { httpHandler, json } from '../http/middleware';
import { HttpProblem } from '../http/problem';
import { routeTable } from '../http/routes';
import { documentFileName, documentFormats, isDocumentFormat } from '../render/document-formats';
import { reportCsv } from '../render/report-csv';
import { reportHtml } from '../render/report-html';
import { reportMarkdown } from '../render/report-md';
import { DocumentTooLarge, renderDocument } from '../services/documents';
import { quarterReport } from '../services/report';
import { readDefinitions } from '../store/definitions';

export const handler = httpHandler(routeTable.getReport, async ({ params, query }) => {
  const found = await quarterReport(params.quarter, query.plan);
  const report = found.report;
  if (query.format === 'json') return json(200, report);
  // The rendered forms need the title; a closed quarter's report read no settings.
  const settings = found.settings ?? (await readDefinitions()).settings;
  const title = query.plan ? (settings.planNames[query.plan] ?? settings.reportTitle) : settings.reportTitle;
  if (isDocumentFormat(query.format)) {
    // Word and Excel come from the render-document function (docs/documents.md).
    let bytes: Buffer;
    try {
      bytes = await renderDocument(query.format, report, title);
    } catch (error) {
      if (error instanceof DocumentTooLarge)
        throw new HttpProblem(406, `The ${query.format} file is larger than 6 MB; narrow it with ?plan=.`);
      throw error;
    }
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
  const [contentType, body] =
    query.format === 'html'
      ? ['text/html; charset=utf-8', reportHtml(report, title)]
      : query.format === 'md'
        ? ['text/markdown; charset=utf-8', reportMarkdown(report, title)]
        : ['text/csv; charset=utf-8', reportCsv(report)];
  return { statusCode: 200, headers: { 'content-type': contentType }, body };
});
