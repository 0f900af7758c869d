import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { measureResultHistories } from '../services/measure-results';

export const handler = httpHandler(routeTable.measureResults, async ({ params }) =>
  json(200, await measureResultHistories(params.id)),
);
