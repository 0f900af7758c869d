import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';

/**
 * Every page of a Query, each handed to `each` as it arrives (pages are bounded by the
 * 1 MB page size, never a Scan): a reader that converts its items page by page keeps what
 * it made of them, not every page's items until the last has come.
 */
export async function queryPages<T = Record<string, unknown>>(
  input: QueryCommandInput,
  each: (items: T[]) => void,
): Promise<void> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    each((page.Items ?? []) as T[]);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Every item of a Query, all its pages. */
export async function queryAll<T = Record<string, unknown>>(input: QueryCommandInput): Promise<T[]> {
  const items: T[] = [];
  await queryPages<T>(input, (page) => items.push(...page));
  return items;
}
