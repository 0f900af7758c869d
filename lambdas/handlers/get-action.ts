import { definitionEtag } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { actionDetail } from '../services/actions';

export const handler = httpHandler(routeTable.getAction, async ({ params, query }) => {
  const detail = await actionDetail(params.id, query.quarter);
  return json(200, detail, { etag: definitionEtag(detail.action) });
});
