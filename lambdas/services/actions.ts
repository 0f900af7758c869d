import { actionDueIn, actionUpdateProblem, isRetired } from '../domain';
import type { Caller } from '../domain/caller';
import { callerName } from '../domain/display-name';
import { Conflict, Invalid, NotFound } from '../domain/errors';
import type { ActionDefinition, ActionStatus } from '../domain/types';
import { checkExpectedVersion, givenCommentary, versionWritten, writeRefusal } from '../domain/write-rules';
import { readActionUpdateHistory, updateKey, writeActionUpdate } from '../store/action-updates';
import { readActionWithHistory } from '../store/definitions';
import { type ListFilters, listDefinitions } from '../store/listing';
import { readClosedAt } from '../store/quarter';
import { readDecisions } from '../store/sign-off';
import { readWriteContext } from '../store/write-context';
import { settleAgainstClose } from './close-race';
import { retireActionAsVersion, type Writer } from './definitions';
import { quarterUnderWay, withAsked } from './measures';
import { named, namedDecision, peopleNames } from './names';

/** Creates or replaces an action; true when it is new. */
/** Creates or replaces it as a new version (docs/plan-administration.md); nothing when unchanged. */
export { putDefinition } from './definitions';

export async function listActions(filters: ListFilters, limit: number, next?: string) {
  const page = await listDefinitions<ActionDefinition>('ACTION#', filters, limit, next);
  return { actions: page.items, next: page.next };
}

/** Retires planned work as a measure is retired (services/measures.ts): it leaves the quarter under way and later ones. */
export async function retireAction(id: string, now: Date, writer: Writer): Promise<ActionDefinition> {
  const action = await retireActionAsVersion(id, quarterUnderWay(now), { ...writer, at: now.toISOString() });
  if (!action) throw new NotFound(`There is no planned work ${id}.`);
  return action;
}

export async function actionDetail(id: string, quarter?: string) {
  const found = await readActionWithHistory(id);
  if (!found) throw new NotFound(`There is no action ${id}.`);
  const { startQuarter, dueQuarter } = found.action;
  const known = [...found.updates.map((u) => u.quarter), startQuarter, dueQuarter].filter(
    (q): q is string => typeof q === 'string',
  );
  // The store answers each update's own fields: the submitter's address, kept only for
  // sign-off's return email (docs/sign-off.md), is never among them.
  return { ...found, closedQuarters: await readClosedAt(withAsked(known, quarter)) };
}

/** Every version of an action's update for a quarter, oldest first, each with its sign-off decision (docs/sign-off.md). */
export async function actionUpdateHistory(actionId: string, quarter: string) {
  const [versions, decisions, names] = await Promise.all([
    readActionUpdateHistory(actionId, quarter),
    readDecisions(updateKey(actionId, quarter)),
    peopleNames(),
  ]);
  if (!versions) throw new NotFound(`No update was ever saved for ${actionId} in ${quarter}.`);
  // Who, in words, with their address for the hover (SPEC §12).
  return versions.map((version) => {
    const v = named(version, names);
    const signOff = namedDecision(decisions.get(v.version), names);
    return signOff ? { ...v, signOff } : v;
  });
}

export interface ActionUpdateSubmission {
  actionId: string;
  quarter: string;
  status: ActionStatus;
  commentary?: string;
  /** From If-Match: write only over this version (0: only if none exists). */
  expectedVersion?: number;
}

/** The first rule an update breaks (domain/write-rules.ts and the planned work's own), or null when it may be stored. */
export function actionUpdateRefusal(
  context: { definition: ActionDefinition | undefined; close: unknown; closing: boolean },
  caller: Caller,
  submission: { actionId: string; quarter: string; status: ActionStatus; commentary?: string },
): Error | null {
  const { actionId: id, quarter, status } = submission;
  const action = context.definition;
  if (!action) return new NotFound(`There is no action ${id}.`);
  const commentary = givenCommentary(submission.commentary);
  return writeRefusal({
    caller,
    ownerDirectorate: action.ownerDirectorate,
    doing: `update ${id}`,
    itemRules: () =>
      isRetired(action, quarter)
        ? new Conflict(`Planned work ${id} was retired from ${action.retiredFrom}.`)
        : actionDueIn(action, quarter)
          ? null
          : new Invalid(`${id} is not reported in ${quarter}.`, [
              {
                path: '/path/quarter',
                message: `a quarter from ${action.startQuarter ?? 'the start'} to ${action.dueQuarter ?? 'open-ended'}`,
              },
            ]),
    quarter,
    // Closing counts as closed: a close has begun reading the quarter.
    closed: context.close !== undefined || context.closing,
    status: () => status,
    commentary,
    commentaryDetail: () => actionUpdateProblem(status, commentary)!,
  });
}

/** Sets an action's BRAG status for a quarter, by the write rules (domain/write-rules.ts). */
export async function submitActionUpdate(submission: ActionUpdateSubmission, caller: Caller, now: Date) {
  const { actionId: id, quarter, status, expectedVersion } = submission;
  const subject = { kind: 'action-update', actionId: id, quarter } as const;
  const context = await readWriteContext(subject);
  const commentary = givenCommentary(submission.commentary);
  const refusal = actionUpdateRefusal(context, caller, submission);
  if (refusal) throw refusal;
  checkExpectedVersion(expectedVersion, context.currentVersion);
  let amendment = context.close !== undefined || context.closing;
  const version = await versionWritten(
    writeActionUpdate({
      actionId: id,
      quarter,
      status,
      commentary,
      by: caller.sub,
      byName: callerName(caller) ?? undefined,
      at: now.toISOString(),
      amendment,
      expectedVersion,
      head: context.head,
      // An amendment awaits nobody: no decision can be taken on a closed quarter (docs/sign-off.md).
      submitted: context.settings.signOff === 'on' && !amendment,
      email: caller.email ?? undefined,
    }),
    'The update changed since the version given in If-Match.',
  );
  if (!amendment) amendment = await settleAgainstClose(subject, version);
  return { actionId: id, quarter, status, commentary: commentary ?? null, version, amendment };
}
