import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { listPeople } from '../services/people';

export const handler = httpHandler(routeTable.listPeople, async () => json(200, { people: await listPeople() }));
