// The ops dashboard (docs/deploy.md "Alarms"): the API's traffic, errors, latency and
// throttling; each scheduled job's runs, errors and last run; the dead-letter queue;
// emails sent; Lambda throttles. One page to look at when an alarm fires.
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { RagtimeApi } from './api';
import type { RagtimeJobs } from './jobs';

export interface RagtimeDashboardProps {
  api: RagtimeApi;
  jobs: RagtimeJobs;
  /** 429 answers counted from the access log (lib/alarms.ts). */
  apiThrottled: cloudwatch.IMetric;
}

const fiveMinutes = Duration.minutes(5);
/** Jobs run a few times a quarter: their graphs look back over one quarter and a bit, a point a day. */
const jobLookBack = '-P100D';

export class RagtimeDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: RagtimeDashboardProps) {
    super(scope, id);
    const { api, jobs } = props;
    const apiId = api.api.apiId;
    const apiMetric = (metricName: string, statistic: string, label: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: apiId },
        statistic,
        period: fiveMinutes,
        label,
      });
    const appMetric = (metricName: string, label: string) =>
      new cloudwatch.Metric({
        namespace: 'Ragtime',
        metricName,
        // Powertools Metrics adds the service dimension to every metric.
        dimensionsMap: { service: 'ragtime' },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.days(1),
        label,
      });
    const jobFunctions = [
      { name: 'close', fn: jobs.close },
      { name: 'watchdog', fn: jobs.watchdog },
      { name: 'reminder', fn: jobs.reminder },
      { name: 'mailer', fn: jobs.mailer },
    ];

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-ops`,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({
        markdown:
          '# Ragtime operations\nWhat each alarm means and what to do: docs/deploy.md "Alarms". Jobs run around the close day of Jan, Apr, Jul and Oct.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests and errors',
        left: [
          apiMetric('Count', cloudwatch.Stats.SUM, 'requests'),
          apiMetric('4xx', cloudwatch.Stats.SUM, '4xx'),
          apiMetric('5xx', cloudwatch.Stats.SUM, '5xx'),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency (ms)',
        left: [
          apiMetric('Latency', cloudwatch.Stats.p(50), 'p50'),
          apiMetric('Latency', cloudwatch.Stats.p(99), 'p99'),
          apiMetric('IntegrationLatency', cloudwatch.Stats.p(99), 'integration p99'),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Throttling',
        left: [props.apiThrottled],
        right: [
          new cloudwatch.Metric({
            namespace: 'AWS/Lambda',
            metricName: 'Throttles',
            statistic: cloudwatch.Stats.SUM,
            period: fiveMinutes,
            label: 'Lambda throttles (account)',
          }),
          ...jobFunctions.map(({ name, fn }) =>
            fn.function.metricThrottles({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM, label: `${name} job` }),
          ),
        ],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Job runs and errors (per day)',
        start: jobLookBack,
        left: jobFunctions.map(({ name, fn }) =>
          fn.function.metricInvocations({
            period: Duration.days(1),
            statistic: cloudwatch.Stats.SUM,
            label: `${name} runs`,
          }),
        ),
        right: jobFunctions.map(({ name, fn }) =>
          fn.function.metricErrors({
            period: Duration.days(1),
            statistic: cloudwatch.Stats.SUM,
            label: `${name} errors`,
          }),
        ),
        width: 12,
      }),
      new cloudwatch.LogQueryWidget({
        title: 'Last runs of the jobs (in the time range above; widen it to the last close)',
        logGroupNames: jobFunctions.map(({ fn }) => fn.logGroup.logGroupName),
        queryLines: [
          'fields @timestamp, @log, record.status',
          'filter type = "platform.report"',
          'stats max(@timestamp) as lastRun, count(*) as runs by @log',
        ],
        view: cloudwatch.LogQueryVisualizationType.TABLE,
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queue (failed job events)',
        start: jobLookBack,
        left: [
          jobs.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            period: Duration.hours(1),
            statistic: cloudwatch.Stats.MAXIMUM,
            label: 'messages',
          }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Emails',
        start: jobLookBack,
        left: [
          new cloudwatch.Metric({
            namespace: 'AWS/SES',
            metricName: 'Send',
            statistic: cloudwatch.Stats.SUM,
            period: Duration.days(1),
            label: 'SES sends (account)',
          }),
          appMetric('EmailsSent', 'sent by the mailer (outbox)'),
          appMetric('CloseEmailQueued', 'EMT close emails queued'),
          appMetric('RemindersSent', 'reminders queued'),
        ],
        right: [
          // A failed send shows here; given up, it is also in the dead-letter queue (Send again on the Close quarter page).
          appMetric('EmailsFailed', 'failed attempts'),
          appMetric('EmailsGivenUp', 'given up (Send again)'),
          new cloudwatch.Metric({
            namespace: 'AWS/SES',
            metricName: 'Bounce',
            statistic: cloudwatch.Stats.SUM,
            period: Duration.days(1),
            label: 'bounces',
          }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Quarters not closed (watchdog)',
        start: jobLookBack,
        left: [appMetric('QuarterNotClosed', 'quarter not closed')],
        width: 8,
      }),
    );
  }
}
