import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { putSettings } from '../store/settings';

export const handler = httpHandler(routeTable.putSettings, async ({ body }) => {
  await putSettings(body);
  return json(200, body);
});
