import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { removePerson } from '../services/people';

export const handler = httpHandler(routeTable.deletePerson, async ({ params, caller }) =>
  json(200, await removePerson(params.email, caller)),
);
