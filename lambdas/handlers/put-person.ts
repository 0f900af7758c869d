import { ifMatchVersion } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { putPerson } from '../services/people';

export const handler = httpHandler(routeTable.putPerson, async ({ params, body, caller, header }) => {
  const expectedVersion = ifMatchVersion(header('if-match'));
  const { person, created } = await putPerson(params.email, body, caller, expectedVersion);
  return json(created ? 201 : 200, person, { etag: `"${person.version}"` });
});
