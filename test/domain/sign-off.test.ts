// Sign-off rules (docs/sign-off.md): the counted version, the report's states and the
// decision rules, by table and by property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../lambdas/domain/caller';
import { Conflict, Forbidden, Invalid, VersionConflict } from '../../lambdas/domain/errors';
import { buildReport } from '../../lambdas/domain/report';
import {
  combinedState,
  countedVersion,
  type DecisionAttempt,
  decisionRefusal,
  notSignedOffSentence,
  type SignableVersion,
  type SignOffMode,
} from '../../lambdas/domain/sign-off';
import type { ActionUpdateValue, ReportInput, ResultValue } from '../../lambdas/domain/types';
import { aMeasure, anAction, aResult, settingsWith } from './fixtures';

const Q4 = '2017-18-Q4';
const on = (overrides: Partial<SignOffMode> = {}): SignOffMode => ({
  signOff: 'on',
  unsignedAtClose: 'count-flagged',
  atClose: false,
  ...overrides,
});
const off: SignOffMode = { signOff: 'off', unsignedAtClose: 'count-flagged', atClose: false };
const decided = (decision: 'approve' | 'return') => ({ decision, by: 'approver', at: '2018-04-01T00:00:00Z' });
const v = (version: number, extra: Partial<SignableVersion> = {}): SignableVersion => ({ version, ...extra });
const awaiting = (n: number) => v(n, { submitted: true });
const approved = (n: number) => v(n, { submitted: true, decision: decided('approve') });
const returned = (n: number) => v(n, { submitted: true, decision: { ...decided('return'), reason: 'why' } });

describe('countedVersion', () => {
  it.each([
    ['no versions', [], on(), null, null],
    ['off: the latest counts whatever its state', [approved(1), awaiting(2)], off, 2, null],
    ['on: the latest approved counts', [approved(1), awaiting(2)], on(), 1, 'awaiting'],
    ['on: a newer returned one is shown as returned', [approved(1), returned(2)], on(), 1, 'returned'],
    ['on: the latest approved is the latest', [awaiting(1), approved(2)], on(), 2, 'approved'],
    ['on: saved while off counts as approved', [v(1)], on(), 1, 'approved'],
    ['on, live: none approved, nothing counts', [awaiting(1)], on(), null, 'awaiting'],
    [
      'on, close, count-flagged: the latest counts, flagged',
      [returned(1), awaiting(2)],
      on({ atClose: true }),
      2,
      'not-signed-off',
    ],
    [
      'on, close, no-data: nothing counts',
      [awaiting(1)],
      on({ atClose: true, unsignedAtClose: 'no-data' }),
      null,
      'not-signed-off',
    ],
    [
      'on, close, an approved one counts as before',
      [approved(1), awaiting(2)],
      on({ atClose: true, unsignedAtClose: 'no-data' }),
      1,
      'awaiting',
    ],
  ] as const)('%s', (_name, versions, mode, version, state) => {
    const c = countedVersion(versions, mode);
    expect(c.counted?.version ?? null).toBe(version);
    expect(c.state).toBe(state);
  });
});

describe('combinedState (a monthly measure has several results)', () => {
  it('returned over awaiting over not signed off over approved; none without results', () => {
    expect(combinedState(['approved', 'awaiting', 'returned'])).toBe('returned');
    expect(combinedState(['approved', 'awaiting'])).toBe('awaiting');
    expect(combinedState(['approved', 'not-signed-off'])).toBe('not-signed-off');
    expect(combinedState(['approved'])).toBe('approved');
    expect(combinedState([])).toBeNull();
  });
});

describe('notSignedOffSentence', () => {
  it('says how many returns were not signed off', () => {
    expect(notSignedOffSentence(3)).toBe('3 returns were not signed off.');
    expect(notSignedOffSentence(1)).toBe('1 return was not signed off.');
  });
});

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    quarter: Q4,
    measures: [aMeasure({ targets: { '2017-18': 100 } })],
    actions: [anAction()],
    results: [],
    actionUpdates: [],
    remedialActions: {},
    settings: settingsWith(),
    ...overrides,
  };
}
const update = (overrides: Partial<ActionUpdateValue> = {}): ActionUpdateValue => ({
  actionId: 'a',
  quarter: Q4,
  status: 'green',
  commentary: 'c',
  version: 1,
  ...overrides,
});

describe('the report with sign-off', () => {
  it('off: no sign-off fields, the latest version counts', () => {
    const report = buildReport(input({ results: [aResult(Q4, 120, { version: 2, submitted: true })] }));
    expect(report.measures[0]).toMatchObject({ status: 'green', actual: 120 });
    expect(report.measures[0]).not.toHaveProperty('signOff');
    expect(report.summary).not.toHaveProperty('notSignedOff');
  });

  it('on: counts the approved version and shows the awaiting one beside it', () => {
    const result = aResult(Q4, 50, {
      version: 2,
      submitted: true,
      commentary: 'worse',
      approved: { version: 1, value: 120 },
    });
    const report = buildReport(input({ results: [result], signOff: on() }));
    expect(report.measures[0]).toMatchObject({
      status: 'green',
      actual: 120,
      signOff: 'awaiting',
      unapprovedActual: 50,
    });
    expect(report.summary.notSignedOff).toBe(0);
  });

  it("on: a stored period that does not fit the measure's frequency gives the measure no sign-off state", () => {
    const report = buildReport(
      input({ results: [aResult('2018-03', 120, { version: 1, submitted: true })], signOff: on() }),
    );
    expect(report.measures[0]).toMatchObject({ status: 'no-data' });
    expect(report.measures[0]?.signOff).toBeUndefined();
  });

  it('on, at close, count-flagged: an unapproved return counts, flagged, and the summary says so', () => {
    const report = buildReport(
      input({
        results: [aResult(Q4, 50, { submitted: true, commentary: 'c' })],
        actionUpdates: [update({ status: 'amber', submitted: true })],
        signOff: on({ atClose: true }),
      }),
    );
    expect(report.measures[0]).toMatchObject({ status: 'red', actual: 50, signOff: 'not-signed-off' });
    expect(report.actions[0]).toMatchObject({ status: 'amber', signOff: 'not-signed-off' });
    expect(report.summary.notSignedOff).toBe(2);
    expect(report.summary.sentences).toContain('2 returns were not signed off.');
  });

  it('on, at close, no-data: returning the only version makes the measure no data', () => {
    const result = aResult(Q4, 120, { submitted: true, decision: { ...decided('return'), reason: 'check' } });
    const report = buildReport(
      input({ results: [result], signOff: on({ atClose: true, unsignedAtClose: 'no-data' }) }),
    );
    expect(report.measures[0]).toMatchObject({ status: 'no-data', actual: null, signOff: 'not-signed-off' });
    expect(report.measures[0]?.unapprovedActual).toBe(120);
  });

  it('on: an action update awaiting sign-off counts the approved status', () => {
    const report = buildReport(
      input({
        actionUpdates: [
          update({ version: 2, status: 'red', submitted: true, approved: { version: 1, status: 'green' } }),
        ],
        signOff: on(),
      }),
    );
    expect(report.actions[0]).toMatchObject({ status: 'green', signOff: 'awaiting', unapprovedStatus: 'red' });
  });
});

describe('properties', () => {
  const version = fc.record({
    value: fc.integer({ min: 0, max: 200 }),
    submitted: fc.boolean(),
    decision: fc.constantFrom(undefined, 'approve' as const, 'return' as const),
  });
  const asResults = (list: { value: number; submitted: boolean; decision?: 'approve' | 'return' }[]): ResultValue[] =>
    list.map((x, i) => ({
      measureId: 'm',
      period: Q4,
      value: x.value,
      commentary: 'c',
      version: i + 1,
      submitted: x.submitted,
      ...(x.decision && { decision: { ...decided(x.decision), reason: 'r' } }),
    }));

  it('approving never changes a report while sign-off is off', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 6 }), fc.boolean(), (list, atClose) => {
        const before = asResults(list);
        const after = before.map((r, i) => (i === before.length - 1 ? { ...r, decision: decided('approve') } : r));
        const mode = { ...off, atClose };
        expect(buildReport(input({ results: after, signOff: mode }))).toEqual(
          buildReport(input({ results: before, signOff: mode })),
        );
        expect(buildReport(input({ results: before, signOff: mode }))).toEqual(buildReport(input({ results: before })));
      }),
    );
  });

  it('returning the only version under no-data at close makes the measure no data', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (value) => {
        const result = aResult(Q4, value, {
          submitted: true,
          commentary: 'c',
          decision: { ...decided('return'), reason: 'r' },
        });
        const report = buildReport(
          input({ results: [result], signOff: on({ atClose: true, unsignedAtClose: 'no-data' }) }),
        );
        expect(report.measures[0]?.status).toBe('no-data');
      }),
    );
  });

  it('with sign-off on, the counted version is approved, or flagged at close under count-flagged', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 6 }), fc.boolean(), (list, atClose) => {
        const versions = asResults(list);
        const c = countedVersion(versions, on({ atClose }));
        if (c.counted && c.state !== 'not-signed-off')
          expect(!c.counted.submitted || c.counted.decision?.decision === 'approve').toBe(true);
        if (c.state === 'not-signed-off') expect(c.counted).toBe(c.latest);
      }),
    );
  });
});

describe('decisionRefusal', () => {
  const approver: Caller = { sub: 'ap', email: 'ap@x', roles: ['approver'], directorate: 'People' };
  const attempt = (overrides: Partial<DecisionAttempt> = {}): DecisionAttempt => ({
    caller: approver,
    ownerDirectorate: 'People',
    signOff: 'on',
    decision: 'approve',
    expectedVersion: 1,
    latest: { version: 1, by: 'officer', submitted: true },
    subject: 'the result',
    ...overrides,
  });

  it.each([
    ['sign-off off', { signOff: 'off' }, Conflict],
    ['an officer', { caller: { ...approver, roles: ['officer'] } }, Forbidden],
    ["another directorate's approver", { caller: { ...approver, directorate: 'Place' } }, Forbidden],
    ['a return without a reason', { decision: 'return', reason: '  ' }, Invalid],
    ['a newer version exists', { expectedVersion: 0 }, VersionConflict],
    ['the submitter', { latest: { version: 1, by: 'ap', submitted: true } }, Forbidden],
    ['already decided', { latest: { version: 1, by: 'o', submitted: true, decision: decided('approve') } }, Conflict],
    ['saved while off', { latest: { version: 1, by: 'o' } }, Conflict],
    ['no If-Match', { expectedVersion: undefined }, Invalid],
    ['a closed quarter', { close: { quarter: '2017-18-Q4', state: 'closed' } }, Conflict],
    ['a quarter being closed', { close: { quarter: '2017-18-Q4', state: 'closing' } }, Conflict],
  ] as const)('refuses %s', (_name, overrides, kind) => {
    expect(decisionRefusal(attempt(overrides as Partial<DecisionAttempt>))).toBeInstanceOf(kind);
  });

  it('names the quarter and the only way left when it is closed or closing', () => {
    expect(decisionRefusal(attempt({ close: { quarter: '2017-18-Q4', state: 'closed' } }))?.message).toBe(
      '2017-18-Q4 is closed: its returns are no longer signed off; an admin amendment is the only change.',
    );
    expect(decisionRefusal(attempt({ close: { quarter: '2017-18-Q4', state: 'closing' } }))?.message).toMatch(
      /^2017-18-Q4 is being closed: /,
    );
  });

  it("lets the directorate's approver, or an admin of any directorate, decide", () => {
    expect(decisionRefusal(attempt())).toBeNull();
    expect(decisionRefusal(attempt({ caller: { ...approver, roles: ['admin'], directorate: null } }))).toBeNull();
    expect(decisionRefusal(attempt({ decision: 'return', reason: 'check the figure' }))).toBeNull();
  });
});
