import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { currentSettingsVersioned } from '../services/settings';

export const handler = httpHandler(routeTable.getSettings, async () => {
  const { settings, version } = await currentSettingsVersioned();
  return json(200, settings, { etag: `"${version}"` });
});
