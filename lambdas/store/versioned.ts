import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { timeLeftMs } from '../config/deadline';
import { Unavailable, VersionConflict } from '../domain/errors';
import type { Key } from './batch';
import { db, tableName } from './client';
import { versionPk, versionSk } from './keys';
import { queryAll } from './query';

// Versioned items without a size limit (docs/storage.md "Version history"): the head item
// (the key callers know) holds the latest fields and the version counter; each version is
// also an item of its own in a partition per head, outside the partitions the report and
// the GSI read. No transactions: the head's conditional UpdateItem is the commit point.
//
//   1. read the head (consistently): version n and its fields
//   2. seal version n: PutItem of its version item unless one exists, so that no
//      version is ever only in the head when the head moves on
//   3. commit: UpdateItem of the head, condition `version = n`, to version n + 1
//
// The latest version lives only in the head until the next write seals it; readers take
// it from there. A crash between 2 and 3 leaves a sealed copy of what the head already
// holds, nothing else. Items written by the old design keep every version in a
// `versions` list on the head; they are read as they are, and the first write after the
// change seals the list into version items and drops it.

export { VersionConflict };

type Item = Record<string, unknown>;

export interface VersionedWrite {
  key: Key;
  /** The head's latest fields; an undefined value removes the field. */
  fields: Item;
  /** A version's entry in the history from the head's fields (the rest are the head's own, e.g. the GSI's keys). */
  entryOf: EntryOf;
  /** Write only over this version (0: only if none exists); absent: over whatever is latest. */
  expectedVersion?: number;
  /** An import's id: the write is skipped (VersionConflict) if the head's last write carried it. */
  writeKey?: string;
  /** The head as the caller has just read it with a consistent read (saves reading it again); null: none. */
  head?: Item | null;
  /**
   * More fields computed from the head being replaced (each attempt's, so a lost commit
   * recomputes them); null: nothing to write over this head, and appendVersion answers
   * its version unchanged.
   */
  fieldsFromHead?: (head: Item | null) => Item | null;
}

/** How long a writer keeps retrying a lost commit: well inside API Gateway's 29 s. */
const retryBudgetMs = 20_000;
/**
 * Time kept back from the invocation's deadline for the last attempt and the answer: the
 * retries stop here so that the answer is a 503 with Retry-After, never middy's timeout
 * (a 500 while a write might still land).
 */
export const deadlineMarginMs = 2_000;

/** The version a head item holds; a head written before versioning (settings) is version 1. */
export const headVersion = (head: Item | null | undefined): number =>
  !head ? 0 : typeof head.version === 'number' ? head.version : 1;

export type EntryOf = (head: Item) => Item;

/** An entry made of these fields of the head (absent ones left out). */
export const entryFields =
  (...fields: string[]): EntryOf =>
  (item) =>
    Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]]));

export async function readHead(key: Key): Promise<Item | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return out.Item ?? null;
}

/** PutItem of a version item unless it exists; an existing one has the same content (it was sealed from the same head). */
export async function putVersionItem(key: Key, version: number, entry: Item): Promise<void> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...entry, pk: versionPk(key), sk: versionSk(version), version },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Step 2: every version the head holds gets its own item before the head may move on. */
async function seal(key: Key, head: Item | null, entryOf: EntryOf): Promise<void> {
  if (!head) return;
  const legacy = Array.isArray(head.versions) ? (head.versions as Item[]) : null;
  if (legacy) {
    // The old design's list holds every version, the head's latest included.
    for (let i = 0; i < legacy.length; i += 16)
      await Promise.all(legacy.slice(i, i + 16).map((entry, j) => putVersionItem(key, i + j + 1, entry)));
    if (legacy.length >= headVersion(head)) return;
  }
  await putVersionItem(key, headVersion(head), entryOf(head));
}

/**
 * Writes a new version of a versioned item (a result, an action update, the settings).
 * Concurrent writers each get their own version (a loser of the commit re-reads and tries
 * the next number; with `expectedVersion` it fails with VersionConflict instead).
 * Returns the new version number.
 */
export async function appendVersion(write: VersionedWrite): Promise<number> {
  const { key, fields, entryOf, expectedVersion, writeKey } = write;
  let head = write.head === undefined ? await readHead(key) : write.head;
  const giveUpAt = Date.now() + Math.min(retryBudgetMs, timeLeftMs() - deadlineMarginMs);
  for (let attempt = 0; attempt === 0 || Date.now() < giveUpAt; attempt++) {
    if (attempt > 0) {
      // Jittered and growing, so that a crowd of writers to one item spreads out and
      // each round costs few requests; never sleeping past the point of giving up.
      const pause = Math.min(Math.random() * Math.min(1000, 10 * 2 ** attempt), giveUpAt - Date.now());
      await new Promise((r) => setTimeout(r, Math.max(0, pause)));
      if (Date.now() >= giveUpAt) break;
      head = await readHead(key);
    }
    const current = headVersion(head);
    if (expectedVersion !== undefined && current !== expectedVersion) throw new VersionConflict(undefined, current);
    if (writeKey !== undefined && head?.lastWriteKey === writeKey) throw new VersionConflict(undefined, current);
    const fromHead = write.fieldsFromHead?.(head);
    if (fromHead === null) return current;
    await seal(key, head, entryOf);
    const next = current + 1;
    if (await commitHead(key, head, { ...fields, ...fromHead }, next, writeKey)) return next;
    if (expectedVersion !== undefined) throw new VersionConflict();
  }
  // Nothing was written for this request; the client may send it again.
  throw new Unavailable('Too many writers to this item at once; nothing was changed. Retry shortly.');
}

/** Step 3, the commit: the head moves from the version read to `next`, or nothing happens. */
async function commitHead(
  key: Key,
  head: Item | null,
  fields: Item,
  next: number,
  writeKey: string | undefined,
): Promise<boolean> {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Item = { ':next': next };
  const set = ['#version = :next'];
  const remove: string[] = [];
  let i = 0;
  for (const [field, value] of Object.entries(fields)) {
    const n = `#f${i}`;
    names[n] = field;
    if (value === undefined) remove.push(n);
    else {
      set.push(`${n} = :v${i}`);
      values[`:v${i}`] = value;
    }
    i++;
  }
  if (writeKey !== undefined) {
    set.push('lastWriteKey = :writeKey');
    values[':writeKey'] = writeKey;
  } else remove.push('lastWriteKey');
  if (head && Array.isArray(head.versions)) remove.push('versions');
  let condition: string;
  if (!head) condition = 'attribute_not_exists(pk)';
  else if (typeof head.version !== 'number') condition = 'attribute_exists(pk) AND attribute_not_exists(#version)';
  else {
    condition = '#version = :current';
    values[':current'] = head.version;
  }
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * A versioned item's history, oldest first, numbered from 1; null when it was never
 * written. The head is read first: every version below its number was sealed before
 * the head reached it, so the Query that follows finds them all; the head's own version
 * may not be sealed yet, and is then taken from the head.
 */
export async function readVersions<T>(
  key: Key,
  entryOf: EntryOf,
  earlierLayout?: EarlierLayout,
): Promise<(T & { version: number })[] | null> {
  const head = await readHead(key);
  if (!head) return null;
  return versionsFromHead<T>(key, head, entryOf, earlierLayout);
}

/**
 * Where an item written before it moved onto this module kept its versions: the entries
 * numbered `first` to `last` it finds there. Read only when a version has no item here.
 */
export type EarlierLayout = (first: number, last: number) => Promise<Map<number, Item>>;

/** The history from a head already read (readVersions, or a measure's results from its index). */
export async function versionsFromHead<T>(
  key: Key,
  head: Item,
  entryOf: EntryOf,
  earlierLayout?: EarlierLayout,
): Promise<(T & { version: number })[]> {
  const latest = headVersion(head);
  const byVersion = new Map<number, Item>();
  if (Array.isArray(head.versions))
    for (const [i, entry] of (head.versions as Item[]).entries()) byVersion.set(i + 1, entry);
  const items = await queryAll<Item>({
    TableName: tableName(),
    ConsistentRead: true,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
    ExpressionAttributeValues: { ':pk': versionPk(key), ':first': versionSk(1), ':last': versionSk(latest) },
  });
  for (const { pk: _pk, sk: _sk, version, ...entry } of items) byVersion.set(Number(version), entry);
  if (!byVersion.has(latest)) byVersion.set(latest, entryOf(head));
  if (earlierLayout && byVersion.size < latest) {
    const missing = [...Array(latest).keys()].map((i) => i + 1).filter((v) => !byVersion.has(v));
    const found = await earlierLayout(missing[0]!, missing.at(-1)!);
    for (const v of missing) if (found.has(v)) byVersion.set(v, found.get(v)!);
  }
  const versions: (T & { version: number })[] = [];
  for (let version = 1; version <= latest; version++) {
    const entry = byVersion.get(version);
    // Cannot happen by the protocol above; a gap would be a bug to see, not to hide.
    if (!entry) throw new Error(`version ${version} of ${key.pk} ${key.sk} is missing`);
    versions.push({ version, ...entry } as T & { version: number });
  }
  return versions;
}

/**
 * Flags a committed version as an amendment (a write that raced a close and may have
 * missed its snapshot). While the head still holds the version, the head is flagged and
 * the version sealed with the flag (overwriting a seal taken from the head just before);
 * once the head has moved on, the version's item (sealed before the move) is flagged.
 */
export async function markAmendment(key: Key, version: number, entryOf: EntryOf): Promise<void> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET amendment = :true',
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':true': true, ':version': version },
        ReturnValues: 'ALL_NEW',
      }),
    );
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...entryOf(out.Attributes ?? {}), pk: versionPk(key), sk: versionSk(version), version },
      }),
    );
    return;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: versionPk(key), sk: versionSk(version) },
      UpdateExpression: 'SET amendment = :true',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':true': true },
    }),
  );
}
