import { definitionEtag } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { actionDetail } from '../services/actions';

export const handler = httpHandler(routeTable.getAction, async ({ params }) => {
  const detail = await actionDetail(params.id);
  return json(200, detail, { etag: definitionEtag(detail.action) });
});
