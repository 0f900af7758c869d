import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reloadEnvironment } from '../../lambdas/config/environment';
import { claimOutbox, recordOutboxSent } from '../../lambdas/store/outbox';
import { commitClose } from '../../lambdas/store/quarter';

// The exact DynamoDB requests behind "one snapshot, one email" (docs/rules.md, "Closed
// quarters and amendments", docs/architecture.md "The outbox"): the close commit (with
// its email's outbox record) and the mailer's claim are each one conditional write, and
// these conditions are the whole of the guarantee. The
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

describe('the close commit with its email seed', () => {
  it('writes the seed with the snapshot in the one conditional write; a reissue replaces the seed (its record is an item of its own)', async () => {
    ddb.on(UpdateCommand).resolves({});
    const outbox = {
      outboxSeq: 3,
      mailSubject: 'Reissued: Q4',
      mailQueuedAt: '2018-04-10T06:00:00.000Z',
      gsi1pk: 'OUTBOX',
    };
    expect(await commitClose({ ...record, revision: 3, writeId: 'w-3' }, 2, outbox)).toBe(true);
    const input = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(input.ConditionExpression).toBe('revision = :prev');
    expect(input.UpdateExpression).toBe(
      'SET revision = :rev, revisedAt = :at, chunks = :chunks, writeId = :writeId, #o0 = :o0, #o1 = :o1, #o2 = :o2, #o3 = :o3 REMOVE gsi1sk, mailKind, mailSeq, mailState, mailCc, mailAttempts, mailClaimId, mailClaimedUntil, mailMessageId, mailSentAt, mailError, mailRetryAt, mailGaveUp, mailData',
    );
    expect(input.ExpressionAttributeNames).toEqual({
      '#o0': 'outboxSeq',
      '#o1': 'mailSubject',
      '#o2': 'mailQueuedAt',
      '#o3': 'gsi1pk',
    });
  });
});

describe('the mailer claim', () => {
  const now = new Date('2018-04-10T06:00:05.000Z');
  const ref = { pk: 'Q#2017-18-Q4', sk: 'CLOSE', seq: 2 };

  it('claims for a lease only this message, not sent, not given up, not held by a live claim', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { ...ref, mailKind: 'reissue', mailSeq: 2, mailState: 'sending' } });
    expect(await claimOutbox(ref, 'c-1', now, 300_000)).toMatchObject({ record: { state: 'sending', seq: 2 } });
    const input = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(input.ConditionExpression).toBe(
      'mailSeq = :seq AND mailState <> :sent AND attribute_not_exists(mailGaveUp) AND (attribute_not_exists(mailClaimedUntil) OR mailClaimedUntil < :now)',
    );
    expect(input.ExpressionAttributeValues).toMatchObject({
      ':seq': 2,
      ':claim': 'c-1',
      ':now': '2018-04-10T06:00:05.000Z',
      ':until': '2018-04-10T06:05:05.000Z',
    });
  });

  it('answers null when the email was sent, replaced or another mailer holds it', async () => {
    ddb.on(UpdateCommand).rejects(conditionFailed());
    expect(await claimOutbox(ref, 'c-1', now, 300_000)).toBeNull();
  });

  it('records a message id only on its own message, and never a second id', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: {} });
    await recordOutboxSent(ref, { messageId: 'm-1', at: now });
    const input = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(input.ConditionExpression).toBe('mailSeq = :seq AND (mailState <> :sent OR mailMessageId = :id)');
    expect(input.UpdateExpression).toContain('mailMessageId = :id');
  });

  it('lets any other failure through, for the caller to retry', async () => {
    ddb.on(UpdateCommand).rejects(new Error('network down'));
    await expect(claimOutbox(ref, 'c-1', now, 300_000)).rejects.toThrow('network down');
  });
});
