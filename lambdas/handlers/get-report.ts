import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { reportCsv } from '../render/report-csv';
import { reportHtml } from '../render/report-html';
import { reportMarkdown } from '../render/report-md';
import { quarterReport } from '../services/report';
import { readDefinitions } from '../store/definitions';

export const handler = httpHandler(routeTable.getReport, async ({ params, query }) => {
  const found = await quarterReport(params.quarter, query.plan);
  const report = found.report;
  if (query.format === 'json') return json(200, report);
  // The rendered forms need the title; a closed quarter's report read no settings.
  const settings = found.settings ?? (await readDefinitions()).settings;
  const title = query.plan ? (settings.planNames[query.plan] ?? settings.reportTitle) : settings.reportTitle;
  const [contentType, body] =
    query.format === 'html'
      ? ['text/html; charset=utf-8', reportHtml(report, title)]
      : query.format === 'md'
        ? ['text/markdown; charset=utf-8', reportMarkdown(report, title)]
        : ['text/csv; charset=utf-8', reportCsv(report)];
  return { statusCode: 200, headers: { 'content-type': contentType }, body };
});
