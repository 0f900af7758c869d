import { httpHandler } from '../http/middleware';
import { routeTable } from '../http/routes';
import { resultsTemplateFile } from '../services/results-template';

// `Download a template` on Upload results (SPEC §12): the caller's returns to fill in; the .xlsx comes from the render-document function.
export const handler = httpHandler(routeTable.resultsTemplate, async ({ query, caller }) => {
  const file = await resultsTemplateFile(caller, query);
  return {
    statusCode: 200,
    headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.name}"` },
    body: file.body.toString('base64'),
    // API Gateway v2 decodes a base64 body marked so before sending it to the client.
    isBase64Encoded: true,
  };
});
