import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sesClient } from '../../lambdas/mail/ses';
import { closeQuarter } from '../../lambdas/services/close';
import { db } from '../../lambdas/store/client';
import { readQuarter, type Snapshot, writeSnapshotChunks } from '../../lambdas/store/quarter';
import { startTestStack, type TestStack } from '../support/local-stack';
import { reliabilitySection } from '../support/reliability-report';
import { awsError, intercept, type SdkCall } from '../support/sdk-faults';
import { type TableDumper, tableDumper } from '../support/table-dump';

// Faults dynalite and the SES emulator cannot produce, injected into the app's own SDK
// clients (db(), sesClient()) inside the SDK's retry loop: DynamoDB throttling, SES
// failures, and crashes at each step of a close. One snapshot, one email (docs/rules.md#closed-quarters-and-amendments).

const report = reliabilitySection('faults', 'Injected faults', 3);

let t: TestStack;
let admin: string;
let dumper: TableDumper;
const removers: (() => void)[] = [];

const measure = (id: string) => ({
  plan: 'cip',
  programme: 'Corporate Measures',
  title: `Fault measure ${id}`,
  unit: '%',
  polarity: 'higher',
  frequency: 'quarterly',
  directorates: ['Place'],
  ownerDirectorate: 'Place',
  targets: { '2017-18': 50, '2018-19': 50 },
});

beforeAll(async () => {
  t = await startTestStack({ throttleRate: 1e6, throttleBurst: 1e6 });
  admin = await t.token('admin');
  dumper = tableDumper(t.stack.dynamodbUrl, process.env.TABLE_NAME!);
  expect((await t.call('PUT', '/measures/faulty', { token: admin, body: measure('faulty') })).status).toBe(201);
  expect(
    (
      await t.call('PUT', '/actions/faulty-action', {
        token: admin,
        body: { plan: 'cip', programme: 'Corporate Measures', title: 'Fault action', ownerDirectorate: 'Place' },
      })
    ).status,
  ).toBe(201);
});
afterEach(() => {
  while (removers.length) removers.pop()!();
});
afterAll(async () => {
  report.write();
  dumper?.close();
  await t?.stop();
});

const isUpdate = (c: SdkCall) => c.commandName === 'UpdateItemCommand';
/** The SDK's own exception shape for DynamoDB throttling (a 400 with that name). */
const throttled = () =>
  awsError(
    'ProvisionedThroughputExceededException',
    400,
    'The level of configured provisioned throughput for the table was exceeded.',
  );

/** Throttles every UpdateItem (persistent) or each one's first attempt only (transient); counts attempts. */
function throttleUpdates(mode: 'persistent' | 'transient') {
  const attempts: number[] = [];
  removers.push(
    intercept(db(), {
      fault: (call, attempt) => {
        if (!isUpdate(call)) return;
        attempts.push(attempt);
        if (mode === 'persistent' || attempt === 1) throw throttled();
      },
    }),
  );
  return attempts;
}

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { status: number; detail: string };
  expect(body.status).toBe(status);
  return body;
}

const history = async (path: string) => {
  const res = await t.call('GET', `${path}/history`, { token: admin });
  return res.status === 404 ? [] : ((await res.json()) as { versions: { version: number; value: number }[] }).versions;
};

describe('DynamoDB throttling on writes', () => {
  const writes: { name: string; method: string; path: string; body: unknown; headers?: Record<string, string> }[] = [
    { name: 'PUT a result', method: 'PUT', path: '/measures/faulty/results/2017-18-Q1', body: { value: 75 } },
    {
      name: 'PUT an action update',
      method: 'PUT',
      path: '/actions/faulty-action/updates/2017-18-Q1',
      body: { status: 'green' },
    },
    {
      name: 'POST a 40-row CSV import',
      method: 'POST',
      path: '/imports/results',
      headers: { 'content-type': 'text/csv' },
      body: `measureId,period,value\n${Array.from({ length: 40 }, (_, i) => `faulty,${2017 + Math.floor(i / 4)}-${String((18 + Math.floor(i / 4)) % 100).padStart(2, '0')}-Q${(i % 4) + 1},${60 + i}`).join('\n')}\n`,
    },
    { name: 'DELETE (retire) a measure', method: 'DELETE', path: '/measures/faulty', body: undefined },
  ];

  for (const w of writes) {
    it(`persistent ProvisionedThroughputExceededException on UpdateItem: ${w.name} → 503 with Retry-After, nothing written`, async () => {
      const before = await dumper.dump();
      const attempts = throttleUpdates('persistent');
      const res = await t.call(w.method, w.path, { token: admin, body: w.body, headers: w.headers });
      const body = await problem(res, 503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(body.detail).toMatch(/nothing was changed/i);
      // The SDK retried with backoff before giving up (3 attempts by default).
      expect(Math.max(...attempts)).toBeGreaterThanOrEqual(2);
      expect(await dumper.dump()).toBe(before);
      report.row({
        case: `DynamoDB throttling, persistent, on ${w.name}`,
        count: attempts.length,
        held: `503 problem+json with Retry-After after the SDK's retries (${attempts.length} UpdateItem attempts); table byte-for-byte unchanged`,
      });
    }, 30_000);
  }

  it('a transient throttle (first attempt of each UpdateItem fails): the SDK retries and each write lands exactly once', async () => {
    const path = '/measures/faulty/results/2018-19-Q1';
    const attempts = throttleUpdates('transient');
    const res = await t.call('PUT', path, { token: admin, body: { value: 77 } });
    expect(res.status).toBe(201);
    expect(attempts).toEqual([1, 2]);
    expect((await history(path)).map((v) => [v.version, v.value])).toEqual([[1, 77]]);
    // A multi-row import under the same fault: every row once.
    const csv = `measureId,period,value\n${['2018-19-Q2', '2018-19-Q3', '2018-19-Q4'].map((q, i) => `faulty,${q},${80 + i}`).join('\n')}\n`;
    const imported = await t.call('POST', '/imports/results', {
      token: admin,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.status).toBe(201);
    for (const [i, q] of ['2018-19-Q2', '2018-19-Q3', '2018-19-Q4'].entries()) {
      expect((await history(`/measures/faulty/results/${q}`)).map((v) => [v.version, v.value])).toEqual([[1, 80 + i]]);
    }
    report.row({
      case: 'DynamoDB throttling, transient (each UpdateItem fails once), on a result and a 3-row import',
      count: attempts.length,
      held: 'the SDK retried; 201; each write stored exactly once (version 1)',
    });
  }, 30_000);
});

// ---- the close ----
async function quarterWithData(quarter: string) {
  expect(
    (await t.call('PUT', `/measures/faulty/results/${quarter}`, { token: admin, body: { value: 90 } })).status,
  ).toBeLessThan(300);
}
const closeRecordOf = async (quarter: string) => (await readQuarter(quarter)).close;
async function snapshotWriteIds(quarter: string): Promise<Set<string>> {
  const items = await dumper.items();
  return new Set(items.filter((i) => i.pk?.S === `SNAPSHOT#${quarter}`).map((i) => i.sk!.S!.split('#')[1]!));
}
const emailsFor = async (quarter: string) => {
  const [year, q] = [quarter.slice(0, 7), quarter.slice(8)];
  return (await t.emails()).filter((e) => e.subject.includes(`${year} ${q}:`));
};

describe('SES and crash faults during a close', () => {
  it('SES fails during close: the first close answers 503 (frozen, claim released); the retry sends exactly one email', async () => {
    const quarter = '2017-18-Q2';
    await quarterWithData(quarter);
    let sendAttempts = 0;
    const removeSes = intercept(sesClient(), {
      fault: (call) => {
        if (call.commandName !== 'SendRawEmailCommand') return;
        sendAttempts++;
        throw awsError('MessageRejected', 400, 'Email address is not verified.');
      },
    });
    removers.push(removeSes);
    const first = await t.call('POST', `/reports/${quarter}/close`, { token: admin });
    await problem(first, 503);
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sendAttempts).toBe(1);
    expect(await emailsFor(quarter)).toHaveLength(0);
    const record = await closeRecordOf(quarter);
    expect(record).toMatchObject({ revision: 1 });
    expect(record?.emailSentRevision).toBeUndefined();
    expect(record?.emailClaimedUntil).toBeUndefined(); // released, so the retry need not wait for the lease

    removeSes();
    const retry = await t.call('POST', `/reports/${quarter}/close`, { token: admin });
    expect(retry.status).toBe(200);
    const retried = (await retry.json()) as { closedAt: string };
    expect(retried.closedAt).toBe(record!.closedAt);
    expect(await emailsFor(quarter)).toHaveLength(1);
    const again = await t.call('POST', `/reports/${quarter}/close`, { token: admin });
    expect(again.status).toBe(200);
    expect(await emailsFor(quarter)).toHaveLength(1);
    expect((await closeRecordOf(quarter))?.emailSentRevision).toBe(1);
    report.row({
      case: 'SES rejects the send during POST close, then two more closes',
      count: 3,
      held: 'first 503 with Retry-After (snapshot frozen, claim released); the retry sent exactly one email; the third sent nothing',
    });
  });

  it('crash after writing snapshot chunks, before the commit: the rerun freezes its own snapshot and sends one email', async () => {
    const quarter = '2017-18-Q3';
    await quarterWithData(quarter);
    // What a run that crashed between writing its chunks and committing leaves behind.
    const orphan = randomUUID();
    const bogus = {
      report: { quarter, overall: 'red', crashed: true },
      input: {},
      frozenVersions: {},
    } as unknown as Snapshot;
    await writeSnapshotChunks(quarter, 1, orphan, bogus);
    expect(await closeRecordOf(quarter)).toBeUndefined();

    const out = await closeQuarter(quarter, { now: new Date('2018-01-10T07:00:00Z') });
    expect(out.froze).toBe(true);
    expect(out.email).toBe('sent');
    expect((out.report as unknown as { crashed?: boolean }).crashed).toBeUndefined();
    const record = (await closeRecordOf(quarter))!;
    expect(record.writeId).not.toBe(orphan);
    expect(await emailsFor(quarter)).toHaveLength(1);
    const res = await t.call('GET', `/reports/${quarter}`, { token: admin });
    expect(((await res.json()) as { closed: boolean; measures: { id: string }[] }).measures.map((m) => m.id)).toContain(
      'faulty',
    );
    report.row({
      case: 'crash between writing snapshot chunks and the commit (orphan chunks left), then rerun',
      count: 1,
      held: 'the rerun committed its own snapshot (the orphan is never read) and sent exactly one email',
    });
  });

  it('crash after the commit, before claiming the email: the rerun returns the first snapshot and sends one email', async () => {
    const quarter = '2017-18-Q4';
    await quarterWithData(quarter);
    const now = new Date('2018-04-10T07:00:00Z');
    removers.push(
      intercept(db(), {
        fault: (call) => {
          if (isUpdate(call) && String(call.input.UpdateExpression).startsWith('SET emailClaimedUntil'))
            throw new Error('simulated crash');
        },
      }),
    );
    await expect(closeQuarter(quarter, { now })).rejects.toThrow('simulated crash');
    removers.pop()!();
    const record = (await closeRecordOf(quarter))!;
    expect(record.revision).toBe(1);
    expect(record.emailClaimedUntil).toBeUndefined();
    expect(await emailsFor(quarter)).toHaveLength(0);

    const rerun = await closeQuarter(quarter, { now });
    expect(rerun).toMatchObject({ froze: false, email: 'sent' });
    expect(rerun.report.closedAt).toBe(record.closedAt);
    expect(await emailsFor(quarter)).toHaveLength(1);
    expect((await closeQuarter(quarter, { now })).email).toBe('already-sent');
    expect(await emailsFor(quarter)).toHaveLength(1);
    report.row({
      case: 'crash between the close commit and the email claim, then two reruns',
      count: 2,
      held: 'the rerun returned the first snapshot and sent exactly one email; the next sent nothing',
    });
  });

  it('crash holding the email claim (send failed, release lost): the rerun waits out the 2-minute lease, then sends one email', async () => {
    const quarter = '2018-19-Q1';
    const now = new Date('2018-07-10T07:00:00Z');
    removers.push(
      intercept(sesClient(), {
        fault: (call) => {
          if (call.commandName === 'SendRawEmailCommand') throw awsError('ServiceUnavailable', 503, 'SES is down');
        },
      }),
    );
    removers.push(
      intercept(db(), {
        fault: (call) => {
          if (isUpdate(call) && call.input.UpdateExpression === 'REMOVE emailClaimedUntil')
            throw new Error('simulated crash while releasing the claim');
        },
      }),
    );
    await expect(closeQuarter(quarter, { now })).rejects.toThrow(/simulated crash/);
    while (removers.length) removers.pop()!();
    const held = (await closeRecordOf(quarter))!;
    expect(held.emailClaimedUntil).toBe(new Date(now.getTime() + 120_000).toISOString());
    expect(await emailsFor(quarter)).toHaveLength(0);

    // Within the lease another run must not send: the crashed sender might still be sending.
    const early = await closeQuarter(quarter, { now: new Date(now.getTime() + 60_000) });
    expect(early).toMatchObject({ froze: false, email: 'in-flight' });
    expect(await emailsFor(quarter)).toHaveLength(0);
    // Past the lease the rerun takes over: exactly one email.
    const late = await closeQuarter(quarter, { now: new Date(now.getTime() + 121_000) });
    expect(late).toMatchObject({ froze: false, email: 'sent' });
    expect(late.report.closedAt).toBe(held.closedAt);
    expect(await emailsFor(quarter)).toHaveLength(1);
    expect((await closeQuarter(quarter, { now: new Date(now.getTime() + 600_000) })).email).toBe('already-sent');
    expect(await emailsFor(quarter)).toHaveLength(1);
    report.row({
      case: 'crash holding the email claim (SES down, release lost), reruns at +1 min, +2 min 1 s, +10 min',
      count: 3,
      held: 'in-flight (nothing sent) within the lease; exactly one email after it; nothing after that',
    });
  });

  it('concurrent closes of one quarter: one snapshot committed, every caller gets it, one email', async () => {
    const quarter = '2016-17-Q4';
    await quarterWithData(quarter);
    const callers = 5;
    const responses = await Promise.all(
      Array.from({ length: callers }, () => t.call('POST', `/reports/${quarter}/close`, { token: admin })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(callers).fill(200));
    // The report is the same for every caller; the email each answer names is the one
    // sent, or null for a caller that found another still sending it.
    const answers = await Promise.all(responses.map(async (r) => (await r.json()) as { email: unknown }));
    const reports = answers.map(({ email: _email, ...rest }) => JSON.stringify(rest));
    expect(new Set(reports).size).toBe(1);
    const named = answers.map((a) => a.email).filter((e) => e !== null);
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named.map((e) => JSON.stringify(e))).size).toBe(1);
    const record = (await closeRecordOf(quarter))!;
    expect(record.revision).toBe(1);
    expect(JSON.parse(reports[0]!).closedAt).toBe(record.closedAt);
    expect(await emailsFor(quarter)).toHaveLength(1);
    const attempts = (await snapshotWriteIds(quarter)).size;

    // And through the service, two at once: exactly one froze, exactly one sent.
    const q2 = '2016-17-Q3';
    await quarterWithData(q2);
    const now = new Date('2017-01-10T07:00:00Z');
    const outcomes = await Promise.all([closeQuarter(q2, { now }), closeQuarter(q2, { now })]);
    expect(outcomes.filter((o) => o.froze)).toHaveLength(1);
    expect(outcomes.filter((o) => o.email === 'sent')).toHaveLength(1);
    expect(outcomes[0]!.report).toEqual(outcomes[1]!.report);
    expect(await emailsFor(q2)).toHaveLength(1);
    report.row({
      case: `${callers} concurrent POST close of one quarter, and 2 concurrent closeQuarter calls of another`,
      count: callers + 2,
      held: `one committed snapshot returned identically to every caller; exactly one email each (losing racers' uncommitted chunks: ${attempts - 1}, never read)`,
    });
  });
});
