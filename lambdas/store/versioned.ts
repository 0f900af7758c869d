import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { VersionConflict } from '../domain/errors';
import type { Key } from './batch';
import { db, tableName } from './client';

export { VersionConflict };

/**
 * Writes a new version of a versioned item (a result, an action update) with one
 * UpdateItem: the current fields are replaced (absent ones removed), the version entry
 * is appended to the item's `versions` history and `version` is bumped atomically, so
 * concurrent writers each get their own version and none is lost. With
 * `expectedVersion` the write happens only over that version (0: only if none exists).
 * With `writeKey` (an import's id) the write happens only if the item's last write did
 * not carry the same key, so replaying a partly applied import repeats no version.
 * Returns the new version number.
 */
export async function appendVersion(
  key: Key,
  current: Record<string, unknown>,
  optional: Record<string, unknown>,
  entry: Record<string, unknown>,
  expectedVersion?: number,
  writeKey?: string,
): Promise<number> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':empty': [], ':entry': [entry], ':one': 1 };
  const set: string[] = ['versions = list_append(if_not_exists(versions, :empty), :entry)'];
  const remove: string[] = [];
  let i = 0;
  for (const [field, value] of Object.entries({ ...current, ...optional })) {
    const n = `#f${i}`;
    names[n] = field;
    if (value === undefined) remove.push(n);
    else {
      set.push(`${n} = :v${i}`);
      values[`:v${i}`] = value;
    }
    i++;
  }
  const conditions: string[] = [];
  if (expectedVersion !== undefined) {
    if (expectedVersion === 0) conditions.push('attribute_not_exists(pk)');
    else {
      conditions.push('version = :expected');
      values[':expected'] = expectedVersion;
    }
  }
  if (writeKey !== undefined) {
    conditions.push('(attribute_not_exists(lastWriteKey) OR lastWriteKey <> :writeKey)');
    set.push('lastWriteKey = :writeKey');
    values[':writeKey'] = writeKey;
  } else remove.push('lastWriteKey');
  const condition = conditions.length ? conditions.join(' AND ') : undefined;
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''} ADD version :one`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.version);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new VersionConflict();
    throw error;
  }
}

/** A versioned item's history, oldest first, numbered from 1; null when it was never written. */
export async function readVersions<T>(key: Key): Promise<(T & { version: number })[] | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key, ProjectionExpression: 'versions' }));
  const versions = out.Item?.versions as T[] | undefined;
  if (!versions) return null;
  return versions.map((entry, index) => ({ version: index + 1, ...entry }));
}
