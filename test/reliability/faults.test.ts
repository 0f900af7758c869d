import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as mailer } from '../../lambdas/handlers/mailer';
import { handler as watchdog } from '../../lambdas/handlers/watchdog-job';
import { sesClient } from '../../lambdas/mail/ses';
import { closeQuarter } from '../../lambdas/services/close';
import { maxAttempts } from '../../lambdas/services/mailer';
import { closeEmailStateOf, sendCloseEmailAgain } from '../../lambdas/services/outbox';
import { db } from '../../lambdas/store/client';
import { readOutbox } from '../../lambdas/store/outbox';
import { closeMailRef, readQuarter, type Snapshot, writeSnapshotChunks } from '../../lambdas/store/quarter';
import { lambdaContext } from '../support/lambda-context';
import { startTestStack, type TestStack } from '../support/local-stack';
import { reliabilitySection } from '../support/reliability-report';
import { awsError, intercept, type SdkCall } from '../support/sdk-faults';
import { type TableDumper, tableDumper } from '../support/table-dump';

// Faults dynalite and the SES emulator cannot produce, injected into the app's own SDK
// clients (db(), sesClient()) inside the SDK's retry loop: DynamoDB throttling, SES
// failures, and crashes at each step of a close and of the mailer that sends its email.
// One snapshot, one email (docs/rules.md#closed-quarters-and-amendments, docs/architecture.md "The outbox").

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

/** The close's (or a reissue's) outbox record: an item of its own per revision. */
const outboxOf = async (quarter: string, revision = 1) => (await readOutbox(closeMailRef(quarter, revision)))!;
/** The watchdog's frequent run (the outbox sweep) at `at`; then the stream hands the mailer what it queued. */
async function watchdogAt(at: Date) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    return (await watchdog({ sweep: true }, lambdaContext('watchdog'))) as { requeued: number };
  } finally {
    vi.useRealTimers();
  }
}
const plus = (from: string | Date, ms: number) => new Date(new Date(from).getTime() + ms);
const crash = () => new Error('simulated crash'); // no answer from SES: its outcome is unknown
const failSends = (when: 'before' | 'after', error: () => Error = crash) => {
  const remove = intercept(sesClient(), {
    fault: (call) => {
      if (when === 'before' && call.commandName === 'SendRawEmailCommand') throw error();
    },
    after: (call) => {
      if (when === 'after' && call.commandName === 'SendRawEmailCommand') throw error();
    },
  });
  removers.push(remove);
  return remove;
};

describe('the outbox: exactly one EMT email per close and per reissue', () => {
  it('SES refuses the send: the close answers (email queued), the mailer retries after its backoff, and exactly one email goes', async () => {
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
    expect(first.status).toBe(200);
    expect(((await first.json()) as { email: { state: string } }).email.state).toBe('queued');
    expect(await emailsFor(quarter)).toHaveLength(0);
    expect(sendAttempts).toBe(1);
    const failed = await outboxOf(quarter);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, error: expect.stringContaining('MessageRejected') });
    expect(failed.claimedUntil).toBeUndefined(); // given up at once: SES answered, so nothing was sent
    const again = await t.call('POST', `/reports/${quarter}/close`, { token: admin });
    expect(((await again.json()) as { email: { state: string } }).email.state).toBe('failed');

    removeSes();
    // Before its backoff the sweep leaves it; after, it is queued again and sent once.
    expect((await watchdogAt(plus(failed.retryAt!, -1000))).requeued).toBe(0);
    expect(await emailsFor(quarter)).toHaveLength(0);
    expect((await watchdogAt(plus(failed.retryAt!, 1000))).requeued).toBe(1);
    expect(await emailsFor(quarter)).toHaveLength(1);
    expect((await watchdogAt(plus(failed.retryAt!, 3_600_000))).requeued).toBe(0);
    const closedAgain = await t.call('POST', `/reports/${quarter}/close`, { token: admin });
    expect(((await closedAgain.json()) as { email: { state: string } }).email.state).toBe('sent');
    expect(await emailsFor(quarter)).toHaveLength(1);
    expect((await closeRecordOf(quarter))?.emailSentRevision).toBe(1);
    report.row({
      case: 'SES refuses the close email, then the watchdog sweeps before and after the backoff, and a second close',
      count: 4,
      held: 'the close answered 200 (email queued, then failed); the sweep after the backoff sent exactly one email; nothing after',
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
    expect(await emailsFor(quarter)).toHaveLength(0);

    const out = await closeQuarter(quarter, { now: new Date('2018-01-10T07:00:00Z') });
    expect(out.froze).toBe(true);
    expect(out.email.state).toBe('queued');
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
      held: 'the rerun committed its own snapshot (the orphan is never read) and its email went exactly once',
    });
  });

  it('the committing function dies right after its commit and the trigger is lost: the watchdog’s sweep sends exactly one email', async () => {
    const quarter = '2017-18-Q4';
    await quarterWithData(quarter);
    const now = new Date('2018-04-10T07:00:00Z');
    t.stack.outbox.pause();
    try {
      removers.push(
        intercept(db(), {
          after: (call) => {
            // The document client's input is marshalled by the time it is sent.
            if (
              call.commandName === 'PutItemCommand' &&
              (call.input.Item as { sk?: { S?: string } })?.sk?.S === 'CLOSE'
            )
              throw new Error('simulated crash');
          },
        }),
      );
      await expect(closeQuarter(quarter, { now })).rejects.toThrow('simulated crash');
      removers.pop()!();
      expect(await t.stack.outbox.loseQueued()).toBe(1);
    } finally {
      t.stack.outbox.resume();
    }
    const record = (await closeRecordOf(quarter))!;
    expect(record.revision).toBe(1);
    expect(await emailsFor(quarter)).toHaveLength(0);
    // Its email is the commit's seed, not yet a record of its own.
    expect(record.outboxSeq).toBe(1);
    expect((await closeEmailStateOf(quarter)).state).toBe('queued');
    const queued = { queuedAt: record.mailQueuedAt! };

    // A rerun of the close returns the first snapshot and queues nothing more.
    const rerun = await closeQuarter(quarter, { now });
    expect(rerun).toMatchObject({ froze: false, email: { state: 'queued' } });
    expect(rerun.report.closedAt).toBe(record.closedAt);
    expect(await emailsFor(quarter)).toHaveLength(0);
    // The watchdog's next run finds it waiting past its due time and queues it again.
    expect((await watchdogAt(plus(queued.queuedAt, 6 * 60_000))).requeued).toBe(1);
    expect(await emailsFor(quarter)).toHaveLength(1);
    expect((await watchdogAt(plus(queued.queuedAt, 60 * 60_000))).requeued).toBe(0);
    expect((await closeQuarter(quarter, { now })).email.state).toBe('sent');
    expect(await emailsFor(quarter)).toHaveLength(1);
    report.row({
      case: 'the close function dies right after its commit, its stream record lost; a rerun; the watchdog at +6 min and +1 h',
      count: 4,
      held: 'the rerun returned the first snapshot; the sweep queued the email again and exactly one went; nothing after',
    });
  });

  it('the mailer crashes before the send: the record stays held for its lease, then the watchdog’s sweep sends exactly one email', async () => {
    const quarter = '2018-19-Q1';
    await quarterWithData(quarter);
    failSends('before');
    expect((await t.call('POST', `/reports/${quarter}/close`, { token: admin })).status).toBe(200);
    expect(await emailsFor(quarter)).toHaveLength(0);
    const held = await outboxOf(quarter);
    expect(held).toMatchObject({ state: 'sending', attempts: 1 });
    removers.pop()!();
    // Within the lease nothing may send it: its mailer might still be sending.
    expect((await watchdogAt(plus(held.claimedUntil!, -60_000))).requeued).toBe(0);
    expect(await emailsFor(quarter)).toHaveLength(0);
    expect((await watchdogAt(plus(held.claimedUntil!, 1000))).requeued).toBe(1);
    const emails = await emailsFor(quarter);
    expect(emails).toHaveLength(1);
    expect((await outboxOf(quarter)).messageId).toBe(emails[0]!.messageId);
    expect((await watchdogAt(plus(held.claimedUntil!, 3_600_000))).requeued).toBe(0);
    expect(await emailsFor(quarter)).toHaveLength(1);
    report.row({
      case: 'the mailer crashes before SES is called; watchdog sweeps within the 5-minute lease, after it, and an hour later',
      count: 3,
      held: 'nothing sent within the lease; exactly one email after it, its SES message id recorded; nothing after',
    });
  });

  it('the mailer crashes after SES accepted, before recording it: SES’s Send event records it, and nothing sends it again', async () => {
    const quarter = '2018-19-Q2';
    await quarterWithData(quarter);
    failSends('after');
    expect((await t.call('POST', `/reports/${quarter}/close`, { token: admin })).status).toBe(200);
    const emails = await emailsFor(quarter);
    expect(emails).toHaveLength(1);
    removers.pop()!();
    const recorded = await outboxOf(quarter);
    expect(recorded).toMatchObject({ state: 'sent', messageId: emails[0]!.messageId });
    // Past any lease, the watchdog and a second close send nothing more.
    expect((await watchdogAt(plus(recorded.queuedAt, 3_600_000))).requeued).toBe(0);
    expect((await closeQuarter(quarter, { now: new Date() })).email.state).toBe('sent');
    expect(await emailsFor(quarter)).toHaveLength(1);
    report.row({
      case: 'the mailer crashes after SES accepted the close email, before recording it; the watchdog an hour later; a second close',
      count: 3,
      held: "SES's Send event recorded the message id; exactly one email",
    });
  });

  it('the send times out (after SES accepted it, or before it reached SES): exactly one email each', async () => {
    const timeout = () =>
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    const accepted = '2018-19-Q3';
    await quarterWithData(accepted);
    failSends('after', timeout);
    expect((await t.call('POST', `/reports/${accepted}/close`, { token: admin })).status).toBe(200);
    expect(await emailsFor(accepted)).toHaveLength(1);
    removers.pop()!();
    const lost = '2018-19-Q4';
    await quarterWithData(lost);
    failSends('before', timeout);
    expect((await t.call('POST', `/reports/${lost}/close`, { token: admin })).status).toBe(200);
    expect(await emailsFor(lost)).toHaveLength(0);
    removers.pop()!();
    const held = await outboxOf(lost);
    expect(held.state).toBe('sending');
    // One sweep past both leases: the accepted one is sent (its Send event), the lost one goes now.
    expect((await watchdogAt(plus(held.claimedUntil!, 1000))).requeued).toBe(1);
    expect(await emailsFor(accepted)).toHaveLength(1);
    expect(await emailsFor(lost)).toHaveLength(1);
    report.row({
      case: 'the send times out after SES accepted it (one quarter) and before it reached SES (another); the watchdog past the lease',
      count: 2,
      held: 'exactly one email each: the first recorded by its Send event, the second sent again after the lease',
    });
  });

  it('the stream delivers a record twice (and a third time later), for a close and for its reissue: one email each', async () => {
    const quarter = '2019-20-Q1';
    await quarterWithData(quarter);
    t.stack.outbox.pause();
    try {
      // The commit's stream record (its email's seed) twice at once, then its record's once more.
      const deliverTwice = async () => {
        const { revision: seq } = (await closeRecordOf(quarter))!;
        const event = (image: Record<string, unknown>) =>
          ({
            Records: [
              { eventName: 'MODIFY', eventSource: 'aws:dynamodb', dynamodb: { SequenceNumber: '1', NewImage: image } },
            ],
          }) as never;
        const seed = event({
          pk: { S: `Q#${quarter}` },
          sk: { S: 'CLOSE' },
          quarter: { S: quarter },
          outboxSeq: { N: String(seq) },
        });
        await Promise.all([mailer(seed, lambdaContext('mailer')), mailer(seed, lambdaContext('mailer'))]);
        const { pk, sk } = closeMailRef(quarter, seq);
        await mailer(event({ pk: { S: pk }, sk: { S: sk }, mailSeq: { N: String(seq) } }), lambdaContext('mailer'));
      };
      expect((await t.call('POST', `/reports/${quarter}/close`, { token: admin })).status).toBe(200);
      await deliverTwice();
      expect(await emailsFor(quarter)).toHaveLength(1);
      // An amendment, then the reissue: its own record on the same item, delivered twice too.
      expect(
        (await t.call('PUT', `/measures/faulty/results/${quarter}`, { token: admin, body: { value: 91 } })).status,
      ).toBeLessThan(300);
      const reissue = await t.call('POST', `/reports/${quarter}/reissue`, { token: admin });
      expect(reissue.status).toBe(200);
      expect(((await reissue.json()) as { email: { state: string; subject: string } }).email).toMatchObject({
        state: 'queued',
        subject: expect.stringMatching(/^Reissued: /),
      });
      await deliverTwice();
    } finally {
      t.stack.outbox.resume();
    }
    const emails = await emailsFor(quarter);
    expect(emails.map((e) => e.subject.startsWith('Reissued: '))).toEqual([false, true]);
    expect((await closeRecordOf(quarter))?.emailSentRevision).toBe(2);
    report.row({
      case: 'the stream delivers the close’s record twice at once and once more, then the reissue’s likewise',
      count: 6,
      held: 'exactly one email for the close and one for the reissue',
    });
  });

  it('a reissue committed before the mailer sent the close’s email: each has its own record, and both go, each once', async () => {
    const quarter = '2019-20-Q3';
    await quarterWithData(quarter);
    t.stack.outbox.pause();
    try {
      const closed = await t.call('POST', `/reports/${quarter}/close`, { token: admin });
      expect(((await closed.json()) as { email: { state: string } }).email.state).toBe('queued');
      expect(
        (await t.call('PUT', `/measures/faulty/results/${quarter}`, { token: admin, body: { value: 92 } })).status,
      ).toBeLessThan(300);
      const reissue = await t.call('POST', `/reports/${quarter}/reissue`, { token: admin });
      expect(((await reissue.json()) as { email: { state: string } }).email.state).toBe('queued');
      expect(await emailsFor(quarter)).toHaveLength(0);
      // The reissue made the close's seed a record before its commit replaced the seed.
      expect(await outboxOf(quarter, 1)).toMatchObject({ kind: 'close', state: 'queued' });
    } finally {
      t.stack.outbox.resume();
    }
    const emails = await emailsFor(quarter);
    expect(emails.map((e) => e.subject.startsWith('Reissued: '))).toEqual([false, true]);
    expect(await outboxOf(quarter, 1)).toMatchObject({ state: 'sent', messageId: emails[0]!.messageId });
    expect(await outboxOf(quarter, 2)).toMatchObject({ state: 'sent', messageId: emails[1]!.messageId });
    expect((await closeRecordOf(quarter))?.emailSentRevision).toBe(2);
    const state = await closeEmailStateOf(quarter);
    expect(state).toMatchObject({ state: 'sent', subject: emails[1]!.subject });
    // Nothing more from the sweep, a Send again or a later close.
    expect((await watchdogAt(plus(new Date(), 3_600_000))).requeued).toBe(0);
    expect((await sendCloseEmailAgain(quarter, new Date())).state).toBe('sent');
    expect((await closeQuarter(quarter, { now: new Date() })).email.state).toBe('sent');
    expect(await emailsFor(quarter)).toHaveLength(2);
    report.row({
      case: 'a close, then its reissue before the mailer ran (the stream paused), then the watchdog, Send again and a close',
      count: 5,
      held: 'two emails, the close’s then the reissue’s, each exactly once; the email state names the reissue’s',
    });
  });

  it('every attempt refused: given up after 5 (dead-lettered, alarmed), then Send again sends exactly one email', async () => {
    const quarter = '2019-20-Q2';
    await quarterWithData(quarter);
    failSends('before', () => awsError('Throttling', 400, 'Maximum sending rate exceeded.'));
    expect((await t.call('POST', `/reports/${quarter}/close`, { token: admin })).status).toBe(200);
    await t.stack.outbox.drain();
    for (let attempt = 1; attempt < maxAttempts; attempt++) {
      const { retryAt, attempts } = await outboxOf(quarter);
      expect(attempts).toBe(attempt);
      expect((await watchdogAt(plus(retryAt!, 1000))).requeued).toBe(1);
      await t.stack.outbox.drain();
    }
    const given = await outboxOf(quarter);
    expect(given).toMatchObject({ state: 'failed', attempts: maxAttempts, gaveUp: true });
    const { pk, sk } = closeMailRef(quarter, 1);
    expect(t.stack.outbox.deadLettered).toContainEqual({ pk, sk, seq: 1 });
    await expect(watchdogAt(plus(given.queuedAt, 24 * 3_600_000))).rejects.toThrow(/failed every attempt/);
    expect(await emailsFor(quarter)).toHaveLength(0);
    removers.pop()!();
    const [first, second] = [
      await sendCloseEmailAgain(quarter, new Date()),
      await sendCloseEmailAgain(quarter, new Date()),
    ];
    expect(first.state).toBe('queued');
    expect(['queued', 'sent']).toContain(second.state);
    expect(await emailsFor(quarter)).toHaveLength(1);
    expect((await sendCloseEmailAgain(quarter, new Date())).state).toBe('sent');
    expect(await emailsFor(quarter)).toHaveLength(1);
    report.row({
      case: `SES refuses every attempt (${maxAttempts}, with backoff), then Send again three times`,
      count: maxAttempts + 3,
      held: 'given up after the last attempt (dead-lettered; the watchdog fails, alarmed); Send again sent exactly one email',
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
    // queued (or already sent, for a caller that came after the mailer).
    const answers = await Promise.all(
      responses.map(
        async (r) => (await r.json()) as { email: { subject: string; to: string[] }; alreadyClosed?: boolean },
      ),
    );
    // (alreadyClosed says which caller froze it: true for all but the one that did.)
    const reports = answers.map(({ email: _email, alreadyClosed: _already, ...rest }) => JSON.stringify(rest));
    expect(new Set(reports).size).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify([a.email.subject, a.email.to]))).size).toBe(1);
    const record = (await closeRecordOf(quarter))!;
    expect(record.revision).toBe(1);
    expect(JSON.parse(reports[0]!).closedAt).toBe(record.closedAt);
    expect(await emailsFor(quarter)).toHaveLength(1);
    const attempts = (await snapshotWriteIds(quarter)).size;

    // And through the service, two at once: exactly one froze, one email.
    const q2 = '2016-17-Q3';
    await quarterWithData(q2);
    const now = new Date('2017-01-10T07:00:00Z');
    const outcomes = await Promise.all([closeQuarter(q2, { now }), closeQuarter(q2, { now })]);
    expect(outcomes.filter((o) => o.froze)).toHaveLength(1);
    const { alreadyClosed: _a, ...first } = outcomes[0]!.report;
    const { alreadyClosed: _b, ...second } = outcomes[1]!.report;
    expect(first).toEqual(second);
    expect(await emailsFor(q2)).toHaveLength(1);
    report.row({
      case: `${callers} concurrent POST close of one quarter, and 2 concurrent closeQuarter calls of another`,
      count: callers + 2,
      held: `one committed snapshot returned identically to every caller; exactly one email each (losing racers' uncommitted chunks: ${attempts - 1}, never read)`,
    });
  });
});
