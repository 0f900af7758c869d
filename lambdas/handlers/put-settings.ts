import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { replaceSettings } from '../services/settings';

export const handler = httpHandler(routeTable.putSettings, async ({ body, caller }) => {
  const { version, settings } = await replaceSettings(body, caller, new Date());
  return json(200, settings, { etag: `"${version}"` });
});
