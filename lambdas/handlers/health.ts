import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';

export const handler = httpHandler(routeTable.health, async () => json(200, { status: 'ok' }));
