import { NotFound } from '../domain/errors';
import { httpHandler } from '../http/middleware';
import { catchAllRoute } from '../http/routes';

export const handler = httpHandler(catchAllRoute, async ({ event }) => {
  const http = event.requestContext?.http;
  throw new NotFound(`There is no route ${http?.method ?? ''} ${http?.path ?? event.rawPath}.`.replace(/\s+/g, ' '));
});
