import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { compareQuarters, quarterCloseInstant, quarterOfPeriod } from '../domain';
import { writeActionUpdate } from '../store/action-updates';
import { db, tableName } from '../store/client';
import { putAction, putMeasure } from '../store/definitions';
import { definitionsPk } from '../store/keys';
import { writeResult } from '../store/results';

const sampleAuthor = 'sample-data';
/** The sample's quarter under way: every quarter before it is closed, as a council's history reads. */
export const sampleOpenQuarter = '2017-18-Q4';

/** Loads the sample plan (illustrative values) when the store holds no definitions yet. */
export async function seedSamplePlanIfEmpty(): Promise<boolean> {
  const existing = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': definitionsPk },
      Limit: 1,
    }),
  );
  if ((existing.Items ?? []).length > 0) return false;
  const { samplePlan } = await import('./sample-plan');
  const at = '2018-04-01T00:00:00.000Z';
  await Promise.all(samplePlan.measures.map((m) => putMeasure(m)));
  await Promise.all(samplePlan.actions.map((a) => putAction(a)));
  // Bounded concurrency keeps dynalite responsive while seeding.
  const writes = [
    ...samplePlan.results.map(
      (r) => () => writeResult({ ...r, quarter: quarterOfPeriod(r.period), by: sampleAuthor, at }),
    ),
    ...samplePlan.actionUpdates.map((u) => () => writeActionUpdate({ ...u, by: sampleAuthor, at })),
  ];
  for (let i = 0; i < writes.length; i += 16) await Promise.all(writes.slice(i, i + 16).map((w) => w()));
  // Each earlier quarter closed at its scheduled close by the close's own freeze. A close
  // reads only live results, never another's snapshot, so they may run at once.
  const earlier = [...new Set(samplePlan.results.map((r) => quarterOfPeriod(r.period)))].filter(
    (q) => compareQuarters(q, sampleOpenQuarter) < 0,
  );
  const { closeAsHistory } = await import('../services/freeze');
  await Promise.all(earlier.map((quarter) => closeAsHistory(quarter, quarterCloseInstant(quarter))));
  return true;
}
