import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { listMeasures } from '../services/measures';

export const handler = httpHandler(routeTable.listMeasures, async ({ query }) => {
  const { limit, next, ...filters } = query;
  return json(200, await listMeasures(filters, limit, next));
});
