import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { recordRemedialAction } from '../services/remedial';

export const handler = httpHandler(routeTable.putRemedialAction, async ({ params, query, body, caller }) =>
  json(
    200,
    await recordRemedialAction(
      params.quarter,
      params.itemId,
      { ...body, by: caller.sub, at: new Date().toISOString() },
      query.kind,
    ),
  ),
);
