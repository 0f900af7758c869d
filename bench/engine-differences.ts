// The same edge-case requests to dynalite and to another DynamoDB engine, answers side by
// side (README "Running on another DynamoDB engine"):
//   node --import tsx bench/engine-differences.ts http://127.0.0.1:8599
// Not part of npm test or npm run bench: it needs the other engine running.
import type { AddressInfo } from 'node:net';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const engines = {
  dynalite: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  other: process.argv[2] ?? process.env.RAGTIME_DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8599',
};
const mk = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'probe', secretAccessKey: 'probe' },
    maxAttempts: 1,
  });
const T = `probe-${Date.now()}`;
const S = (s: string) => ({ S: s });
const cases: [string, (c: DynamoDBClient) => Promise<unknown>][] = [
  [
    'create',
    (c) =>
      c
        .send(
          new CreateTableCommand({
            TableName: T,
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [
              { AttributeName: 'pk', AttributeType: 'S' },
              { AttributeName: 'sk', AttributeType: 'S' },
              { AttributeName: 'g', AttributeType: 'S' },
              { AttributeName: 'gs', AttributeType: 'S' },
            ],
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'sk', KeyType: 'RANGE' },
            ],
            GlobalSecondaryIndexes: [
              {
                IndexName: 'gsi1',
                KeySchema: [
                  { AttributeName: 'g', KeyType: 'HASH' },
                  { AttributeName: 'gs', KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
              },
            ],
          }),
        )
        .then((o) => o.TableDescription?.TableStatus),
  ],
  [
    'item over 400 KB',
    (c) =>
      c.send(new PutItemCommand({ TableName: T, Item: { pk: S('a'), sk: S('big'), v: S('x'.repeat(400 * 1024)) } })),
  ],
  [
    'item exactly at 400 KB incl. names',
    (c) =>
      c.send(
        new PutItemCommand({ TableName: T, Item: { pk: S('a'), sk: S('b4'), v: S('x'.repeat(400 * 1024 - 12)) } }),
      ),
  ],
  [
    'update growing item past 400 KB',
    async (c) => {
      await c.send(
        new PutItemCommand({ TableName: T, Item: { pk: S('a'), sk: S('grow'), v: S('x'.repeat(300 * 1024)) } }),
      );
      return c.send(
        new UpdateItemCommand({
          TableName: T,
          Key: { pk: S('a'), sk: S('grow') },
          UpdateExpression: 'SET w = :w',
          ExpressionAttributeValues: { ':w': S('y'.repeat(150 * 1024)) },
        }),
      );
    },
  ],
  [
    'conditional check failed + ReturnValuesOnConditionCheckFailure',
    async (c) => {
      await c.send(new PutItemCommand({ TableName: T, Item: { pk: S('a'), sk: S('c'), version: { N: '3' } } }));
      try {
        await c.send(
          new PutItemCommand({
            TableName: T,
            Item: { pk: S('a'), sk: S('c') },
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': { N: '2' } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
      } catch (e) {
        const err = e as { name: string; message: string; Item?: unknown };
        return { name: err.name, message: err.message, Item: err.Item };
      }
    },
  ],
  [
    'TransactWriteItems',
    (c) =>
      c.send(
        new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: T, Item: { pk: S('t'), sk: S('1') } } }] }),
      ),
  ],
  [
    'PartiQL ExecuteStatement',
    (c) => c.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "${T}" WHERE pk = 'a'` })),
  ],
  [
    'BatchGetItem of 101 keys',
    (c) =>
      c.send(
        new BatchGetItemCommand({
          RequestItems: { [T]: { Keys: Array.from({ length: 101 }, (_, i) => ({ pk: S('a'), sk: S(`k${i}`) })) } },
        }),
      ),
  ],
  [
    'BatchGetItem duplicate keys',
    (c) =>
      c.send(
        new BatchGetItemCommand({
          RequestItems: {
            [T]: {
              Keys: [
                { pk: S('a'), sk: S('c') },
                { pk: S('a'), sk: S('c') },
              ],
            },
          },
        }),
      ),
  ],
  [
    'BatchWriteItem 26 items',
    (c) =>
      c.send(
        new BatchWriteItemCommand({
          RequestItems: {
            [T]: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { pk: S('w'), sk: S(`${i}`) } } })),
          },
        }),
      ),
  ],
  [
    'Query GSI with ConsistentRead',
    (c) =>
      c.send(
        new QueryCommand({
          TableName: T,
          IndexName: 'gsi1',
          KeyConditionExpression: 'g = :g',
          ExpressionAttributeValues: { ':g': S('x') },
          ConsistentRead: true,
        }),
      ),
  ],
  [
    'Query 1 MB page: items returned for 40 x 100 KB items',
    async (c) => {
      for (let i = 0; i < 40; i++)
        await c.send(
          new PutItemCommand({
            TableName: T,
            Item: { pk: S('page'), sk: S(String(i).padStart(3, '0')), v: S('z'.repeat(100 * 1024)) },
          }),
        );
      const o = await c.send(
        new QueryCommand({
          TableName: T,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': S('page') },
        }),
      );
      return { count: o.Count, lastKey: o.LastEvaluatedKey?.sk };
    },
  ],
  [
    'Query with Limit 5 then next page',
    async (c) => {
      const o = await c.send(
        new QueryCommand({
          TableName: T,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': S('page') },
          Limit: 5,
          ProjectionExpression: 'sk',
        }),
      );
      return { count: o.Count, lastKey: o.LastEvaluatedKey?.sk };
    },
  ],
  ['empty string key value', (c) => c.send(new PutItemCommand({ TableName: T, Item: { pk: S(''), sk: S('x') } }))],
  [
    'empty string non-key attr',
    (c) => c.send(new PutItemCommand({ TableName: T, Item: { pk: S('e'), sk: S('x'), v: S('') } })).then(() => 'ok'),
  ],
  [
    'unused ExpressionAttributeValues',
    (c) =>
      c.send(
        new GetItemCommand({
          TableName: T,
          Key: { pk: S('a'), sk: S('c') },
          ProjectionExpression: 'pk',
          ExpressionAttributeNames: { '#x': 'x' },
        }),
      ),
  ],
  [
    'reserved word unescaped',
    (c) =>
      c.send(
        new UpdateItemCommand({
          TableName: T,
          Key: { pk: S('a'), sk: S('c') },
          UpdateExpression: 'SET status = :s',
          ExpressionAttributeValues: { ':s': S('x') },
        }),
      ),
  ],
  [
    'SET on missing nested parent',
    (c) =>
      c.send(
        new UpdateItemCommand({
          TableName: T,
          Key: { pk: S('a'), sk: S('c') },
          UpdateExpression: 'SET #m.#k = :v',
          ExpressionAttributeNames: { '#m': 'nomap', '#k': 'k' },
          ExpressionAttributeValues: { ':v': S('x') },
        }),
      ),
  ],
  [
    'list_append to missing attr',
    (c) =>
      c.send(
        new UpdateItemCommand({
          TableName: T,
          Key: { pk: S('a'), sk: S('c') },
          UpdateExpression: 'SET l = list_append(l, :v)',
          ExpressionAttributeValues: { ':v': { L: [S('x')] } },
        }),
      ),
  ],
  [
    'number precision 39 digits',
    (c) =>
      c.send(
        new PutItemCommand({
          TableName: T,
          Item: { pk: S('n'), sk: S('x'), v: { N: '1234567890123456789012345678901234567891' } },
        }),
      ),
  ],
  [
    'sort key over 1024 bytes',
    (c) => c.send(new PutItemCommand({ TableName: T, Item: { pk: S('a'), sk: S('s'.repeat(1025)) } })),
  ],
  [
    'describe table ItemCount',
    (c) =>
      c
        .send(new DescribeTableCommand({ TableName: T }))
        .then((o) => ({ status: o.Table?.TableStatus, billing: o.Table?.BillingModeSummary?.BillingMode })),
  ],
];
const out: Record<string, Record<string, unknown>> = {};
for (const [name, fn] of cases) {
  out[name] = {};
  for (const [engine, endpoint] of Object.entries(engines)) {
    const c = mk(endpoint);
    try {
      const r = await fn(c);
      out[name][engine] = r && typeof r === 'object' && '$metadata' in (r as object) ? 'ok' : (r ?? 'ok');
    } catch (e) {
      const err = e as { name: string; message: string };
      out[name][engine] = `${err.name}: ${err.message}`.slice(0, 300);
    }
    c.destroy();
  }
}
for (const [name, r] of Object.entries(out)) {
  const same = JSON.stringify(r.dynalite) === JSON.stringify(r.other);
  console.log(
    `${same ? '  same' : '* DIFF'} ${name}\n    dynalite: ${JSON.stringify(r.dynalite)}\n    other:    ${JSON.stringify(r.other)}`,
  );
}
server.close();
