import { ifMatchVersion } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { replaceSettings } from '../services/settings';

export const handler = httpHandler(routeTable.putSettings, async ({ body, caller, header }) => {
  const expectedVersion = ifMatchVersion(header('if-match'));
  const { version, settings } = await replaceSettings(body, caller, new Date(), expectedVersion);
  return json(200, settings, { etag: `"${version}"` });
});
