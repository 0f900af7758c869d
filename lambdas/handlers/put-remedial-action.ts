import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { recordRemedialAction } from '../services/remedial';
import { writerOf } from '../services/writer';

export const handler = httpHandler(routeTable.putRemedialAction, async ({ params, query, body, caller }) =>
  json(
    200,
    await recordRemedialAction(
      params.quarter,
      params.itemId,
      { ...body, ...writerOf(caller), at: new Date().toISOString() },
      query.kind,
    ),
  ),
);
