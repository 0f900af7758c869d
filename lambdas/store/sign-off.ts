// Sign-off decisions (docs/sign-off.md). The commit is one conditional UpdateItem of the
// versioned item's head: it records the decision only while the head is still at the
// version decided on and nobody has decided on that version, so two approvers cannot
// both decide and a decision never lands on a version a newer submission replaced. The
// head keeps the latest approved version's fields (what the report counts); each decision
// is also an item of its own, in a partition per head, for the version history.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, VersionConflict } from '../domain/errors';
import { approvalCarried, type SignOffDecision } from '../domain/sign-off';
import { batchGet, type Key, keyId } from './batch';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { definitionsPk, settingsSk } from './keys';
import { settingsFromItem } from './settings';
import { headVersion } from './versioned';

export type Item = Record<string, unknown>;

/** What a decision is recorded with: the decision and the submitter's address, for the return email. */
export interface DecisionRecord extends SignOffDecision {
  version: number;
}

const decisionPk = (head: Key) => `SIGNOFF#${head.pk}#${head.sk}`;
const decisionSk = (version: number) => `V#${String(version).padStart(9, '0')}`;

/** The head's decision, when it is on the head's own version. */
export function currentDecision(head: Item): SignOffDecision | undefined {
  const d = head.decision as DecisionRecord | undefined;
  if (!d || d.version !== head.version) return undefined;
  const { version: _v, ...decision } = d;
  return decision;
}

/**
 * A new version's `approved` from the head it replaces (domain approvalCarried): the head
 * itself when it counts as approved in its own right, else nothing (the head's stays).
 */
export const carryApproval =
  (fields: readonly string[]) =>
  (head: Item | null): Item => {
    if (!head) return {};
    const approved = approvalCarried(
      { ...head, version: headVersion(head), submitted: head.submitted === true, decision: currentDecision(head) },
      fields,
    );
    return approved ? { approved } : {};
  };

export async function readHeadItem(key: Key): Promise<Item | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return out.Item;
}

/**
 * Records a decision on `version` of the head at `key`; with `approved` (an approval), the
 * head keeps those fields as its latest approved version. VersionConflict when the head has
 * moved on; Conflict when someone decided first.
 */
export async function recordDecision(key: Key, decision: DecisionRecord, approved: Item | undefined): Promise<void> {
  const values: Item = { ':version': decision.version, ':decision': decision };
  let update = 'SET #decision = :decision';
  if (approved) {
    update += ', approved = :approved';
    values[':approved'] = { ...approved, version: decision.version };
  }
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: update,
        ConditionExpression:
          '#version = :version AND (attribute_not_exists(#decision) OR #decision.#version <> :version)',
        ExpressionAttributeNames: { '#version': 'version', '#decision': 'decision' },
        ExpressionAttributeValues: values,
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const head = await readHeadItem(key);
    if (head?.version !== decision.version)
      throw new VersionConflict(
        `A newer version (${String(head?.version)}) was submitted: decide on the latest.`,
        Number(head?.version),
        {
          cause: error,
        },
      );
    throw new Conflict(`Version ${decision.version} was decided on meanwhile.`);
  }
  // The history's copy: the same content whoever writes it, so a retry repeats it harmlessly.
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { pk: decisionPk(key), sk: decisionSk(decision.version), ...decision },
    }),
  );
}

/** Every decision on the head's versions, by version (the history shows them). */
export async function readDecisions(key: Key): Promise<Map<number, SignOffDecision>> {
  const found = new Map<number, SignOffDecision>();
  let start: Item | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': decisionPk(key) },
        ExclusiveStartKey: start,
      }),
    );
    for (const { pk: _pk, sk: _sk, version, ...decision } of out.Items ?? [])
      found.set(Number(version), decision as SignOffDecision);
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
}

/** What a decision depends on, in one BatchGetItem: the definition, the head and the settings. */
export async function readDecisionContext(definitionSk: string, head: Key) {
  const keys = {
    definition: { pk: definitionsPk, sk: definitionSk },
    head,
    settings: { pk: definitionsPk, sk: settingsSk },
  };
  const items = await batchGet(Object.values(keys), { consistent: true });
  const definition = items.get(keyId(keys.definition));
  return {
    definition: definition ? stripKeys<{ ownerDirectorate: string; title: string }>(definition) : undefined,
    head: items.get(keyId(keys.head)),
    settings: settingsFromItem(items.get(keyId(keys.settings))),
  };
}
