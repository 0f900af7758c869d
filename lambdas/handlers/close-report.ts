import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { closeForHttp } from '../services/close';

export const handler = httpHandler(routeTable.closeReport, async ({ params }) =>
  json(200, await closeForHttp(params.quarter, { now: new Date() })),
);
