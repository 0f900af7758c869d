import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Invalid } from '../domain/errors';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { definitionsPk } from './keys';

export interface ListFilters {
  plan?: string;
  programme?: string;
  directorate?: string;
}

interface Cursor {
  sk: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(next: string, prefix: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as Cursor;
    if (typeof cursor?.sk === 'string' && cursor.sk.startsWith(prefix) && cursor.sk.length < 300)
      return { sk: cursor.sk };
  } catch {
    // fall through: a cursor this API did not give
  }
  throw new Invalid('The next cursor is not one this API gave.', [
    { path: '/query/next', message: 'an opaque cursor from a previous page' },
  ]);
}

/**
 * One page of definitions of a kind (MEASURE# or ACTION#), filtered. The cursor is the
 * last item returned, so filtered-out stretches never produce short or empty pages.
 */
export async function listDefinitions<T>(
  prefix: 'MEASURE#' | 'ACTION#',
  filters: ListFilters,
  limit: number,
  next?: string,
): Promise<{ items: T[]; next: string | null }> {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': definitionsPk, ':prefix': prefix };
  if (filters.plan) {
    conditions.push('#plan = :plan');
    names['#plan'] = 'plan';
    values[':plan'] = filters.plan;
  }
  if (filters.programme) {
    conditions.push('programme = :programme');
    values[':programme'] = filters.programme;
  }
  if (filters.directorate) {
    // Measures list the directorates they cover; actions only have an owner.
    conditions.push(
      prefix === 'MEASURE#' ? '(ownerDirectorate = :dir OR contains(directorates, :dir))' : 'ownerDirectorate = :dir',
    );
    values[':dir'] = filters.directorate;
  }
  let startKey: Record<string, unknown> | undefined = next
    ? { pk: definitionsPk, ...decodeCursor(next, prefix) }
    : undefined;
  const items: Record<string, unknown>[] = [];
  let exhausted = false;
  while (items.length <= limit && !exhausted) {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: conditions.length ? conditions.join(' AND ') : undefined,
        ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
        ExpressionAttributeValues: values,
        ExclusiveStartKey: startKey,
        Limit: limit + 1,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
    exhausted = !startKey;
  }
  const pageItems = items.slice(0, limit);
  const more = items.length > limit;
  return {
    items: pageItems.map((item) => stripKeys<T>(item)),
    next: more ? encodeCursor({ sk: String(pageItems[pageItems.length - 1]!.sk) }) : null,
  };
}
