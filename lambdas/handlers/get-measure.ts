import { definitionEtag } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { measureDetail } from '../services/measures';

export const handler = httpHandler(routeTable.getMeasure, async ({ params, query }) => {
  const detail = await measureDetail(params.id, query.quarter);
  return json(200, detail, { etag: definitionEtag(detail.measure) });
});
