import { Conflict, NotFound } from '../domain/errors';
import type { RemedialAction } from '../domain/types';
import { putRemedialAction, type SubjectKind, subjectKinds } from '../store/remedial';

// Recordable before close (on the live preview's items) and after it: the item id is
// the subject's id, so what EMT records carries into the snapshot. Stored by kind and
// id, so a measure and planned work that share an id (from before one id namespace)
// never share a remedial action; for such a pair `kind` says which is meant.
export async function recordRemedialAction(
  quarter: string,
  itemId: string,
  remedial: RemedialAction,
  kind?: SubjectKind,
): Promise<RemedialAction> {
  const kinds = await subjectKinds(itemId);
  const chosen = kind ?? (kinds.length === 1 ? kinds[0] : undefined);
  if (kinds.length === 0 || (chosen && !kinds.includes(chosen))) {
    throw new NotFound(
      `There is no ${kind === 'action' ? 'planned work' : (kind ?? 'measure or action')} ${itemId} to record a remedial action for.`,
    );
  }
  if (!chosen)
    throw new Conflict(
      `Both a measure and planned work have the id ${itemId}: say which with ?kind=measure or ?kind=action.`,
    );
  await putRemedialAction(quarter, chosen, itemId, remedial);
  return remedial;
}
