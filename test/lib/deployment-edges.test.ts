// The edges of the deployment (issue #23, SPEC §9 "Second review"): AWS WAF on the
// distribution, the execute-api endpoint off when CloudFront reaches the API at its own
// domain, clients and email links on the distribution, the sign-in trigger confined to
// the people items, and a federated email counted only when the provider verified it.
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../../lib/settings';
import { cloudFrontWafRegion, countedCommonRules, rateRuleName } from '../../lib/waf';
import { buildApp, logicalId, oidcContext, type Resources, requiredContext } from './helpers';

const built = buildApp();
const resources = built.template().toJSON().Resources as Resources;
const waf = Template.fromStack(built.wafStack);
afterAll(() => built.cleanup());

const ofType = (of: Resources, type: string) => Object.values(of).filter((r) => r.Type === type);
const read = (context: Record<string, unknown>) => (key: string) => ({ ...requiredContext, ...context })[key];
interface WafRule {
  Name: string;
  Priority: number;
  Action?: unknown;
  OverrideAction?: unknown;
  Statement: { ManagedRuleGroupStatement?: { RuleActionOverrides?: unknown } };
}
const webAclRules = (template: Template) =>
  ofType(template.toJSON().Resources as Resources, 'AWS::WAFv2::WebACL')[0]!.Properties!.Rules as WafRule[];

describe('AWS WAF on the distribution', () => {
  it('is a CLOUDFRONT web ACL in a stack of its own in us-east-1, whatever the main stack region', () => {
    expect(built.wafStack.region).toBe(cloudFrontWafRegion);
    expect(built.stack.region).toBe('eu-west-2');
    waf.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    // The main stack deploys after it (cdk deploy --all orders them).
    expect(built.stack.dependencies).toContain(built.wafStack);
  });

  it("is the distribution's web ACL, read from the WAF stack by Fn::GetStackOutput (no custom resource)", () => {
    const [distribution] = ofType(resources, 'AWS::CloudFront::Distribution');
    const webAclId = distribution!.Properties!.DistributionConfig.WebACLId;
    expect(webAclId['Fn::GetStackOutput']).toMatchObject({ StackName: 'Ragtime-prod-waf', Region: 'us-east-1' });
    const outputs = waf.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs[webAclId['Fn::GetStackOutput'].OutputName]!.Value).toEqual({
      'Fn::GetAtt': [built.wafStack.resolve(built.wafStack.webAcl.logicalId), 'Arn'],
    });
    expect(ofType(resources, 'Custom::CrossRegionExportReader')).toEqual([]);
  });

  it('blocks an IP over the rate first (429 with Retry-After), then runs the AWS managed common rules', () => {
    const [rate, common] = webAclRules(waf);
    expect(rate).toMatchObject({
      Name: rateRuleName,
      Priority: 0,
      Statement: { RateBasedStatement: { Limit: 3000, EvaluationWindowSec: 300, AggregateKeyType: 'IP' } },
      Action: {
        Block: {
          CustomResponse: {
            ResponseCode: 429,
            ResponseHeaders: [{ Name: 'retry-after', Value: '300' }],
          },
        },
      },
    });
    expect(common).toMatchObject({
      Name: 'AWSManagedRulesCommonRuleSet',
      Priority: 1,
      OverrideAction: { None: {} },
      Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
    });
  });

  it('only counts the body-size rule, which would block the 256 KB uploads and long commentary', () => {
    const [, common] = webAclRules(waf);
    expect(common!.Statement.ManagedRuleGroupStatement?.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
    expect(Object.keys(countedCommonRules)).toEqual(['SizeRestrictions_BODY']);
  });

  it('takes the rate limit and its window from context, and refuses values WAF would not take', () => {
    const settings = parseSettings(read({ wafRateLimit: '500', wafRateWindowSeconds: 60 }));
    expect(settings).toMatchObject({ wafRateLimit: 500, wafRateWindowSeconds: 60 });
    expect(parseSettings(read({}))).toMatchObject({ wafRateLimit: 3000, wafRateWindowSeconds: 300 });
    expect(() => parseSettings(read({ wafRateLimit: 9 }))).toThrow(/"wafRateLimit"/);
    expect(() => parseSettings(read({ wafRateLimit: 'many' }))).toThrow(/"wafRateLimit"/);
    expect(() => parseSettings(read({ wafRateWindowSeconds: 180 }))).toThrow(
      /"wafRateWindowSeconds".*60, 120, 300, 600/,
    );
  });
});

describe('the API reached through CloudFront', () => {
  const origin = () => built.stack.resolve(built.stack.webApp.origin);

  it("puts the distribution's address, not execute-api, in every emailing function's links and in ApiUrl", () => {
    const emailing = built.stack.functions.filter((fn) => fn.sendsEmail);
    expect(emailing.length).toBeGreaterThan(0);
    for (const fn of emailing) {
      const env = resources[logicalId(built, fn.function)]!.Properties!.Environment.Variables;
      expect(env.API_URL, fn.handler).toEqual(origin());
      expect(JSON.stringify(env.API_URL)).not.toContain('execute-api');
    }
    expect((built.template().toJSON().Outputs as Record<string, { Value: unknown }>).ApiUrl!.Value).toEqual(origin());
  });

  it('without apiDomainName: CloudFront reaches the API at execute-api, which must then stay on', () => {
    const [api] = ofType(resources, 'AWS::ApiGatewayV2::Api');
    expect(api!.Properties!.DisableExecuteApiEndpoint).toBe(false);
    expect(ofType(resources, 'AWS::ApiGatewayV2::DomainName')).toEqual([]);
  });

  describe('with apiDomainName and apiCertificateArn', () => {
    const certificateArn = 'arn:aws:acm:eu-west-2:123456789012:certificate/abcd-1234';
    const custom = buildApp({ apiDomainName: 'API.ragtime.example.gov.uk', apiCertificateArn: certificateArn });
    const customResources = custom.template().toJSON().Resources as Resources;
    afterAll(() => custom.cleanup());

    it('disables the execute-api endpoint and serves the $default stage at the custom domain (TLS 1.2)', () => {
      const [api] = ofType(customResources, 'AWS::ApiGatewayV2::Api');
      expect(api!.Properties!.DisableExecuteApiEndpoint).toBe(true);
      const [domain] = ofType(customResources, 'AWS::ApiGatewayV2::DomainName');
      expect(domain!.Properties).toMatchObject({
        DomainName: 'api.ragtime.example.gov.uk',
        DomainNameConfigurations: [
          { CertificateArn: certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
        ],
      });
      const [mapping] = ofType(customResources, 'AWS::ApiGatewayV2::ApiMapping');
      expect(mapping!.Properties).toMatchObject({
        ApiId: { Ref: logicalId(custom, custom.stack.api.api) },
        Stage: '$default',
      });
      // Created after the stage it names.
      expect(mapping!.DependsOn).toContain(logicalId(custom, custom.stack.api.stage));
    });

    it("is CloudFront's API origin (HTTPS only), with every API behaviour uncached, all methods, Authorization forwarded", () => {
      const [distribution] = ofType(customResources, 'AWS::CloudFront::Distribution');
      const config = distribution!.Properties!.DistributionConfig;
      const apiOrigin = config.Origins.find(
        (o: { DomainName: unknown }) => o.DomainName === 'api.ragtime.example.gov.uk',
      );
      expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
      const apiBehaviours = config.CacheBehaviors.filter(
        (b: { TargetOriginId: string }) => b.TargetOriginId === apiOrigin.Id,
      );
      expect(apiBehaviours.map((b: { PathPattern: string }) => b.PathPattern)).toEqual(
        expect.arrayContaining(['/me', '/measures/*', '/reports/*', '/health']),
      );
      for (const behaviour of apiBehaviours) {
        expect(behaviour.AllowedMethods).toHaveLength(7);
        // Managed-CachingDisabled and Managed-AllViewerExceptHostHeader (Authorization reaches the API).
        expect(behaviour.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
        expect(behaviour.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
      }
      expect(JSON.stringify(config.Origins)).not.toContain('execute-api');
    });

    it('outputs the DNS record to add for the custom domain', () => {
      const outputs = custom.template().toJSON().Outputs as Record<string, { Value: unknown }>;
      expect(JSON.stringify(outputs.ApiDomainTarget!.Value)).toContain('api.ragtime.example.gov.uk CNAME ');
    });

    it('stays cdk-nag clean', () => {
      expect(new AwsSolutionsChecks(custom.app).validateScope(custom.app).violations).toEqual([]);
    });
  });

  it('refuses half a custom domain, and a certificate outside the stack region', () => {
    expect(() => parseSettings(read({ apiDomainName: 'api.example.gov.uk' }))).toThrow(/"apiCertificateArn"/);
    expect(() =>
      parseSettings(
        read({
          apiDomainName: 'api.example.gov.uk',
          apiCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abcd',
        }),
      ),
    ).toThrow(/"apiCertificateArn": not in the stack's region eu-west-2/);
  });
});

describe('the sign-in trigger', () => {
  it('may GetItem only items whose partition key is PEOPLE, on the table alone (no index)', () => {
    const trigger = built.stack.people.claimsTrigger;
    const roleId = logicalId(built, trigger.role);
    const statements = ofType(resources, 'AWS::IAM::Policy')
      .filter((p) => p.Properties!.Roles.some((role: { Ref: string }) => role.Ref === roleId))
      .flatMap((p) => p.Properties!.PolicyDocument.Statement)
      .filter((s: { Action: string | string[] }) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: { 'Fn::GetAtt': [logicalId(built, built.stack.data.table), 'Arn'] },
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['PEOPLE'] } },
      },
    ]);
  });
});

describe('federated email verification', () => {
  const oidc = oidcContext;
  const saml = {
    samlMetadataUrl: 'https://login.microsoftonline.com/t/federationmetadata/2007-06/federationmetadata.xml',
  };

  it('maps the provider claim that says the email is verified to email_verified (OIDC default email_verified)', () => {
    expect(parseSettings(read(oidc)).federation?.emailVerifiedClaim).toBe('email_verified');
    const entra = buildApp({ ...oidc, federationEmailVerifiedClaim: 'xms_edov' });
    try {
      entra.template().hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
        ProviderType: 'OIDC',
        AttributeMapping: { email: 'email', email_verified: 'xms_edov' },
      });
    } finally {
      entra.cleanup();
    }
  });

  it('needs the claim named for SAML (it has no standard one), and refuses it without federation', () => {
    expect(() => parseSettings(read(saml))).toThrow(/Missing context setting "federationEmailVerifiedClaim"/);
    expect(
      parseSettings(read({ ...saml, federationEmailVerifiedClaim: 'http://example/verified' })).federation,
    ).toMatchObject({
      kind: 'saml',
      emailVerifiedClaim: 'http://example/verified',
    });
    expect(() => parseSettings(read({ federationEmailVerifiedClaim: 'email_verified' }))).toThrow(
      /"federationEmailVerifiedClaim": given without federation/,
    );
  });
});
