// Closed means closed (docs/rules.md "Closed quarters and amendments", #22 findings 4
// and 5): no sign-off decision on a closed quarter, and no close of a quarter that has
// not ended unless the admin says it is early.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshId } from '../support/fresh';
import { startTestStack, type TestStack } from '../support/local-stack';
import { placeAction, placeMeasure } from '../support/route-samples';
import { setSettings } from '../support/settings';

let t: TestStack;
const tokens = { admin: '', officer: '', approver: '' };

beforeAll(async () => {
  t = await startTestStack();
  tokens.admin = await t.token('admin');
  tokens.officer = await t.token('officer', 'Place');
  tokens.approver = await t.token('approver', 'Place');
  await setSettings(t, tokens.admin, { signOff: 'on' });
});
afterAll(async () => {
  await t?.stop();
});

const decide = (path: string, body: unknown) =>
  t.call('POST', `${path}/sign-off`, { token: tokens.approver, body, headers: { 'if-match': '"1"' } });

describe('sign-off decisions on a closed quarter (finding 4)', () => {
  it('answer 409 for a result and an action update, record nothing and email nobody', async () => {
    const quarter = '2018-19-Q2';
    const measureId = freshId('closed-decision');
    const actionId = freshId('closed-decision');
    const put = (path: string, body: unknown) => t.call('PUT', path, { token: tokens.admin, body });
    expect((await put(`/measures/${measureId}`, { ...placeMeasure, targets: { '2018-19': 80 } })).status).toBe(201);
    expect((await put(`/actions/${actionId}`, placeAction)).status).toBe(201);
    const result = `/measures/${measureId}/results/${quarter}`;
    const update = `/actions/${actionId}/updates/${quarter}`;
    const officer = (path: string, body: unknown) => t.call('PUT', path, { token: tokens.officer, body });
    expect((await officer(result, { value: 90 })).status).toBe(201);
    expect((await officer(update, { status: 'green' })).status).toBe(201);
    const close = await t.call('POST', `/reports/${quarter}/close`, { token: tokens.admin });
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
    const history = await (await t.call('GET', `${result}/history`, { token: tokens.admin })).json();
    expect(history.versions[0]).not.toHaveProperty('signOff');
    expect(await t.emails()).toEqual([]);
  });
});
