import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import type { Item } from './item';

export type Key = { pk: string; sk: string };

/**
 * Gets up to 100 items in one BatchGetItem (more only if DynamoDB leaves keys unprocessed).
 * `consistent`: what a write decides on (the version, the quarter's close) must not be stale.
 */
export async function batchGet(keys: Key[], options: { consistent?: boolean } = {}): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  let pending: Key[] = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
    const out = await db().send(
      new BatchGetCommand({
        RequestItems: { [tableName()]: { Keys: pending, ...(options.consistent && { ConsistentRead: true }) } },
      }),
    );
    for (const item of out.Responses?.[tableName()] ?? []) found.set(`${item.pk}|${item.sk}`, item);
    pending = (out.UnprocessedKeys?.[tableName()]?.Keys ?? []) as Key[];
  }
  return found;
}

export const keyId = (key: Key) => `${key.pk}|${key.sk}`;

/** Any number of items, in BatchGetItem requests of 100 keys (DynamoDB's limit), one after another. */
export async function batchGetAll(keys: Key[], options: { consistent?: boolean } = {}): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  for (let i = 0; i < keys.length; i += 100) {
    for (const [id, item] of await batchGet(keys.slice(i, i + 100), options)) found.set(id, item);
  }
  return found;
}
