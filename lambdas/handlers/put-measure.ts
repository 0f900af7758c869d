import { ifMatchVersion } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { putDefinition } from '../services/measures';
import { writerOf } from '../services/writer';

export const handler = httpHandler(routeTable.putMeasure, async ({ params, body, caller, header }) => {
  const measure = { id: params.id, ...body };
  const expectedVersion = ifMatchVersion(header('if-match'));
  const { created, version } = await putDefinition('measure', measure, writerOf(caller), expectedVersion);
  return json(created ? 201 : 200, measure, { location: `/measures/${params.id}`, etag: `"${version}"` });
});
