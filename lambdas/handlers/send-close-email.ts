import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { sendCloseEmailAgain } from '../services/outbox';

export const handler = httpHandler(routeTable.sendCloseEmailAgain, async ({ params }) =>
  json(200, await sendCloseEmailAgain(params.quarter, new Date())),
);
