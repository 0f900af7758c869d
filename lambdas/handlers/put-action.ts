import { ifMatchVersion } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { putDefinition } from '../services/actions';
import { writerOf } from '../services/writer';

export const handler = httpHandler(routeTable.putAction, async ({ params, body, caller, header }) => {
  const action = { id: params.id, ...body };
  const expectedVersion = ifMatchVersion(header('if-match'));
  const { created, version } = await putDefinition('action', action, writerOf(caller), expectedVersion);
  return json(created ? 201 : 200, action, { location: `/actions/${params.id}`, etag: `"${version}"` });
});
