import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Unavailable } from '../domain/errors';
import type { PersonVersion } from '../domain/people';
import { db, tableName } from './client';
import type { Item } from './item';
import { peoplePk, personHistoryPk, personSk, personSkPrefix } from './keys';
import { queryAll } from './query';

// People with every version of their record (docs/people.md). The head (PEOPLE,
// PERSON#<email>) is the latest version, what the sign-in trigger reads with one
// GetItem; each earlier version is sealed in an item of its own under
// PERSONHIST#<email> before the head moves on, the protocol of the definition history
// (store/definition-history.ts): no transaction, no 400 KB bound, the head's
// conditional PutItem is the commit point. Removing a person is a version too
// (`removed: true`, no roles), so who removed whom stays on record.

const historySk = (version: number) => String(version).padStart(10, '0');

function entryOf(head: Item): PersonVersion {
  const { pk: _pk, sk: _sk, ...entry } = head;
  return entry as unknown as PersonVersion;
}

/** A person's head as stored (removed ones too); null when never written. */
export async function readPersonHead(email: string, consistent = true): Promise<PersonVersion | null> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: { pk: peoplePk, sk: personSk(email) }, ConsistentRead: consistent }),
  );
  return out.Item ? entryOf(out.Item) : null;
}

/** Every person's head, removed ones included (the caller filters). */
export async function readPeopleHeads(): Promise<PersonVersion[]> {
  const items = await queryAll<Item>({
    TableName: tableName(),
    // Consistent: the admin lockout rule counts admins from this a moment before a write.
    ConsistentRead: true,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': peoplePk, ':prefix': personSkPrefix },
  });
  return items.map(entryOf);
}

async function seal(head: PersonVersion): Promise<void> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...head, pk: personHistoryPk(head.email), sk: historySk(head.version) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/**
 * Writes the version `next` computes from the current head (null: none yet); `next`
 * answers null when nothing would change, and nothing is written. A loser of a
 * concurrent commit re-reads and computes again. Answers the head written (or the
 * unchanged one) and the head it replaced.
 */
export async function writePersonVersion(
  email: string,
  next: (head: PersonVersion | null) => Omit<PersonVersion, 'version'> | null,
): Promise<{ written: PersonVersion | null; previous: PersonVersion | null }> {
  let current = await readPersonHead(email);
  for (let attempt = 0; attempt < 30; attempt++) {
    if (attempt > 0) {
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 4 * 2 ** attempt)));
      current = await readPersonHead(email);
    }
    const fields = next(current);
    if (!fields) return { written: null, previous: current };
    if (current) await seal(current);
    const written: PersonVersion = { ...fields, version: (current?.version ?? 0) + 1 };
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...written, pk: peoplePk, sk: personSk(email) },
          ConditionExpression: current ? 'version = :current' : 'attribute_not_exists(pk)',
          ...(current && { ExpressionAttributeValues: { ':current': current.version } }),
        }),
      );
      return { written, previous: current };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  throw new Unavailable('Too many changes to this person at once; nothing was changed. Retry shortly.');
}

/** Every version of a person's record, oldest first; null when never written. */
export async function readPersonVersions(email: string): Promise<PersonVersion[] | null> {
  const head = await readPersonHead(email);
  if (!head) return null;
  const earlier =
    head.version > 1
      ? await queryAll<Item>({
          TableName: tableName(),
          ConsistentRead: true,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
          ExpressionAttributeValues: {
            ':pk': personHistoryPk(email),
            ':first': historySk(1),
            ':last': historySk(head.version - 1),
          },
        })
      : [];
  return [...earlier.map(entryOf), head];
}
