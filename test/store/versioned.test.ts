import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { VersionConflict } from '../../lambdas/domain/errors';
import { appendVersion, entryFields, markAmendment, readVersions } from '../../lambdas/store/versioned';

// The exact requests of a versioned write (docs/storage.md "Version history"): the head's
// conditional UpdateItem is the one commit point, and the version it holds is sealed into
// an item of its own (only if absent) before the head moves on.
// Mocked: these pin the requests; test/store/versioned-dynalite.test.ts runs them for real.

const ddb = mockClient(DynamoDBDocumentClient);
const key = { pk: 'Q#2017-18-Q4', sk: 'RESULT#m1#2017-18-Q4' };
const entryOf = entryFields('value', 'commentary', 'by', 'at');
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'failed', $metadata: {} });

beforeAll(() => vi.stubEnv('TABLE_NAME', 'ragtime-unit'));
afterAll(() => {
  vi.unstubAllEnvs();
  ddb.restore();
});
beforeEach(() => {
  ddb.reset();
  ddb.onAnyCommand().resolves({});
});

const write = (overrides: Partial<Parameters<typeof appendVersion>[0]> = {}) =>
  appendVersion({
    key,
    fields: { measureId: 'm1', value: 7, commentary: undefined, by: 'u1', at: '2018-04-01T00:00:00Z' },
    entryOf,
    ...overrides,
  });

describe('appendVersion', () => {
  it('first version: one UpdateItem creating the head only if absent', async () => {
    expect(await write({ head: null })).toBe(1);
    const [update] = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(update).toMatchObject({
      TableName: 'ragtime-unit',
      Key: key,
      ConditionExpression: 'attribute_not_exists(pk)',
      UpdateExpression: 'SET #version = :next, #f0 = :v0, #f1 = :v1, #f3 = :v3, #f4 = :v4 REMOVE #f2, lastWriteKey',
      ExpressionAttributeNames: {
        '#version': 'version',
        '#f0': 'measureId',
        '#f1': 'value',
        '#f2': 'commentary',
        '#f3': 'by',
        '#f4': 'at',
      },
    });
    expect(update!.ExpressionAttributeValues).toEqual({
      ':next': 1,
      ':v0': 'm1',
      ':v1': 7,
      ':v3': 'u1',
      ':v4': '2018-04-01T00:00:00Z',
    });
    // No read (the caller's consistent read of the head, null, was handed in), nothing to seal.
    expect(ddb.calls()).toHaveLength(1);
  });

  it('next version: seals the version the head holds, then commits on `version = n`', async () => {
    const head = { ...key, version: 4, value: 5, commentary: 'four', by: 'u0', at: 'then', measureId: 'm1' };
    expect(await write({ head })).toBe(5);
    const order = ddb.calls().map((c) => c.args[0].constructor.name);
    expect(order).toEqual(['PutCommand', 'UpdateCommand']);
    const [seal] = ddb.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(seal).toEqual({
      TableName: 'ragtime-unit',
      Item: {
        pk: 'V#Q#2017-18-Q4#RESULT#m1#2017-18-Q4',
        sk: '0000000004',
        version: 4,
        value: 5,
        commentary: 'four',
        by: 'u0',
        at: 'then',
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.ConditionExpression).toBe('#version = :current');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':current': 4, ':next': 5, ':v1': 7 });
  });

  it('a seal that finds its item already written is no failure', async () => {
    ddb.on(PutCommand).rejectsOnce(conditionFailed()).resolves({});
    expect(await write({ head: { ...key, version: 2, value: 1, by: 'u', at: 't' } })).toBe(3);
  });

  it('with If-Match, a lost commit is a VersionConflict and is not retried', async () => {
    ddb.on(UpdateCommand).rejects(conditionFailed());
    const error = await write({ head: { ...key, version: 2, value: 1, by: 'u', at: 't' }, expectedVersion: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VersionConflict);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(1);
    // Nothing of this write was stored: only the seal of version 2.
    expect(ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item?.version)).toEqual([2]);
  });

  it('without If-Match, a lost commit re-reads the head consistently and commits the next number', async () => {
    ddb.on(UpdateCommand).rejectsOnce(conditionFailed()).resolves({});
    ddb.on(GetCommand).resolves({ Item: { ...key, version: 3, value: 9, by: 'other', at: 't3' } });
    expect(await write({ head: { ...key, version: 2, value: 1, by: 'u', at: 't' } })).toBe(4);
    expect(ddb.commandCalls(GetCommand)[0]!.args[0].input).toEqual({
      TableName: 'ragtime-unit',
      Key: key,
      ConsistentRead: true,
    });
    const conditions = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input.ExpressionAttributeValues);
    expect(conditions.map((v) => [v?.[':current'], v?.[':next']])).toEqual([
      [2, 3],
      [3, 4],
    ]);
    // The winner's version 3 was sealed from the head before this write moved it on.
    expect(ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item?.version)).toEqual([2, 3]);
  });

  it('an import replay (same write key as the head’s last) writes nothing', async () => {
    const error = await write({ head: { ...key, version: 1, lastWriteKey: 'imp-1' }, writeKey: 'imp-1' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VersionConflict);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('a head in the old shape: seals every listed version, then drops the list in the commit', async () => {
    const head = {
      ...key,
      version: 2,
      value: 2,
      by: 'b',
      at: 't2',
      versions: [
        { value: 1, by: 'a', at: 't1' },
        { value: 2, by: 'b', at: 't2' },
      ],
    };
    expect(await write({ head })).toBe(3);
    const puts = ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item);
    expect(puts.map((i) => [i?.version, i?.value])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.UpdateExpression).toMatch(/ REMOVE .*\bversions$/);
    expect(update.ConditionExpression).toBe('#version = :current');
  });

  it('a head written before versioning (settings) is version 1 and commits on the version being absent', async () => {
    expect(await write({ head: { ...key, value: 3 } })).toBe(2);
    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.ConditionExpression).toBe('attribute_exists(pk) AND attribute_not_exists(#version)');
  });
});

describe('readVersions', () => {
  it('reads the head first, then the version items up to its number; a version not yet sealed comes from the head', async () => {
    ddb.on(GetCommand).resolves({ Item: { ...key, version: 3, value: 30, by: 'c', at: 't3' } });
    ddb.on(QueryCommand).resolves({
      Items: [
        { pk: 'V#…', sk: '0000000001', version: 1, value: 10, by: 'a', at: 't1' },
        { pk: 'V#…', sk: '0000000002', version: 2, value: 20, by: 'b', at: 't2' },
      ],
    });
    expect(await readVersions(key, entryOf)).toEqual([
      { version: 1, value: 10, by: 'a', at: 't1' },
      { version: 2, value: 20, by: 'b', at: 't2' },
      { version: 3, value: 30, by: 'c', at: 't3' },
    ]);
    expect(ddb.calls().map((c) => c.args[0].constructor.name)).toEqual(['GetCommand', 'QueryCommand']);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
      ExpressionAttributeValues: {
        ':pk': 'V#Q#2017-18-Q4#RESULT#m1#2017-18-Q4',
        ':first': '0000000001',
        ':last': '0000000003',
      },
    });
  });

  it('reads a head in the old shape from its list', async () => {
    ddb.on(GetCommand).resolves({
      Item: { ...key, version: 2, value: 2, versions: [{ value: 1 }, { value: 2 }] },
    });
    ddb.on(QueryCommand).resolves({ Items: [] });
    expect(await readVersions(key, entryOf)).toEqual([
      { version: 1, value: 1 },
      { version: 2, value: 2 },
    ]);
  });
});

describe('markAmendment', () => {
  it('while the head holds the version: flags the head on `version = v`, then seals the version with the flag', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { ...key, version: 5, value: 7, by: 'u', at: 't', amendment: true } });
    await markAmendment(key, 5, entryFields('value', 'by', 'at', 'amendment'));
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
      Key: key,
      UpdateExpression: 'SET amendment = :true',
      ConditionExpression: '#version = :version',
      ExpressionAttributeValues: { ':true': true, ':version': 5 },
    });
    // Unconditional: it replaces a seal taken from the head just before the flag.
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input).toEqual({
      TableName: 'ragtime-unit',
      Item: {
        pk: 'V#Q#2017-18-Q4#RESULT#m1#2017-18-Q4',
        sk: '0000000005',
        version: 5,
        value: 7,
        by: 'u',
        at: 't',
        amendment: true,
      },
    });
  });

  it('once the head has moved on: flags the version item, which was sealed before the move', async () => {
    ddb.on(UpdateCommand).rejectsOnce(conditionFailed()).resolves({});
    await markAmendment(key, 5, entryOf);
    expect(ddb.commandCalls(UpdateCommand)[1]!.args[0].input).toMatchObject({
      Key: { pk: 'V#Q#2017-18-Q4#RESULT#m1#2017-18-Q4', sk: '0000000005' },
      UpdateExpression: 'SET amendment = :true',
      ConditionExpression: 'attribute_exists(pk)',
    });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });
});
