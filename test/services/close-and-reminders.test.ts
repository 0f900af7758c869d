import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as closeJob } from '../../lambdas/handlers/close-job';
import { handler as reminderJob } from '../../lambdas/handlers/reminder-job';
import { handler as watchdogJob } from '../../lambdas/handlers/watchdog-job';
import { samplePlan } from '../../lambdas/local/sample-plan';
import { axeViolations } from '../support/axe';
import { lambdaContext } from '../support/lambda-context';
import { type SesEmail, startTestStack, type TestStack } from '../support/local-stack';

// The quarter close and the reminders on the sample plan (the seed's CIP 2017-18),
// against dynalite and aws-ses-v2-local.

let t: TestStack;
let admin: string;

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  admin = await t.token('admin');
});
afterAll(async () => {
  await t?.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

const seedSentences = [
  'At the end of March 2018 (Q4), 75% of planned work received a BRAG status of blue or green with 25% indicating amber or red.',
  'Out of the 35 measures, 31% met target. 57% were off target and 34% off target by more than 10%. 11% had no data.',
];

describe('late-return reminders', () => {
  it('email only directorates with missing returns, each its own items; the final one copies the head; a rerun sends nothing', async () => {
    await t.clearEmails();
    const live = (await (await t.call('GET', '/reports/2017-18-Q4', { token: admin })).json()) as {
      measures: { id: string; title: string; ownerDirectorate: string; status: string }[];
    };
    const missing = new Map<string, string[]>();
    for (const m of live.measures.filter((x) => x.status === 'no-data'))
      missing.set(m.ownerDirectorate, [...(missing.get(m.ownerDirectorate) ?? []), m.title]);
    expect([...missing.values()].flat()).toHaveLength(4);

    const first = await reminderJob({ daysBeforeClose: 5, quarter: '2017-18-Q4' }, lambdaContext('reminders'));
    expect(first.sent.sort()).toEqual([...missing.keys()].sort());
    let emails = await t.emails();
    expect(emails).toHaveLength(missing.size);
    for (const [directorate, titles] of missing) {
      const email = emails.find((e) =>
        e.destination.to.includes(`${directorate.toLowerCase()}.performance@localhost`),
      )!;
      expect(email, directorate).toBeDefined();
      expect(email.destination.cc).toEqual([]);
      expect(email.subject).toContain(
        `${titles.length} return${titles.length === 1 ? '' : 's'} missing for ${directorate}`,
      );
      for (const title of titles) expect(email.body.text).toContain(title);
      const others = [...missing.entries()].filter(([d]) => d !== directorate).flatMap(([, ts]) => ts);
      for (const title of others) expect(email.body.text).not.toContain(title);
      expect(email.body.text).toContain('10 April 2018');
    }
    expect(await axeViolations(emails[0]!.body.html!)).toEqual([]);

    await reminderJob({ daysBeforeClose: 5, quarter: '2017-18-Q4' }, lambdaContext('reminders'));
    expect(await t.emails()).toHaveLength(missing.size);

    await t.clearEmails();
    await reminderJob({ daysBeforeClose: 1, quarter: '2017-18-Q4' }, lambdaContext('reminders'));
    emails = await t.emails();
    expect(emails).toHaveLength(missing.size);
    for (const email of emails) {
      const directorate = [...missing.keys()].find((d) =>
        email.destination.to.includes(`${d.toLowerCase()}.performance@localhost`),
      )!;
      expect(email.destination.cc).toEqual([`${directorate.toLowerCase()}.head@localhost`]);
      expect(email.subject).toMatch(/^Final reminder: /);
    }
  });
});

describe('the quarter-close email', () => {
  let email: SesEmail;

  it('closes the sample plan’s Q4 and emails EMT the seed’s summary, critical items and missing returns', async () => {
    await t.clearEmails();
    const res = await t.call('POST', '/reports/2017-18-Q4/close', { token: admin });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      overall: string;
      criticalItems: { title: string; issue: string; rules: string[] }[];
      summary: { sentences: string[] };
    };
    expect(report.overall).toBe('amber');
    expect(report.summary.sentences).toEqual(seedSentences);
    const emails = await t.emails();
    expect(emails).toHaveLength(1);
    email = emails[0]!;
    expect(email.destination.to).toEqual(['emt@localhost']);
    expect(email.subject).toBe(
      `Corporate Improvement Plan 2017-18 Q4: overall AMBER, ${report.criticalItems.length} critical items`,
    );
    const text = email.body.text!;
    for (const sentence of seedSentences) expect(text).toContain(sentence);
    for (const item of report.criticalItems) {
      expect(text).toContain(item.title);
      expect(text).toContain(`Issue - ${item.issue}`);
    }
    const named = [
      'Sickness absence',
      'WHQS',
      'permanent exclusions',
      'planning applications',
      'deficit budgets',
      'Communications Strategy',
    ];
    for (const name of named)
      expect(
        report.criticalItems.some((i) => i.title.toLowerCase().includes(name.toLowerCase())),
        name,
      ).toBe(true);
    expect(text).toContain('remedial action needed');
    expect(text).toContain('MISSING RETURNS');
    const noData = samplePlan.measures.length - 31; // 35 measures, 4 without a Q4 result
    expect(noData).toBe(4);
    expect((text.match(/^- Measure: /gm) ?? []).length).toBe(4);
    expect(email.attachments.map((a) => a.filename).sort()).toEqual([
      'ragtime-2017-18-Q4.csv',
      'ragtime-2017-18-Q4.html',
    ]);
    const csv = email.attachments.find((a) => a.filename.endsWith('.csv'))!;
    // The emulator stores attachment content base64-encoded.
    expect(Buffer.from(csv.content, 'base64').toString('utf8').trim().split('\n')).toHaveLength(36);
    expect(email.body.html).toContain('AMBER');
  });

  it('is accessible (WCAG 2.2 A and AA rules) with status in words, and Outlook-safe', async () => {
    const html = email.body.html!;
    expect(await axeViolations(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<style|<img|<link/i);
    for (const word of ['AMBER', 'RED']) expect(html).toContain(word);
    const attachment = email.attachments.find((a) => a.filename.endsWith('.html'))!;
    const page = Buffer.from(attachment.content, 'base64').toString('utf8');
    expect(page).toContain('GREEN');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('escapes user text in the email', async () => {
    await t.call('PUT', '/measures/xss', {
      token: admin,
      body: {
        plan: 'cip',
        programme: 'Learning',
        title: '<script>alert(1)</script>',
        unit: '',
        polarity: 'higher',
        frequency: 'quarterly',
        directorates: [],
        ownerDirectorate: 'People',
        targets: { '2018-19-Q1': 10 },
      },
    });
    await t.call('PUT', '/measures/xss/results/2018-19-Q1', {
      token: admin,
      body: { value: 1, commentary: '<b onclick=x>' },
    });
    await t.call('PUT', '/reports/2018-19-Q1/critical-items/xss/remedial-action', {
      token: admin,
      body: { text: '<iframe src=evil>' },
    });
    await t.clearEmails();
    await t.call('POST', '/reports/2018-19-Q1/close', { token: admin });
    const [sent] = await t.emails();
    expect(sent!.body.html).toContain('&lt;script&gt;alert(1)&lt;');
    expect(sent!.body.html).toContain('&lt;iframe src&#x3D;evil&gt;');
    expect(sent!.body.html).not.toMatch(/<script|<iframe|<b onclick/);
    const attachment = sent!.attachments.find((a) => a.filename.endsWith('.html'))!;
    const page = Buffer.from(attachment.content, 'base64').toString('utf8');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;');
    expect(page).not.toMatch(/<script>alert|<b onclick/);
  });
});

describe('the scheduled jobs', () => {
  it('close the quarter that just ended in Europe/London when the event names none', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2018-04-10T06:00:00Z')); // 07:00 BST
    const april = await closeJob({}, lambdaContext('close'));
    expect(april.quarter).toBe('2017-18-Q4');
    expect(april.froze).toBe(false); // closed above; a rerun returns the first snapshot
    vi.setSystemTime(new Date('2018-01-10T07:00:00Z')); // 07:00 GMT
    await t.clearEmails();
    const january = await closeJob({}, lambdaContext('close'));
    expect(january).toMatchObject({ quarter: '2017-18-Q3', froze: true, email: 'sent' });
    expect((await t.emails())[0]!.subject).toMatch(/^Corporate Improvement Plan 2017-18 Q3: overall /);
  });

  it('watchdog: fails when the quarter that just ended has no close, passes when it has', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2018-10-10T07:00:00Z'));
    await expect(watchdogJob({}, lambdaContext('watchdog'))).rejects.toThrow(/2018-19-Q2 has no close/);
    vi.setSystemTime(new Date('2018-04-10T07:00:00Z'));
    await expect(watchdogJob({}, lambdaContext('watchdog'))).resolves.toEqual({ quarter: '2017-18-Q4', closed: true });
  });

  it('reminders after close send nothing', async () => {
    await t.clearEmails();
    const out = await reminderJob({ daysBeforeClose: 1, quarter: '2017-18-Q4' }, lambdaContext('reminders'));
    expect(out.sent).toEqual([]);
    expect(await t.emails()).toHaveLength(0);
  });
});
