// The security baseline of docs/deploy.md (what a council's security review asks),
// checked on the synthesised template.
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

describe('region', () => {
  let regional: BuiltApp;
  const before = process.env.CDK_DEFAULT_REGION;
  beforeAll(() => {
    // Whatever the deployer's shell says, the stack goes to London unless context says otherwise.
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    regional = buildApp();
  });
  afterAll(() => {
    regional?.cleanup();
    if (before === undefined) delete process.env.CDK_DEFAULT_REGION;
    else process.env.CDK_DEFAULT_REGION = before;
  });

  it("is eu-west-2 by default, not the shell's CDK_DEFAULT_REGION", () => {
    expect(regional.stack.region).toBe('eu-west-2');
    const template = JSON.stringify(regional.template().toJSON());
    expect(template.includes('https://cognito-idp.eu-west-2.')).toBe(true);
    expect(template.includes(':execute-api:eu-west-2:')).toBe(true);
    // us-east-1 only where CloudFront needs it: the web ACL's own stack, read by Fn::GetStackOutput.
    const [, webAclRead, ...more] = template.split('"Region":"us-east-1"');
    expect(webAclRead).toBeDefined();
    expect(more).toEqual([]);
    expect(template.replace('"Region":"us-east-1"', '').includes('us-east-1')).toBe(false);
  });

  it('follows context region', () => {
    const other = buildApp({ region: 'eu-west-1' });
    try {
      expect(other.stack.region).toBe('eu-west-1');
      expect(JSON.stringify(other.template().toJSON()).includes('https://cognito-idp.eu-west-1.')).toBe(true);
    } finally {
      other.cleanup();
    }
  });
});

describe('KMS', () => {
  it('lets the CloudWatch and SES service principals use the alarm key only for this account', () => {
    const [[, key]] = ofType('AWS::KMS::Key') as [[string, Resources[string]]];
    const statements = key.Properties!.KeyPolicy.Statement as {
      Principal?: { Service?: string };
      Condition?: unknown;
    }[];
    const services = statements.filter((s) => s.Principal?.Service !== undefined);
    expect(services.map((s) => s.Principal!.Service).sort()).toEqual(['cloudwatch.amazonaws.com', 'ses.amazonaws.com']);
    for (const statement of services)
      expect(statement.Condition, statement.Principal!.Service).toEqual({
        StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
      });
  });
});

describe('anonymous traffic cannot starve staff or the close', () => {
  const publicKeys = ['GET /health', 'GET /openapi.json', '$default'];

  it('gives each public route its own low throttle on the stage, and no other route one', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resources[string]]];
    const settings = stage.Properties!.RouteSettings as Record<string, Record<string, number>>;
    expect(Object.keys(settings).sort()).toEqual([...publicKeys].sort());
    for (const key of publicKeys)
      expect(settings[key], key).toEqual({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
    expect(stage.Properties!.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
  });

  it('creates the stage after the public routes its settings name (CloudFormation refuses an unknown route key)', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resources[string]]];
    const routeIds = ofType('AWS::ApiGatewayV2::Route')
      .filter(([, r]) => publicKeys.includes(r.Properties!.RouteKey))
      .map(([id]) => id);
    expect(routeIds).toHaveLength(3);
    expect(stage.DependsOn).toEqual(expect.arrayContaining(routeIds));
  });

  it('keeps public throttles at or under a lower stage throttle', () => {
    const low = buildApp({ throttleRate: 2, throttleBurst: 4 });
    try {
      const [stage] = Object.values(low.template().findResources('AWS::ApiGatewayV2::Stage'));
      expect(stage!.Properties.RouteSettings['GET /health']).toEqual({
        ThrottlingRateLimit: 2,
        ThrottlingBurstLimit: 4,
      });
    } finally {
      low.cleanup();
    }
  });

  it('reserves concurrency for the close, watchdog, reminder and mailer jobs, and only for them', () => {
    const jobs = built.stack.jobs;
    const reserved = new Map(
      ofType('AWS::Lambda::Function')
        .filter(([, f]) => f.Properties!.ReservedConcurrentExecutions !== undefined)
        .map(([id, f]) => [id, f.Properties!.ReservedConcurrentExecutions as number]),
    );
    const id = (fn: { function: unknown }) => logicalId(built, fn.function);
    expect(reserved).toEqual(
      new Map([
        [id(jobs.close), 2],
        [id(jobs.watchdog), 1],
        [id(jobs.reminder), 2],
        [id(jobs.mailer), 5],
      ]),
    );
  });
});

describe('sign-in', () => {
  it('lets app clients sign in only with SRP (the password never leaves the client) and refresh tokens', () => {
    const clients = ofType('AWS::Cognito::UserPoolClient');
    expect(clients.length).toBeGreaterThan(0);
    for (const [id, client] of clients)
      expect([...client.Properties!.ExplicitAuthFlows].sort(), id).toEqual([
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_USER_SRP_AUTH',
      ]);
  });
});

describe('SES', () => {
  const sesStatements = (app: BuiltApp) => {
    const template = app.template().toJSON().Resources as Resources;
    return Object.values(template)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((p) => p.Properties!.PolicyDocument.Statement as { Action: unknown; Condition?: unknown }[])
      .filter((s) => JSON.stringify(s.Action).includes('ses:'));
  };

  it("lets the functions send only as the sender and only to the sender's domain by default", () => {
    const statements = sesStatements(built);
    expect(statements.length).toBe([...built.stack.functions].filter((f) => f.sendsEmail).length);
    for (const statement of statements)
      expect(statement.Condition).toEqual({
        StringEquals: { 'ses:FromAddress': 'performance@example.gov.uk' },
        'ForAllValues:StringLike': { 'ses:Recipients': ['*@example.gov.uk'] },
      });
  });

  it('follows allowedRecipientDomains', () => {
    const other = buildApp({
      allowedRecipientDomains: 'example.gov.uk,Partner.gov.uk',
      emtRecipients: 'emt@example.gov.uk,chief@partner.gov.uk',
    });
    try {
      for (const statement of sesStatements(other))
        expect(statement.Condition).toMatchObject({
          'ForAllValues:StringLike': { 'ses:Recipients': ['*@example.gov.uk', '*@partner.gov.uk'] },
        });
      const putSettings = other.stack.api.functions.get('put-settings')!;
      const env = (other.template().toJSON().Resources as Resources)[logicalId(other, putSettings.function)]!
        .Properties!.Environment.Variables;
      expect(env.RAGTIME_ALLOWED_RECIPIENT_DOMAINS).toBe('example.gov.uk,partner.gov.uk');
    } finally {
      other.cleanup();
    }
  });

  it('tells the function that checks settings which domains are allowed', () => {
    const putSettings = built.stack.api.functions.get('put-settings')!;
    expect(resources[logicalId(built, putSettings.function)]!.Properties!.Environment.Variables).toMatchObject({
      RAGTIME_ALLOWED_RECIPIENT_DOMAINS: 'example.gov.uk',
    });
  });

  it('requires TLS for every email of the configuration set', () => {
    const [[, set]] = ofType('AWS::SES::ConfigurationSet') as [[string, Resources[string]]];
    expect(set.Properties!.DeliveryOptions).toEqual({ TlsPolicy: 'REQUIRE' });
  });
});
