import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { closeOnRequest } from '../services/close';

export const handler = httpHandler(routeTable.reissueReport, async ({ params }) =>
  json(200, await closeOnRequest(params.quarter, { now: new Date(), reissue: true })),
);
