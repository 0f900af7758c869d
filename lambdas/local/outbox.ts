import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent, SNSEvent } from 'aws-lambda';
import { gsi1, outboxGsiPk } from '../store/keys';
import { lambdaContext } from './lambda-context';

// The outbox's two triggers, emulated in this process (docs/architecture.md "The outbox"):
// - the table's stream, filtered to outbox records that became `queued` and to a close's
//   commit carrying its email's seed: dynalite has no streams, so the records are read
//   from the same sparse index the sweep reads
//   (a few times a second) and each new `queued` write is handed to the mailer handler
//   once, as a stream record, with the stream's retries (then "dead-lettered");
// - SES's Send events: the SES endpoint the handlers call is a pass-through to
//   aws-ses-v2-local that, for each message the emulator accepted, hands the mailer a
//   Send event through "SNS", as SES's configuration set does in AWS.

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

export interface LocalOutboxOptions {
  dynamodbUrl: string;
  tableName: string;
  /** The SES emulator the pass-through forwards to. */
  sesUrl: string;
  /** How often the emulated stream looks for queued records. */
  pollMs?: number;
}

export interface LocalOutbox {
  /** The SES endpoint the handlers use (AWS_ENDPOINT_URL_SES). */
  sesEndpoint: string;
  /** Hands every queued record and pending Send event to the mailer now, and waits until none is left. */
  drain(): Promise<void>;
  /** Stops delivering until resumed (Send events still flow); a test then hands the mailer records itself. */
  pause(): void;
  resume(): void;
  /** Drops the stream records of everything queued now, undelivered (a lost trigger, for tests): only the sweep sends them. */
  loseQueued(): Promise<number>;
  /** Stream records whose every delivery failed (in AWS: the dead-letter queue). */
  deadLettered: { pk: string; sk: string; seq: number }[];
  stop(): Promise<void>;
}

/** Stream retries of a failing batch before it goes to the dead-letter queue (lib/mailer.ts). */
const streamRetries = 2;

let mailer: Promise<Handler> | undefined;
const mailerHandler = () => {
  mailer ??= import(new URL('../handlers/mailer.ts', import.meta.url).href).then(
    (mod: { handler: Handler }) => mod.handler,
  );
  return mailer;
};

/** The headers of a raw MIME message (unfolded). */
function mimeHeaders(raw: string): { name: string; value: string }[] {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  return head.split(/\r?\n/).flatMap((line) => {
    const colon = line.indexOf(':');
    return colon > 0 ? [{ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() }] : [];
  });
}

export async function startLocalOutbox(options: LocalOutboxOptions): Promise<LocalOutbox> {
  const client = new DynamoDBClient({ endpoint: options.dynamodbUrl });
  const pollMs = options.pollMs ?? 100;
  const delivered = new Set<string>();
  const deadLettered: LocalOutbox['deadLettered'] = [];
  const sendEvents: SNSEvent[] = [];
  let paused = false;
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const invoke = async (event: DynamoDBStreamEvent | SNSEvent): Promise<boolean> => {
    try {
      const out = (await (
        await mailerHandler()
      )(event, lambdaContext('mailer', crypto.randomUUID(), 60_000))) as {
        batchItemFailures?: unknown[];
      } | null;
      return (out?.batchItemFailures ?? []).length === 0;
    } catch {
      return false; // logged by the handler; the stream retries
    }
  };

  const queuedWrites = async () => {
    // The table the handlers use now (the bench moves them from table to table).
    const table = process.env.TABLE_NAME || options.tableName;
    const out = await client.send(
      new QueryCommand({
        TableName: table,
        IndexName: gsi1,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: outboxGsiPk } },
      }),
    );
    // A queued record, or a close's commit whose email is still a seed (the stream's two filters).
    // One write is one stream record: the table is part of its name (each table has its own
    // stream), and so is a close's writeId (a bench's rerun of a close writes the same seed anew).
    return (out.Items ?? [])
      .filter((item) => item.mailState?.S === 'queued' || item.outboxSeq?.N !== undefined)
      .map((item) => ({
        item,
        seq: Number((item.mailSeq ?? item.outboxSeq)?.N),
        write: `${table}|${item.pk?.S}|${item.sk?.S}|${(item.mailSeq ?? item.outboxSeq)?.N}|${item.mailQueuedAt?.S}|${item.writeId?.S ?? ''}`,
      }));
  };

  /** One pass: pending Send events, then every queued record not yet handed over. Returns how many it handed over. */
  const pass = async (): Promise<number> => {
    let handed = 0;
    while (sendEvents.length > 0) {
      await invoke(sendEvents.shift()!);
      handed++;
    }
    if (paused) return handed;
    for (const { item, seq, write } of await queuedWrites()) {
      if (delivered.has(write)) continue;
      delivered.add(write);
      const record = {
        eventName: 'MODIFY' as const,
        eventSource: 'aws:dynamodb',
        dynamodb: {
          SequenceNumber: String(Date.now()),
          // The stream's NEW_IMAGE: the whole item.
          NewImage: item,
        },
      };
      let ok = false;
      for (let attempt = 0; attempt <= streamRetries && !ok && !stopped; attempt++)
        ok = await invoke({ Records: [record] } as DynamoDBStreamEvent);
      if (!ok) deadLettered.push({ pk: item.pk!.S!, sk: item.sk!.S!, seq });
      handed++;
    }
    return handed;
  };

  /** Passes never overlap: a caller joins the one under way. */
  const runPass = (): Promise<number> => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  const tick = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      try {
        await runPass();
      } catch {
        // the engine stopping under a pass: the next one (if any) tries again
      }
      tick();
    }, pollMs);
    timer.unref();
  };
  tick();

  // The SES pass-through.
  const ses: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined && !['host', 'content-length', 'connection', 'transfer-encoding'].includes(name))
          headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      const upstream = await fetch(`${options.sesUrl}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        ...(req.method !== 'GET' && req.method !== 'HEAD' && { body }),
      });
      const text = await upstream.text();
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' });
      res.end(text);
      const messageId = /<MessageId>([^<]+)<\/MessageId>/.exec(text)?.[1];
      const form = new URLSearchParams(body.toString('utf8'));
      if (upstream.status === 200 && messageId && form.get('Action') === 'SendRawEmail') {
        const raw = Buffer.from(form.get('RawMessage.Data') ?? '', 'base64').toString('utf8');
        const message = {
          eventType: 'Send',
          mail: { timestamp: new Date().toISOString(), messageId, headers: mimeHeaders(raw) },
        };
        sendEvents.push({ Records: [{ EventSource: 'aws:sns', Sns: { Message: JSON.stringify(message) } }] } as never);
      }
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`SES emulator unreachable: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ses.once('error', reject);
    ses.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    sesEndpoint: `http://127.0.0.1:${(ses.address() as AddressInfo).port}`,
    deadLettered,
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
    },
    loseQueued: async () => {
      if (running) await running;
      const lost = (await queuedWrites()).filter(({ write }) => !delivered.has(write));
      for (const { write } of lost) delivered.add(write);
      return lost.length;
    },
    drain: async () => {
      // Until a whole pass finds nothing new (a send's own Send event comes after it).
      for (let i = 0; i < 50; i++) {
        if (running) await running;
        if ((await runPass()) === 0 && sendEvents.length === 0) return;
      }
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      if (running) await running.catch(() => 0);
      await new Promise<void>((resolve) => {
        ses.close(() => resolve());
        ses.closeAllConnections();
      });
      client.destroy();
    },
  };
}
