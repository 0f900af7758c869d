import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { actionUpdateHistory } from '../services/actions';

export const handler = httpHandler(routeTable.actionUpdateHistory, async ({ params }) => {
  const versions = await actionUpdateHistory(params.id, params.quarter);
  return json(200, { versions }, { etag: `"${versions.length}"` });
});
