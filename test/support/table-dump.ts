import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';

// Test-only: the whole table as one comparable string. The product never scans (README.md#storage);
// the reliability tests do, to prove a refused request changed nothing at all.

function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export interface TableDumper {
  /** Every item, sorted by key, canonically serialised. */
  dump(): Promise<string>;
  /** Every item (raw attribute values), for inspection. */
  items(): Promise<Record<string, AttributeValue>[]>;
  close(): void;
}

export function tableDumper(endpoint: string, tableName: string): TableDumper {
  // Its own client, so fault injection and write spies on the app's client never see it.
  const client = new DynamoDBClient({
    endpoint,
    region: process.env.AWS_REGION ?? 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const items = async () => {
    const all: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await client.send(
        new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
      );
      all.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    const key = (i: Record<string, AttributeValue>) => `${i.pk?.S}\u0000${i.sk?.S}`;
    return all.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  };
  return {
    items,
    dump: async () => JSON.stringify((await items()).map(canonical)),
    close: () => client.destroy(),
  };
}
