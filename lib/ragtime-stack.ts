// The whole of Ragtime in AWS (docs/deploy.md), composed from one construct per concern.
import { Aws, CfnOutput, CrossStackReferences, Lazy, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { catchAllRoute, type RouteDef, routes } from '../lambdas/http/routes';
import { RagtimeAlarms } from './alarms';
import { handlerNeeds, RagtimeApi } from './api';
import { RagtimeDashboard } from './dashboard';
import { RagtimeData } from './data';
import { RagtimeDocuments } from './documents';
import { RagtimeEmail } from './email';
import { type FunctionShared, functionsIn, type RagtimeFunction } from './function';
import { RagtimeIdentity } from './identity';
import { RagtimeJobs } from './jobs';
import { RagtimePeople } from './people';
import { type RagtimeSettings, scheduleTimes, settingsDefaultsJson } from './settings';
import { RagtimeWebApp } from './web-app';

export interface RagtimeStackProps extends StackProps {
  settings: RagtimeSettings;
  /** Defaults to the route table in lambdas/http/routes.ts (tests may pass another). */
  routes?: readonly RouteDef[];
  catchAllRoute?: RouteDef;
  /** The AWS WAF web ACL for the distribution (lib/waf.ts: a stack of its own in us-east-1). */
  webAclArn: string;
}

export class RagtimeStack extends Stack {
  readonly settings: RagtimeSettings;
  readonly data: RagtimeData;
  readonly identity: RagtimeIdentity;
  readonly alarms: RagtimeAlarms;
  readonly email: RagtimeEmail;
  readonly api: RagtimeApi;
  readonly jobs: RagtimeJobs;
  readonly dashboard: RagtimeDashboard;
  readonly documents: RagtimeDocuments;
  readonly webApp: RagtimeWebApp;
  readonly people: RagtimePeople;

  constructor(scope: Construct, id: string, props: RagtimeStackProps) {
    // Read before any construct is added: the web ACL's ARN (us-east-1) arrives by Fn::GetStackOutput
    // (a weak reference), not by CDK's SSM export writer and reader custom resources.
    super(scope, id, { ...props, crossRegionReferences: true });
    CrossStackReferences.of(this).consume(ReferenceStrength.WEAK);
    const { settings } = props;
    this.settings = settings;

    this.data = new RagtimeData(this, 'Data', {
      existingTableName: settings.existingTableName,
      existingTableStreamArn: settings.existingTableStreamArn,
    });
    this.identity = new RagtimeIdentity(this, 'Identity', { reportTitle: settings.reportTitle });
    this.alarms = new RagtimeAlarms(this, 'Alarms', { alarmEmail: settings.alarmEmail });
    this.email = new RagtimeEmail(this, 'Email', {
      senderEmail: settings.senderEmail,
      senderDomain: settings.senderDomain,
      allowedRecipientDomains: settings.allowedRecipientDomains,
      notificationTopic: this.alarms.topic,
    });

    const shared: FunctionShared = {
      table: this.data.table,
      settingsDefaults: JSON.stringify(settingsDefaultsJson(settings)),
      email: this.email,
      logRetention: settings.logRetentionDays as logs.RetentionDays,
      alarms: this.alarms,
    };

    this.api = new RagtimeApi(this, 'Api', {
      routes: props.routes ?? routes,
      catchAllRoute: props.catchAllRoute ?? catchAllRoute,
      jwtIssuer: this.identity.issuer,
      // The web app's client is made after the API (its callback URL is the distribution, whose
      // origin is the API); the authorizer reads its id lazily.
      jwtAudience: [
        this.identity.client.userPoolClientId,
        Lazy.string({ produce: () => this.webApp.client.userPoolClientId }),
      ],
      shared,
      throttleRate: settings.throttleRate,
      throttleBurst: settings.throttleBurst,
      allowedOrigins: settings.allowedOrigins,
      // Clients and email links use the distribution, which serves the API on the same origin.
      publicUrl: Lazy.string({ produce: () => this.webApp.origin }),
      ...(settings.apiDomainName && settings.apiCertificateArn
        ? { customDomain: { domainName: settings.apiDomainName, certificateArn: settings.apiCertificateArn } }
        : {}),
    });

    this.people = new RagtimePeople(this, 'People', {
      userPool: this.identity.userPool,
      shared,
      firstAdminEmail: settings.firstAdminEmail,
      federation: settings.federation,
    });

    this.webApp = new RagtimeWebApp(this, 'WebApp', {
      apiDomain: this.api.originDomain,
      webAclArn: props.webAclArn,
      routes: props.routes ?? routes,
      userPool: this.identity.userPool,
      issuer: this.identity.issuer,
      authDomainPrefix: settings.authDomainPrefix ?? `ragtime-${settings.stage}-${Aws.ACCOUNT_ID}`,
      domainName: settings.domainName,
      certificateArn: settings.certificateArn,
      councilProvider: this.people.provider,
    });

    this.jobs = new RagtimeJobs(this, 'Jobs', {
      shared,
      apiUrl: this.api.url,
      times: scheduleTimes(settings),
    });

    // The live report says when the scheduled close is due (closeDue; the critical item page shows it).
    const closeTime = scheduleTimes(settings).close;
    this.api.functions
      .get('get-report')
      ?.function.addEnvironment('CLOSE_DAY', String(closeTime.day))
      .addEnvironment('CLOSE_HOUR', String(closeTime.hour));

    // Every link in an email goes to the web app's page, never to the API (SPEC §12): the
    // mailer renders the close's email, the sign-off functions the returned one's.
    this.jobs.mailer.function.addEnvironment('APP_URL', this.webApp.url);
    for (const name of ['sign-off-result', 'sign-off-action-update'])
      this.api.functions.get(name)?.function.addEnvironment('APP_URL', this.webApp.url);

    this.dashboard = new RagtimeDashboard(this, 'Ops', {
      api: this.api,
      jobs: this.jobs,
      apiThrottled: this.api.throttledRequests,
    });

    // The Word and Excel writers: invoked only by the routes that render documents and the mailer (the close email's draft).
    this.documents = new RagtimeDocuments(this, 'Documents', { shared });
    for (const needs of handlerNeeds([...(props.routes ?? routes)])) {
      if (needs.routes.some((r) => r.rendersDocuments)) this.documents.allow(this.api.functions.get(needs.handler)!);
    }
    this.documents.allow(this.jobs.mailer);

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.url,
      description: 'The API, served by the CloudFront distribution under its own paths (behind AWS WAF)',
    });
    if (this.api.domainName) {
      new CfnOutput(this, 'ApiDomainTarget', {
        value: `${settings.apiDomainName} CNAME ${this.api.domainName.regionalDomainName}`,
        description:
          'The DNS record CloudFront needs to reach the API at apiDomainName (the execute-api endpoint is off)',
      });
    }
    new CfnOutput(this, 'UserPoolId', {
      value: this.identity.userPool.userPoolId,
      description: 'Cognito user pool (users, groups)',
    });
    new CfnOutput(this, 'UserPoolClientId', {
      value: this.identity.client.userPoolClientId,
      description: 'App client for SRP sign-in (npm run signin); send its IdToken as the bearer token',
    });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName, description: 'DynamoDB table' });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'SNS topic of every alarm and SES bounce/complaint',
    });
    new CfnOutput(this, 'SesConfigurationSet', {
      value: this.email.configurationSetName,
      description: 'SES configuration set',
    });
    new CfnOutput(this, 'CloseJobFunctionName', {
      value: this.jobs.close.function.functionName,
      description: 'Invoke with {"quarter":"2024-25-Q3"} to rerun a close',
    });
    new CfnOutput(this, 'ReminderJobFunctionName', {
      value: this.jobs.reminder.function.functionName,
      description: 'Invoke with {"daysBeforeClose":1} to rerun a reminder',
    });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      value: this.jobs.deadLetterQueue.queueUrl,
      description: 'Failed scheduled-job events',
    });
    if (settings.senderDomain) {
      this.email.identity.dkimRecords.forEach((record, i) => {
        new CfnOutput(this, `DkimRecord${i + 1}`, {
          value: `${record.name} CNAME ${record.value}`,
          description: `DKIM record ${i + 1} to add to the DNS of ${settings.senderDomain}`,
        });
      });
    }
  }

  /** Every Lambda of the stack (API handlers and jobs). */
  get functions(): RagtimeFunction[] {
    return functionsIn(this);
  }
}

/** `Ragtime-<stage>`: several stages can live in one account. */
export function stackName(settings: Pick<RagtimeSettings, 'stage'>): string {
  return `Ragtime-${settings.stage}`;
}
