import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as closeJob } from '../../lambdas/handlers/close-job';
import { handler as reminderJob } from '../../lambdas/handlers/reminder-job';
import { handler as watchdogJob } from '../../lambdas/handlers/watchdog-job';
import { readSnapshot, type Snapshot, writeSnapshotChunks } from '../../lambdas/store/quarter';
import { axeViolations } from '../support/axe';
import { freshId, freshYear } from '../support/fresh';
import { lambdaContext } from '../support/lambda-context';
import { startTestStack, type TestStack } from '../support/local-stack';

// The late-return reminders, the close email's escaping and the scheduled jobs, against
// dynalite and aws-ses-v2-local. Each test makes its own measures and actions in a
// quarter no other test uses, so they pass in any order. (The seed's own Q4 close is
// test/services/seed-quarter-close.test.ts.)

let t: TestStack;
let admin: string;

beforeAll(async () => {
  t = await startTestStack();
  admin = await t.token('admin');
});
afterAll(async () => {
  await t?.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

const contact = (directorate: string) => `${directorate.toLowerCase()}.performance@localhost`;
const head = (directorate: string) => `${directorate.toLowerCase()}.head@localhost`;

async function putMeasure(
  quarter: string,
  ownerDirectorate: string,
  title: string,
  over: Record<string, unknown> = {},
) {
  const id = freshId('m');
  const res = await t.call('PUT', `/measures/${id}`, {
    token: admin,
    body: {
      plan: 'cip',
      programme: 'Learning',
      title,
      unit: '',
      polarity: 'higher',
      frequency: 'quarterly',
      directorates: [ownerDirectorate],
      ownerDirectorate,
      targets: { [quarter]: 10 },
      ...over,
    },
  });
  expect(res.status).toBe(201);
  return id;
}

/**
 * A quarter of its own where People lack a measure and an action, Place lacks a measure,
 * and Resources has every return in.
 */
async function quarterWithMissingReturns() {
  const { q } = freshYear();
  const quarter = q(2);
  const suffix = freshId('');
  const missing = new Map<string, string[]>([
    ['People', [`People measure${suffix}`, `People action${suffix}`]],
    ['Place', [`Place measure${suffix}`]],
  ]);
  await putMeasure(quarter, 'People', `People measure${suffix}`);
  await putMeasure(quarter, 'Place', `Place measure${suffix}`);
  const returned = await putMeasure(quarter, 'Resources', `Resources measure${suffix}`);
  await t.call('PUT', `/measures/${returned}/results/${quarter}`, { token: admin, body: { value: 10 } });
  await t.call('PUT', `/actions/${freshId('a')}`, {
    token: admin,
    body: {
      plan: 'cip',
      programme: 'Learning',
      title: `People action${suffix}`,
      ownerDirectorate: 'People',
      startQuarter: quarter,
      dueQuarter: quarter,
    },
  });
  return { quarter, missing };
}

const remind = (quarter: string, daysBeforeClose: number) =>
  reminderJob({ daysBeforeClose, quarter }, lambdaContext('reminders'));
const emailTo = async (directorate: string) =>
  (await t.emails()).filter((e) => e.destination.to.includes(contact(directorate)));

describe('late-return reminders', () => {
  it('email each directorate with missing returns, at its contact', async () => {
    const { quarter, missing } = await quarterWithMissingReturns();
    await t.clearEmails();
    const out = await remind(quarter, 5);
    expect(out.sent.sort()).toEqual(['People', 'Place']);
    const emails = await t.emails();
    expect(emails.map((e) => e.destination.to).sort()).toEqual([[contact('People')], [contact('Place')]]);
    expect(emails.map((e) => e.subject).sort()).toEqual(
      [...missing]
        .map(
          ([directorate, titles]) =>
            `Reminder: ${titles.length} return${titles.length === 1 ? '' : 's'} missing for ${directorate}, Corporate Improvement Plan ${quarter.slice(0, 7)} Q2`,
        )
        .sort(),
    );
  });

  it('list each directorate’s own missing items and no one else’s', async () => {
    const { quarter, missing } = await quarterWithMissingReturns();
    await t.clearEmails();
    await remind(quarter, 5);
    for (const [directorate, titles] of missing) {
      const [email] = await emailTo(directorate);
      for (const title of titles) expect(email!.body.text).toContain(title);
      const others = [...missing].filter(([d]) => d !== directorate).flatMap(([, ts]) => ts);
      for (const title of others) expect(email!.body.text).not.toContain(title);
    }
  });

  it('send nothing to a directorate with every return in', async () => {
    const { quarter } = await quarterWithMissingReturns();
    await t.clearEmails();
    const out = await remind(quarter, 5);
    expect(out.sent).not.toContain('Resources');
    expect(await emailTo('Resources')).toEqual([]);
  });

  it('name the scheduled close', async () => {
    const { quarter } = await quarterWithMissingReturns();
    await t.clearEmails();
    await remind(quarter, 5);
    const [email] = await emailTo('People');
    // Q2 ends in September: the close is 10 October of the year's first calendar year.
    expect(email!.body.text).toContain(`10 October ${quarter.slice(0, 4)}`);
  });

  it('are accessible (WCAG 2.2 A and AA rules)', async () => {
    const { quarter } = await quarterWithMissingReturns();
    await t.clearEmails();
    await remind(quarter, 5);
    const [email] = await emailTo('People');
    expect(await axeViolations(email!.body.html!)).toEqual([]);
  });

  it('do not copy the head before the final reminder', async () => {
    const { quarter } = await quarterWithMissingReturns();
    await t.clearEmails();
    await remind(quarter, 5);
    for (const email of await t.emails()) expect(email.destination.cc).toEqual([]);
  });

  it('copy the directorate head on the final reminder', async () => {
    const { quarter } = await quarterWithMissingReturns();
    await t.clearEmails();
    await remind(quarter, 1);
    const emails = await t.emails();
    expect(emails).toHaveLength(2);
    for (const directorate of ['People', 'Place']) {
      const [email] = await emailTo(directorate);
      expect(email!.destination.cc).toEqual([head(directorate)]);
      expect(email!.subject).toMatch(/^Final reminder: /);
    }
  });

  it('send nothing more when the same reminder runs again', async () => {
    const { quarter } = await quarterWithMissingReturns();
    await t.clearEmails();
    await remind(quarter, 5);
    const again = await remind(quarter, 5);
    expect(again.sent).toEqual([]);
    expect(await t.emails()).toHaveLength(2);
  });

  it('send nothing for a closed quarter', async () => {
    const { quarter } = await quarterWithMissingReturns();
    expect((await t.call('POST', `/reports/${quarter}/close`, { token: admin })).status).toBe(200);
    await t.clearEmails();
    const out = await remind(quarter, 1);
    expect(out.sent).toEqual([]);
    expect(await t.emails()).toHaveLength(0);
  });
});

describe('the close email', () => {
  /** Closes a quarter of its own whose only critical item carries hostile user text. */
  async function closeWithHostileText() {
    const { q } = freshYear();
    const quarter = q(1);
    const id = await putMeasure(quarter, 'People', '<script>alert(1)</script>');
    await t.call('PUT', `/measures/${id}/results/${quarter}`, {
      token: admin,
      body: { value: 1, commentary: '<b onclick=x>' },
    });
    await t.call('PUT', `/reports/${quarter}/critical-items/${id}/remedial-action`, {
      token: admin,
      body: { text: '<iframe src=evil>' },
    });
    await t.clearEmails();
    expect((await t.call('POST', `/reports/${quarter}/close`, { token: admin })).status).toBe(200);
    const [sent] = await t.emails();
    return sent!;
  }

  it('escapes user text in its body', async () => {
    const sent = await closeWithHostileText();
    expect(sent.body.html).toContain('&lt;script&gt;alert(1)&lt;');
    expect(sent.body.html).toContain('&lt;iframe src&#x3D;evil&gt;');
    expect(sent.body.html).not.toMatch(/<script|<iframe|<b onclick/);
  });

  it('escapes user text in the attached HTML report', async () => {
    const sent = await closeWithHostileText();
    const attachment = sent.attachments.find((a) => a.filename.endsWith('.html'))!;
    const page = Buffer.from(attachment.content, 'base64').toString('utf8');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;');
    expect(page).not.toMatch(/<script>alert|<b onclick/);
  });
});

describe('the scheduled close', () => {
  // These tests set the clock, so each picks instants whose quarter no other test uses:
  // 2019-20 is not a fresh year (those start at 1950) and appears nowhere else here.

  it('closes the quarter that just ended in Europe/London, not in UTC (BST)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2020-03-31T23:30:00Z')); // 00:30 BST on 1 April: Q4 has ended
    expect(await closeJob({}, lambdaContext('close'))).toMatchObject({ quarter: '2019-20-Q4', froze: true });
  });

  it('closes the quarter that just ended in Europe/London (GMT)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2019-12-31T23:30:00Z')); // 23:30 GMT on 31 December: Q3 has not ended
    expect(await closeJob({}, lambdaContext('close'))).toMatchObject({ quarter: '2019-20-Q2', froze: true });
  });

  it('emails EMT when it closes', async () => {
    const { year, q } = freshYear();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${Number(year.slice(0, 4)) + 1}-01-10T07:00:00Z`));
    await t.clearEmails();
    // The close queues the email with its snapshot; the mailer sends it (t.emails() waits for the outbox).
    expect(await closeJob({}, lambdaContext('close'))).toMatchObject({ quarter: q(3), froze: true, email: 'queued' });
    const emails = await t.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toMatch(new RegExp(`^Corporate Improvement Plan ${year} Q3: overall `));
  });

  it('returns the first snapshot and sends nothing when run again', async () => {
    const { year, q } = freshYear();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${Number(year.slice(0, 4)) + 1}-01-10T07:00:00Z`));
    await closeJob({}, lambdaContext('close'));
    await t.clearEmails();
    expect(await closeJob({}, lambdaContext('close'))).toMatchObject({ quarter: q(3), froze: false });
    expect(await t.emails()).toHaveLength(0);
  });
});

describe('the frozen snapshot', () => {
  it('reads back exactly what was written when it spans several 300 KB items and holds Welsh text', async () => {
    // Text that compresses badly: 900 KB of it gzips into more than one 300 KB item.
    let x = 1;
    const noise = Array.from({ length: 9000 }, () => {
      let s = '';
      for (let i = 0; i < 10; i++) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        s += x.toString(36);
      }
      return s;
    });
    const { year, q } = freshYear();
    const snapshot = {
      report: { quarter: q(2), summary: 'Erbyn diwedd mis Medi, roedd 54% o’r gweithredoedd ar y trywydd iawn 🙂' },
      input: { quarter: q(2), notes: noise, missing: undefined },
      frozenVersions: { [`result:m#${year}-Q2`]: 3 },
    } as unknown as Snapshot;
    const chunks = await writeSnapshotChunks(q(2), 1, 'round-trip', snapshot);
    expect(chunks).toBeGreaterThan(1);
    const back = await readSnapshot({ quarter: q(2), revision: 1, writeId: 'round-trip', chunks } as never);
    expect(back).toEqual(JSON.parse(JSON.stringify(snapshot)));
  });
});

describe('the watchdog', () => {
  it('fails when the quarter that just ended has no close', async () => {
    const { year, q } = freshYear();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${year.slice(0, 4)}-10-10T08:00:00Z`));
    await expect(watchdogJob({}, lambdaContext('watchdog'))).rejects.toThrow(new RegExp(`${q(2)} has no close`));
  });

  it('passes when the quarter that just ended is closed and its email sent', async () => {
    const { year, q } = freshYear();
    expect((await t.call('POST', `/reports/${q(2)}/close`, { token: admin })).status).toBe(200);
    await t.stack.outbox.drain(); // the mailer sends the queued email
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${year.slice(0, 4)}-10-10T08:00:00Z`));
    await expect(watchdogJob({}, lambdaContext('watchdog'))).resolves.toEqual({ quarter: q(2), closed: true });
  });
});
