import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { retireAction } from '../services/actions';
import { writerOf } from '../services/writer';

export const handler = httpHandler(routeTable.retireAction, async ({ params, caller }) =>
  json(200, await retireAction(params.id, new Date(), writerOf(caller))),
);
