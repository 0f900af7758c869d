import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { resultHistory } from '../services/results';

export const handler = httpHandler(routeTable.resultHistory, async ({ params }) => {
  const versions = await resultHistory(params.id, params.period);
  return json(200, { versions }, { etag: `"${versions.length}"` });
});
