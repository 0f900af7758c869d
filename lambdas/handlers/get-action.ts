import { NotFound } from '../domain/errors';
import type { ActionDefinition } from '../domain/types';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { batchGet, keyId } from '../store/batch';
import { readSubjectHistory, stripKeys } from '../store/definitions';
import { actionGsiPk, actionSk, definitionsPk } from '../store/keys';

export const handler = httpHandler(routeTable.getAction, async ({ params }) => {
  const key = { pk: definitionsPk, sk: actionSk(params.id) };
  const [items, updates] = await Promise.all([batchGet([key]), readSubjectHistory(actionGsiPk(params.id))]);
  const item = items.get(keyId(key));
  if (!item) throw new NotFound(`There is no action ${params.id}.`);
  return json(200, {
    action: stripKeys<ActionDefinition>(item),
    updates: updates.map((u) => stripKeys<Record<string, unknown>>(u)),
  });
});
