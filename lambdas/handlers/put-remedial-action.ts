import { NotFound } from '../domain/errors';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { putRemedialAction, subjectExists } from '../store/remedial';

// Recordable before close (on the live preview's items) and after it: the item id is
// the subject's id, so what EMT records carries into the snapshot.
export const handler = httpHandler(routeTable.putRemedialAction, async ({ params, body, caller }) => {
  if (!(await subjectExists(params.itemId))) {
    throw new NotFound(`There is no measure or action ${params.itemId} to record a remedial action for.`);
  }
  const remedial = { ...body, by: caller.sub, at: new Date().toISOString() };
  await putRemedialAction(params.quarter, params.itemId, remedial);
  return json(200, remedial);
});
