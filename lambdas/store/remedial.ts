import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RemedialAction } from '../domain/types';
import { batchGet, keyId } from './batch';
import { db, tableName } from './client';
import { actionSk, definitionsPk, measureSk, quarterPk, remedialSk } from './keys';

export type SubjectKind = 'measure' | 'action';

/** Which kinds of definition have this id: none, one, or (a duplicate from before one id namespace) both. */
export async function subjectKinds(id: string): Promise<SubjectKind[]> {
  const keys = { measure: { pk: definitionsPk, sk: measureSk(id) }, action: { pk: definitionsPk, sk: actionSk(id) } };
  const found = await batchGet(Object.values(keys));
  return (['measure', 'action'] as const).filter((kind) => found.has(keyId(keys[kind])));
}

export async function putRemedialAction(
  quarter: string,
  kind: SubjectKind,
  id: string,
  remedial: RemedialAction,
): Promise<void> {
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { pk: quarterPk(quarter), sk: remedialSk(kind, id), ...remedial } }),
  );
}
