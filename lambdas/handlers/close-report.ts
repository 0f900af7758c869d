import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { closeOnRequest } from '../services/close';

export const handler = httpHandler(routeTable.closeReport, async ({ params }) =>
  json(200, await closeOnRequest(params.quarter, { now: new Date() })),
);
