import { environment } from '../config/environment';
// Sign-off (docs/sign-off.md): an approver's decision on a result or an action update,
// what awaits a decision, and the email a return sends its submitter.
import type { Caller } from '../domain/caller';
import { recordedWho, stampOf } from '../domain/display-name';
import { NotFound } from '../domain/errors';
import { assessMeasure } from '../domain/measure-status';
import type { Settings } from '../domain/settings';
import { type Decision, decisionRefusal, type SignOffDecision } from '../domain/sign-off';
import { returnedEmail } from '../mail/sign-off-email';
import { logger } from '../observability/logger';
import { updateApprovedFields, updateKey } from '../store/action-updates';
import type { Key } from '../store/batch';
import { readDefinitions } from '../store/definitions';
import { actionSk, measureSk, returnedMailPk, returnedMailSk } from '../store/keys';
import { readCloseState, readQuarter } from '../store/quarter';
import { resultApprovedFields, resultKey } from '../store/results';
import { currentDecision, readDecisionContext, recordDecision } from '../store/sign-off';
import { peopleNames } from './names';
import { queueEmail } from './outbox';
import { languageOfPerson } from './people';
import { quarterForResult } from './results';
import { offeredQuarters } from './returns';

export interface DecisionRequest {
  decision: Decision;
  reason?: string;
  /** From If-Match. */
  expectedVersion: number | undefined;
}

interface Subject {
  definitionSk: string;
  head: Key;
  /** `the result of m1 for 2017-18-Q4` */
  words: (title: string) => string;
  period: string;
  /** The quarter the period is in: decisions end when its close begins. */
  quarter: string;
  /** The head's fields that make up an approved version. */
  approvedFields: readonly string[];
  /** The web app's form for it, under /app/ (the returned email links there, SPEC §12). */
  formPath: string;
}

async function decide(subject: Subject, request: DecisionRequest, caller: Caller, now: Date) {
  const [context, closeState] = await Promise.all([
    readDecisionContext(subject.definitionSk, subject.head),
    readCloseState(subject.quarter),
  ]);
  if (!context.definition) throw new NotFound(`There is no ${subject.words('').trim() || 'such item'}.`);
  const head = context.head;
  const words = subject.words(context.definition.title);
  const reason = request.reason?.trim() ? request.reason.trim() : undefined;
  const refusal = decisionRefusal({
    caller,
    ownerDirectorate: context.definition.ownerDirectorate,
    signOff: context.settings.signOff,
    decision: request.decision,
    reason,
    expectedVersion: request.expectedVersion,
    latest: head
      ? {
          version: Number(head.version),
          by: String(head.by),
          ...(typeof head.email === 'string' && { email: head.email }),
          submitted: head.submitted === true,
          decision: currentDecision(head),
        }
      : null,
    subject: words,
    ...((closeState.closed || closeState.closing) && {
      close: { quarter: subject.quarter, state: closeState.closed ? 'closed' : 'closing' },
    }),
  });
  if (refusal) throw refusal;
  const version = Number(head!.version);
  const decision: SignOffDecision = {
    decision: request.decision,
    ...stampOf(caller),
    at: now.toISOString(),
    ...(reason !== undefined && { reason }),
  };
  const approved =
    request.decision === 'approve'
      ? Object.fromEntries(subject.approvedFields.filter((f) => head![f] !== undefined).map((f) => [f, head![f]]))
      : undefined;
  await recordDecision(subject.head, { ...decision, version }, approved);
  if (request.decision === 'return' && typeof head!.email === 'string')
    await tellSubmitter(
      subject.head,
      head!.email,
      context.settings,
      context.definition,
      subject.period,
      version,
      reason!,
      subject.formPath,
      now,
    );
  return { version, ...decision };
}

/** The return email goes through the outbox (the mailer sends it, retried; never failing the decision already recorded). */
async function tellSubmitter(
  head: Key,
  to: string,
  settings: Pick<Settings, 'reportTitle' | 'namesCy'>,
  definition: { title: string; titleCy?: string },
  period: string,
  version: number,
  reason: string,
  formPath: string,
  now: Date,
): Promise<void> {
  const app = environment().appUrl;
  const formUrl = app ? `${app.replace(/\/$/, '')}/${formPath}` : undefined;
  try {
    // In the submitter's language (People `language`), with the plan's Welsh where it has it.
    const language = await languageOfPerson(to);
    const welsh = language === 'cy';
    const reportTitle = (welsh ? settings.namesCy.reportTitle : undefined) ?? settings.reportTitle;
    const title = (welsh ? definition.titleCy : undefined) ?? definition.title;
    // From: the mailer's own sender (only it knows SES's).
    const email = returnedEmail({ from: '', to, reportTitle, title, period, version, reason, language, formUrl });
    await queueEmail(
      { pk: returnedMailPk(head as { pk: string; sk: string }, version), sk: returnedMailSk },
      'returned',
      email,
      now,
    );
  } catch (error) {
    logger.warn('return email not queued', { error: error instanceof Error ? error.name : 'unknown' });
  }
}

export async function decideOnResult(
  measureId: string,
  period: string,
  request: DecisionRequest,
  caller: Caller,
  now: Date,
) {
  const quarter = await quarterForResult(measureId, period);
  const decided = await decide(
    {
      definitionSk: measureSk(measureId),
      head: resultKey(measureId, period, quarter),
      words: (title) => `the result of ${title || measureId} for ${period}`,
      period,
      quarter,
      approvedFields: resultApprovedFields,
      formPath: `measures/${encodeURIComponent(measureId)}/results/${encodeURIComponent(period)}`,
    },
    request,
    caller,
    now,
  );
  return { measureId, period, ...decided };
}

export async function decideOnActionUpdate(
  actionId: string,
  quarter: string,
  request: DecisionRequest,
  caller: Caller,
  now: Date,
) {
  const decided = await decide(
    {
      definitionSk: actionSk(actionId),
      head: updateKey(actionId, quarter),
      words: (title) => `the update of ${title || actionId} for ${quarter}`,
      period: quarter,
      quarter,
      approvedFields: updateApprovedFields,
      formPath: `actions/${encodeURIComponent(actionId)}/updates/${encodeURIComponent(quarter)}`,
    },
    request,
    caller,
    now,
  );
  return { actionId, quarter, ...decided };
}

export interface AwaitingItem {
  kind: 'measure' | 'action';
  id: string;
  title: string;
  /** The Welsh title, when the definition has one. */
  titleCy?: string;
  /** A measure's unit, so the value shows with it. */
  unit?: string;
  programme: string;
  ownerDirectorate: string;
  /** The result's period, or the update's quarter. */
  period: string;
  version: number;
  value?: number;
  /** A measure: the quarter's status if this version counts (domain rules, like Your returns); an action: its BRAG. */
  status?: string;
  commentary: string | null;
  by: string;
  /** Who submitted it, in words, and their address (SPEC §12). */
  byName: string;
  byEmail: string | null;
  at: string;
}

/**
 * What awaits a decision in a quarter (default: the latest not closed), for one
 * directorate or (null) every one: the latest versions submitted and not yet decided.
 */
export async function awaitingSignOff(directorate: string | null, asked: string | undefined) {
  const definitions = await readDefinitions();
  // The quarters offered as on Your returns, so the page needs no second request for its select.
  // What awaits a decision: the latest quarter not closed (a closed one takes no decisions).
  const { quarters, quarter } = await offeredQuarters(
    definitions,
    asked,
    (offered) => offered.find((q) => !q.closed)?.quarter ?? offered[0]?.quarter ?? null,
  );
  if (quarter === null) return { directorate, quarter, quarters, items: [] as AwaitingItem[] };
  const [data, names] = await Promise.all([readQuarter(quarter), peopleNames()]);
  const who = (v: { by?: string; byName?: string; byEmail?: string | null }) => {
    const { name, email } = recordedWho(v, names);
    return { by: v.by ?? '', byName: name, byEmail: email };
  };
  const measures = new Map(definitions.measures.map((m) => [m.id, m]));
  const actions = new Map(definitions.actions.map((a) => [a.id, a]));
  const ours = (owner: string) => directorate === null || owner === directorate;
  const items: AwaitingItem[] = [];
  for (const r of data.results) {
    const m = measures.get(r.measureId);
    if (!m || !ours(m.ownerDirectorate) || !r.submitted || r.decision) continue;
    items.push({
      kind: 'measure',
      id: m.id,
      title: m.title,
      ...(m.titleCy && { titleCy: m.titleCy }),
      unit: m.unit,
      programme: m.programme,
      ownerDirectorate: m.ownerDirectorate,
      period: r.period,
      version: r.version,
      value: r.value,
      status: assessMeasure(
        m,
        quarter,
        data.results.filter((o) => o.measureId === m.id),
        definitions.settings,
      ).status,
      commentary: r.commentary ?? null,
      ...who(r),
      at: r.at ?? '',
    });
  }
  for (const u of data.actionUpdates) {
    const a = actions.get(u.actionId);
    if (!a || !ours(a.ownerDirectorate) || !u.submitted || u.decision) continue;
    items.push({
      kind: 'action',
      id: a.id,
      title: a.title,
      ...(a.titleCy && { titleCy: a.titleCy }),
      programme: a.programme,
      ownerDirectorate: a.ownerDirectorate,
      period: quarter,
      version: u.version,
      status: u.status,
      commentary: u.commentary ?? null,
      ...who(u),
      at: u.at ?? '',
    });
  }
  items.sort((a, b) => a.title.localeCompare(b.title) || a.period.localeCompare(b.period));
  return { directorate, quarter, quarters, items };
}
