import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PersonVersion } from '../domain/people';
import { db, tableName } from './client';
import type { Item } from './item';
import { peoplePk, personHistoryPk, personSk, personSkPrefix } from './keys';
import { queryAll } from './query';
import { appendVersion, readVersions } from './versioned';

// People with every version of their record (docs/people.md). The head (PEOPLE,
// PERSON#<email>) is the latest version, what the sign-in trigger reads with one
// GetItem; the versions are kept by store/versioned.ts, the one seal-then-commit protocol
// of results, action updates and settings: each version is sealed in an item of its own
// before the head moves on, the head's conditional UpdateItem is the commit point, no
// transaction and no 400 KB bound. Removing a person is a version too (`removed: true`,
// no roles), so who removed whom stays on record.
//
// Before this store used versioned.ts it sealed earlier versions under PERSONHIST#<email>
// (sk: the version, 10 digits). Those items stay where they are and are read from there
// (`earlierLayout` below); every version written since is sealed where versioned.ts puts it.

const personKey = (email: string) => ({ pk: peoplePk, sk: personSk(email) });

/** Attributes of the head that are the store's, not the person's. */
const storeFields = new Set(['pk', 'sk', 'lastWriteKey', 'versions']);

/** A version's entry: the head's person fields. */
const entryOf = (head: Item): Item =>
  Object.fromEntries(Object.entries(head).filter(([field]) => !storeFields.has(field)));

const personOf = (head: Item) => entryOf(head) as unknown as PersonVersion;

/** A person's head as stored (removed ones too); null when never written. */
export async function readPersonHead(email: string, consistent = true): Promise<PersonVersion | null> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: personKey(email), ConsistentRead: consistent }),
  );
  return out.Item ? personOf(out.Item) : null;
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
  return items.map(personOf);
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
  // The attempt that committed (or found nothing to write) is the last one computed.
  let previous: PersonVersion | null = null;
  let fields: Omit<PersonVersion, 'version'> | null = null;
  const version = await appendVersion({
    key: personKey(email),
    fields: {},
    entryOf,
    fieldsFromHead: (head) => {
      previous = head ? personOf(head) : null;
      fields = next(previous);
      if (!fields) return null;
      // The head is updated in place: a field the new version lacks (a directorate, a
      // name) is removed, so the head is the new version and nothing of the old.
      const cleared = Object.fromEntries(
        Object.keys(previous ?? {})
          .filter((field) => field !== 'version' && !(field in fields!))
          .map((field) => [field, undefined]),
      );
      return { ...cleared, ...fields };
    },
  });
  return { written: fields ? ({ ...(fields as object), version } as PersonVersion) : null, previous };
}

/** The versions the store sealed before it used versioned.ts, under PERSONHIST#<email>. */
const earlierLayout = (email: string) => async (first: number, last: number) => {
  const items = await queryAll<Item>({
    TableName: tableName(),
    ConsistentRead: true,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
    ExpressionAttributeValues: {
      ':pk': personHistoryPk(email),
      ':first': String(first).padStart(10, '0'),
      ':last': String(last).padStart(10, '0'),
    },
  });
  return new Map(items.map((item): [number, Item] => [Number(item.version), entryOf(item)]));
};

/** Every version of a person's record, oldest first; null when never written. */
export async function readPersonVersions(email: string): Promise<PersonVersion[] | null> {
  return readVersions<PersonVersion>(personKey(email), entryOf, earlierLayout(email));
}
