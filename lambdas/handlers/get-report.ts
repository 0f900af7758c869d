import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { reportAnswer } from '../services/report-documents';

export const handler = httpHandler(routeTable.getReport, async ({ params, query }) => {
  const answer = await reportAnswer(params.quarter, query);
  if (answer.kind === 'json') return json(200, answer.report);
  return {
    statusCode: 200,
    headers: {
      'content-type': answer.contentType,
      ...(answer.fileName && { 'content-disposition': `attachment; filename="${answer.fileName}"` }),
    },
    body: answer.body,
    // API Gateway v2 decodes a base64 body marked so before sending it to the client.
    ...(answer.base64 && { isBase64Encoded: true }),
  };
});
