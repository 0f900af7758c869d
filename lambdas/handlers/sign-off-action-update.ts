import { ifMatchVersion } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { decideOnActionUpdate } from '../services/sign-off';

// An approver's decision on the version If-Match names (docs/sign-off.md).
export const handler = httpHandler(routeTable.signOffActionUpdate, async ({ params, body, caller, header }) => {
  const expectedVersion = ifMatchVersion(header('if-match'));
  return json(
    200,
    await decideOnActionUpdate(params.id, params.quarter, { ...body, expectedVersion }, caller, new Date()),
  );
});
