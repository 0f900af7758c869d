// Synthetic plans for the close benchmark, written straight into the table with
// BatchWriteItem (25 items a request, bounded concurrency) in exactly the shape the
// store writes:
//   definitions   putMeasure / putAction: { pk: DEF, sk, id, ...schema-parsed body }
//   results       writeResult → appendVersion: current fields, gsi1, version 1, versions [entry]
//   updates       writeActionUpdate → appendVersion, likewise
// The definitions go through the API's own request schemas, so defaults are applied as
// PUT /measures/{id} and PUT /actions/{id} would apply them.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ActionStatus } from '../lambdas/domain/types';
import { actionDefinitionSchema, measureDefinitionSchema } from '../lambdas/http/schemas';
import {
  actionGsiPk,
  actionSk,
  definitionsPk,
  measureGsiPk,
  measureSk,
  quarterPk,
  resultSk,
  updateSk,
} from '../lambdas/store/keys';

type Item = Record<string, unknown>;

/** The five quarters every synthetic measure has results for; the close closes the last. */
export const datasetQuarters = ['2016-17-Q4', '2017-18-Q1', '2017-18-Q2', '2017-18-Q3', '2017-18-Q4'] as const;
export const closeQuarterId = '2017-18-Q4';

const programmes = [
  'Developing the economy',
  'Learning',
  'Services delivered for less',
  'Social Services Improvement',
  'Corporate Measures',
];
const directorates = ['People', 'Place', 'Resources'];
const by = 'bench-seed';
const at = '2018-04-01T00:00:00.000Z';
const offTargetNote = 'Benchmark data: off target this quarter; recovery plan agreed with the service.';

/** A small deterministic hash in [0, 1), so every run seeds the same data. */
function unit(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) {
    h ^= p;
    h = Math.imul(h, 16777619) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 2246822519) >>> 0;
  }
  return (h >>> 0) / 2 ** 32;
}

export const measureId = (i: number) => `bench-m-${String(i).padStart(5, '0')}`;
export const actionId = (i: number) => `bench-a-${String(i).padStart(3, '0')}`;

/** Result item as appendVersion writes it on a first write. */
export function resultItem(id: string, period: string, value: number, commentary?: string): Item {
  const entry: Item = { value, by, at, ...(commentary !== undefined && { commentary }) };
  return {
    pk: quarterPk(period),
    sk: resultSk(id, period),
    measureId: id,
    period,
    value,
    by,
    at,
    gsi1pk: measureGsiPk(id),
    gsi1sk: period,
    ...(commentary !== undefined && { commentary }),
    version: 1,
    versions: [entry],
  };
}

/** Action update item as appendVersion writes it on a first write. */
function updateItem(id: string, quarter: string, status: ActionStatus, commentary?: string): Item {
  const entry: Item = { status, by, at, ...(commentary !== undefined && { commentary }) };
  return {
    pk: quarterPk(quarter),
    sk: updateSk(id),
    actionId: id,
    quarter,
    status,
    by,
    at,
    gsi1pk: actionGsiPk(id),
    gsi1sk: quarter,
    ...(commentary !== undefined && { commentary }),
    version: 1,
    versions: [entry],
  };
}

/** A measure definition item as putMeasure stores a PUT /measures/{id} body. */
export function measureItem(id: string, body: Record<string, unknown>): Item {
  return { pk: definitionsPk, sk: measureSk(id), id, ...measureDefinitionSchema().parse(body) };
}

/**
 * N quarterly measures with results for each of `quarters` (default the five above), and
 * `actions` actions with an update each quarter.
 */
export function syntheticPlan(measures: number, actions = 100, quarters: readonly string[] = datasetQuarters): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < measures; i++) {
    const id = measureId(i);
    const owner = directorates[i % directorates.length]!;
    const kind = i % 10 === 9 ? 'within' : i % 2 === 0 ? 'higher' : 'lower';
    const target = kind === 'within' ? { min: 40, max: 60 } : kind === 'higher' ? 80 : 20;
    items.push(
      measureItem(id, {
        plan: 'cip',
        programme: programmes[i % programmes.length],
        title: `Benchmark measure ${i + 1}: share of cases completed within the agreed time`,
        unit: '%',
        polarity: kind,
        frequency: 'quarterly',
        directorates: [owner],
        ownerDirectorate: owner,
        targets: { '2016-17': target, '2017-18': target },
      }),
    );
    quarters.forEach((quarter, q) => {
      const r = unit(i, q);
      const band = r < 0.55 ? 'green' : r < 0.8 ? 'amber' : 'red';
      const jitter = Math.round(unit(q, i, 7) * 40) / 10;
      const value =
        kind === 'higher'
          ? { green: 84, amber: 74, red: 55 }[band] + jitter
          : kind === 'lower'
            ? { green: 15, amber: 21, red: 30 }[band] + jitter / 4
            : { green: 48, amber: 62, red: 80 }[band] + jitter;
      items.push(resultItem(id, quarter, value, band === 'green' ? undefined : offTargetNote));
    });
  }
  for (let i = 0; i < actions; i++) {
    const id = actionId(i);
    const body = actionDefinitionSchema().parse({
      plan: 'cip',
      programme: programmes[i % programmes.length],
      title: `Benchmark planned work ${i + 1}: deliver the service review`,
      ownerDirectorate: directorates[i % directorates.length],
    });
    items.push({ pk: definitionsPk, sk: actionSk(id), id, ...body });
    quarters.forEach((quarter, q) => {
      const r = unit(1000 + i, q);
      const status: ActionStatus = r < 0.1 ? 'blue' : r < 0.6 ? 'green' : r < 0.85 ? 'amber' : 'red';
      items.push(updateItem(id, quarter, status, status === 'amber' || status === 'red' ? offTargetNote : undefined));
    });
  }
  return items;
}

/** Writes items with BatchWriteItem, 25 a request, `concurrency` requests at a time; retries unprocessed items. */
export async function batchWriteAll(
  table: string,
  items: Item[],
  concurrency = 6,
): Promise<{ requests: number; ms: number }> {
  const started = performance.now();
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  let requests = 0;
  async function worker() {
    while (next < batches.length) {
      let pending = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(500, 10 * 2 ** attempt)));
        requests++;
        const out = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    client.destroy();
  }
  return { requests, ms: performance.now() - started };
}
