// One Lambda for one handler module (lambdas/handlers/<handler>.ts, export `handler`):
// Node.js 22 on arm64, bundled by esbuild as minified ESM with source maps, its own
// log group, X-Ray, alarms, and only the permissions and environment it needs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TableRead, TableUse, TableWrite } from '../lambdas/http/routes';
import type { RagtimeAlarms } from './alarms';
import type { RagtimeEmail } from './email';
import { acknowledge, wildcardResourceFinding } from './nag';

/** The DynamoDB requests a function sends (lambdas/http/routes.ts `table`); 'none': no table. */
export type TableAccess = 'none' | TableUse;

const readOrder: readonly TableRead[] = ['GetItem', 'BatchGetItem', 'Query'];
const writeOrder: readonly TableWrite[] = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'];

/** Every request either needs, in a stable order (functions shared by several routes). */
export function mergeTableAccess(a: TableAccess, b: TableAccess): TableAccess {
  if (a === 'none') return b;
  if (b === 'none') return a;
  const read = readOrder.filter((r) => a.read?.includes(r) || b.read?.includes(r));
  const write = writeOrder.filter((w) => a.write?.includes(w) || b.write?.includes(w));
  return { ...(read.length > 0 ? { read } : {}), ...(write.length > 0 ? { write } : {}) };
}

/** The IAM actions for a table use: exactly its requests, e.g. dynamodb:Query. */
export function dynamoActions(table: TableAccess): string[] {
  if (table === 'none') return [];
  return [...(table.read ?? []), ...(table.write ?? [])].map((request) => `dynamodb:${request}`);
}

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const handlersDir = fileURLToPath(new URL('../lambdas/handlers/', import.meta.url));

export function handlerEntry(handler: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(handler))
    throw new Error(`Handler name "${handler}" is not a lower-case module name like "put-measure".`);
  return `${handlersDir}${handler}.ts`;
}

/** What every function shares: built once by the stack. */
export interface FunctionShared {
  table: dynamodb.ITable;
  /** RAGTIME_SETTINGS_DEFAULTS (JSON). */
  settingsDefaults: string;
  email: RagtimeEmail;
  logRetention: logs.RetentionDays;
  alarms: RagtimeAlarms;
}

export interface RagtimeFunctionProps {
  /** Module name under lambdas/handlers/. */
  handler: string;
  description: string;
  table: TableAccess;
  /** Sends email through SES: SENDER_EMAIL, SES_CONFIGURATION_SET, API_URL and ses:SendRawEmail. */
  sendsEmail: boolean;
  /** The API's URL for links in emails; required when sendsEmail. */
  apiUrl?: string;
  timeout: Duration;
  /** Reserved concurrency (the scheduled jobs); none: the account's shared pool. */
  reservedConcurrency?: number;
  /** MB; 512 unless a function needs more. */
  memorySize?: number;
  shared: FunctionShared;
  /** Asynchronous invocations (schedules): Lambda's own retries, then this dead-letter queue. */
  asyncInvoke?: { retryAttempts: number; maxEventAge: Duration; deadLetterQueue: sqs.IQueue };
  /** What the Errors alarm means for this function, when it is not just "it failed". */
  errorsAlarmDescription?: string;
  /** Variables only this function reads. */
  environment?: Record<string, string>;
  /**
   * Only items whose partition key is one of these (IAM `dynamodb:LeadingKeys`), on the
   * table itself (no index): for a function that reads one kind of item by its key.
   */
  tableLeadingKeys?: string[];
}

/** esbuild settings of every function (bundle the AWS SDK: we choose its version). */
export const bundling: nodejs.BundlingOptions = {
  minify: true,
  sourceMap: true,
  format: nodejs.OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  // The Node.js 22 runtime ships AWS SDK v3: leaving it out keeps each bundle small and its cold start short.
  externalModules: ['@aws-sdk/*'],
};

export class RagtimeFunction extends Construct {
  readonly handler: string;
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly tableAccess: TableAccess;
  readonly sendsEmail: boolean;

  constructor(scope: Construct, id: string, props: RagtimeFunctionProps) {
    super(scope, id);
    const { shared } = props;
    this.handler = props.handler;
    this.tableAccess = props.table;
    this.sendsEmail = props.sendsEmail;
    const entry = handlerEntry(props.handler);
    if (!existsSync(entry))
      throw new Error(`Handler "${props.handler}" has no entry file ${entry} (it must export "handler").`);
    if (props.sendsEmail && !props.apiUrl)
      throw new Error(`Handler "${props.handler}" sends email but was given no API URL for its links.`);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', { retention: shared.logRetention });
    // Our own role instead of AWSLambdaBasicExecutionRole: write to this log group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Ragtime ${props.handler} function`,
    });
    this.logGroup.grantWrite(this.role);

    const environment: Record<string, string> = {
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'ragtime',
      POWERTOOLS_METRICS_NAMESPACE: 'Ragtime',
    };
    if (props.table !== 'none') {
      environment.TABLE_NAME = shared.table.tableName;
      environment.RAGTIME_SETTINGS_DEFAULTS = shared.settingsDefaults;
      // PUT /settings refuses recipients outside these domains (the SES policy would refuse to send).
      environment.RAGTIME_ALLOWED_RECIPIENT_DOMAINS = shared.email.allowedRecipientDomains.join(',');
    }
    if (props.sendsEmail) {
      environment.SENDER_EMAIL = shared.email.senderEmail;
      environment.SES_CONFIGURATION_SET = shared.email.configurationSetName;
      environment.API_URL = props.apiUrl!;
    }
    Object.assign(environment, props.environment);

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      description: props.description.slice(0, 256),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment,
      bundling,
      ...(props.asyncInvoke
        ? {
            retryAttempts: props.asyncInvoke.retryAttempts,
            maxEventAge: props.asyncInvoke.maxEventAge,
            deadLetterQueue: props.asyncInvoke.deadLetterQueue,
          }
        : {}),
    });

    // Exactly the requests the handler sends (not grantReadWriteData, which adds Scan,
    // DeleteItem, BatchWriteItem and stream reads the code never uses).
    const actions = dynamoActions(props.table);
    if (actions.length > 0 && props.tableLeadingKeys) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions,
          resources: [shared.table.tableArn],
          conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': props.tableLeadingKeys } },
        }),
      );
    } else if (actions.length > 0) shared.table.grant(this.role, ...actions);
    if (props.sendsEmail) shared.email.grantSend(this.role);

    shared.alarms.watchFunction(this, this.function, props.handler, props.errorsAlarmDescription);

    acknowledge(
      this,
      'AwsSolutions-L1',
      'The runtime is fixed at Node.js 22 (docs/deploy.md), the LTS line the handlers, the local server and the tests run on; moving to a newer runtime is a deliberate, tested change rather than a silent one.',
    );
    acknowledge(
      this,
      'AwsSolutions-IAM5[Resource::*]',
      'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions; the wildcard grants only those two write-only trace actions.',
    );
    if (props.table !== 'none' && !props.tableLeadingKeys) {
      acknowledge(
        this,
        wildcardResourceFinding(this, `${shared.table.tableArn}/index/*`),
        `The table grant (${actions.join(', ')}: the requests this handler sends) covers the indexes of this one table, which has a single index (gsi1) that the handlers query; no other table is reachable.`,
      );
    }
  }
}

/** put-measure → PutMeasure, for construct ids. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** The stack that owns a construct's functions (for tests and outputs). */
export function functionsIn(scope: Construct): RagtimeFunction[] {
  return scope.node.findAll().filter((c): c is RagtimeFunction => c instanceof RagtimeFunction);
}
