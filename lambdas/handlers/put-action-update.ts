import { actionDueIn, actionUpdateProblem } from '../domain';
import { Conflict, Forbidden, Invalid, NotFound, VersionConflict } from '../domain/errors';
import { hasRole } from '../http/auth';
import { checkIfMatch, ifMatchVersion } from '../http/etag';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { readActionUpdateContext, writeActionUpdate } from '../store/action-updates';

export const handler = httpHandler(routeTable.putActionUpdate, async ({ params, body, caller, header }) => {
  const { id, quarter } = params;
  const expectedVersion = ifMatchVersion(header('if-match'));
  const context = await readActionUpdateContext(id, quarter);
  const action = context.action;
  if (!action) throw new NotFound(`There is no action ${id}.`);
  const isAdmin = hasRole(caller, 'admin');
  if (!isAdmin && caller.directorate !== action.ownerDirectorate) {
    throw new Forbidden(`Only officers of ${action.ownerDirectorate} (or admins) may update ${id}.`);
  }
  if (!actionDueIn(action, quarter)) {
    throw new Invalid(`${id} is not reported in ${quarter}.`, [
      {
        path: '/path/quarter',
        message: `a quarter from ${action.startQuarter ?? 'the start'} to ${action.dueQuarter ?? 'open-ended'}`,
      },
    ]);
  }
  if (context.close && !isAdmin) throw new Conflict(`${quarter} is closed; ask the performance team to amend it.`);
  const commentary = body.commentary?.trim() ? body.commentary : undefined;
  const problem = actionUpdateProblem(body.status, commentary);
  if (problem)
    throw new Invalid(problem, [{ path: '/commentary', message: 'required when the status is amber or red' }]);
  checkIfMatch(expectedVersion, context.currentVersion);
  const amendment = context.close !== undefined;
  let version: number;
  try {
    version = await writeActionUpdate({
      actionId: id,
      quarter,
      status: body.status,
      commentary,
      by: caller.sub,
      at: new Date().toISOString(),
      amendment,
      expectedVersion,
    });
  } catch (error) {
    if (error instanceof VersionConflict)
      throw new VersionConflict('The update changed since the version given in If-Match.', undefined, {
        cause: error,
      });
    throw error;
  }
  return json(
    version === 1 ? 201 : 200,
    { actionId: id, quarter, status: body.status, commentary: commentary ?? null, version, amendment },
    { etag: `"${version}"`, location: `/actions/${id}/updates/${quarter}` },
  );
});
