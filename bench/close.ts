// Quarter close for 35, 1,000 and 10,000 measures (results for five quarters each, plus
// 100 actions with an update each quarter), each dataset in its own table of the one
// dynalite engine: DynamoDB requests per close, close time, and the floor: the same
// items read with raw paginated Queries (the very Query inputs the close sent, replayed
// with a bare low-level client: no document-client unmarshalling, no domain code).
// Each close is followed, outside the timing, by deleting its CLOSE record and snapshot
// chunks, so every repetition closes the same unclosed data.

import { gzipSync } from 'node:zlib';
import { DeleteItemCommand, DynamoDBClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, QueryCommand as DocQueryCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildReport } from '../lambdas/domain';
import { closeEmail } from '../lambdas/mail/close-email';
import { sendEmail } from '../lambdas/mail/ses';
import { closeQuarter } from '../lambdas/services/close';
import { readReportInput } from '../lambdas/services/report';
import { closeMailPk, closeMailSk, closeSk, quarterPk, snapshotPk } from '../lambdas/store/keys';
import { batchWriteAll, closeQuarterId, datasetQuarters, measureId, syntheticPlan } from './dataset';
import { collectGarbage } from './gc';
import { type Harness, median, round } from './harness';

export interface CloseFigures {
  measures: number;
  items: number;
  seed: { items: number; batchWriteRequests: number; ms: number };
  requests: number;
  requestsByCommand: Record<string, number>;
  snapshotChunks: number;
  closeMs: number[];
  floorMs: number[];
  floorQueries: number;
  floorPages: number;
  floorItems: number;
  closeMedianMs: number;
  floorMedianMs: number;
  ratio: number;
  /** From the close's answer until its email is in the SES emulator's store (the mailer, through the outbox). */
  emailMs: number[];
  emailMedianMs: number;
  /**
   * The process's CPU time (every thread: dynalite runs in it, gzip on the thread pool) over
   * each close and each floor, and the ratio of their medians: on a machine loaded by other
   * work, wall times wander while these stay near what each does (informative).
   */
  closeCpuMs: number[];
  floorCpuMs: number[];
  cpuRatio: number;
  /** Where a close's time goes: its steps timed one by one, once, after the timed closes (informative). */
  breakdownMs: {
    reads: number;
    buildReport: number;
    snapshotJsonGzip: number;
    emailRender: number;
    emailSend: number;
    emailBytes: number;
  };
}

type RawQuery = Omit<QueryCommandInput, 'ExclusiveStartKey'>;

async function readAll(client: DynamoDBClient, input: RawQuery): Promise<{ pages: number; items: number }> {
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  let pages = 0;
  let items = 0;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    pages++;
    items += page.Items?.length ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { pages, items };
}

/** Deletes the close's CLOSE record, snapshot chunks and email's outbox record: the quarter is unclosed again, with the same data. */
async function unclose(table: string, quarter: string): Promise<void> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  try {
    await client.send(
      new DeleteItemCommand({ TableName: table, Key: { pk: { S: quarterPk(quarter) }, sk: { S: closeSk } } }),
    );
    await client.send(
      new DeleteItemCommand({ TableName: table, Key: { pk: { S: closeMailPk(quarter) }, sk: { S: closeMailSk(1) } } }),
    );
    const chunks = await client.send(
      new DocQueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': snapshotPk(quarter) },
        ProjectionExpression: 'pk, sk',
      }),
    );
    for (let i = 0; i < (chunks.Items ?? []).length; i += 25) {
      const keys = chunks.Items!.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      await client.send(new BatchWriteCommand({ RequestItems: { [table]: keys } }));
    }
  } finally {
    client.destroy();
  }
}

/** The close's steps one at a time, with the same functions the close calls. */
async function closeBreakdown(): Promise<CloseFigures['breakdownMs']> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = round(now - t, 1);
    t = now;
    return ms;
  };
  const { input, settings } = await readReportInput(closeQuarterId);
  const reads = lap();
  const report = { ...buildReport(input), closed: true, closedAt: new Date().toISOString() };
  const build = lap();
  gzipSync(JSON.stringify({ report, input }));
  const snapshotJsonGzip = lap();
  const email = closeEmail(report, {
    from: process.env.SENDER_EMAIL ?? 'ragtime@localhost',
    to: settings.emtRecipients,
    reportTitle: settings.reportTitle,
    appUrl: process.env.APP_URL,
  });
  const emailRender = lap();
  await sendEmail(email);
  const emailSend = lap();
  const emailBytes = [email.html, email.text, ...(email.attachments ?? []).map((a) => a.content)].reduce(
    (n, part) => n + Buffer.byteLength(part),
    0,
  );
  return { reads, buildReport: build, snapshotJsonGzip, emailRender, emailSend, emailBytes };
}

/** Reads a seeded measure and the report through the API: the seeded shape is the store's. */
async function verifyShape(h: Harness, measures: number): Promise<void> {
  const token = await h.token('emt');
  const m = await h.call('GET', `/measures/${measureId(0)}`, { token });
  const detail = m.json as {
    results?: { period: string; version: number; by: string }[];
    quarters?: { quarter: string; status: string }[];
  };
  if (
    m.status !== 200 ||
    detail.results?.length !== datasetQuarters.length ||
    detail.results.some((r) => r.version !== 1 || !r.by)
  ) {
    throw new Error(
      `seeded measure does not read back through the API: ${m.status} ${JSON.stringify(m.json).slice(0, 400)}`,
    );
  }
  const history = await h.call('GET', `/measures/${measureId(0)}/results/${closeQuarterId}/history`, { token });
  if (history.status !== 200 || (history.json as { versions: unknown[] }).versions.length !== 1) {
    throw new Error(
      `seeded history does not read back: ${history.status} ${JSON.stringify(history.json).slice(0, 300)}`,
    );
  }
  const r = await h.call('GET', `/reports/${closeQuarterId}`, { token });
  const report = r.json as {
    measures?: { status: string }[];
    actions?: { status: string }[];
    summary?: { measures: { total: number; noData: number } };
  };
  const assessed = report.measures?.filter((x) => ['green', 'amber', 'red'].includes(x.status)).length;
  const updated = report.actions?.filter((x) => x.status !== 'no-update').length;
  if (
    r.status !== 200 ||
    report.measures?.length !== measures ||
    assessed !== measures ||
    updated !== 100 ||
    report.summary?.measures.noData !== 0
  ) {
    throw new Error(
      `seeded report is not what was seeded: ${r.status} measures ${report.measures?.length} assessed ${assessed} actions updated ${updated}`,
    );
  }
}

export async function benchClose(
  h: Harness,
  measures: number,
  repetitions: number,
  log: (s: string) => void,
): Promise<CloseFigures> {
  const table = `bench-close-${measures}`;
  await h.useTable(table);
  const items = syntheticPlan(measures);
  const seeded = await batchWriteAll(table, items);
  log(`  seeded ${items.length} items in ${Math.round(seeded.ms)} ms (${seeded.requests} BatchWriteItem)`);
  if (measures <= 1000) await verifyShape(h, measures);

  const raw = new DynamoDBClient({});
  try {
    const closeMs: number[] = [];
    const floorMs: number[] = [];
    const emailMs: number[] = [];
    const closeCpuMs: number[] = [];
    const floorCpuMs: number[] = [];
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    let requests = 0;
    let requestsByCommand: Record<string, number> = {};
    let queries: RawQuery[] = [];
    let floorShape = { pages: 0, items: 0 };
    for (let rep = 0; rep < repetitions; rep++) {
      await h.clearEmails();
      h.counter.reset();
      h.counter.capture(rep === 0);
      // The mailer waits while the close is timed and counted: its requests are not the close's.
      h.stack.outbox.pause();
      collectGarbage();
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      const outcome = await closeQuarter(closeQuarterId, { now: new Date('2018-04-10T06:00:00Z') });
      const answered = performance.now();
      closeMs.push(answered - started);
      closeCpuMs.push(cpuMs(cpuStarted));
      h.counter.capture(false);
      // The close's own requests: the mailer's, after it, vary with how the stream hands it the email.
      const closeRequests = h.counter.total();
      const closeByCommand = h.counter.byCommand();
      // Then the email: the stream hands the queued record to the mailer, which renders and sends it.
      h.stack.outbox.resume();
      await h.stack.outbox.drain();
      const stored = ((await (await fetch(`${h.stack.sesUrl}/store`)).json()) as { emails: unknown[] }).emails;
      emailMs.push(performance.now() - answered);
      if (stored.length !== 1) throw new Error(`close of ${measures} measures: ${stored.length} emails, not 1`);
      if (!outcome.froze || outcome.email.state !== 'queued' || outcome.report.measures.length !== measures) {
        throw new Error(
          `close of ${measures} measures: froze ${outcome.froze}, email ${outcome.email}, ${outcome.report.measures.length} measures`,
        );
      }
      if (rep === 0) {
        requests = closeRequests;
        requestsByCommand = closeByCommand;
        // The first page of each Query the close made: the floor replays them, paginated.
        queries = h.counter
          .captured()
          .filter((c) => c.command === 'Query' && !c.input.ExclusiveStartKey)
          .map((c) => c.input as RawQuery);
      } else if (closeRequests !== requests) {
        throw new Error(`close of ${measures} measures made ${closeRequests} requests, the first made ${requests}`);
      }
      await unclose(table, closeQuarterId);

      collectGarbage();
      const floorCpuStarted = process.cpuUsage();
      const floorStarted = performance.now();
      const reads = await Promise.all(queries.map((q) => readAll(raw, q)));
      floorMs.push(performance.now() - floorStarted);
      floorCpuMs.push(cpuMs(floorCpuStarted));
      floorShape = reads.reduce((a, b) => ({ pages: a.pages + b.pages, items: a.items + b.items }), {
        pages: 0,
        items: 0,
      });
    }
    const breakdownMs = await closeBreakdown();
    await h.clearEmails();
    await h.dropTable(table); // the next, larger close should not carry this one's items (harness.ts dropTable)
    const closeMedianMs = median(closeMs);
    const floorMedianMs = median(floorMs);
    return {
      measures,
      items: items.length,
      seed: { items: items.length, batchWriteRequests: seeded.requests, ms: Math.round(seeded.ms) },
      requests,
      requestsByCommand,
      snapshotChunks: requestsByCommand.PutItem ? requestsByCommand.PutItem - 1 : 0,
      closeMs: closeMs.map((x) => round(x, 1)),
      floorMs: floorMs.map((x) => round(x, 1)),
      floorQueries: queries.length,
      floorPages: floorShape.pages,
      floorItems: floorShape.items,
      closeMedianMs: round(closeMedianMs, 1),
      floorMedianMs: round(floorMedianMs, 1),
      ratio: round(closeMedianMs / floorMedianMs, 2),
      emailMs: emailMs.map((x) => round(x, 1)),
      emailMedianMs: round(median(emailMs), 1),
      closeCpuMs: closeCpuMs.map((x) => round(x, 1)),
      floorCpuMs: floorCpuMs.map((x) => round(x, 1)),
      cpuRatio: round(median(closeCpuMs) / median(floorCpuMs), 2),
      breakdownMs,
    };
  } finally {
    raw.destroy();
  }
}
