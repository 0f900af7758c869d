// The sample plan reads like a council's history (#22 finding 10, §12's landing rule):
// every sample quarter before 2017-18 Q4 is closed by the close's own freeze, its email
// recorded as sent but not in the SES emulator's inbox, and after the newcomer closes
// Q4, officers and EMT land on it.
import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';

const t = useTestStack({
  seed: true,
  signOff: 'on',
  tokens: { admin: 'admin', officer: { role: 'officer', directorate: 'Place' }, emt: 'emt' },
});

const get = async (path: string, token = t.tokens.admin) => {
  const res = await t.call('GET', path, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};

describe('the sample plan', () => {
  it('has every quarter before 2017-18 Q4 closed, each email recorded as sent but none in the inbox', async () => {
    for (const quarter of ['2016-17-Q1', '2016-17-Q4', '2017-18-Q1', '2017-18-Q3']) {
      const report = await get(`/reports/${quarter}`);
      expect(report, quarter).toMatchObject({ quarter, closed: true, revision: 1 });
      expect(report.emailedAt, quarter).toEqual(expect.any(String));
      expect(report.amendments, quarter).toEqual([]);
    }
    expect((await get('/reports/2017-18-Q4')).closed).toBe(false);
    expect(await t.emails()).toEqual([]);
  });

  it('opens Your returns on 2017-18 Q4, and after its close officers and EMT land on it', async () => {
    const before = await get('/returns', t.tokens.officer);
    expect(before).toMatchObject({ quarter: '2017-18-Q4', closed: false });
    expect(before.quarters.find((q: { quarter: string }) => q.quarter === '2017-18-Q3')).toEqual({
      quarter: '2017-18-Q3',
      closed: true,
    });
    const close = await t.call('POST', '/reports/2017-18-Q4/close', { token: t.tokens.admin });
    expect(close.status).toBe(200);
    for (const token of [t.tokens.officer, t.tokens.emt, t.tokens.admin])
      expect(await get('/returns', token)).toMatchObject({ quarter: '2017-18-Q4', closed: true });
    // Only the newcomer's own close is in the inbox.
    expect((await t.emails()).map((e) => e.subject)).toEqual([
      expect.stringMatching(/^Corporate Improvement Plan 2017-18 Q4: overall /),
    ]);
  });
});
