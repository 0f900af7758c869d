import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { rollForward } from '../services/definitions';
import { writerOf } from '../services/writer';

export const handler = httpHandler(routeTable.rollForward, async ({ params, body, caller }) =>
  json(200, await rollForward(params.plan, body.from, body.to, writerOf(caller))),
);
