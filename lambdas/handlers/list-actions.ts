import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { listActions } from '../services/actions';

export const handler = httpHandler(routeTable.listActions, async ({ query }) => {
  const { limit, next, ...filters } = query;
  return json(200, await listActions(filters, limit, next));
});
