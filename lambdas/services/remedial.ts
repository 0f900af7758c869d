import { NotFound } from '../domain/errors';
import type { RemedialAction } from '../domain/types';
import { putRemedialAction, subjectExists } from '../store/remedial';

// Recordable before close (on the live preview's items) and after it: the item id is
// the subject's id, so what EMT records carries into the snapshot.
export async function recordRemedialAction(
  quarter: string,
  itemId: string,
  remedial: RemedialAction,
): Promise<RemedialAction> {
  if (!(await subjectExists(itemId))) {
    throw new NotFound(`There is no measure or action ${itemId} to record a remedial action for.`);
  }
  await putRemedialAction(quarter, itemId, remedial);
  return remedial;
}
