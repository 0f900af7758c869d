import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { previewFreeze } from '../services/freeze';

export const handler = httpHandler(routeTable.reissuePreview, async ({ params }) =>
  json(200, await previewFreeze(params.quarter, { now: new Date(), reissue: true })),
);
