import { NotFound } from '../domain/errors';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { personWithHistory } from '../services/people';

export const handler = httpHandler(routeTable.getPerson, async ({ params }) => {
  const person = await personWithHistory(params.email);
  if (!person) throw new NotFound(`There is no person ${params.email}.`);
  return json(200, person, { etag: `"${person.version}"` });
});
