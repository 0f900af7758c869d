import { ifMatchVersion } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { decideOnResult } from '../services/sign-off';

// An approver's decision on the version If-Match names (docs/sign-off.md).
export const handler = httpHandler(routeTable.signOffResult, async ({ params, body, caller, header }) => {
  const expectedVersion = ifMatchVersion(header('if-match'));
  return json(200, await decideOnResult(params.id, params.period, { ...body, expectedVersion }, caller, new Date()));
});
