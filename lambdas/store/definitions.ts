import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Settings } from '../domain/settings';
import type { ActionDefinition, ActionUpdateValue, MeasureDefinition, ResultValue } from '../domain/types';
import { batchGet, batchGetAll, keyId } from './batch';
import { db, tableName } from './client';
import { type Item, stripKeys } from './item';
import { actionGsiPk, actionSk, definitionsPk, gsi1, measureGsiPk, measureSk, settingsSk } from './keys';
import { queryAll } from './query';
import { settingsFromItem } from './settings';

/** Creates or replaces a definition item; true when it did not exist before. */
async function putDefinition(sk: string, definition: MeasureDefinition | ActionDefinition): Promise<boolean> {
  const out = await db().send(
    new PutCommand({ TableName: tableName(), Item: { pk: definitionsPk, sk, ...definition }, ReturnValues: 'ALL_OLD' }),
  );
  return out.Attributes === undefined;
}

export const putMeasure = (measure: MeasureDefinition) => putDefinition(measureSk(measure.id), measure);
export const putAction = (action: ActionDefinition) => putDefinition(actionSk(action.id), action);

export interface Definitions {
  measures: MeasureDefinition[];
  actions: ActionDefinition[];
  settings: Settings;
}

/** Measures, actions and settings in one partition: one Query (paged by size only). */
export async function readDefinitions(): Promise<Definitions> {
  const items = await queryAll<Item>({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': definitionsPk },
  });
  const defs: Definitions = { measures: [], actions: [], settings: settingsFromItem(undefined) };
  for (const item of items) {
    const sk = String(item.sk);
    if (sk.startsWith('MEASURE#')) defs.measures.push(stripKeys(item));
    else if (sk.startsWith('ACTION#')) defs.actions.push(stripKeys(item));
    else if (sk === settingsSk) defs.settings = settingsFromItem(item);
  }
  return defs;
}

/** A subject's items across quarters (results or action updates), by period. */
export async function readSubjectHistory(gsiPk: string): Promise<Item[]> {
  return queryAll<Item>({
    TableName: tableName(),
    IndexName: gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': gsiPk },
  });
}

/** One measure (one BatchGetItem, as the other reads of definitions by key); null when there is none. */
export async function readMeasure(id: string): Promise<MeasureDefinition | null> {
  const key = { pk: definitionsPk, sk: measureSk(id) };
  const item = (await batchGet([key])).get(keyId(key));
  return item ? stripKeys<MeasureDefinition>(item) : null;
}

/** A result as its measure's history lists it: the current version, who wrote it and when. */
export type RecordedResult = ResultValue & { by: string; at: string; amendment?: boolean };

function recordedResult(item: Item): RecordedResult {
  const { measureId, period, value, commentary, breakdown, version, by, at, amendment } =
    stripKeys<RecordedResult>(item);
  return { measureId, period, value, commentary, breakdown, version, by, at, amendment };
}

/** A measure, the settings and its results in every quarter: one BatchGetItem and one Query, together. */
export async function readMeasureWithHistory(
  id: string,
): Promise<{ measure: MeasureDefinition; settings: Settings; results: RecordedResult[] } | null> {
  const measureKey = { pk: definitionsPk, sk: measureSk(id) };
  const settingsKey = { pk: definitionsPk, sk: settingsSk };
  const [items, history] = await Promise.all([
    batchGet([measureKey, settingsKey]),
    readSubjectHistory(measureGsiPk(id)),
  ]);
  const item = items.get(keyId(measureKey));
  if (!item) return null;
  return {
    measure: stripKeys<MeasureDefinition>(item),
    settings: settingsFromItem(items.get(keyId(settingsKey))),
    results: history.map(recordedResult),
  };
}

export type RecordedUpdate = Omit<ActionUpdateValue, 'decision' | 'approved'> & {
  by: string;
  at: string;
  amendment?: boolean;
};

/** An update as GET /actions/{id} lists it: its own fields, not the head's sign-off bookkeeping or the submitter's address. */
function recordedUpdate(item: Item): RecordedUpdate {
  const { actionId, quarter, status, commentary, version, by, at, amendment, submitted } =
    stripKeys<RecordedUpdate>(item);
  return { actionId, quarter, status, commentary, version, by, at, amendment, submitted };
}

/** An action and its update in every quarter. */
export async function readActionWithHistory(
  id: string,
): Promise<{ action: ActionDefinition; updates: RecordedUpdate[] } | null> {
  const key = { pk: definitionsPk, sk: actionSk(id) };
  const [items, updates] = await Promise.all([batchGet([key]), readSubjectHistory(actionGsiPk(id))]);
  const item = items.get(keyId(key));
  if (!item) return null;
  return { action: stripKeys<ActionDefinition>(item), updates: updates.map(recordedUpdate) };
}

/** The measures and planned work named (those that exist) and the settings, in BatchGetItem requests of 100 keys. */
export async function readMeasuresAndSettings(
  ids: readonly string[],
  actionIds: readonly string[] = [],
): Promise<{ measures: Map<string, MeasureDefinition>; actions: Map<string, ActionDefinition>; settings: Settings }> {
  const settingsKey = { pk: definitionsPk, sk: settingsSk };
  const found = await batchGetAll([
    settingsKey,
    ...ids.map((id) => ({ pk: definitionsPk, sk: measureSk(id) })),
    ...actionIds.map((id) => ({ pk: definitionsPk, sk: actionSk(id) })),
  ]);
  const named = <T>(list: readonly string[], sk: (id: string) => string) => {
    const out = new Map<string, T>();
    for (const id of list) {
      const item = found.get(keyId({ pk: definitionsPk, sk: sk(id) }));
      if (item) out.set(id, stripKeys<T>(item));
    }
    return out;
  };
  return {
    measures: named<MeasureDefinition>(ids, measureSk),
    actions: named<ActionDefinition>(actionIds, actionSk),
    settings: settingsFromItem(found.get(keyId(settingsKey))),
  };
}
