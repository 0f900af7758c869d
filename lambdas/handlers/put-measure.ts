import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { saveMeasure } from '../services/measures';

export const handler = httpHandler(routeTable.putMeasure, async ({ params, body, caller }) => {
  const measure = { id: params.id, ...body };
  const { created } = await saveMeasure(measure, { by: caller.sub });
  return json(created ? 201 : 200, measure, { location: `/measures/${params.id}` });
});
