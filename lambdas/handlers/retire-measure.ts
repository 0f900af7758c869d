import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { retireMeasure } from '../services/measures';
import { writerOf } from '../services/writer';

export const handler = httpHandler(routeTable.retireMeasure, async ({ params, caller }) =>
  json(200, await retireMeasure(params.id, new Date(), writerOf(caller))),
);
