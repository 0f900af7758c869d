import { actionUpdateEntryOf } from '../store/action-updates';
import { readCloseState } from '../store/quarter';
import { resultEntryOf } from '../store/results';
import { markAmendment } from '../store/versioned';
import { headKey, type WriteSubject } from '../store/write-context';

const entryOf = (subject: WriteSubject) => (subject.kind === 'result' ? resultEntryOf : actionUpdateEntryOf);

/**
 * After a write to a quarter that was open when the write read it: if a close has begun
 * meanwhile, the write may have missed the snapshot, so it is recorded as an amendment.
 * A write that finds no closing marker here committed before the close began, and the
 * close's consistent read includes it (docs/storage.md "Writes racing a close").
 * Returns whether the write became an amendment.
 */
export async function settleAgainstClose(subject: WriteSubject, version: number): Promise<boolean> {
  const { closed, closing } = await readCloseState(subject.quarter);
  if (!closed && !closing) return false;
  await markAmendment(headKey(subject), version, entryOf(subject));
  return true;
}

/** settleAgainstClose for many writes (an import): one re-check per quarter. */
export async function settleAllAgainstClose(writes: { subject: WriteSubject; version: number }[]): Promise<number> {
  const quarters = new Map<string, { subject: WriteSubject; version: number }[]>();
  for (const write of writes) {
    const list = quarters.get(write.subject.quarter) ?? [];
    list.push(write);
    quarters.set(write.subject.quarter, list);
  }
  let amended = 0;
  for (const [quarter, list] of quarters) {
    const { closed, closing } = await readCloseState(quarter);
    if (!closed && !closing) continue;
    for (const { subject, version } of list) await markAmendment(headKey(subject), version, entryOf(subject));
    amended += list.length;
  }
  return amended;
}
