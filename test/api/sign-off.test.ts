// Sign-off through real HTTP against the local server, dynalite and the SES emulator
// (docs/sign-off.md): decisions, who may make them, the races, the history, what awaits
// sign-off, the report and the close under both unsignedAtClose settings.
import { describe, expect, it } from 'vitest';
import { handler as reminderJob } from '../../lambdas/handlers/reminder-job';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { lambdaContext } from '../support/lambda-context';
import { readDocx } from '../support/office';
import { placeAction, placeMeasure } from '../support/route-samples';

const t = useTestStack({
  settings: { signOff: 'on' },
  tokens: {
    admin: 'admin',
    officer: { role: 'officer', directorate: 'Place' },
    approver: { role: 'approver', directorate: 'Place' },
    otherApprover: { role: 'approver', directorate: 'People' },
  },
});

/** A fresh Place measure with a result submitted by the Place officer (version 1, awaiting sign-off). */
async function submitted(quarter = '2017-18-Q4', value = 85, commentary?: string) {
  const id = freshId('signed');
  expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: placeMeasure })).status).toBe(201);
  const res = await t.call('PUT', `/measures/${id}/results/${quarter}`, {
    token: t.tokens.officer,
    body: { value, commentary },
  });
  expect(res.status).toBe(201);
  return { id, quarter, path: `/measures/${id}/results/${quarter}` };
}

const decide = (path: string, token: string, body: unknown, version = 1) =>
  t.call('POST', `${path}/sign-off`, { token, body, headers: { 'if-match': `"${version}"` } });

const reportMeasure = async (quarter: string, id: string) => {
  const report = await (await t.call('GET', `/reports/${quarter}`, { token: t.tokens.admin })).json();
  return { report, measure: report.measures.find((m: { id: string }) => m.id === id) };
};

describe('deciding on a result', () => {
  it('an approval makes the version count in the report', async () => {
    const r = await submitted();
    expect((await reportMeasure(r.quarter, r.id)).measure).toMatchObject({
      status: 'no-data',
      signOff: 'awaiting',
      unapprovedActual: 85,
    });
    const res = await decide(r.path, t.tokens.approver, { decision: 'approve' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ version: 1, decision: 'approve', by: 'local-approver-place' });
    const { measure } = await reportMeasure(r.quarter, r.id);
    expect(measure).toMatchObject({ status: 'green', actual: 85, signOff: 'approved' });
    expect(measure).not.toHaveProperty('unapprovedActual');
  });

  it('the decision is part of the version history', async () => {
    const r = await submitted();
    await decide(r.path, t.tokens.approver, { decision: 'return', reason: 'Check the figure' });
    const history = await (await t.call('GET', `${r.path}/history`, { token: t.tokens.officer })).json();
    expect(history.versions[0]).toMatchObject({
      version: 1,
      value: 85,
      submitted: true,
      signOff: { decision: 'return', by: 'local-approver-place', reason: 'Check the figure' },
    });
    expect(history.versions[0]).not.toHaveProperty('email');
  });

  it('a newer version awaiting sign-off is shown beside the approved one, which still counts', async () => {
    const r = await submitted();
    await decide(r.path, t.tokens.approver, { decision: 'approve' });
    await t.call('PUT', r.path, { token: t.tokens.officer, body: { value: 50, commentary: 'Fell back' } });
    expect((await reportMeasure(r.quarter, r.id)).measure).toMatchObject({
      status: 'green',
      actual: 85,
      signOff: 'awaiting',
      unapprovedActual: 50,
    });
  });

  it('a return emails the submitter the reason at once', async () => {
    const r = await submitted();
    await t.clearEmails();
    const res = await decide(r.path, t.tokens.approver, { decision: 'return', reason: 'Wrong month used' });
    expect(res.status).toBe(200);
    const emails = (await t.emails()).filter((e) => e.destination.to.includes('officer.place@localhost'));
    expect(emails).toHaveLength(1);
    expect(emails[0]?.body.text).toContain('Wrong month used');
    expect((await reportMeasure(r.quarter, r.id)).measure).toMatchObject({ status: 'no-data', signOff: 'returned' });
  });

  it('GET /sign-offs lists what awaits the directorate, and not what was decided', async () => {
    const waiting = await submitted('2017-18-Q2');
    const decided = await submitted('2017-18-Q2');
    await decide(decided.path, t.tokens.approver, { decision: 'approve' });
    const res = await t.call('GET', '/sign-offs?quarter=2017-18-Q2', { token: t.tokens.approver });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.directorate).toBe('Place');
    // The quarters offered, as on Your returns, for the page's select.
    expect(body.quarters).toContainEqual({ quarter: '2017-18-Q2', closed: false });
    const ids = body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(waiting.id);
    expect(ids).not.toContain(decided.id);
    // The status the version would give the quarter (target 80, higher is better: 85 is GREEN).
    expect(body.items.find((i: { id: string }) => i.id === waiting.id)).toMatchObject({
      kind: 'measure',
      period: '2017-18-Q2',
      version: 1,
      value: 85,
      status: 'green',
      by: 'local-officer-place',
    });
    const other = await (
      await t.call('GET', '/sign-offs?quarter=2017-18-Q2', { token: t.tokens.otherApprover })
    ).json();
    expect(other.items.map((i: { id: string }) => i.id)).not.toContain(waiting.id);
  });
});

describe('refusals, which change nothing', () => {
  it('422 for a return without a reason', async () => {
    const r = await submitted();
    const res = await decide(r.path, t.tokens.approver, { decision: 'return' });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([expect.objectContaining({ path: '/reason' })]);
    expect((await reportMeasure(r.quarter, r.id)).measure.signOff).toBe('awaiting');
  });

  it("403 for another directorate's approver and for an officer", async () => {
    const r = await submitted();
    expect((await decide(r.path, t.tokens.otherApprover, { decision: 'approve' })).status).toBe(403);
    expect((await decide(r.path, t.tokens.officer, { decision: 'approve' })).status).toBe(403);
    expect((await reportMeasure(r.quarter, r.id)).measure.signOff).toBe('awaiting');
  });

  it('403 for the submitter deciding on their own version', async () => {
    const id = freshId('own');
    await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: placeMeasure });
    await t.call('PUT', `/measures/${id}/results/2017-18-Q4`, { token: t.tokens.admin, body: { value: 90 } });
    const res = await decide(`/measures/${id}/results/2017-18-Q4`, t.tokens.admin, { decision: 'approve' });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toMatch(/they submitted/);
  });

  it('412 when a newer version exists', async () => {
    const r = await submitted();
    await t.call('PUT', r.path, { token: t.tokens.officer, body: { value: 86 } });
    const res = await decide(r.path, t.tokens.approver, { decision: 'approve' }, 1);
    expect(res.status).toBe(412);
    expect((await reportMeasure(r.quarter, r.id)).measure).toMatchObject({ status: 'no-data', signOff: 'awaiting' });
  });

  it('409 for a second decision on the same version', async () => {
    const r = await submitted();
    expect((await decide(r.path, t.tokens.approver, { decision: 'approve' })).status).toBe(200);
    expect((await decide(r.path, t.tokens.admin, { decision: 'return', reason: 'no' })).status).toBe(409);
  });
});

describe('races', () => {
  it('two approvers deciding on one version: exactly one wins', async () => {
    const r = await submitted();
    const [a, b] = await Promise.all([
      decide(r.path, t.tokens.approver, { decision: 'approve' }),
      decide(r.path, t.tokens.admin, { decision: 'return', reason: 'Not sure' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'approve' : 'return';
    const history = await (await t.call('GET', `${r.path}/history`, { token: t.tokens.admin })).json();
    expect(history.versions[0].signOff.decision).toBe(winner);
  });

  it('a new submission while an approval is in flight: the approval lands on its version or answers 412', async () => {
    const r = await submitted();
    const [approval, submission] = await Promise.all([
      decide(r.path, t.tokens.approver, { decision: 'approve' }),
      t.call('PUT', r.path, { token: t.tokens.officer, body: { value: 40, commentary: 'Revised down' } }),
    ]);
    expect(submission.status).toBe(200);
    expect([200, 412]).toContain(approval.status);
    const { measure } = await reportMeasure(r.quarter, r.id);
    // Version 2 is never approved by a decision made on version 1.
    expect(measure.signOff).toBe('awaiting');
    expect(measure.unapprovedActual).toBe(40);
    expect(measure.actual).toBe(approval.status === 200 ? 85 : null);
  });
});

describe('deciding on an action update', () => {
  it('an approval makes the update count', async () => {
    const id = freshId('signed-action');
    await t.call('PUT', `/actions/${id}`, { token: t.tokens.admin, body: placeAction });
    const path = `/actions/${id}/updates/2017-18-Q4`;
    await t.call('PUT', path, { token: t.tokens.officer, body: { status: 'green' } });
    const before = await (await t.call('GET', '/reports/2017-18-Q4', { token: t.tokens.admin })).json();
    expect(before.actions.find((a: { id: string }) => a.id === id)).toMatchObject({
      status: 'no-update',
      signOff: 'awaiting',
      unapprovedStatus: 'green',
    });
    expect((await decide(path, t.tokens.approver, { decision: 'approve' })).status).toBe(200);
    const after = await (await t.call('GET', '/reports/2017-18-Q4', { token: t.tokens.admin })).json();
    expect(after.actions.find((a: { id: string }) => a.id === id)).toMatchObject({
      status: 'green',
      signOff: 'approved',
    });
  });
});

describe("an action update's version history", () => {
  it("shows each version with its sign-off decision, never the submitter's address", async () => {
    const id = freshId('history-action');
    await t.call('PUT', `/actions/${id}`, { token: t.tokens.admin, body: placeAction });
    const path = `/actions/${id}/updates/2017-18-Q4`;
    await t.call('PUT', path, { token: t.tokens.officer, body: { status: 'amber', commentary: 'Delayed' } });
    await decide(path, t.tokens.approver, { decision: 'return', reason: 'Say why it is delayed' });
    await t.call('PUT', path, {
      token: t.tokens.officer,
      body: { status: 'amber', commentary: 'Delayed by the inspector' },
      headers: { 'if-match': '"1"' },
    });
    const res = await t.call('GET', `${path}/history`, { token: t.tokens.officer });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const { versions } = await res.json();
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatchObject({
      version: 1,
      status: 'amber',
      commentary: 'Delayed',
      submitted: true,
      signOff: { decision: 'return', by: 'local-approver-place', reason: 'Say why it is delayed' },
    });
    expect(versions[1]).toMatchObject({ version: 2, commentary: 'Delayed by the inspector', submitted: true });
    expect(versions[1]).not.toHaveProperty('signOff');
    for (const v of versions) expect(v).not.toHaveProperty('email');
  });

  it("GET /actions/{id} does not show the submitter's address either", async () => {
    const id = freshId('detail-action');
    await t.call('PUT', `/actions/${id}`, { token: t.tokens.admin, body: placeAction });
    await t.call('PUT', `/actions/${id}/updates/2017-18-Q4`, { token: t.tokens.officer, body: { status: 'green' } });
    const detail = await (await t.call('GET', `/actions/${id}`, { token: t.tokens.officer })).json();
    expect(detail.updates).toEqual([expect.objectContaining({ quarter: '2017-18-Q4', status: 'green', version: 1 })]);
    expect(JSON.stringify(detail)).not.toContain('officer.place@localhost');
  });

  it('404 when no update was ever saved for that quarter', async () => {
    const id = freshId('history-action');
    await t.call('PUT', `/actions/${id}`, { token: t.tokens.admin, body: placeAction });
    const res = await t.call('GET', `/actions/${id}/updates/2017-18-Q4/history`, { token: t.tokens.officer });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('the close', () => {
  it('one return not signed off reads "1 return was not signed off." in the report, its documents and the email', async () => {
    // A quarter of its own, so this is the only return in it.
    const quarter = '2016-17-Q3';
    await submitted(quarter, 85);
    await t.clearEmails();
    const report = await (await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin })).json();
    expect(report.summary.notSignedOff).toBe(1);
    const sentence = '1 return was not signed off.';
    expect(report.summary.sentences).toContain(sentence);
    for (const format of ['html', 'md']) {
      const text = await (
        await t.call('GET', `/reports/${quarter}?format=${format}`, { token: t.tokens.admin })
      ).text();
      expect(text, format).toContain(sentence);
      expect(text, format).not.toContain('1 returns were');
    }
    const docx = await t.call('GET', `/reports/${quarter}?format=docx`, { token: t.tokens.admin });
    const lines = readDocx(new Uint8Array(await docx.arrayBuffer())).paragraphs.map((p) => p.text);
    expect(lines).toContain(sentence);
    const email = (await t.emails()).find((e) => e.subject.includes('2016-17 Q3'));
    expect(email?.body.text).toContain(sentence);
    expect(email?.body.html).toContain(sentence);
  });

  it('count-flagged (the default): an unapproved return counts, marked not signed off', async () => {
    const r = await submitted('2017-18-Q1', 50, 'Low');
    const res = await t.call('POST', '/reports/2017-18-Q1/close', { token: t.tokens.admin });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.measures.find((m: { id: string }) => m.id === r.id)).toMatchObject({
      status: 'red',
      actual: 50,
      signOff: 'not-signed-off',
    });
    expect(report.summary.notSignedOff).toBeGreaterThanOrEqual(1);
    expect(report.summary.sentences).toContainEqual(expect.stringMatching(/not signed off\.$/));
    const csv = await (await t.call('GET', '/reports/2017-18-Q1?format=csv', { token: t.tokens.admin })).text();
    expect(csv.split('\n').find((line) => line.includes(r.id))).toContain('not signed off');
  });

  it('no-data: a return with no approved version counts as no data', async () => {
    await t.withSettings({ unsignedAtClose: 'no-data' });
    const r = await submitted('2017-18-Q3', 90);
    await decide(r.path, t.tokens.approver, { decision: 'return', reason: 'Source missing' });
    const report = await (await t.call('POST', '/reports/2017-18-Q3/close', { token: t.tokens.admin })).json();
    expect(report.measures.find((m: { id: string }) => m.id === r.id)).toMatchObject({
      status: 'no-data',
      actual: null,
      signOff: 'not-signed-off',
    });
  });
});

describe("the officer's returns", () => {
  it('say Awaiting sign-off, then Returned with the reason', async () => {
    const r = await submitted('2018-19-Q2');
    const state = async () => {
      const body = await (await t.call('GET', '/returns?quarter=2018-19-Q2', { token: t.tokens.officer })).json();
      return body.measures.find((m: { id: string }) => m.id === r.id);
    };
    expect(await state()).toMatchObject({ state: 'awaiting-sign-off' });
    await decide(r.path, t.tokens.approver, { decision: 'return', reason: 'Use the March figure' });
    expect(await state()).toMatchObject({ state: 'returned', reason: 'Use the March figure' });
  });
});

describe('the reminder job', () => {
  it("emails each directorate's approvers what awaits their sign-off, once", async () => {
    const settings = await (await t.call('GET', '/settings', { token: t.tokens.admin })).json();
    await t.withSettings({
      directorates: {
        ...settings.directorates,
        Place: { contacts: ['place.performance@localhost'], heads: [], approvers: ['approver.place@localhost'] },
      },
    });
    const r = await submitted('2018-19-Q1');
    await t.clearEmails();
    await reminderJob({ daysBeforeClose: 5, quarter: '2018-19-Q1' }, lambdaContext('reminders'));
    await reminderJob({ daysBeforeClose: 5, quarter: '2018-19-Q1' }, lambdaContext('reminders'));
    const emails = (await t.emails()).filter((e) => e.destination.to.includes('approver.place@localhost'));
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toMatch(/awaits? your sign-off \(Place, 2018-19 Q1\)/);
    expect(emails[0]?.body.text).toContain(placeMeasure.title);
    expect(r.id).toBeTruthy();
  });
});

describe('GET /me', () => {
  it('says sign-off is on, so the web app offers Awaiting sign-off', async () => {
    const me = await (await t.call('GET', '/me', { token: t.tokens.approver })).json();
    expect(me).toMatchObject({ roles: ['approver'], directorate: 'Place', signOff: 'on' });
  });
});

describe('PUT /settings', () => {
  it('keeps signOff and unsignedAtClose when the body omits them', async () => {
    await t.withSettings({ unsignedAtClose: 'no-data' });
    const {
      signOff: _s,
      unsignedAtClose: _u,
      ...older
    } = await (await t.call('GET', '/settings', { token: t.tokens.admin })).json();
    const res = await t.call('PUT', '/settings', { token: t.tokens.admin, body: { ...older, reportTitle: 'Kept' } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ reportTitle: 'Kept', signOff: 'on', unsignedAtClose: 'no-data' });
    const stored = await (await t.call('GET', '/settings', { token: t.tokens.admin })).json();
    expect(stored).toMatchObject({ reportTitle: 'Kept', signOff: 'on', unsignedAtClose: 'no-data' });
  });
});

describe('with sign-off off', () => {
  it('409 saying sign-off is off, and every version counts', async () => {
    const r = await submitted('2017-18-Q2');
    await t.withSettings({ signOff: 'off' });
    const res = await decide(r.path, t.tokens.approver, { decision: 'approve' });
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toMatch(/Sign-off is off/);
    const { measure } = await reportMeasure(r.quarter, r.id);
    expect(measure).toMatchObject({ status: 'green', actual: 85 });
    expect(measure).not.toHaveProperty('signOff');
  });
});
