import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { closeOnRequest } from '../services/close';

export const handler = httpHandler(routeTable.closeReport, async ({ params, body }) =>
  json(200, await closeOnRequest(params.quarter, { now: new Date(), early: body?.early === true })),
);
