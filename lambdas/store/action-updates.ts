import type { ActionDefinition, ActionStatus } from '../domain/types';
import { batchGet, type Key, keyId } from './batch';
import { stripKeys } from './item';
import { actionGsiPk, actionSk, closeSk, definitionsPk, quarterPk, updateSk } from './keys';
import type { CloseRecord } from './quarter';

import { appendVersion } from './versioned';

export interface ActionUpdateWrite {
  actionId: string;
  quarter: string;
  status: ActionStatus;
  commentary?: string;
  by: string;
  at: string;
  amendment?: boolean;
  expectedVersion?: number;
}

const updateKey = (actionId: string, quarter: string): Key => ({ pk: quarterPk(quarter), sk: updateSk(actionId) });

/** What an action update depends on, in one BatchGetItem. */
export async function readActionUpdateContext(actionId: string, quarter: string) {
  const keys = {
    action: { pk: definitionsPk, sk: actionSk(actionId) },
    update: updateKey(actionId, quarter),
    close: { pk: quarterPk(quarter), sk: closeSk },
  };
  const items = await batchGet(Object.values(keys));
  const action = items.get(keyId(keys.action));
  const update = items.get(keyId(keys.update));
  const close = items.get(keyId(keys.close));
  return {
    action: action ? stripKeys<ActionDefinition>(action) : undefined,
    currentVersion: typeof update?.version === 'number' ? update.version : 0,
    close: close ? stripKeys<CloseRecord>(close) : undefined,
  };
}

/** Like results: one UpdateItem appends the version to the history and bumps the number atomically. */
export async function writeActionUpdate(write: ActionUpdateWrite): Promise<number> {
  const optional = { commentary: write.commentary, amendment: write.amendment || undefined };
  const entry = Object.fromEntries(
    Object.entries({ status: write.status, by: write.by, at: write.at, ...optional }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return appendVersion(
    updateKey(write.actionId, write.quarter),
    {
      actionId: write.actionId,
      quarter: write.quarter,
      status: write.status,
      by: write.by,
      at: write.at,
      gsi1pk: actionGsiPk(write.actionId),
      gsi1sk: write.quarter,
    },
    optional,
    entry,
    write.expectedVersion,
  );
}
