// Closed means closed (docs/rules.md "Closed quarters and amendments", #22 findings 4
// and 5): no sign-off decision on a closed quarter, and no close of a quarter that has
// not ended unless the admin says it is early.
import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { placeAction, placeMeasure } from '../support/route-samples';

const t = useTestStack({
  settings: { signOff: 'on' },
  tokens: {
    admin: 'admin',
    officer: { role: 'officer', directorate: 'Place' },
    approver: { role: 'approver', directorate: 'Place' },
  },
});

const decide = (path: string, body: unknown) =>
  t.call('POST', `${path}/sign-off`, { token: t.tokens.approver, body, headers: { 'if-match': '"1"' } });

describe('sign-off decisions on a closed quarter (finding 4)', () => {
  it('answer 409 for a result and an action update, record nothing and email nobody', async () => {
    const quarter = '2018-19-Q2';
    const measureId = freshId('closed-decision');
    const actionId = freshId('closed-decision');
    const put = (path: string, body: unknown) => t.call('PUT', path, { token: t.tokens.admin, body });
    expect((await put(`/measures/${measureId}`, { ...placeMeasure, targets: { '2018-19': 80 } })).status).toBe(201);
    expect((await put(`/actions/${actionId}`, placeAction)).status).toBe(201);
    const result = `/measures/${measureId}/results/${quarter}`;
    const update = `/actions/${actionId}/updates/${quarter}`;
    const officer = (path: string, body: unknown) => t.call('PUT', path, { token: t.tokens.officer, body });
    expect((await officer(result, { value: 90 })).status).toBe(201);
    expect((await officer(update, { status: 'green' })).status).toBe(201);
    const close = await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin });
    expect(close.status, await close.clone().text()).toBe(200);
    await t.clearEmails();

    for (const [path, body] of [
      [result, { decision: 'approve' }],
      [result, { decision: 'return', reason: 'Check the figure' }],
      [update, { decision: 'approve' }],
      [update, { decision: 'return', reason: 'Say more' }],
    ] as const) {
      const res = await decide(path, body);
      expect(res.status, path).toBe(409);
      expect((await res.json()).detail).toBe(
        `${quarter} is closed: its returns are no longer signed off; an admin amendment is the only change.`,
      );
    }
    const history = await (await t.call('GET', `${result}/history`, { token: t.tokens.admin })).json();
    expect(history.versions[0]).not.toHaveProperty('signOff');
    expect(await t.emails()).toEqual([]);
  });
});

describe('closing a quarter that has not ended (finding 5)', () => {
  // Years ahead of any clock this test runs on.
  const quarter = '2032-33-Q1';

  it('answers 409 naming the date it ends, and changes nothing: no close, no email, officers still write', async () => {
    const measureId = freshId('early');
    const put = await t.call('PUT', `/measures/${measureId}`, {
      token: t.tokens.admin,
      body: { ...placeMeasure, targets: { '2032-33': 80 } },
    });
    expect(put.status).toBe(201);
    await t.clearEmails();
    for (const body of [undefined, {}, { early: false }]) {
      const res = await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect((await res.json()).detail).toBe(
        `${quarter} ends on 30 June 2032: it has not ended. To close it early, send {"early": true}.`,
      );
    }
    expect(await t.emails()).toEqual([]);
    const report = await (await t.call('GET', `/reports/${quarter}`, { token: t.tokens.admin })).json();
    expect(report.closed).toBe(false);
    const saved = await t.call('PUT', `/measures/${measureId}/results/${quarter}`, {
      token: t.tokens.officer,
      body: { value: 90 },
    });
    expect(saved.status).toBe(201);

    // The preview says so; with {"early": true} the close goes ahead.
    const preview = await (await t.call('GET', `/reports/${quarter}/close-preview`, { token: t.tokens.admin })).json();
    expect(preview).toMatchObject({ endsOn: '2032-06-30', closedEarly: true, alreadyClosed: false });
    const early = await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin, body: { early: true } });
    expect(early.status, await early.clone().text()).toBe(200);
    expect(await early.json()).toMatchObject({ closed: true, closedEarly: true, endsOn: '2032-06-30' });
    expect((await t.emails()).length).toBe(1);
    // Closing again (idempotent) needs no early flag: it freezes nothing new.
    const again = await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin });
    expect(again.status).toBe(200);
  });

  it('refuses a body that is not {"early": boolean} (422) and a quarter that has ended needs no flag', async () => {
    const bad = await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin, body: { early: 'yes' } });
    expect(bad.status).toBe(422);
    const ended = await t.call('POST', '/reports/2018-19-Q3/close', { token: t.tokens.admin });
    expect(ended.status, await ended.clone().text()).toBe(200);
    expect(await ended.json()).toMatchObject({ closedEarly: false, endsOn: '2018-12-31' });
  });
});
