import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Settings } from '../domain/settings';
import type { ActionDefinition, MeasureDefinition } from '../domain/types';
import { db, tableName } from './client';
import { actionSk, definitionsPk, gsi1, measureSk, settingsSk } from './keys';
import { queryAll } from './query';
import { settingsFromItem } from './settings';

type Item = Record<string, unknown>;

export function stripKeys<T>(item: Item): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...rest } = item;
  return rest as T;
}

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

/** Marks a definition retired from a quarter on; false when it does not exist. */
export async function retireDefinition(sk: string, retiredFrom: string): Promise<Item | null> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: definitionsPk, sk },
        UpdateExpression: 'SET retiredFrom = if_not_exists(retiredFrom, :q)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':q': retiredFrom },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes ?? null;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
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
