// Where ops hear about trouble: one encrypted SNS topic that every alarm and SES's
// bounces and complaints publish to, with an optional email subscription.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface RagtimeAlarmsProps {
  alarmEmail?: string;
}

export class RagtimeAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly key: kms.Key;
  private readonly action: cloudwatchActions.SnsAction;

  constructor(scope: Construct, id: string, props: RagtimeAlarmsProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    // A customer-managed key: the AWS-managed aws/sns key cannot be granted to
    // CloudWatch alarms or SES, which must encrypt what they publish.
    this.key = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts the Ragtime alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    for (const service of ['cloudwatch.amazonaws.com', 'ses.amazonaws.com']) {
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: `Allow${service.split('.')[0]}ToPublishToTheAlarmTopic`,
          principals: [new iam.ServicePrincipal(service)],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
          // Only on behalf of this account's alarms and SES (no confused deputy).
          conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
        }),
      );
    }
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Ragtime alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    // SES publishes bounce, complaint and reject events of this account's configuration set.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesEventPublishing',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'AWS:SourceAccount': stack.account } },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.action = new cloudwatchActions.SnsAction(this.topic);
  }

  /** Sends the alarm's ALARM state to the topic. */
  notify(alarm: cloudwatch.Alarm): cloudwatch.Alarm {
    alarm.addAlarmAction(this.action);
    return alarm;
  }

  /** Errors ≥ 1 and Throttles ≥ 1 in five minutes, for one function. */
  watchFunction(scope: Construct, fn: lambda.IFunction, name: string, errorsDescription?: string): cloudwatch.Alarm[] {
    const stackName = Stack.of(scope).stackName;
    const errors = new cloudwatch.Alarm(scope, 'ErrorsAlarm', {
      alarmName: `${stackName}-${name}-errors`,
      alarmDescription:
        errorsDescription ??
        `The Ragtime function ${name} failed at least once in 5 minutes. Look at its log group for the error (docs/deploy.md "Alarms").`,
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const throttles = new cloudwatch.Alarm(scope, 'ThrottlesAlarm', {
      alarmName: `${stackName}-${name}-throttles`,
      alarmDescription: `The Ragtime function ${name} was throttled in the last 5 minutes: the account's Lambda concurrency is exhausted (docs/deploy.md "Alarms").`,
      metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    return [this.notify(errors), this.notify(throttles)];
  }

  /**
   * API answers of 5xx. The handlers turn unexpected errors into 500 problem+json
   * responses (and dependency throttling into 503), which Lambda does not count as
   * function Errors, so the API's own 5xx count is the alarm for them.
   */
  watchApi(scope: Construct, api: apigw.IHttpApi): cloudwatch.Alarm {
    return this.notify(
      new cloudwatch.Alarm(scope, 'ServerErrorsAlarm', {
        alarmName: `${Stack.of(scope).stackName}-api-5xx`,
        alarmDescription:
          'The Ragtime API answered 5xx at least once in 5 minutes (an unhandled error, a dependency throttled, or a Lambda timeout). Find the requests in the API access log and the handler logs (docs/deploy.md "Alarms").',
        metric: api.metricServerError({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /**
   * HTTP APIs publish no throttle metric (a throttled request is just a 4xx), so the
   * 429 answers are counted from the access log. Ten in five minutes means staff (or a
   * flood on the public routes) are being refused.
   */
  watchApiThrottling(
    scope: Construct,
    accessLogs: logs.ILogGroup,
  ): { alarm: cloudwatch.Alarm; metric: cloudwatch.Metric } {
    const stackName = Stack.of(scope).stackName;
    const filter = new logs.MetricFilter(scope, 'ThrottledRequests', {
      logGroup: accessLogs,
      filterPattern: logs.FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: `Ragtime/${stackName}`,
      metricName: 'ApiThrottledRequests',
      metricValue: '1',
      defaultValue: 0,
    });
    const metric = filter.metric({
      period: Duration.minutes(5),
      statistic: cloudwatch.Stats.SUM,
    });
    const alarm = this.notify(
      new cloudwatch.Alarm(scope, 'ThrottledAlarm', {
        alarmName: `${stackName}-api-throttled`,
        alarmDescription:
          'The Ragtime API answered 429 (throttled) at least 10 times in 5 minutes. Find who in the API access log (routeKey, ip); raise throttleRate/throttleBurst if staff are refused, or block the source if it is a flood (docs/deploy.md "Alarms").',
        metric,
        threshold: 10,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
    return { alarm, metric: metric.with({ label: 'API 429 answers' }) };
  }

  /** Any message in a dead-letter queue means a scheduled job gave up. */
  watchDeadLetterQueue(scope: Construct, queue: sqs.IQueue, description: string): cloudwatch.Alarm {
    return this.notify(
      new cloudwatch.Alarm(scope, 'DepthAlarm', {
        alarmName: `${Stack.of(scope).stackName}-dead-letters`,
        alarmDescription: description,
        metric: queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
