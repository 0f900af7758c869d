import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchAllRoute, type RouteDef, routes } from '../../lambdas/http/routes';
import { sendTimeoutMs } from '../../lambdas/mail/ses';
import { claimLeaseMs } from '../../lambdas/services/mailer';
import { handlerNeeds } from '../../lib/api';
import { dynamoActions, type RagtimeFunction } from '../../lib/function';
import { jobDefs } from '../../lib/jobs';
import { type BuiltApp, buildApp, logicalId, type Resources } from './helpers';

let built: BuiltApp;
let template: Template;
let resources: Resources;

beforeAll(() => {
  built = buildApp();
  template = built.template();
  resources = template.toJSON().Resources as Resources;
});
afterAll(() => built?.cleanup());

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
/** CDK's BucketDeployment helper (lib/web-app.ts) runs only during deployments: CDK's construct, not ours. */
const isDeployHelper = (id: string) => id.startsWith('CustomCDKBucketDeployment');
const ours = (type: string) => ofType(type).filter(([id]) => !isDeployHelper(id));
const fnId = (fn: RagtimeFunction) => logicalId(built, fn.function);
const roleId = (fn: RagtimeFunction) => logicalId(built, fn.role);
/** Every statement of the policies attached to a role. */
const statementsOf = (role: string) =>
  ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties!.Roles as { Ref: string }[]).some((r) => r.Ref === role))
    .flatMap(
      ([, p]) =>
        p.Properties!.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown; Effect: string }[],
    );
const actionsOf = (role: string) =>
  statementsOf(role).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
/** What reading the table's stream takes (the mailer's trigger alone). */
const streamReads = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];
const allRoutes: readonly RouteDef[] = [...routes, catchAllRoute];
const apiFunctions = () => [...built.stack.api.functions.values()];
const jobFunctions = () => [
  built.stack.jobs.close,
  built.stack.jobs.watchdog,
  built.stack.jobs.reminder,
  built.stack.jobs.mailer,
];

describe('functions', () => {
  it('has one function per distinct handler of the route table, plus the three jobs, the mailer, the document writer and the sign-in trigger', () => {
    const handlers = new Set(allRoutes.map((r) => r.handler));
    expect(new Set(built.stack.api.functions.keys())).toEqual(handlers);
    expect(ours('AWS::Lambda::Function')).toHaveLength(handlers.size + 6);
    expect(built.stack.documents.renderer.handler).toBe('render-document');
    expect(built.stack.people.claimsTrigger.handler).toBe('pre-token-generation');
    expect(jobFunctions().map((f) => f.handler)).toEqual([
      jobDefs.close.handler,
      jobDefs.watchdog.handler,
      jobDefs.reminder.handler,
      jobDefs.mailer.handler,
    ]);
  });

  it('runs every function on Node.js 22, arm64, 512 MB (the document writer 2048), X-Ray, its own log group and source maps', () => {
    const writer = fnId(built.stack.documents.renderer);
    for (const [id, fn] of ours('AWS::Lambda::Function')) {
      const p = fn.Properties!;
      expect(p.Runtime, id).toBe('nodejs22.x');
      expect(p.Architectures, id).toEqual(['arm64']);
      expect(p.MemorySize, id).toBe(id === writer ? 2048 : 512);
      expect(p.Handler, id).toBe('index.handler');
      expect(p.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(p.LoggingConfig.LogGroup, id).toEqual({ Ref: expect.any(String) });
      expect(resources[p.LoggingConfig.LogGroup.Ref]!.Properties!.RetentionInDays, id).toBe(365);
      expect(p.Environment.Variables, id).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'ragtime',
        POWERTOOLS_METRICS_NAMESPACE: 'Ragtime',
      });
    }
  });

  it('gives API handlers 29 s and the close job 5 minutes', () => {
    for (const fn of apiFunctions()) expect(resources[fnId(fn)]!.Properties!.Timeout, fn.handler).toBe(29);
    expect(resources[fnId(built.stack.jobs.close)]!.Properties!.Timeout).toBe(300);
  });

  it('gives each function only the environment it needs', () => {
    for (const fn of [...apiFunctions(), ...jobFunctions()]) {
      const env = resources[fnId(fn)]!.Properties!.Environment.Variables as Record<string, unknown>;
      expect('TABLE_NAME' in env, fn.handler).toBe(fn.tableAccess !== 'none');
      expect('RAGTIME_SETTINGS_DEFAULTS' in env, fn.handler).toBe(fn.tableAccess !== 'none');
      for (const name of ['SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'API_URL'])
        expect(name in env, `${fn.handler} ${name}`).toBe(fn.sendsEmail);
      if (fn.sendsEmail) {
        expect(env.SENDER_EMAIL).toBe('performance@example.gov.uk');
        // The distribution (which serves the API under its own paths, behind AWS WAF), not execute-api.
        expect(env.API_URL).toEqual(built.stack.resolve(built.stack.webApp.origin));
      }
      // The functions that render an email link to the web app's pages (SPEC §12), never to the API.
      const rendersEmail = fn.sendsEmail || fn.handler.startsWith('sign-off-');
      expect('APP_URL' in env, `${fn.handler} APP_URL`).toBe(rendersEmail);
      if (rendersEmail) expect(env.APP_URL).toEqual(built.stack.resolve(built.stack.webApp.url));
    }
    // Only the reminder job and the report (a live one's closeDue) read the close's day and hour (to say when the close is).
    const getReport = built.stack.api.functions.get('get-report');
    for (const fn of [...apiFunctions(), ...jobFunctions()]) {
      const env = resources[fnId(fn)]!.Properties!.Environment.Variables as Record<string, unknown>;
      if (fn === built.stack.jobs.reminder || fn === getReport)
        expect(env, fn.handler).toMatchObject({ CLOSE_DAY: '10', CLOSE_HOUR: '7' });
      else expect('CLOSE_DAY' in env || 'CLOSE_HOUR' in env, fn.handler).toBe(false);
    }
    const close = resources[fnId(built.stack.jobs.close)]!.Properties!.Environment.Variables;
    expect(JSON.parse(close.RAGTIME_SETTINGS_DEFAULTS)).toEqual({
      reportTitle: 'Corporate Improvement Plan',
      planNames: { cip: 'Corporate Improvement Plan' },
      emtRecipients: ['emt@example.gov.uk'],
      directorates: {},
      reminderDays: [5, 1],
      // Sign-off (docs: deploy context signOff, unsignedAtClose): off by default in AWS.
      signOff: 'off',
      unsignedAtClose: 'count-flagged',
    });
  });

  it('does not use the AWS-managed basic execution policy (each role writes its own log group)', () => {
    for (const [id, role] of ours('AWS::IAM::Role')) expect(role.Properties!.ManagedPolicyArns, id).toBeUndefined();
  });
});

describe('IAM least privilege', () => {
  const dynamoActionsOf = (fn: RagtimeFunction) =>
    actionsOf(roleId(fn))
      .filter((a) => a.startsWith('dynamodb:'))
      .sort();

  it('lets only the functions that render documents invoke the document writer, by its ARN alone', () => {
    const writer = built.stack.documents.renderer;
    const callers = new Set([
      ...allRoutes.filter((r) => r.rendersDocuments).map((r) => r.handler),
      built.stack.jobs.mailer.handler,
    ]);
    // The close's Word draft is the mailer's: the close and reissue functions invoke nothing.
    expect(callers).toEqual(
      new Set(['get-report', 'mailer', 'get-definitions', 'import-definitions', 'import-results', 'results-template']),
    );
    for (const fn of [...apiFunctions(), ...jobFunctions(), writer]) {
      const invoke = statementsOf(roleId(fn)).filter((s) => JSON.stringify(s.Action).includes('lambda:'));
      const env = resources[fnId(fn)]!.Properties!.Environment.Variables as Record<string, unknown>;
      if (callers.has(fn.handler)) {
        expect(invoke, fn.handler).toEqual([
          { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: { 'Fn::GetAtt': [fnId(writer), 'Arn'] } },
        ]);
        expect(env.RENDER_DOCUMENT_FUNCTION, fn.handler).toEqual({ Ref: fnId(writer) });
      } else {
        expect(invoke, fn.handler).toEqual([]);
        expect('RENDER_DOCUMENT_FUNCTION' in env, fn.handler).toBe(false);
      }
    }
    // The writer itself reaches no table and sends no email.
    expect(actionsOf(roleId(writer)).filter((a) => /^(dynamodb|ses):/.test(a))).toEqual([]);
  });

  it('grants each function exactly the DynamoDB requests its route-table entry (or job) says it sends', () => {
    for (const fn of [...apiFunctions(), ...jobFunctions()])
      expect(
        dynamoActionsOf(fn).filter((a) => fn !== built.stack.jobs.mailer || !streamReads.includes(a)),
        fn.handler,
      ).toEqual(dynamoActions(fn.tableAccess).sort());
    // The mailer also reads the table's stream (its trigger), and only it.
    expect(dynamoActionsOf(built.stack.jobs.mailer)).toEqual(
      expect.arrayContaining(['dynamodb:GetRecords', 'dynamodb:GetShardIterator']),
    );
    // The store's versioning reads the head (GetItem) and seals versions (PutItem): docs/storage.md.
    expect(dynamoActionsOf(built.stack.api.functions.get('put-result')!)).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
  });

  it('grants Scan to nobody, and DeleteItem, BatchWriteItem or stream reads to no function that does not send them', () => {
    for (const fn of [...apiFunctions(), ...jobFunctions()]) {
      const actions = dynamoActionsOf(fn);
      const never = ['dynamodb:Scan', 'dynamodb:*', ...(fn === built.stack.jobs.mailer ? [] : streamReads)];
      for (const action of never) expect(actions, fn.handler).not.toContain(action);
      for (const unused of ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'])
        expect(actions.includes(unused), `${fn.handler} ${unused}`).toBe(
          dynamoActions(fn.tableAccess).includes(unused),
        );
    }
  });

  it("gives a function that only reads no write action, and a table: 'none' function no DynamoDB access at all", () => {
    const readers = [...apiFunctions(), ...jobFunctions()].filter(
      (f) => f.tableAccess !== 'none' && (f.tableAccess.write ?? []).length === 0,
    );
    expect(readers.map((f) => f.handler)).toContain('get-report');
    for (const fn of readers)
      expect(
        dynamoActionsOf(fn).filter((a) => /Put|Update|Delete|Write/.test(a)),
        fn.handler,
      ).toEqual([]);
    const none = apiFunctions().filter((f) => f.tableAccess === 'none');
    expect(none.map((f) => f.handler)).toContain('health');
    for (const fn of none) expect(dynamoActionsOf(fn), fn.handler).toEqual([]);
  });

  it('lets only emailing functions send, and only as the identity through the configuration set', () => {
    const identity = logicalId(built, built.stack.email.identity);
    for (const fn of [...apiFunctions(), ...jobFunctions()]) {
      const ses = statementsOf(roleId(fn)).filter((s) => JSON.stringify(s.Action).includes('ses:'));
      if (!fn.sendsEmail) {
        expect(ses, fn.handler).toEqual([]);
        continue;
      }
      expect(ses, fn.handler).toHaveLength(1);
      expect(ses[0]!.Action).toBe('ses:SendRawEmail');
      const resourcesJson = JSON.stringify(ses[0]!.Resource);
      expect(resourcesJson).toContain(`identity/",{"Ref":"${identity}"}`);
      expect(resourcesJson).toContain('configuration-set/');
      expect(resourcesJson).not.toContain('*');
    }
    // The mailer alone sends (docs/architecture.md "The outbox").
    expect([...apiFunctions(), ...jobFunctions()].filter((f) => f.sendsEmail).map((f) => f.handler)).toEqual([
      'mailer',
    ]);
  });

  it('across the whole template, only the mailer may send email, and of the functions that close, email or remind only it may invoke the document writer', () => {
    // Every IAM statement of every policy in the stack (ours, CDK's helpers, inline or not).
    const policies = [
      ...ofType('AWS::IAM::Policy').map(([, p]) => ({
        roles: ((p.Properties!.Roles ?? []) as { Ref: string }[]).map((r) => r.Ref),
        statements: p.Properties!.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
      })),
      ...ofType('AWS::IAM::Role').flatMap(([id, r]) =>
        ((r.Properties!.Policies ?? []) as { PolicyDocument: { Statement: never[] } }[]).map((p) => ({
          roles: [id],
          statements: p.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
        })),
      ),
    ];
    const rolesAllowing = (matches: (action: string, resource: unknown) => boolean) =>
      new Set(
        policies.flatMap((p) =>
          p.statements.some((s) =>
            (Array.isArray(s.Action) ? s.Action : [s.Action]).some((a) => matches(a, s.Resource)),
          )
            ? p.roles
            : [],
        ),
      );
    const sends = rolesAllowing((a) => /^ses:(\*|Send\*|SendRawEmail|SendEmail)$/.test(a));
    expect(sends).toEqual(new Set([roleId(built.stack.jobs.mailer)]));
    const writer = fnId(built.stack.documents.renderer);
    const invokers = rolesAllowing(
      (a, resource) => /^lambda:(\*|Invoke\*|InvokeFunction)$/.test(a) && JSON.stringify(resource).includes(writer),
    );
    const committing = [built.stack.jobs.close, built.stack.jobs.watchdog, built.stack.jobs.reminder]
      .concat(
        ['close-report', 'reissue-report', 'send-close-email', 'close-email'].map(
          (h) => built.stack.api.functions.get(h)!,
        ),
      )
      .map(roleId);
    for (const role of committing) expect(invokers.has(role), role).toBe(false);
    expect(invokers.has(roleId(built.stack.jobs.mailer))).toBe(true);
    // The others that may: the report and definitions downloads, and the results template (docs/documents.md).
    expect([...invokers].sort()).toEqual(
      [
        built.stack.jobs.mailer,
        ...['get-report', 'get-definitions', 'import-definitions', 'import-results', 'results-template'].map(
          (h) => built.stack.api.functions.get(h)!,
        ),
      ]
        .map(roleId)
        .sort(),
    );
    // The stack stays under CloudFormation's 500 resources (one stack, docs/deploy.md).
    expect(Object.keys(resources).length).toBeLessThan(500);
  });

  it('lets API Gateway invoke each API function through one permission, for this API alone', () => {
    const [[apiId]] = ofType('AWS::ApiGatewayV2::Api') as [[string, unknown]];
    const fromApiGateway = ofType('AWS::Lambda::Permission').filter(
      ([, p]) => p.Properties!.Principal === 'apigateway.amazonaws.com',
    );
    for (const fn of apiFunctions()) {
      const mine = fromApiGateway.filter(([, p]) => p.Properties!.FunctionName?.['Fn::GetAtt']?.[0] === fnId(fn));
      expect(mine, fn.handler).toHaveLength(1);
      // arn:…:execute-api:<region>:<account>:<this API's id>/*/*…: no other API may invoke it.
      expect(JSON.stringify(mine[0]![1].Properties!.SourceArn), fn.handler).toContain(`{"Ref":"${apiId}"}`);
    }
    expect(fromApiGateway).toHaveLength(apiFunctions().length);
  });

  it('triggers the mailer from the table stream (only records that became queued) and from SES Send events', () => {
    const mailer = fnId(built.stack.jobs.mailer);
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const mapping = mappings[0]![1] as { Properties: Record<string, unknown> };
    expect(mapping!.Properties).toMatchObject({
      FunctionName: { Ref: mailer },
      StartingPosition: 'LATEST',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 2,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(built, built.stack.jobs.deadLetterQueue), 'Arn'] } },
      },
    });
    const filters = (mapping!.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters.map((f) =>
      JSON.parse(f.Pattern),
    );
    // A queued record, or a close's commit whose email is still a seed (one record per message).
    expect(filters).toEqual([
      { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { mailState: { S: ['queued'] } } } },
      { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { outboxSeq: { N: [{ exists: true }] } } } },
    ]);
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        MatchingEventTypes: ['send'],
        SnsDestination: { TopicARN: { Ref: logicalId(built, built.stack.jobs.sentTopic) } },
      }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: logicalId(built, built.stack.jobs.sentTopic) },
      Endpoint: { 'Fn::GetAtt': [mailer, 'Arn'] },
    });
    // Its lease (5 min) outlives its timeout, which outlives one send (20 s).
    expect(resources[mailer]!.Properties!.Timeout * 1000).toBeLessThan(claimLeaseMs);
    expect(resources[mailer]!.Properties!.Timeout * 1000).toBeGreaterThan(sendTimeoutMs * 2);
  });
});

describe('HTTP API', () => {
  const routeByKey = () =>
    new Map(ofType('AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties!.RouteKey as string, r.Properties!]));

  it('has a route per route-table entry, to its handler function', () => {
    const byKey = routeByKey();
    expect(byKey.size).toBe(allRoutes.length);
    for (const route of allRoutes) {
      const key = route === catchAllRoute ? '$default' : `${route.method} ${route.path}`;
      const r = byKey.get(key);
      expect(r, key).toBeDefined();
      const integrationId = (r!.Target['Fn::Join'][1] as unknown[])[1] as { Ref: string };
      const uri = resources[integrationId.Ref]!.Properties!.IntegrationUri;
      expect(uri, key).toEqual({ 'Fn::GetAtt': [fnId(built.stack.api.functions.get(route.handler)!), 'Arn'] });
    }
  });

  it('puts the JWT authorizer on every non-public route and none on public ones', () => {
    const byKey = routeByKey();
    const [[authorizerId, authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer') as [[string, Resources[string]]];
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [
          { Ref: logicalId(built, built.stack.identity.client) },
          { Ref: logicalId(built, built.stack.webApp.client) },
        ],
      },
    });
    expect(JSON.stringify(authorizer.Properties!.JwtConfiguration.Issuer)).toContain('https://cognito-idp.');
    for (const route of allRoutes) {
      const r = byKey.get(route === catchAllRoute ? '$default' : `${route.method} ${route.path}`)!;
      if (route.access === 'public') {
        expect(r.AuthorizationType, route.path).toBe('NONE');
        expect(r.AuthorizerId, route.path).toBeUndefined();
      } else {
        expect(r.AuthorizationType, route.path).toBe('JWT');
        expect(r.AuthorizerId, route.path).toEqual({ Ref: authorizerId });
      }
    }
    expect(byKey.get('GET /health')!.AuthorizationType).toBe('NONE');
  });

  it('sends $default (unknown routes) to the public not-found handler', () => {
    const r = routeByKey().get('$default');
    expect(r).toBeDefined();
    expect(r!.AuthorizationType).toBe('NONE');
    expect(built.stack.api.functions.get('not-found')).toBeDefined();
  });

  it('throttles the default stage and writes JSON access logs to a log group with retention', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resources[string]]];
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    const { DestinationArn, Format } = stage.Properties!.AccessLogSettings;
    expect(resources[DestinationArn['Fn::GetAtt'][0]]!).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 365 },
    });
    expect(JSON.parse(Format)).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
      routeKey: '$context.routeKey',
    });
  });

  it('has no CORS unless origins are configured', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });

  it('shares one function between routes that share a handler, with every request any of them sends', () => {
    const shared: RouteDef[] = [
      {
        method: 'GET',
        path: '/a',
        handler: 'health',
        access: 'public',
        table: 'none',
        summary: 'a',
        responses: {},
        errors: [],
      } as unknown as RouteDef,
      {
        method: 'GET',
        path: '/b',
        handler: 'health',
        access: 'signed-in',
        table: { read: ['Query'] },
        summary: 'b',
        responses: {},
        errors: [],
      } as unknown as RouteDef,
      {
        method: 'PUT',
        path: '/d',
        handler: 'get-report',
        access: ['admin'],
        table: { read: ['BatchGetItem', 'Query'], write: ['PutItem'] },
        summary: 'd',
        responses: {},
        errors: [],
      } as unknown as RouteDef,
      {
        method: 'POST',
        path: '/c',
        handler: 'get-report',
        access: ['admin'],
        table: { read: ['Query', 'GetItem'] },
        sendsEmail: true,
        summary: 'c',
        responses: {},
        errors: [],
      } as unknown as RouteDef,
    ];
    expect(
      handlerNeeds([...shared, catchAllRoute]).map(({ handler, table, sendsEmail, routes: r }) => ({
        handler,
        table,
        sendsEmail,
        n: r.length,
      })),
    ).toEqual([
      { handler: 'health', table: { read: ['Query'] }, sendsEmail: false, n: 2 },
      {
        handler: 'get-report',
        table: { read: ['GetItem', 'BatchGetItem', 'Query'], write: ['PutItem'] },
        sendsEmail: true,
        n: 2,
      },
      { handler: 'not-found', table: 'none', sendsEmail: false, n: 1 },
    ]);
  });
});

describe('data', () => {
  it('has the key schema of lambdas/store/table.ts, on demand, PITR, deletion protection, retained, AWS-managed encryption', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        // SSEEnabled without a key: the AWS-managed aws/dynamodb KMS key.
        SSESpecification: { SSEEnabled: true },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'S' },
        ]),
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
    });
    expect(ofType('AWS::DynamoDB::Table')).toHaveLength(1);
  });
});

describe('identity', () => {
  it('has the four role groups, custom:directorate, MFA, no self sign-up and a secretless API client', () => {
    expect(
      ofType('AWS::Cognito::UserPoolGroup')
        .map(([, g]) => g.Properties!.GroupName)
        .sort(),
    ).toEqual(['admin', 'approver', 'emt', 'officer']);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'directorate', AttributeDataType: 'String', Mutable: true })]),
      Policies: {
        PasswordPolicy: Match.objectLike({ RequireSymbols: true, RequireUppercase: true, RequireNumbers: true }),
      },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
      // Users cannot rewrite their own custom:directorate.
      WriteAttributes: Match.arrayEquals(['email', 'name']),
    });
  });
});

describe('scheduled jobs', () => {
  const schedules = () => ofType('AWS::Scheduler::Schedule').map(([, s]) => s.Properties!);
  const byExpression = () => new Map(schedules().map((s) => [s.ScheduleExpression as string, s]));
  const queueId = () => logicalId(built, built.stack.jobs.deadLetterQueue);

  it('closes at 07:00 on the 10th of Jan, Apr, Jul and Oct, watches at 08:00, reminds 5 and 1 days before, in Europe/London', () => {
    const s = byExpression();
    expect([...s.keys()].sort()).toEqual([
      'cron(0 7 10 1,4,7,10 ? *)',
      'cron(0 7 5 1,4,7,10 ? *)',
      'cron(0 7 9 1,4,7,10 ? *)',
      'cron(0 8 10 1,4,7,10 ? *)',
      'rate(5 minutes)',
    ]);
    for (const schedule of schedules())
      if (schedule.ScheduleExpression.startsWith('cron'))
        expect(schedule.ScheduleExpressionTimezone).toBe('Europe/London');
    // The outbox sweep: the watchdog every 5 minutes.
    expect(s.get('rate(5 minutes)')!.Target.Arn).toEqual({ 'Fn::GetAtt': [fnId(built.stack.jobs.watchdog), 'Arn'] });
    expect(JSON.parse(s.get('rate(5 minutes)')!.Target.Input)).toEqual({ sweep: true });
    const target = (expr: string) => s.get(expr)!.Target;
    expect(target('cron(0 7 10 1,4,7,10 ? *)').Arn).toEqual({ 'Fn::GetAtt': [fnId(built.stack.jobs.close), 'Arn'] });
    expect(JSON.parse(target('cron(0 7 10 1,4,7,10 ? *)').Input)).toEqual({});
    expect(target('cron(0 8 10 1,4,7,10 ? *)').Arn).toEqual({ 'Fn::GetAtt': [fnId(built.stack.jobs.watchdog), 'Arn'] });
    expect(target('cron(0 7 5 1,4,7,10 ? *)').Arn).toEqual({ 'Fn::GetAtt': [fnId(built.stack.jobs.reminder), 'Arn'] });
    expect(JSON.parse(target('cron(0 7 5 1,4,7,10 ? *)').Input)).toEqual({ daysBeforeClose: 5 });
    expect(JSON.parse(target('cron(0 7 9 1,4,7,10 ? *)').Input)).toEqual({ daysBeforeClose: 1 });
  });

  it('follows closeDay, closeHour and reminderDays from context', () => {
    const other = buildApp({ closeDay: '15', closeHour: '6', reminderDays: '10,3,1' });
    try {
      const expressions = other.template().findResources('AWS::Scheduler::Schedule');
      const exprs = Object.values(expressions).map((r) => [r.Properties.ScheduleExpression, r.Properties.Target.Input]);
      expect(exprs.sort()).toEqual(
        [
          ['cron(0 6 15 1,4,7,10 ? *)', '{}'],
          ['cron(0 7 15 1,4,7,10 ? *)', '{}'],
          ['cron(0 6 5 1,4,7,10 ? *)', '{"daysBeforeClose":10}'],
          ['cron(0 6 12 1,4,7,10 ? *)', '{"daysBeforeClose":3}'],
          ['cron(0 6 14 1,4,7,10 ? *)', '{"daysBeforeClose":1}'],
          ['rate(5 minutes)', '{"sweep":true}'],
        ].sort(),
      );
    } finally {
      other.cleanup();
    }
  });

  it('retries each schedule (3 attempts, 1 hour) and dead-letters to the encrypted, SSL-only queue', () => {
    for (const schedule of schedules()) {
      expect(schedule.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 });
      expect(schedule.Target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queueId(), 'Arn'] } });
    }
    expect(resources[queueId()]!.Properties).toMatchObject({ SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId() }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('dead-letters a job that throws on every Lambda retry (the Scheduler invokes asynchronously)', () => {
    for (const fn of jobFunctions()) {
      const id = fnId(fn);
      expect(resources[id]!.Properties!.DeadLetterConfig, fn.handler).toEqual({
        TargetArn: { 'Fn::GetAtt': [queueId(), 'Arn'] },
      });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id },
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 3600,
      });
    }
  });

  it('lets each scheduler role invoke only its job function', () => {
    const roleIds = new Set(
      schedules().map((s) => (s.Target.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]),
    );
    expect(roleIds.size).toBe(3);
    for (const role of roleIds) {
      expect(resources[role]!.Properties!.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({
        Service: 'scheduler.amazonaws.com',
      });
      const invoke = statementsOf(role).filter((s) => s.Action === 'lambda:InvokeFunction');
      expect(invoke).toHaveLength(1);
    }
  });
});

describe('alarms', () => {
  const topicId = () => logicalId(built, built.stack.alarms.topic);
  const alarms = () => ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);

  it('sends every alarm to the topic', () => {
    expect(alarms().length).toBeGreaterThan(0);
    for (const alarm of alarms()) expect(alarm.AlarmActions, alarm.AlarmName).toEqual([{ Ref: topicId() }]);
  });

  it('watches every function for Errors and Throttles', () => {
    for (const [id] of ours('AWS::Lambda::Function')) {
      for (const metric of ['Errors', 'Throttles']) {
        const found = alarms().filter(
          (a) =>
            a.MetricName === metric &&
            a.Namespace === 'AWS/Lambda' &&
            a.Dimensions[0].Value.Ref === id &&
            a.Threshold === 1,
        );
        expect(found, `${id} ${metric}`).toHaveLength(1);
        expect(found[0]!.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
      }
    }
  });

  it("alarms on the watchdog's errors as a quarter that is not closed", () => {
    const watchdog = alarms().find(
      (a) => a.MetricName === 'Errors' && a.Dimensions[0].Value.Ref === fnId(built.stack.jobs.watchdog),
    );
    expect(watchdog!.AlarmDescription).toMatch(/QUARTER NOT CLOSED/);
  });

  it('alarms on API 5xx answers (handlers turn unexpected errors into 500 responses, not Lambda errors)', () => {
    const api = alarms().filter((a) => a.Namespace === 'AWS/ApiGateway' && a.MetricName === '5xx');
    expect(api).toHaveLength(1);
    expect(api[0]).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: logicalId(built, built.stack.api.api) } }],
    });
  });

  it('alarms when the dead-letter queue holds a message', () => {
    const depth = alarms().filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(depth).toHaveLength(1);
    expect(depth[0]).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [logicalId(built, built.stack.jobs.deadLetterQueue), 'QueueName'] },
        },
      ],
    });
  });

  it('encrypts the topic with a rotating key CloudWatch and SES may use, and requires SSL', () => {
    const keyId = logicalId(built, built.stack.alarms.key);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
          Match.objectLike({
            Principal: { Service: 'ses.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    // The one subscription: the mailer, to SES's Send events (no alarm email without alarmEmail).
    expect(ofType('AWS::SNS::Subscription').map(([, sub]) => sub.Properties!.Protocol)).toEqual(['lambda']);
  });
});

describe('SES', () => {
  it('verifies the sender and sends bounces, complaints and rejects to the alarm topic', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'performance@example.gov.uk',
      ConfigurationSetAttributes: {
        ConfigurationSetName: { Ref: logicalId(built, built.stack.email.configurationSet) },
      },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: logicalId(built, built.stack.email.configurationSet) },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(['bounce', 'complaint', 'reject']),
        SnsDestination: { TopicARN: { Ref: logicalId(built, built.stack.alarms.topic) } },
      },
    });
  });
});

describe('deployability', () => {
  it('has no circular dependency between resources (e.g. functions that put the API URL in emails)', () => {
    const ids = new Set(Object.keys(resources));
    const refsIn = (value: unknown, out: Set<string>): Set<string> => {
      if (Array.isArray(value)) {
        for (const v of value) refsIn(v, out);
      } else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (key === 'Ref' && typeof v === 'string' && ids.has(v)) out.add(v);
          else if (key === 'Fn::GetAtt' && Array.isArray(v) && ids.has(v[0])) out.add(v[0]);
          else if (key === 'Fn::Sub') {
            const text = Array.isArray(v) ? v[0] : v;
            for (const m of String(text).matchAll(/\$\{([A-Za-z0-9]+)/g)) if (ids.has(m[1]!)) out.add(m[1]!);
            if (Array.isArray(v)) refsIn(v[1], out);
          } else refsIn(v, out);
        }
      }
      return out;
    };
    const deps = new Map(
      Object.entries(resources).map(([id, r]) => {
        const out = refsIn(r.Properties ?? {}, new Set<string>());
        for (const d of [r.DependsOn ?? []].flat() as string[]) out.add(d);
        return [id, out];
      }),
    );
    const state = new Map<string, 'visiting' | 'done'>();
    const cycle: string[] = [];
    const visit = (id: string, path: string[]): boolean => {
      if (state.get(id) === 'done') return false;
      if (state.get(id) === 'visiting') {
        cycle.push(...path.slice(path.indexOf(id)), id);
        return true;
      }
      state.set(id, 'visiting');
      for (const d of deps.get(id) ?? []) if (visit(d, [...path, id])) return true;
      state.set(id, 'done');
      return false;
    };
    for (const id of ids) if (visit(id, [])) break;
    expect(cycle).toEqual([]);
  });
});

describe('outputs', () => {
  it('outputs the API URL, user pool, app client, table and alarm topic', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'AlarmTopicArn']),
    );
    expect(outputs.ApiUrl!.Value).toEqual(built.stack.resolve(built.stack.webApp.origin));
  });
});

describe('settings from context', () => {
  it.each(['senderEmail', 'emtRecipients'])('synth fails naming a missing %s', (name) => {
    expect(() => buildApp({ [name]: undefined })).toThrow(new RegExp(`Missing context setting "${name}"`));
  });

  it.each([
    ['senderEmail', 'nobody'],
    ['emtRecipients', 'emt@example.gov.uk;chief'],
    ['directorateContacts', '{not json'],
    ['closeDay', '30'],
    ['reminderDays', '12'],
  ])('synth fails naming a malformed %s', (name, value) => {
    expect(() => buildApp({ [name]: value })).toThrow(new RegExp(`Malformed context setting "${name}"`));
  });

  it('applies optional settings: origins, alarm email, sender domain, throttling, retention, stage', () => {
    const other = buildApp({
      stage: 'test',
      allowedOrigins: 'https://ragtime.example.gov.uk',
      alarmEmail: 'ops@example.gov.uk',
      senderDomain: 'example.gov.uk',
      throttleRate: 5,
      throttleBurst: 10,
      logRetentionDays: 30,
      directorateContacts: { People: { contacts: ['p@example.gov.uk'], heads: ['h@example.gov.uk'] } },
    });
    try {
      expect(other.stack.stackName).toBe('Ragtime-test');
      const t = other.template();
      t.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://ragtime.example.gov.uk'] }),
      });
      t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.gov.uk' });
      t.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'example.gov.uk' });
      t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
      });
      for (const [, lg] of Object.entries(t.findResources('AWS::Logs::LogGroup')))
        expect(lg.Properties.RetentionInDays).toBe(30);
      const outputs = Object.keys(t.toJSON().Outputs);
      expect(outputs).toEqual(expect.arrayContaining(['DkimRecord1', 'DkimRecord2', 'DkimRecord3']));
      const env = Object.values(t.findResources('AWS::Lambda::Function')).find(
        (f) => f.Properties.Environment.Variables.RAGTIME_SETTINGS_DEFAULTS,
      );
      expect(JSON.parse(env!.Properties.Environment.Variables.RAGTIME_SETTINGS_DEFAULTS).directorates).toEqual({
        People: { contacts: ['p@example.gov.uk'], heads: ['h@example.gov.uk'] },
      });
    } finally {
      other.cleanup();
    }
  });

  it('points every function at an existing (restored) table when existingTableName is set', () => {
    const other = buildApp({
      existingTableName: 'ragtime-restored',
      existingTableStreamArn:
        'arn:aws:dynamodb:eu-west-2:123456789012:table/ragtime-restored/stream/2026-01-01T00:00:00.000',
    });
    try {
      const t = other.template();
      t.resourceCountIs('AWS::DynamoDB::Table', 0);
      const close = other.stack.jobs.close;
      const env = t.toJSON().Resources[logicalId(other, close.function)].Properties.Environment.Variables;
      expect(env.TABLE_NAME).toBe('ragtime-restored');
      expect(JSON.stringify(t.toJSON().Outputs.TableName.Value)).toContain('ragtime-restored');
    } finally {
      other.cleanup();
    }
  });
});
