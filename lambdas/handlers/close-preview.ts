import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { previewFreeze } from '../services/freeze';

export const handler = httpHandler(routeTable.closePreview, async ({ params }) =>
  json(200, await previewFreeze(params.quarter, { now: new Date() })),
);
