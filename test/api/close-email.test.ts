import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';

// GET and POST /reports/{quarter}/email: the Close quarter page's view of the EMT email
// (queued, sent, failed) and Send again, which queues the same outbox record again and
// never sends a sent email twice (docs/architecture.md "The outbox"; the faults behind
// it are test/reliability/faults.test.ts).

const t = useTestStack({ tokens: { admin: 'admin' } });

describe('the close email route', () => {
  it('says the email is queued, then sent with its subject, recipients and time; Send again sends nothing more', async () => {
    const quarter = '2015-16-Q2';
    await t.clearEmails();
    t.stack.outbox.pause();
    const closed = await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin });
    expect(closed.status).toBe(200);
    const queued = await t.call('GET', `/reports/${quarter}/email`, { token: t.tokens.admin });
    expect(queued.status).toBe(200);
    expect(await queued.json()).toMatchObject({ state: 'queued', to: ['emt@localhost'], sentAt: null });
    t.stack.outbox.resume();
    const [email] = await t.emails();
    const sent = (await (await t.call('GET', `/reports/${quarter}/email`, { token: t.tokens.admin })).json()) as {
      state: string;
      subject: string;
      sentAt: string;
    };
    expect(sent).toMatchObject({ state: 'sent', subject: email!.subject });
    expect(sent.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const again = await t.call('POST', `/reports/${quarter}/email`, { token: t.tokens.admin });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ state: 'sent', sentAt: sent.sentAt });
    expect(await t.emails()).toHaveLength(1);
  });

  it('answers 409 for a quarter that is not closed', async () => {
    const res = await t.call('GET', '/reports/2015-16-Q3/email', { token: t.tokens.admin });
    expect(res.status).toBe(409);
    expect((await t.call('POST', '/reports/2015-16-Q3/email', { token: t.tokens.admin })).status).toBe(409);
  });
});
