import { definitionEtag } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { measureDetail } from '../services/measures';

export const handler = httpHandler(routeTable.getMeasure, async ({ params }) => {
  const detail = await measureDetail(params.id);
  return json(200, detail, { etag: definitionEtag(detail.measure) });
});
