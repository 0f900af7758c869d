// The sign-in trigger and the council's identity provider in the synthesised template
// (docs/people.md), with and without federation context, and cdk-nag clean with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { councilProviderName, samlEmailClaim } from '../../lib/people';
import { parseSettings, SettingsError } from '../../lib/settings';
import { buildApp, logicalId, oidcContext, type Resources, requiredContext } from './helpers';

const oidc = oidcContext;
const saml = {
  samlMetadataUrl: 'https://login.microsoftonline.com/tenant/federationmetadata/2007-06/federationmetadata.xml',
  federationEmailVerifiedClaim: 'http://schemas.example.gov.uk/claims/email_verified',
};

function synth(context: Record<string, unknown> = {}) {
  const built = buildApp(context);
  const template = built.template();
  const resources = template.toJSON().Resources as Resources;
  const triggerId = logicalId(built, built.stack.people.claimsTrigger.function);
  const webClient = Object.values(template.findResources('AWS::Cognito::UserPoolClient')).find(
    (c) => c.Properties.ClientName === 'ragtime-web',
  );
  built.cleanup();
  return { template, resources, triggerId, webClient };
}

describe('the pre-token-generation trigger', () => {
  it('is attached to the user pool as a V2_0 trigger', () => {
    const { template, triggerId } = synth();
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [triggerId, 'Arn'] }, LambdaVersion: 'V2_0' },
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [triggerId, 'Arn'] },
    });
  });

  it('may only GetItem on the table', () => {
    const { resources, triggerId } = synth();
    const roleId = resources[triggerId]!.Properties!.Role['Fn::GetAtt'][0];
    const dynamoActions = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((p) => p.Properties!.Roles.some((role: { Ref: string }) => role.Ref === roleId))
      .flatMap((p) => p.Properties!.PolicyDocument.Statement)
      .flatMap((s: { Action: string | string[] }) => [s.Action].flat())
      .filter((a: string) => a.startsWith('dynamodb:'));
    expect(dynamoActions).toEqual(['dynamodb:GetItem']);
  });

  it('knows the first admin from context firstAdminEmail (lower case), and none without it', () => {
    const withFirst = synth({ firstAdminEmail: 'Head.Of.Performance@example.gov.uk' });
    expect(withFirst.resources[withFirst.triggerId]!.Properties!.Environment.Variables.FIRST_ADMIN_EMAIL).toBe(
      'head.of.performance@example.gov.uk',
    );
    const without = synth();
    expect(without.resources[without.triggerId]!.Properties!.Environment.Variables.FIRST_ADMIN_EMAIL).toBeUndefined();
  });
});

describe('federation', () => {
  it('without context: no identity provider, the web client offers the pool users only', () => {
    const { template, webClient } = synth();
    template.resourceCountIs('AWS::Cognito::UserPoolIdentityProvider', 0);
    expect(webClient?.Properties.SupportedIdentityProviders).toEqual(['COGNITO']);
  });

  it('with OIDC context: Entra ID as a provider, the secret resolved from Secrets Manager at deploy, email mapped', () => {
    const { template, webClient } = synth(oidc);
    template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: councilProviderName,
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        client_id: oidc.oidcClientId,
        oidc_issuer: oidc.oidcIssuer,
        authorize_scopes: 'openid email profile',
        client_secret: Match.stringLikeRegexp(
          '^\\{\\{resolve:secretsmanager:ragtime/entra-client-secret:SecretString:::\\}\\}$',
        ),
      }),
      AttributeMapping: { email: 'email', email_verified: 'email_verified' },
    });
    // The provider by reference: CloudFormation creates it before the client that names it.
    expect(webClient?.Properties.SupportedIdentityProviders).toEqual([
      'COGNITO',
      { Ref: expect.stringMatching(/CouncilOidc/) },
    ]);
  });

  it('with SAML context: the metadata URL, email from the SAML email claim', () => {
    const { template, webClient } = synth(saml);
    template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: councilProviderName,
      ProviderType: 'SAML',
      ProviderDetails: Match.objectLike({ MetadataURL: saml.samlMetadataUrl }),
      AttributeMapping: { email: samlEmailClaim, email_verified: saml.federationEmailVerifiedClaim },
    });
    expect(webClient?.Properties.SupportedIdentityProviders).toEqual([
      'COGNITO',
      { Ref: expect.stringMatching(/CouncilSaml/) },
    ]);
  });

  /**
   * config.json as the deployment writes it: the staged file, with each value that is a
   * deploy-time marker replaced by what CloudFormation resolves it from.
   */
  function deployedConfig(context: Record<string, unknown>): Record<string, unknown> {
    const built = buildApp(context);
    try {
      const resources = built.template().toJSON().Resources as Resources;
      const pages = Object.values(resources).find(
        (r) => r.Type === 'Custom::CDKBucketDeployment' && r.Properties!.SystemMetadata['cache-control'] === 'no-cache',
      )!;
      const configKey = (pages.Properties!.SourceObjectKeys as string[])[1]!;
      const markers = (built.stack.resolve(pages.Properties!.SourceMarkers) as Record<string, unknown>[])[1]!;
      const file = join(built.outdir, `asset.${configKey.replace(/\.zip$/, '')}`, 'config.json');
      const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(config).map(([k, v]) => [k, typeof v === 'string' && v in markers ? markers[v] : v]),
      );
    } finally {
      built.cleanup();
    }
  }

  it("config.json names the council's provider (for the app's 'Sign in with your council account') only with federation", () => {
    const without = deployedConfig({});
    expect(without.auth).toBe('cognito');
    expect(without).not.toHaveProperty('councilProvider');
    // By reference, like the app client: the provider exists before config.json names it.
    expect(deployedConfig(oidc).councilProvider).toEqual({ Ref: expect.stringMatching(/CouncilOidc/) });
    expect(deployedConfig(saml).councilProvider).toEqual({ Ref: expect.stringMatching(/CouncilSaml/) });
  });

  it('the trigger is attached with federation too', () => {
    const { template, triggerId } = synth(oidc);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [triggerId, 'Arn'] } } },
    });
  });

  it('refuses half an OIDC configuration, naming the missing setting, and OIDC with SAML', () => {
    const read = (extra: Record<string, unknown>) => (key: string) => ({ ...requiredContext, ...extra })[key];
    expect(() => parseSettings(read({ oidcIssuer: oidc.oidcIssuer, oidcClientId: 'x' }))).toThrow(
      /oidcClientSecretName/,
    );
    expect(() => parseSettings(read({ ...oidc, ...saml }))).toThrow(SettingsError);
    expect(() => parseSettings(read({ ...oidc, oidcIssuer: 'http://insecure.example' }))).toThrow(/oidcIssuer/);
  });

  it('stays cdk-nag clean with OIDC and with SAML', () => {
    for (const context of [oidc, saml]) {
      const built = buildApp(context);
      try {
        expect(() => built.app.synth()).not.toThrow();
        const report = JSON.parse(readFileSync(join(built.outdir, 'validation-report.json'), 'utf8')) as {
          pluginReports: { violations: { ruleName: string }[] }[];
        };
        expect(report.pluginReports.flatMap((r) => r.violations.map((v) => v.ruleName))).toEqual([]);
        expect(new AwsSolutionsChecks(built.app).validateScope(built.app).violations).toEqual([]);
      } finally {
        built.cleanup();
      }
    }
  });
});
