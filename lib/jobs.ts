// The scheduled jobs (docs/rules.md#closed-quarters-and-amendments, #reminders): the quarter close, its watchdog an hour later and
// the reminders before it, on EventBridge Scheduler in Europe/London.
//
// Failures are caught twice: the Scheduler retries delivering the event to Lambda and
// dead-letters what it cannot deliver; Lambda (invoked asynchronously by the
// Scheduler) retries a job that throws and then dead-letters its event. Both land in
// the one encrypted queue, whose depth alarms.
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as eventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type FunctionShared, RagtimeFunction, type TableAccess } from './function';
import { acknowledge, wildcardResourceFinding } from './nag';
import { closeMonths, type QuarterScheduleTime } from './settings';

export interface JobDef {
  handler: string;
  /**
   * Reserved concurrency: the job always finds a Lambda to run on, however busy the API
   * (and cannot itself use more). Two for jobs that retry, so a retry may overlap a slow run.
   */
  reservedConcurrency: number;
  table: TableAccess;
  sendsEmail: boolean;
  timeout: Duration;
  summary: string;
}

/** The job handlers in lambdas/handlers/ and what each needs. */
export const jobDefs = {
  close: {
    handler: 'close-job',
    reservedConcurrency: 2,
    // GetItem: a rerun after the close answers with its email's record.
    table: { read: ['Query', 'GetItem'], write: ['PutItem', 'UpdateItem'] },
    sendsEmail: false,
    timeout: Duration.minutes(5),
    summary: 'Closes the quarter that just ended and queues its EMT email',
  },
  watchdog: {
    // Writes: the outbox sweep queues due records again (UpdateItem), and makes a close's
    // seed whose trigger was lost its record (BatchGetItem of the close, PutItem).
    handler: 'watchdog-job',
    reservedConcurrency: 1,
    table: { read: ['Query', 'BatchGetItem'], write: ['PutItem', 'UpdateItem'] },
    sendsEmail: false,
    timeout: Duration.minutes(1),
    summary: 'Sweeps the outbox every few minutes; fails (and alarms) when the quarter that just ended has no close',
  },
  mailer: {
    // The one function that sends email and invokes the document writer (docs/architecture.md "The outbox").
    handler: 'mailer',
    reservedConcurrency: 5,
    // A close's seed becomes its revision's record here (BatchGetItem of the close, PutItem).
    table: { read: ['GetItem', 'Query', 'BatchGetItem'], write: ['PutItem', 'UpdateItem'] },
    sendsEmail: true,
    // Longer than one send (20 s, mail/ses.ts) and the Word draft (20 s), shorter than
    // the claim's lease (5 min, services/mailer.ts): a holder past its lease is dead.
    timeout: Duration.seconds(60),
    summary: 'Renders and sends every email from the outbox, exactly once each',
  },
  reminder: {
    // Writes: it records each directorate's reminder so a retry does not send it twice.
    handler: 'reminder-job',
    reservedConcurrency: 2,
    table: { read: ['Query'], write: ['PutItem'] },
    sendsEmail: false,
    timeout: Duration.minutes(5),
    summary: 'Queues an email to each directorate contact with the returns still missing before the close',
  },
} as const satisfies Record<string, JobDef>;

/** Scheduler retry policy: up to 3 more attempts within an hour, then the DLQ. */
export const scheduleRetry = { retryAttempts: 3, maxEventAge: Duration.hours(1) };
/** Lambda's retries of an asynchronous invocation that threw, then the DLQ. */
export const asyncRetry = { retryAttempts: 2, maxEventAge: Duration.hours(1) };

export interface RagtimeJobsProps {
  shared: FunctionShared;
  apiUrl: string;
  times: {
    close: QuarterScheduleTime;
    watchdog: QuarterScheduleTime;
    reminders: (QuarterScheduleTime & { daysBeforeClose: number })[];
  };
}

/** cron for minute 0 of `hour` on `day` of Jan, Apr, Jul and Oct, Europe/London. */
export function quarterCron(time: QuarterScheduleTime): scheduler.ScheduleExpression {
  return scheduler.ScheduleExpression.cron({
    minute: '0',
    hour: String(time.hour),
    day: String(time.day),
    month: closeMonths.join(','),
    timeZone: TimeZone.EUROPE_LONDON,
  });
}

export class RagtimeJobs extends Construct {
  readonly deadLetterQueue: sqs.Queue;
  readonly close: RagtimeFunction;
  readonly watchdog: RagtimeFunction;
  readonly reminder: RagtimeFunction;
  readonly mailer: RagtimeFunction;
  /** SES's Send events (the configuration set publishes them), which the mailer records. */
  readonly sentTopic: sns.Topic;
  readonly schedules: { name: string; schedule: scheduler.Schedule }[] = [];

  constructor(scope: Construct, id: string, props: RagtimeJobsProps) {
    super(scope, id);
    const { shared } = props;
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    shared.alarms.watchDeadLetterQueue(
      this.deadLetterQueue,
      this.deadLetterQueue,
      'A scheduled Ragtime job (close, watchdog or reminder) failed every retry and its event is in the dead-letter queue. Read the message, fix the cause, then run the job again (docs/deploy.md "Alarms").',
    );

    const job = (name: string, def: JobDef, errorsAlarmDescription?: string, environment?: Record<string, string>) =>
      new RagtimeFunction(this, name, {
        handler: def.handler,
        description: `Ragtime job: ${def.summary}`,
        table: def.table,
        sendsEmail: def.sendsEmail,
        apiUrl: props.apiUrl,
        timeout: def.timeout,
        reservedConcurrency: def.reservedConcurrency,
        shared,
        asyncInvoke: { ...asyncRetry, deadLetterQueue: this.deadLetterQueue },
        errorsAlarmDescription,
        environment,
      });
    this.close = job(
      'CloseJob',
      jobDefs.close,
      'The scheduled quarter close failed (it is retried; the DLQ alarm fires if every retry fails). Read the close-job log, fix the cause, then close by hand with POST /reports/{quarter}/close (docs/deploy.md "Alarms").',
    );
    this.watchdog = job(
      'WatchdogJob',
      jobDefs.watchdog,
      'QUARTER NOT CLOSED: an hour after the scheduled close, the quarter that just ended has no close (or its EMT email was not sent). Check the close-job alarms and log, then close by hand with POST /reports/{quarter}/close (docs/deploy.md "Alarms").',
    );
    this.reminder = job(
      'ReminderJob',
      jobDefs.reminder,
      'A reminder run failed: some directorate contacts may not have been chased. Read the reminder-job log (docs/deploy.md "Alarms").',
      // The reminder names the close it chases for: the schedule's own day and hour.
      { CLOSE_DAY: String(props.times.close.day), CLOSE_HOUR: String(props.times.close.hour) },
    );

    this.mailer = job(
      'Mailer',
      jobDefs.mailer,
      'The mailer failed: an email may be late (it is retried with backoff; the dead-letter queue alarm fires if it is given up, and the Close quarter page offers Send again). Read the mailer log (docs/deploy.md "Alarms").',
    );
    // The outbox's trigger: the table's stream, only records that became queued (a close's,
    // a reissue's, a reminder, a return, or the sweep queueing one again) and a close's
    // commit carrying its email's seed (the mailer makes it that revision's record).
    if (!shared.table.tableStreamArn)
      throw new Error(
        'The table has no stream: with existingTableName, also give existingTableStreamArn (the mailer reads the outbox from the stream).',
      );
    this.mailer.function.addEventSource(
      new eventSources.DynamoEventSource(shared.table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 2,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        onFailure: new eventSources.SqsDlq(this.deadLetterQueue),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { NewImage: { mailState: { S: lambda.FilterRule.isEqual('queued') } } },
          }),
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { NewImage: { outboxSeq: { N: lambda.FilterRule.exists() } } },
          }),
        ],
      }),
    );
    // SES's Send events: what SES accepted is recorded even when its sender died before recording it.
    this.sentTopic = new sns.Topic(this, 'EmailSentTopic', {
      displayName: 'Ragtime: emails SES accepted',
      masterKey: shared.alarms.key,
      enforceSSL: true,
    });
    this.sentTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesEventPublishing',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.sentTopic.topicArn],
        conditions: { StringEquals: { 'AWS:SourceAccount': Stack.of(this).account } },
      }),
    );
    shared.email.configurationSet.addEventDestination('SendToMailer', {
      destination: ses.EventDestination.snsTopic(this.sentTopic),
      events: [ses.EmailSendingEvent.SEND],
    });
    this.sentTopic.addSubscription(
      new snsSubscriptions.LambdaSubscription(this.mailer.function, { deadLetterQueue: this.deadLetterQueue }),
    );

    const roleFor = (name: string, fn: RagtimeFunction) => {
      const stack = Stack.of(this);
      const role = new iam.Role(this, `${name}SchedulerRole`, {
        description: `EventBridge Scheduler invokes the Ragtime ${fn.handler} function`,
        assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
          conditions: {
            StringEquals: {
              'aws:SourceAccount': stack.account,
              'aws:SourceArn': stack.formatArn({
                service: 'scheduler',
                resource: 'schedule-group',
                resourceName: 'default',
              }),
            },
          },
        }),
      });
      acknowledge(
        role,
        wildcardResourceFinding(role, `${fn.function.functionArn}:*`),
        `CDK's grantInvoke lets the Scheduler invoke the ${fn.handler} function and its versions/aliases (<arn>:*); it reaches no other function.`,
      );
      return role;
    };
    const closeRole = roleFor('Close', this.close);
    const watchdogRole = roleFor('Watchdog', this.watchdog);
    const reminderRole = roleFor('Reminder', this.reminder);

    const schedule = (
      name: string,
      time: QuarterScheduleTime,
      fn: RagtimeFunction,
      role: iam.IRole,
      input: object,
      description: string,
    ) => {
      const s = new scheduler.Schedule(this, `${name}Schedule`, {
        description,
        schedule: quarterCron(time),
        target: new targets.LambdaInvoke(fn.function, {
          input: scheduler.ScheduleTargetInput.fromObject(input),
          role,
          deadLetterQueue: this.deadLetterQueue,
          ...scheduleRetry,
        }),
      });
      this.schedules.push({ name, schedule: s });
      return s;
    };
    const at = (t: QuarterScheduleTime) =>
      `${String(t.hour).padStart(2, '0')}:00 Europe/London on day ${t.day} of Jan, Apr, Jul and Oct`;
    schedule('Close', props.times.close, this.close, closeRole, {}, `Ragtime quarter close, ${at(props.times.close)}`);
    schedule(
      'Watchdog',
      props.times.watchdog,
      this.watchdog,
      watchdogRole,
      {},
      `Ragtime close watchdog, ${at(props.times.watchdog)}`,
    );
    // The outbox sweep: nothing unsent stays so for more than a few minutes past its due time.
    const sweep = new scheduler.Schedule(this, 'OutboxSweepSchedule', {
      description: 'Ragtime outbox sweep: queues again every email due a retry, every 5 minutes',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(5)),
      target: new targets.LambdaInvoke(this.watchdog.function, {
        input: scheduler.ScheduleTargetInput.fromObject({ sweep: true }),
        role: watchdogRole,
        deadLetterQueue: this.deadLetterQueue,
        ...scheduleRetry,
      }),
    });
    this.schedules.push({ name: 'OutboxSweep', schedule: sweep });
    for (const reminder of props.times.reminders) {
      schedule(
        `Reminder${reminder.daysBeforeClose}`,
        reminder,
        this.reminder,
        reminderRole,
        { daysBeforeClose: reminder.daysBeforeClose },
        `Ragtime reminder ${reminder.daysBeforeClose} day(s) before the close, ${at(reminder)}`,
      );
    }
  }
}
