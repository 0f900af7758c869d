// The security baseline of docs/deploy.md (what a council's security review asks),
// checked on the synthesised template.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp, type Resources } from './helpers';

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
    expect(template.includes('us-east-1')).toBe(false);
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
