import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { saveAction } from '../services/actions';

export const handler = httpHandler(routeTable.putAction, async ({ params, body, caller }) => {
  const action = { id: params.id, ...body };
  const { created } = await saveAction(action, { by: caller.sub });
  return json(created ? 201 : 200, action, { location: `/actions/${params.id}` });
});
