import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { putPerson } from '../services/people';

export const handler = httpHandler(routeTable.putPerson, async ({ params, body, caller }) => {
  const { person, created } = await putPerson(params.email, body, caller);
  return json(created ? 201 : 200, person, { etag: `"${person.version}"` });
});
