import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Unavailable } from '../domain/errors';
import { db, tableName } from './client';
import { definitionsPk } from './keys';
import { queryAll } from './query';

// Definitions (measures, actions) with their every version (docs/plan-administration.md
// "Definition history"). The head item (DEF, MEASURE#<id>) holds the live definition and
// its version number; each earlier version is an item of its own under
// HIST#<head sk>, outside the definitions partition the report reads, so no history is
// bounded by the 400 KB item limit. No transactions: the head's conditional PutItem is
// the commit point.
//
//   1. read the head (consistently): version n and its fields
//   2. seal version n: PutItem of its version item unless one exists (derived from the
//      head, so a retry writes the same), so no version lives only in a head that moved on
//   3. commit: PutItem of the head, condition `version = n`, as version n + 1
//
// A crash between 2 and 3 leaves a sealed copy of what the head already holds, nothing
// else. Heads written before versioning (the sample plan) are version 1.

import type { Item } from './item';

/** Fields of a head that are bookkeeping, not the definition. */
export const headBookkeeping = ['pk', 'sk', 'version', 'by', 'at', 'changed'] as const;

export const historyPk = (headSk: string) => `HIST#${headSk}`;
export const historySk = (version: number) => String(version).padStart(10, '0');

export interface VersionInfo {
  version: number;
  by?: string;
  at?: string;
  changed?: string[];
}

/** A head as read: null when the definition does not exist. */
export async function readDefinitionHead(headSk: string): Promise<Item | null> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: { pk: definitionsPk, sk: headSk }, ConsistentRead: true }),
  );
  return out.Item ?? null;
}

export const versionOfHead = (head: Item | null): number =>
  !head ? 0 : typeof head.version === 'number' ? head.version : 1;

function versionEntry(head: Item): Item {
  const { pk: _pk, sk: _sk, ...entry } = head;
  return { ...entry, version: versionOfHead(head) };
}

async function seal(headSk: string, head: Item): Promise<void> {
  const entry = versionEntry(head);
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...entry, pk: historyPk(headSk), sk: historySk(entry.version as number) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/**
 * Writes the head computed by `next` from the current head (null: none yet) as a new
 * version; `next` answers null when nothing would change, and nothing is written.
 * Concurrent writers each get their own version: a loser of the commit re-reads and
 * computes again. Answers the version written, or null when unchanged, and whether the
 * definition was created.
 */
export async function writeDefinitionVersion(
  headSk: string,
  next: (head: Item | null) => Item | null,
  head?: Item | null,
): Promise<{ version: number | null; created: boolean; item: Item }> {
  let current = head === undefined ? await readDefinitionHead(headSk) : head;
  for (let attempt = 0; attempt < 30; attempt++) {
    if (attempt > 0) {
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 4 * 2 ** attempt)));
      current = await readDefinitionHead(headSk);
    }
    const fields = next(current);
    if (!fields) return { version: null, created: false, item: current! };
    const version = versionOfHead(current) + 1;
    if (current) await seal(headSk, current);
    const values: Item = {};
    let condition = 'attribute_not_exists(pk)';
    if (current && typeof current.version === 'number') {
      condition = 'version = :current';
      values[':current'] = current.version;
    } else if (current) condition = 'attribute_exists(pk) AND attribute_not_exists(version)';
    const item = { ...fields, pk: definitionsPk, sk: headSk, version };
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: item,
          ConditionExpression: condition,
          ...(Object.keys(values).length > 0 && { ExpressionAttributeValues: values }),
        }),
      );
      return { version, created: current === null, item };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  throw new Unavailable('Too many writers to this definition at once; nothing was changed. Retry shortly.');
}

/**
 * Every version of a definition, oldest first; null when it never existed. The head is
 * read first: every version below its number was sealed before the head reached it.
 */
export async function readDefinitionVersions(headSk: string): Promise<Item[] | null> {
  const head = await readDefinitionHead(headSk);
  if (!head) return null;
  const latest = versionOfHead(head);
  const items =
    latest > 1
      ? await queryAll<Item>({
          TableName: tableName(),
          ConsistentRead: true,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
          ExpressionAttributeValues: {
            ':pk': historyPk(headSk),
            ':first': historySk(1),
            ':last': historySk(latest - 1),
          },
        })
      : [];
  const byVersion = new Map<number, Item>();
  for (const { pk: _pk, sk: _sk, ...entry } of items) byVersion.set(Number(entry.version), entry);
  byVersion.set(latest, versionEntry(head));
  const versions: Item[] = [];
  for (let version = 1; version <= latest; version++) {
    const entry = byVersion.get(version);
    // Cannot happen by the protocol above; a gap would be a bug to see, not to hide.
    if (!entry) throw new Error(`version ${version} of ${headSk} is missing`);
    versions.push(entry);
  }
  return versions;
}
