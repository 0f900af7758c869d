import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { replaceSettings } from '../services/settings';

export const handler = httpHandler(routeTable.putSettings, async ({ body }) => {
  await replaceSettings(body);
  return json(200, body);
});
