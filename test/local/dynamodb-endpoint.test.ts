// RAGTIME_DYNAMODB_ENDPOINT (README "Running on another DynamoDB engine"): local mode and
// the test stack use the DynamoDB-compatible engine there (DynamoDB Local, LocalStack,
// AWS) instead of starting dynalite, with a fresh table per stack unless a table name is
// given. Here the "other engine" is a dynalite server this test starts itself, so the
// test needs no Java.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack';

let engine: Server;
let endpoint: string;
let client: DynamoDBClient;
const tables = async () => (await client.send(new ListTablesCommand({}))).TableNames ?? [];

beforeAll(async () => {
  engine = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((done) => engine.listen(0, '127.0.0.1', done));
  endpoint = `http://127.0.0.1:${(engine.address() as AddressInfo).port}`;
  client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(async () => {
  client?.destroy();
  await new Promise<void>((done) => engine.close(() => done()));
});

describe('RAGTIME_DYNAMODB_ENDPOINT', () => {
  it('makes the stack use that engine instead of starting dynalite, in a fresh table it removes on stop', async () => {
    const before = process.env.RAGTIME_DYNAMODB_ENDPOINT;
    process.env.RAGTIME_DYNAMODB_ENDPOINT = endpoint;
    const t = await startTestStack().finally(() => {
      if (before === undefined) delete process.env.RAGTIME_DYNAMODB_ENDPOINT;
      else process.env.RAGTIME_DYNAMODB_ENDPOINT = before;
    });
    try {
      expect(t.stack.dynamodbUrl).toBe(endpoint);
      expect(t.stack.tableName).toMatch(/^ragtime-[0-9a-z]+-[0-9a-f]{6}$/);
      expect(await tables()).toContain(t.stack.tableName);
      const admin = await t.token('admin');
      expect(
        (
          await t.call('PUT', '/settings', {
            token: admin,
            body: await (await t.call('GET', '/settings', { token: admin })).json(),
          })
        ).status,
      ).toBe(200);
    } finally {
      await t.stop();
    }
    expect(await tables()).not.toContain(t.stack.tableName);
  });

  it('gives each stack its own table, kept on stop unless the stack is in memory', async () => {
    // One after the other: the handlers of a stack read TABLE_NAME from this process's environment.
    const a = await startTestStack({ dynamodbEndpoint: endpoint });
    await a.stop();
    const b = await startTestStack({ dynamodbEndpoint: endpoint, memory: false });
    try {
      expect(a.stack.tableName).not.toBe(b.stack.tableName);
      expect(await tables()).toContain(b.stack.tableName);
    } finally {
      await b.stop();
    }
    // Not in memory (npm start without --memory): the fresh table and its data are kept.
    expect(await tables()).toContain(b.stack.tableName);
  });

  it('uses and keeps a table it is given by name', async () => {
    const t = await startTestStack({ dynamodbEndpoint: endpoint, tableName: 'ragtime-named' });
    try {
      expect(t.stack.tableName).toBe('ragtime-named');
    } finally {
      await t.stop();
    }
    expect(await tables()).toContain('ragtime-named');
  });
});
