import { httpHandler } from '../http/middleware';
import { openApiDocument } from '../http/openapi';
import { routeTable } from '../http/routes';

let document: string | undefined;

export const handler = httpHandler(routeTable.openapi, async ({ event }) => {
  const host = event.requestContext.domainName;
  document ??= JSON.stringify(openApiDocument(`${/^(localhost|127\.)/.test(host) ? 'http' : 'https'}://${host}`));
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: document };
});
