import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { yourReturns } from '../services/returns';

// The web app's `Your returns` page in one request: the caller's directorate unless another is asked for.
export const handler = httpHandler(routeTable.getReturns, async ({ query, caller }) =>
  json(200, await yourReturns(query.directorate ?? caller.directorate, query.quarter)),
);
