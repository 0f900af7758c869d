// The close-preview and reissue-preview (docs/rules.md "Quarter close"): one function
// decides what a close freezes, so the preview, the close's answer and the email it sends
// agree, whatever sign-off and unsignedAtClose say (#22 finding 1).
import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { untimed as untimedReport } from '../support/report-facts';
import { placeMeasure } from '../support/route-samples';

const t = useTestStack({
  tokens: {
    admin: 'admin',
    officer: { role: 'officer', directorate: 'Place' },
    approver: { role: 'approver', directorate: 'Place' },
  },
});

/** A Place measure with a target of 80 in `year`. */
async function measure(year: string) {
  const id = freshId('preview');
  const res = await t.call('PUT', `/measures/${id}`, {
    token: t.tokens.admin,
    body: { ...placeMeasure, targets: { [year]: 80 } },
  });
  expect(res.status).toBe(201);
  return id;
}

const get = async (path: string) => {
  const res = await t.call('GET', path, { token: t.tokens.admin });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};
const post = async (path: string) => {
  const res = await t.call('POST', path, { token: t.tokens.admin });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};

/** The answer but for its timestamps (when it closed, when the email went), which it has. */
const untimed = (answer: Record<string, unknown>) => {
  expect(answer.closedAt).toEqual(expect.any(String));
  return untimedReport(answer);
};

describe('GET /reports/{quarter}/close-preview', () => {
  it('says what the close freezes and emails, a returned RED result counted by unsignedAtClose included (finding 1)', async () => {
    const quarter = '2019-20-Q1';
    await t.withSettings({ signOff: 'on', unsignedAtClose: 'count-flagged' });
    const id = await measure('2019-20');
    const path = `/measures/${id}/results/${quarter}`;
    const saved = await t.call('PUT', path, { token: t.tokens.officer, body: { value: 20, commentary: 'Staff off' } });
    expect(saved.status).toBe(201);
    const returned = await t.call('POST', `${path}/sign-off`, {
      token: t.tokens.approver,
      body: { decision: 'return', reason: 'Check it' },
      headers: { 'if-match': '"1"' },
    });
    expect(returned.status).toBe(200);

    // The live report has no approved figure; the close counts the returned one, flagged.
    const live = await get(`/reports/${quarter}`);
    expect(live.measures.find((m: { id: string }) => m.id === id).status).toBe('no-data');
    expect(live.criticalItems.map((c: { id: string }) => c.id)).not.toContain(id);

    const preview = await get(`/reports/${quarter}/close-preview`);
    expect(preview.measures.find((m: { id: string }) => m.id === id)).toMatchObject({
      status: 'red',
      signOff: 'not-signed-off',
    });
    expect(preview.criticalItems.map((c: { id: string }) => c.id)).toContain(id);
    expect(preview.closed).toBe(true);
    const settings = await get('/settings');
    expect(preview.email.recipients).toEqual(settings.emtRecipients);
    expect(preview.email.subject).toMatch(new RegExp(`, ${preview.criticalItems.length} critical items?$`));
    // English only (reportLanguages en): one part, in English.
    expect(preview.email.subjectParts).toEqual([{ language: 'en', text: preview.email.subject }]);

    await t.clearEmails();
    const closed = await post(`/reports/${quarter}/close`);
    expect(untimed(closed)).toEqual(untimed(preview));
    const [email] = await t.emails();
    expect(email?.subject).toBe(preview.email.subject);

    // After the close, the close-preview is what a second close answers: the same snapshot.
    expect(preview.alreadyClosed).toBe(false);
    const again = await get(`/reports/${quarter}/close-preview`);
    expect(again.alreadyClosed).toBe(true);
    expect(untimed(again)).toEqual({ ...untimed(closed), alreadyClosed: true });
    expect(again.closedAt).toBe(closed.closedAt);
    // The close answered with its email queued; the mailer has sent it since (t.emails() waited for it).
    expect(closed.email).toMatchObject({ state: 'queued', sentAt: null });
    const closedAgain = await post(`/reports/${quarter}/close`);
    expect(closedAgain.email).toMatchObject({
      state: 'sent',
      subject: preview.email.subject,
      subjectParts: preview.email.subjectParts,
    });
    expect(again.email.subjectParts).toEqual(preview.email.subjectParts);
    expect(again.emailedAt).toBe(closedAgain.email.sentAt);
    await t.withSettings({ signOff: 'off' });
  });

  it('with unsignedAtClose no-data, the preview and the close both count the returned result as missing', async () => {
    const quarter = '2019-20-Q2';
    await t.withSettings({ signOff: 'on', unsignedAtClose: 'no-data' });
    const id = await measure('2019-20');
    const path = `/measures/${id}/results/${quarter}`;
    expect((await t.call('PUT', path, { token: t.tokens.officer, body: { value: 90 } })).status).toBe(201);
    const preview = await get(`/reports/${quarter}/close-preview`);
    expect(preview.measures.find((m: { id: string }) => m.id === id).status).toBe('no-data');
    const closed = await post(`/reports/${quarter}/close`);
    expect(untimed(closed)).toEqual(untimed(preview));
    await t.withSettings({ signOff: 'off', unsignedAtClose: 'count-flagged' });
  });
});

describe('GET /reports/{quarter}/reissue-preview', () => {
  it('answers 409 for a quarter that is not closed', async () => {
    const res = await t.call('GET', '/reports/2019-20-Q3/reissue-preview', { token: t.tokens.admin });
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toMatch(/not closed/);
  });

  it('says what the reissue freezes, with the amendments it includes, and equals the reissue but for timestamps', async () => {
    const quarter = '2019-20-Q4';
    const id = await measure('2019-20');
    const path = `/measures/${id}/results/${quarter}`;
    expect((await t.call('PUT', path, { token: t.tokens.officer, body: { value: 90 } })).status).toBe(201);
    await post(`/reports/${quarter}/close`);
    const amended = await t.call('PUT', path, {
      token: t.tokens.admin,
      body: { value: 40, commentary: 'Corrected' },
      headers: { 'if-match': '"1"' },
    });
    expect(amended.status).toBe(200);

    const preview = await get(`/reports/${quarter}/reissue-preview`);
    expect(preview.revision).toBe(2);
    expect(preview.measures.find((m: { id: string }) => m.id === id)).toMatchObject({ status: 'red', actual: 40 });
    expect(preview.included).toEqual([
      expect.objectContaining({ kind: 'result', id, frozenValue: 90, value: 40, version: 2 }),
    ]);
    expect(preview.amendments).toEqual([]);
    expect(preview.email.subject).toMatch(/^Reissued: /);

    await t.clearEmails();
    const reissued = await post(`/reports/${quarter}/reissue`);
    expect(untimed(reissued)).toEqual(untimed(preview));
    const [email] = await t.emails();
    expect(email?.subject).toBe(preview.email.subject);
  });

  it('is for admins only', async () => {
    const res = await t.call('GET', '/reports/2019-20-Q1/close-preview', { token: t.tokens.officer });
    expect(res.status).toBe(403);
  });
});
