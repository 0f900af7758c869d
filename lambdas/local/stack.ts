import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as sesModule from 'aws-ses-v2-local';
import dynalite from 'dynalite';
import { reloadEnvironment } from '../config/environment';
import { builtInSettings } from '../domain/defaults';
import { ensureTable } from '../store/table';
import { type ExtraRoute, type RunningApi, startApiServer } from './api-server';
import { type LocalKeys, loadOrCreateKeys } from './jwt';
import { startLambdaServer } from './lambda-server';
import { type LocalOutbox, startLocalOutbox } from './outbox';
import { seedSamplePlanIfEmpty } from './seed';
import { type LocalWebAppOptions, localWebApp, webAppPath } from './web-app';

export interface LocalStackOptions {
  dataDir?: string;
  /** Keep no DynamoDB data on disk (the signing key still lives in dataDir). */
  memory?: boolean;
  port?: number;
  sesPort?: number;
  dynamodbPort?: number;
  /** The local Lambda Invoke endpoint's port (default: any free one; only the handlers call it). */
  lambdaPort?: number;
  seed?: boolean;
  /** The signOff setting's default (docs/sign-off.md): `npm start` turns it on; test stacks keep the deployment default, off. */
  signOff?: 'on' | 'off';
  /**
   * The table to use (created if missing). Default: `ragtime-local` on the embedded
   * dynalite; on another engine, a fresh table for this stack.
   */
  tableName?: string;
  /**
   * A DynamoDB-compatible engine to use instead of starting dynalite (DynamoDB Local,
   * LocalStack, or AWS itself). Default: RAGTIME_DYNAMODB_ENDPOINT. README "Running on
   * another DynamoDB engine".
   */
  dynamodbEndpoint?: string;
  throttleRate?: number;
  throttleBurst?: number;
  /** Use an SES emulator already running there (e.g. in its own process) instead of starting one here. */
  sesUrl?: string;
  /** Routes served before the route table by in-process functions (benchmarks); none by default. */
  extraRoutes?: readonly ExtraRoute[];
  /** Build and serve the web app under /app/ (`npm start`, browser tests); off by default. */
  webApp?: boolean | Omit<LocalWebAppOptions, 'keys' | 'directorates'>;
}

export interface LocalStack {
  apiUrl: string;
  sesUrl: string;
  dynamodbUrl: string;
  tableName: string;
  dataDir: string;
  keys: LocalKeys;
  seeded: boolean;
  api: RunningApi;
  /** The web app's address when served, e.g. http://localhost:3000/app/. */
  webAppUrl?: string;
  /** The outbox's emulated triggers (the table's stream, SES's Send events) feeding the mailer in this process. */
  outbox: LocalOutbox;
  stop(): Promise<void>;
}

export const localDefaultSettings = {
  reportTitle: builtInSettings.reportTitle,
  planNames: builtInSettings.planNames,
  emtRecipients: builtInSettings.emtRecipients,
  directorates: {
    People: {
      contacts: ['people.performance@localhost'],
      heads: ['people.head@localhost'],
      approvers: ['approver.people@localhost'],
    },
    Place: {
      contacts: ['place.performance@localhost'],
      heads: ['place.head@localhost'],
      approvers: ['approver.place@localhost'],
    },
    Resources: {
      contacts: ['resources.performance@localhost'],
      heads: ['resources.head@localhost'],
      approvers: ['approver.resources@localhost'],
    },
  },
  reminderDays: builtInSettings.reminderDays,
};

/** A CommonJS module's export under ESM: node wraps it in `default` once more than bundlers do. */
function unwrapDefault(mod: unknown): unknown {
  let current = mod;
  while (typeof current !== 'function' && current && typeof current === 'object' && 'default' in current) {
    current = (current as { default: unknown }).default;
  }
  return current;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePort((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections?.();
  });
}

/**
 * The whole system in this one process: dynalite (DynamoDB; or the engine at
 * RAGTIME_DYNAMODB_ENDPOINT), aws-ses-v2-local (SES) and the local API calling the
 * Lambda handlers. One process means stopping it leaves
 * nothing behind. Port 0 picks free ports (tests).
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir ?? '.data');
  mkdirSync(dataDir, { recursive: true });
  const keys = await loadOrCreateKeys(dataDir);
  const started: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const close of started.reverse()) await close();
  };
  try {
    const external = options.dynamodbEndpoint ?? (process.env.RAGTIME_DYNAMODB_ENDPOINT || undefined);
    let dynamodbUrl: string;
    if (external) {
      dynamodbUrl = external.replace(/\/+$/, '');
    } else {
      const dynamo = dynalite({
        path: options.memory ? undefined : join(dataDir, 'dynamodb'),
        createTableMs: 0,
        deleteTableMs: 0,
        updateTableMs: 0,
      });
      dynamodbUrl = `http://127.0.0.1:${await listen(dynamo, options.dynamodbPort ?? 8000)}`;
      started.push(() => closeServer(dynamo));
    }
    // On a shared engine each stack gets its own table, so test files never see each other's data.
    const freshTable = external !== undefined && options.tableName === undefined;
    const tableName =
      options.tableName ??
      (freshTable ? `ragtime-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}` : 'ragtime-local');

    let sesUrl = options.sesUrl;
    if (!sesUrl) {
      const startSes = unwrapDefault(sesModule) as (c: { host: string; port: number }) => Promise<Server>;
      const ses = await startSes({ host: '127.0.0.1', port: options.sesPort ?? 8005 });
      // Node closes an idle keep-alive connection after 5 s; the SDK reuses its pooled one, and a
      // send that meets the close ends in ECONNRESET, an outcome the mailer must treat as unknown
      // (the bench's 10,000-measure close met it). SES's endpoints keep idle connections far
      // longer than a mailer run, so the emulator does too.
      ses.keepAliveTimeout = 120_000;
      sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
      started.push(() => closeServer(ses));
    }

    // Lambda's Invoke API for the function-to-function calls (render-document).
    const lambda = await startLambdaServer(options.lambdaPort ?? 0);
    started.push(() => lambda.close());

    // The mailer's triggers: the table's stream and SES's Send events (the handlers send
    // through the pass-through, which tells the mailer what the emulator accepted). Started
    // after the Lambda endpoint, so it stops first (the mailer invokes render-document).
    const outbox = await startLocalOutbox({ dynamodbUrl, tableName, sesUrl });
    started.push(() => outbox.stop());

    // The handlers run in this process and read their configuration from the
    // environment, as they do in Lambda.
    Object.assign(process.env, {
      AWS_REGION: process.env.AWS_REGION ?? 'eu-west-2',
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamodbUrl,
      AWS_ENDPOINT_URL_SES: outbox.sesEndpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      RENDER_DOCUMENT_FUNCTION: 'render-document',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      TABLE_NAME: tableName,
      SENDER_EMAIL: process.env.SENDER_EMAIL ?? 'ragtime@localhost',
      RAGTIME_SETTINGS_DEFAULTS: JSON.stringify({ ...localDefaultSettings, signOff: options.signOff ?? 'off' }),
      // The local defaults send to @localhost (aws-ses-v2-local keeps every email).
      RAGTIME_ALLOWED_RECIPIENT_DOMAINS: 'localhost',
      POWERTOOLS_SERVICE_NAME: 'ragtime',
    });
    reloadEnvironment();
    const client = new DynamoDBClient({ endpoint: dynamodbUrl });
    try {
      await ensureTable(client, tableName);
    } finally {
      client.destroy();
    }
    if (freshTable && options.memory) {
      // In memory means nothing kept: the fresh table goes when the stack stops (after the API).
      started.push(async () => {
        const dropper = new DynamoDBClient({ endpoint: dynamodbUrl });
        try {
          await dropper.send(new DeleteTableCommand({ TableName: tableName }));
        } finally {
          dropper.destroy();
        }
      });
    }
    const seeded = options.seed === false ? false : await seedSamplePlanIfEmpty();

    const web = options.webApp
      ? await localWebApp({
          keys,
          directorates: Object.keys(localDefaultSettings.directorates),
          ...(typeof options.webApp === 'object' ? options.webApp : {}),
        })
      : undefined;
    const api = await startApiServer({
      port: options.port ?? 3000,
      keys,
      throttleRate: options.throttleRate,
      throttleBurst: options.throttleBurst,
      extraRoutes: options.extraRoutes,
      beforeRoutes: web?.handle,
    });
    process.env.API_URL = api.url;
    // Emails link to the web app's pages (the local server answers /app/ beside the API).
    process.env.APP_URL = `${api.url}${webAppPath}`;
    reloadEnvironment();
    started.push(() => api.close());
    const webAppUrl = web ? `${api.url}${webAppPath}` : undefined;
    return { apiUrl: api.url, sesUrl, dynamodbUrl, tableName, dataDir, keys, seeded, api, webAppUrl, outbox, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
