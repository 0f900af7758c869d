import type { ActionStatus } from '../domain/types';
import { actionGsiPk } from './keys';
import { carryApproval } from './sign-off';
import { appendVersion, entryFields, readVersions } from './versioned';
import { headKey } from './write-context';

export interface ActionUpdateWrite {
  actionId: string;
  quarter: string;
  status: ActionStatus;
  commentary?: string;
  by: string;
  /** Their display name when written (domain/display-name.ts). */
  byName?: string;
  at: string;
  amendment?: boolean;
  /** Saved while sign-off is on (docs/sign-off.md); the submitter's address. */
  submitted?: boolean;
  email?: string;
  expectedVersion?: number;
  /** An import's id: a replay of the same import skips rows it already wrote. */
  writeKey?: string;
  /** The head as just read consistently (readWriteContext), so it is not read again. */
  head?: Record<string, unknown> | null;
}

/** One version of an action's update for a quarter, as its history holds it. */
export interface ActionUpdateVersion {
  version: number;
  status: ActionStatus;
  commentary?: string;
  by: string;
  /** Their display name when written (domain/display-name.ts). */
  byName?: string;
  at: string;
  amendment?: boolean;
  submitted?: boolean;
  email?: string;
}

export const updateKey = (actionId: string, quarter: string) => headKey({ kind: 'action-update', actionId, quarter });

/** The fields of an action update that make up an approved version (the head's `approved`). */
export const updateApprovedFields = ['status', 'commentary'] as const;

export const actionUpdateEntryOf = entryFields(
  'status',
  'commentary',
  'by',
  'byName',
  'at',
  'amendment',
  'submitted',
  'email',
);

/** Like results: the head's conditional UpdateItem commits the version, which also gets an item of its own. */
export async function writeActionUpdate(write: ActionUpdateWrite): Promise<number> {
  return appendVersion({
    key: updateKey(write.actionId, write.quarter),
    fields: {
      actionId: write.actionId,
      quarter: write.quarter,
      status: write.status,
      commentary: write.commentary,
      by: write.by,
      byName: write.byName,
      at: write.at,
      amendment: write.amendment || undefined,
      submitted: write.submitted || undefined,
      email: write.email,
      gsi1pk: actionGsiPk(write.actionId),
      gsi1sk: write.quarter,
    },
    entryOf: actionUpdateEntryOf,
    expectedVersion: write.expectedVersion,
    writeKey: write.writeKey,
    head: write.head,
    fieldsFromHead: carryApproval(updateApprovedFields),
  });
}

/** An update's versions, oldest first; null when none was ever saved. */
export function readActionUpdateHistory(actionId: string, quarter: string) {
  return readVersions<Omit<ActionUpdateVersion, 'version'>>(updateKey(actionId, quarter), actionUpdateEntryOf);
}
