import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { reportCsv } from '../render/report-csv';
import { reportHtml } from '../render/report-html';
import { reportMarkdown } from '../render/report-md';
import { quarterReport } from '../services/report';

export const handler = httpHandler(routeTable.getReport, async ({ params, query }) => {
  const { report, settings } = await quarterReport(params.quarter, query.plan);
  if (query.format === 'json') return json(200, report);
  const title = query.plan ? (settings.planNames[query.plan] ?? settings.reportTitle) : settings.reportTitle;
  const [contentType, body] =
    query.format === 'html'
      ? ['text/html; charset=utf-8', reportHtml(report, title)]
      : query.format === 'md'
        ? ['text/markdown; charset=utf-8', reportMarkdown(report, title)]
        : ['text/csv; charset=utf-8', reportCsv(report)];
  return { statusCode: 200, headers: { 'content-type': contentType }, body };
});
