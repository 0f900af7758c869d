import { NotFound } from '../domain/errors';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { actionHistory } from '../services/definitions';

export const handler = httpHandler(routeTable.actionHistory, async ({ params }) => {
  const versions = await actionHistory(params.id);
  if (!versions) throw new NotFound(`There is no action ${params.id}.`);
  return json(200, { versions }, { etag: `"${versions.length}"` });
});
