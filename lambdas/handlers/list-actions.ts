import type { ActionDefinition } from '../domain/types';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { listDefinitions } from '../store/listing';

export const handler = httpHandler(routeTable.listActions, async ({ query }) => {
  const { limit, next, ...filters } = query;
  const page = await listDefinitions<ActionDefinition>('ACTION#', filters, limit, next);
  return json(200, { actions: page.items, next: page.next });
});
