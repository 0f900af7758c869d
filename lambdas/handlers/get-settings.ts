import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { currentSettings } from '../services/settings';

export const handler = httpHandler(routeTable.getSettings, async () => json(200, await currentSettings()));
