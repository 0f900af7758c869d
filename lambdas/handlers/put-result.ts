import { VersionConflict } from '../domain/errors';
import { checkIfMatch, ifMatchVersion } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { checkResult, quarterForResult } from '../services/results';
import { readSubmitContext, writeResult } from '../store/results';

export const handler = httpHandler(routeTable.putResult, async ({ params, body, caller, header }) => {
  const { id, period } = params;
  const expectedVersion = ifMatchVersion(header('if-match'));
  const quarter = await quarterForResult(id, period);
  const context = await readSubmitContext(id, period, quarter);
  const { status, commentary } = checkResult(context, caller, { measureId: id, period, ...body });
  checkIfMatch(expectedVersion, context.currentVersion);
  const amendment = context.close !== undefined;
  let version: number;
  try {
    version = await writeResult({
      measureId: id,
      period,
      quarter,
      value: body.value,
      commentary,
      breakdown: body.breakdown,
      by: caller.sub,
      at: new Date().toISOString(),
      amendment,
      expectedVersion,
    });
  } catch (error) {
    if (error instanceof VersionConflict)
      throw new VersionConflict('The result changed since the version given in If-Match.', undefined, {
        cause: error,
      });
    throw error;
  }
  return json(
    version === 1 ? 201 : 200,
    {
      measureId: id,
      period,
      quarter,
      version,
      value: body.value,
      commentary: commentary ?? null,
      breakdown: body.breakdown ?? null,
      status,
      amendment,
    },
    { etag: `"${version}"`, location: `/measures/${id}/results/${period}` },
  );
});
