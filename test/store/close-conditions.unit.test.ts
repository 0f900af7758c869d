import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reloadEnvironment } from '../../lambdas/config/environment';
import { claimEmail, commitClose } from '../../lambdas/store/quarter';

// The exact DynamoDB requests behind "one snapshot, one email" (docs/rules.md, "Closed
// quarters and amendments"): the close commit and the email claim are each one
// conditional write, and these conditions are the whole of the guarantee. The
// integration tests (test/reliability/faults.test.ts) show the behaviour on dynalite;
// these pin the requests, so a weakened condition fails here even where a race would
// rarely show it.

const ddb = mockClient(DynamoDBDocumentClient);
const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

const record = {
  quarter: '2017-18-Q4',
  revision: 1,
  closedAt: '2018-04-10T06:00:00.000Z',
  revisedAt: '2018-04-10T06:00:00.000Z',
  chunks: 2,
  writeId: 'w-1',
};

beforeAll(() => {
  process.env.TABLE_NAME = 'ragtime-unit';
  reloadEnvironment();
});
afterAll(() => {
  ddb.restore();
  delete process.env.TABLE_NAME;
  reloadEnvironment();
});
beforeEach(() => {
  ddb.reset();
});

describe('the close commit', () => {
  it('puts the first close record only if the quarter has none', async () => {
    ddb.on(PutCommand).resolves({});
    expect(await commitClose(record, 0)).toBe(true);
    const calls = ddb.commandCalls(PutCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      TableName: 'ragtime-unit',
      Item: { pk: 'Q#2017-18-Q4', sk: 'CLOSE', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('moves a reissue to the next revision only if the previous revision is still current', async () => {
    ddb.on(UpdateCommand).resolves({});
    expect(await commitClose({ ...record, revision: 3, writeId: 'w-3' }, 2)).toBe(true);
    const calls = ddb.commandCalls(UpdateCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      TableName: 'ragtime-unit',
      Key: { pk: 'Q#2017-18-Q4', sk: 'CLOSE' },
      UpdateExpression: 'SET revision = :rev, revisedAt = :at, chunks = :chunks, writeId = :writeId',
      ConditionExpression: 'revision = :prev',
      ExpressionAttributeValues: {
        ':rev': 3,
        ':at': record.revisedAt,
        ':chunks': 2,
        ':writeId': 'w-3',
        ':prev': 2,
      },
    });
  });

  it('answers false when another close committed first', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());
    expect(await commitClose(record, 0)).toBe(false);
  });

  it('lets any other failure through, for the caller to retry', async () => {
    ddb.on(PutCommand).rejects(new Error('network down'));
    await expect(commitClose(record, 0)).rejects.toThrow('network down');
  });
});

describe('the email claim', () => {
  const now = new Date('2018-04-10T06:00:05.000Z');

  it('claims for a lease only the current revision, not yet sent, not held by a live claim', async () => {
    ddb.on(UpdateCommand).resolves({});
    expect(await claimEmail('2017-18-Q4', 2, now, 120_000)).toBe(true);
    const calls = ddb.commandCalls(UpdateCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      TableName: 'ragtime-unit',
      Key: { pk: 'Q#2017-18-Q4', sk: 'CLOSE' },
      UpdateExpression: 'SET emailClaimedUntil = :until',
      ConditionExpression:
        'revision = :rev AND (attribute_not_exists(emailSentRevision) OR emailSentRevision < :rev) AND (attribute_not_exists(emailClaimedUntil) OR emailClaimedUntil < :now)',
      ExpressionAttributeValues: {
        ':rev': 2,
        ':now': '2018-04-10T06:00:05.000Z',
        ':until': '2018-04-10T06:02:05.000Z',
      },
    });
  });

  it('answers false when the email was sent or another sender holds the claim', async () => {
    ddb.on(UpdateCommand).rejects(conditionFailed());
    expect(await claimEmail('2017-18-Q4', 2, now, 120_000)).toBe(false);
  });

  it('lets any other failure through, for the caller to retry', async () => {
    ddb.on(UpdateCommand).rejects(new Error('network down'));
    await expect(claimEmail('2017-18-Q4', 2, now, 120_000)).rejects.toThrow('network down');
  });
});
