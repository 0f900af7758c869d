import { NotFound } from '../domain/errors';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { measureHistory } from '../services/definitions';

export const handler = httpHandler(routeTable.measureHistory, async ({ params }) => {
  const versions = await measureHistory(params.id);
  if (!versions) throw new NotFound(`There is no measure ${params.id}.`);
  return json(200, { versions }, { etag: `"${versions.length}"` });
});
