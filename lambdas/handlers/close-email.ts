import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { closeEmailStateOf } from '../services/outbox';

export const handler = httpHandler(routeTable.closeEmail, async ({ params }) =>
  json(200, await closeEmailStateOf(params.quarter)),
);
