import { httpHandler } from '../http/middleware';
import { HttpProblem } from '../http/problem';
import { catchAllRoute } from '../http/routes';

export const handler = httpHandler(catchAllRoute, async ({ event }) => {
  const http = event.requestContext?.http;
  throw new HttpProblem(
    404,
    `There is no route ${http?.method ?? ''} ${http?.path ?? event.rawPath}.`.replace(/\s+/g, ' '),
  );
});
