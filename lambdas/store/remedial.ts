import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RemedialAction } from '../domain/types';
import { batchGet } from './batch';
import { db, tableName } from './client';
import { actionSk, definitionsPk, measureSk, quarterPk, remedialSk } from './keys';

export async function subjectExists(id: string): Promise<boolean> {
  const found = await batchGet([
    { pk: definitionsPk, sk: measureSk(id) },
    { pk: definitionsPk, sk: actionSk(id) },
  ]);
  return found.size > 0;
}

export async function putRemedialAction(quarter: string, itemId: string, remedial: RemedialAction): Promise<void> {
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { pk: quarterPk(quarter), sk: remedialSk(itemId), ...remedial } }),
  );
}
