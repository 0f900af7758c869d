import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { measureDetail } from '../services/measures';

export const handler = httpHandler(routeTable.getMeasure, async ({ params }) =>
  json(200, await measureDetail(params.id)),
);
