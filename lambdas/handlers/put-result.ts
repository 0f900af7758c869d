import { ifMatchVersion } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { submitResult } from '../services/results';

export const handler = httpHandler(routeTable.putResult, async ({ params, body, caller, header }) => {
  const { id, period } = params;
  const expectedVersion = ifMatchVersion(header('if-match'));
  const result = await submitResult({ measureId: id, period, ...body, expectedVersion }, caller, new Date());
  return json(result.version === 1 ? 201 : 200, result, {
    etag: `"${result.version}"`,
    location: `/measures/${id}/results/${period}`,
  });
});
