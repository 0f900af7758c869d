import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { rollForward } from '../services/definitions';

export const handler = httpHandler(routeTable.rollForward, async ({ params, body, caller }) =>
  json(200, await rollForward(params.plan, body.from, body.to, { by: caller.sub })),
);
