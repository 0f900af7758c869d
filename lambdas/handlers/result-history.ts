import { NotFound } from '../domain/errors';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { quarterForResult } from '../services/results';
import { readResultHistory } from '../store/results';

export const handler = httpHandler(routeTable.resultHistory, async ({ params }) => {
  const versions = await readResultHistory(params.id, params.period, await quarterForResult(params.id, params.period));
  if (!versions) throw new NotFound(`No result was ever submitted for ${params.id} in ${params.period}.`);
  return json(200, { versions }, { etag: `"${versions.length}"` });
});
