// What ops see and hear: the CloudWatch dashboard and the API throttling alarm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp, logicalId, type Resources } from './helpers';

let built: BuiltApp;
let resources: Resources;
beforeAll(() => {
  built = buildApp();
  resources = built.template().toJSON().Resources as Resources;
});
afterAll(() => built?.cleanup());
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

/** The dashboard body with CloudFormation references flattened to `<LogicalId>`. */
function dashboardBody(): { widgets: { type: string; properties: Record<string, unknown> }[] } {
  const dashboards = ofType('AWS::CloudWatch::Dashboard');
  expect(dashboards).toHaveLength(1);
  const body = dashboards[0]![1].Properties!.DashboardBody as { 'Fn::Join': [string, unknown[]] };
  const text = body['Fn::Join'][1]
    .map((part) =>
      typeof part === 'string'
        ? part
        : `<${(part as { Ref?: string; 'Fn::GetAtt'?: string[] }).Ref ?? (part as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]}>`,
    )
    .join('');
  return JSON.parse(text);
}

describe('API throttling alarm', () => {
  it('counts 429 answers from the access log and alarms to the topic when requests are throttled', () => {
    const accessLogs = logicalId(built, built.stack.api.accessLogGroup);
    const filters = ofType('AWS::Logs::MetricFilter').filter(([, f]) => f.Properties!.LogGroupName.Ref === accessLogs);
    expect(filters).toHaveLength(1);
    const filter = filters[0]![1].Properties!;
    expect(filter.FilterPattern).toBe('{ $.status = "429" }');
    const [transform] = filter.MetricTransformations;
    expect(transform).toMatchObject({ MetricValue: '1', DefaultValue: 0 });
    const alarms = ofType('AWS::CloudWatch::Alarm').filter(
      ([, a]) =>
        a.Properties!.MetricName === transform.MetricName && a.Properties!.Namespace === transform.MetricNamespace,
    );
    expect(alarms).toHaveLength(1);
    const alarm = alarms[0]![1].Properties!;
    expect(alarm.AlarmName).toBe('Ragtime-prod-api-throttled');
    expect(alarm.AlarmActions).toEqual([{ Ref: logicalId(built, built.stack.alarms.topic) }]);
    expect(alarm.AlarmDescription).toContain('docs/deploy.md');
  });
});

describe('ops dashboard', () => {
  const metricsIn = (body: ReturnType<typeof dashboardBody>) =>
    body.widgets.flatMap((w) => (w.properties.metrics as unknown[][] | undefined) ?? []).map((m) => JSON.stringify(m));

  it('shows API requests, 4xx, 5xx and latency', () => {
    const metrics = metricsIn(dashboardBody());
    const api = `<${logicalId(built, built.stack.api.api)}>`;
    for (const name of ['Count', '4xx', '5xx', 'Latency', 'IntegrationLatency'])
      expect(
        metrics.some((m) => m.includes(`"AWS/ApiGateway","${name}","ApiId","${api}"`)),
        name,
      ).toBe(true);
  });

  it("shows each job's runs and errors, and when each last ran", () => {
    const body = dashboardBody();
    const metrics = metricsIn(body);
    for (const job of [
      built.stack.jobs.close,
      built.stack.jobs.watchdog,
      built.stack.jobs.reminder,
      built.stack.jobs.mailer,
    ]) {
      const fn = `<${logicalId(built, job.function)}>`;
      for (const name of ['Invocations', 'Errors'])
        expect(
          metrics.some((m) => m.includes(`"AWS/Lambda","${name}","FunctionName","${fn}"`)),
          `${job.handler} ${name}`,
        ).toBe(true);
    }
    const logWidgets = body.widgets.filter((w) => w.type === 'log');
    const lastRuns = logWidgets.find((w) => String(w.properties.title).includes('Last runs'));
    expect(lastRuns).toBeDefined();
    for (const job of [built.stack.jobs.close, built.stack.jobs.watchdog, built.stack.jobs.reminder])
      expect(String(lastRuns!.properties.query)).toContain(`<${logicalId(built, job.logGroup)}>`);
  });

  it('shows the dead-letter queue depth, emails sent and throttles', () => {
    const metrics = metricsIn(dashboardBody());
    const dlq = `<${logicalId(built, built.stack.jobs.deadLetterQueue)}>`;
    expect(metrics.some((m) => m.includes('"AWS/SQS","ApproximateNumberOfMessagesVisible"') && m.includes(dlq))).toBe(
      true,
    );
    expect(metrics.some((m) => m.includes('"AWS/SES","Send"'))).toBe(true);
    // The outbox: what the mailer sent, and failed sends (given up: Send again).
    for (const name of ['EmailsSent', 'CloseEmailQueued', 'EmailsFailed', 'EmailsGivenUp'])
      expect(
        metrics.some((m) => m.includes(`"Ragtime","${name}"`)),
        name,
      ).toBe(true);
    expect(metrics.some((m) => m.includes('"Ragtime","RemindersSent"'))).toBe(true);
    expect(metrics.some((m) => m.includes('"AWS/Lambda","Throttles"'))).toBe(true);
    expect(metrics.some((m) => m.includes('"ApiThrottledRequests"'))).toBe(true);
  });
});
