import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { putAction } from '../store/definitions';

export const handler = httpHandler(routeTable.putAction, async ({ params, body }) => {
  const action = { id: params.id, ...body };
  const created = await putAction(action);
  return json(created ? 201 : 200, action, { location: `/actions/${params.id}` });
});
