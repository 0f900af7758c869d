import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import { adminRosterSk, peoplePk } from './keys';

// The admin roster (docs/people.md "Nobody locks the admins out"): one item holding the
// emails of the admins as a string set, so that "take admin from X unless X is the last"
// is one conditional UpdateItem (no transactions: SPEC §8). Its invariant: every email in
// the roster holds admin by its person's head. A promotion adds the email after the head
// is written; a demotion or removal takes it out (the reservation) before the head is
// written, and puts it back if the head still holds admin afterwards. So the roster never
// counts an admin who is not one, and its condition "more than one" leaves one standing
// however many demotions race (test/api/people-last-admin.test.ts).

const key = { pk: peoplePk, sk: adminRosterSk };

/** The roster's emails; null when it has never been written. */
export async function readAdminRoster(): Promise<Set<string> | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  if (!out.Item) return null;
  return new Set((out.Item.admins as Set<string> | undefined) ?? []);
}

/** Writes the first roster (the admins as the heads say) unless one exists. */
export async function createAdminRoster(admins: readonly string[]): Promise<void> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        // A string set cannot be empty: no admins, no attribute.
        Item: { ...key, ...(admins.length > 0 && { admins: new Set(admins) }) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Adds an admin (idempotent). */
export async function addToAdminRoster(email: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'ADD admins :email',
      ExpressionAttributeValues: { ':email': new Set([email]) },
    }),
  );
}

/**
 * Takes `email` out of the roster if it is there and is not the only one, in one
 * conditional write: 'reserved' (the caller may now take admin from them), 'last' (they
 * are the only admin), 'absent' (not in the roster: another request holds their
 * reservation, or their promotion has not reached the roster yet).
 */
export async function reserveAdminRemoval(email: string): Promise<'reserved' | 'last' | 'absent'> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'DELETE admins :email',
        ConditionExpression: 'contains(admins, :one) AND size(admins) > :single',
        ExpressionAttributeValues: { ':email': new Set([email]), ':one': email, ':single': 1 },
      }),
    );
    return 'reserved';
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  return (await readAdminRoster())?.has(email) ? 'last' : 'absent';
}
