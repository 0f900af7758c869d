import type { MeasureDefinition } from '../domain/types';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { listDefinitions } from '../store/listing';

export const handler = httpHandler(routeTable.listMeasures, async ({ query }) => {
  const { limit, next, ...filters } = query;
  const page = await listDefinitions<MeasureDefinition>('MEASURE#', filters, limit, next);
  return json(200, { measures: page.items, next: page.next });
});
