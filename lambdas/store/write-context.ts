import type { Settings } from '../domain/settings';
import type { ActionDefinition, MeasureDefinition } from '../domain/types';
import { batchGet, type Key, keyId } from './batch';
import { stripKeys } from './item';
import {
  actionSk,
  closeSk,
  closingSk,
  definitionsPk,
  measureSk,
  quarterPk,
  resultSk,
  settingsSk,
  updateSk,
} from './keys';
import type { CloseRecord } from './quarter';
import { settingsFromItem } from './settings';
import { headVersion } from './versioned';

/** What a write is to: a result of a measure for a period, or an action's update for a quarter. */
export type WriteSubject =
  | { kind: 'result'; measureId: string; period: string; quarter: string }
  | { kind: 'action-update'; actionId: string; quarter: string };

type DefinitionOf<S extends WriteSubject> = S extends { kind: 'result' } ? MeasureDefinition : ActionDefinition;

export interface WriteContext<D = MeasureDefinition | ActionDefinition> {
  definition: D | undefined;
  /** The head item as read (null: never written), handed to the write so it need not read it again. */
  head: Record<string, unknown> | null;
  currentVersion: number;
  close: CloseRecord | undefined;
  /** A close of the quarter has begun (it may not have committed yet). */
  closing: boolean;
  settings: Settings;
}

export const headKey = (subject: WriteSubject): Key =>
  subject.kind === 'result'
    ? { pk: quarterPk(subject.quarter), sk: resultSk(subject.measureId, subject.period) }
    : { pk: quarterPk(subject.quarter), sk: updateSk(subject.actionId) };

/**
 * What a result or action-update write depends on, in one consistent BatchGetItem: the
 * definition, the head, the quarter's close and closing marker, the settings. Consistent,
 * so that a write never decides on a version or an open quarter that is already stale.
 */
export async function readWriteContext<S extends WriteSubject>(subject: S): Promise<WriteContext<DefinitionOf<S>>> {
  const keys = {
    definition: {
      pk: definitionsPk,
      sk: subject.kind === 'result' ? measureSk(subject.measureId) : actionSk(subject.actionId),
    },
    head: headKey(subject),
    close: { pk: quarterPk(subject.quarter), sk: closeSk },
    closing: { pk: quarterPk(subject.quarter), sk: closingSk },
    settings: { pk: definitionsPk, sk: settingsSk },
  };
  const items = await batchGet(Object.values(keys), { consistent: true });
  const definition = items.get(keyId(keys.definition));
  const head = items.get(keyId(keys.head)) ?? null;
  const close = items.get(keyId(keys.close));
  return {
    definition: definition ? stripKeys<DefinitionOf<S>>(definition) : undefined,
    head,
    currentVersion: headVersion(head),
    close: close ? stripKeys<CloseRecord>(close) : undefined,
    closing: items.has(keyId(keys.closing)),
    settings: settingsFromItem(items.get(keyId(keys.settings))),
  };
}
