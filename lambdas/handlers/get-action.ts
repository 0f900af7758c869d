import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { actionDetail } from '../services/actions';

export const handler = httpHandler(routeTable.getAction, async ({ params }) =>
  json(200, await actionDetail(params.id)),
);
