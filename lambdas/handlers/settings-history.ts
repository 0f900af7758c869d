import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { settingsHistory } from '../services/settings';

export const handler = httpHandler(routeTable.settingsHistory, async () => {
  const history = await settingsHistory();
  return json(200, history, { etag: `"${history.versions.length}"` });
});
