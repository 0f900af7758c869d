import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { awaitingSignOff } from '../services/sign-off';

// The `Awaiting sign-off` page in one request: the caller's directorate unless another is asked for.
export const handler = httpHandler(routeTable.getSignOffs, async ({ query, caller }) =>
  json(200, await awaitingSignOff(query.directorate ?? caller.directorate, query.quarter)),
);
