import { ifMatchVersion } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { submitActionUpdate } from '../services/actions';

export const handler = httpHandler(routeTable.putActionUpdate, async ({ params, body, caller, header }) => {
  const { id, quarter } = params;
  const expectedVersion = ifMatchVersion(header('if-match'));
  const update = await submitActionUpdate({ actionId: id, quarter, ...body, expectedVersion }, caller, new Date());
  return json(update.version === 1 ? 201 : 200, update, {
    etag: `"${update.version}"`,
    location: `/actions/${id}/updates/${quarter}`,
  });
});
