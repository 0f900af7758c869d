import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/http/routes';
import { apiPathPatterns, deepLinkFunctionCode } from '../../lib/web-app';
import { buildApp, type Resources } from './helpers';

// The web app's hosting in AWS (lib/web-app.ts, docs/web-app.md).
const built = buildApp();
const template = built.template();
const resources = template.toJSON().Resources as Resources;
const ofType = (type: string) => Object.values(resources).filter((r) => r.Type === type);
afterAll(() => built.cleanup());

const distributionConfig = () => ofType('AWS::CloudFront::Distribution')[0]!.Properties!.DistributionConfig;
const resolved = (value: unknown) => JSON.stringify(built.stack.resolve(value));

describe('web app hosting', () => {
  it('keeps the app in a private, encrypted, SSL-only bucket', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3/' }),
    });
  });

  it('serves the bucket through CloudFront with Origin Access Control (no public bucket, no OAI)', () => {
    expect(ofType('AWS::CloudFront::OriginAccessControl')).toHaveLength(1);
    const s3Origins = distributionConfig().Origins.filter((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    expect(s3Origins).toHaveLength(1);
    expect(s3Origins[0].OriginAccessControlId).toBeDefined();
    expect(s3Origins[0].S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(ofType('AWS::CloudFront::CloudFrontOriginAccessIdentity')).toHaveLength(0);
  });

  it('runs the deep-link function on the app behaviour only, never on the API behaviours', () => {
    const config = distributionConfig();
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: expect.anything() },
    ]);
    for (const behaviour of config.CacheBehaviors) expect(behaviour.FunctionAssociations).toBeUndefined();
    // No distribution-wide error pages: they would turn the API's 403/404 problems into HTML.
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('answers index.html for the app’s pages, its own files as themselves, and / with a redirect to /app/', () => {
    const handler = new Function(`${deepLinkFunctionCode}; return handler;`)() as (e: unknown) => {
      uri?: string;
      statusCode?: number;
      headers?: { location: { value: string } };
    };
    const at = (uri: string) => handler({ request: { uri } });
    expect(at('/app/measures/m/results/2017-18-Q4').uri).toBe('/app/index.html');
    expect(at('/app/').uri).toBe('/app/index.html');
    expect(at('/app/assets/main-ABC.js').uri).toBe('/app/assets/main-ABC.js');
    expect(at('/app/config.json').uri).toBe('/app/config.json');
    expect(at('/')).toMatchObject({ statusCode: 302, headers: { location: { value: '/app/' } } });
  });

  it('sends every API path to API Gateway, uncached, with every viewer header but Host (Authorization included)', () => {
    const patterns = apiPathPatterns(routes);
    expect(patterns).toEqual(expect.arrayContaining(['/health', '/openapi.json', '/me', '/returns', '/measures/*']));
    const api = distributionConfig().CacheBehaviors.filter((b: { PathPattern: string }) =>
      patterns.includes(b.PathPattern),
    );
    expect(api.map((b: { PathPattern: string }) => b.PathPattern).sort()).toEqual(patterns);
    for (const behaviour of api) {
      expect(behaviour.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled
      expect(behaviour.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // AllViewerExceptHostHeader
      expect(behaviour.AllowedMethods).toContain('PUT');
      expect(behaviour.ViewerProtocolPolicy).toBe('https-only');
    }
    // Every route of the table is covered by one of them.
    for (const route of routes) {
      const first = route.path.split('/')[1];
      expect(
        patterns.some((p) => p === route.path || p === `/${first}/*`),
        route.path,
      ).toBe(true);
    }
  });

  it('never caches config.json', () => {
    const behaviour = distributionConfig().CacheBehaviors.find(
      (b: { PathPattern: string }) => b.PathPattern === '/app/config.json',
    );
    expect(behaviour.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
  });

  it('sends a strict CSP (no inline script, connect-src only this origin and Cognito), HSTS and no framing', () => {
    const policy = ofType('AWS::CloudFront::ResponseHeadersPolicy')[0]!.Properties!.ResponseHeadersPolicyConfig;
    const csp = resolved(policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/cognito-idp\.eu-west-2\.[^ ]+ https:\/\/ragtime-prod-.*\.auth\.eu-west-2\.amazoncognito\.com;/,
    );
    expect(policy.SecurityHeadersConfig.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
    });
    expect(policy.SecurityHeadersConfig.FrameOptions.FrameOption).toBe('DENY');
    // The app and the API behaviours all send it.
    const config = distributionConfig();
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors])
      expect(behaviour.ResponseHeadersPolicyId).toBeDefined();
  });

  it('gives the app a Cognito client for authorization code with PKCE (no secret), its callback and logout URLs the app URL', () => {
    const client = ofType('AWS::Cognito::UserPoolClient').find((c) => c.Properties!.ClientName === 'ragtime-web')!;
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
      AllowedOAuthScopes: expect.arrayContaining(['openid', 'email']),
    });
    expect(resolved(client.Properties!.CallbackURLs)).toMatch(/"https:\/\/",.*DomainName.*"\/app\/callback"/);
    expect(resolved(client.Properties!.LogoutURLs)).toMatch(/"https:\/\/",.*DomainName.*"\/app\/"/);
  });

  it('turns on Cognito managed login (the newer version, with its default branding)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { UseCognitoProvidedValues: true });
  });

  it('lets the API accept the app’s ID tokens (JWT audience)', () => {
    const authorizer = ofType('AWS::ApiGatewayV2::Authorizer')[0]!;
    expect(authorizer.Properties!.JwtConfiguration.Audience).toHaveLength(2);
    expect(resolved(authorizer.Properties!.JwtConfiguration.Audience)).toContain('UserPoolWebClient');
  });

  it('writes config.json at deploy time (never cached) beside index.html, and the app files cached for a year', () => {
    const deployments = ofType('Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    const prefixes = deployments.map((d) => d.Properties!.DestinationBucketKeyPrefix);
    expect(prefixes).toEqual(['app/', 'app/']);
    const cacheControl = deployments.map((d) => d.Properties!.SystemMetadata['cache-control']).sort();
    expect(cacheControl).toEqual(['no-cache', 'public, max-age=31536000, immutable']);
    const pages = deployments.find((d) => d.Properties!.SystemMetadata['cache-control'] === 'no-cache')!;
    expect(pages.Properties!.DistributionPaths).toEqual(['/app/index.html', '/app/config.json']);
    expect(resolved(pages.Properties!.SourceMarkers)).toContain('UserPoolWebClient');
  });

  it('outputs the app URL', () => {
    template.hasOutput('WebAppUrl', { Value: Match.anyValue() });
    expect(resolved(template.toJSON().Outputs.WebAppUrl.Value)).toMatch(/"https:\/\/",.*"\/app\/"/);
  });
});

describe('web app on a council’s own domain', () => {
  const own = buildApp({
    domainName: 'ragtime.example.gov.uk',
    certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
  });
  afterAll(() => own.cleanup());
  const json = own.template().toJSON().Resources as Resources;

  it('serves that domain with its certificate and TLS 1.2 at least', () => {
    const config = Object.values(json).find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties!
      .DistributionConfig;
    expect(config.Aliases).toEqual(['ragtime.example.gov.uk']);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });

  it('sends Cognito back to that domain', () => {
    const client = Object.values(json).find(
      (r) => r.Type === 'AWS::Cognito::UserPoolClient' && r.Properties!.ClientName === 'ragtime-web',
    )!;
    expect(client.Properties!.CallbackURLs).toEqual(['https://ragtime.example.gov.uk/app/callback']);
    expect(client.Properties!.LogoutURLs).toEqual(['https://ragtime.example.gov.uk/app/']);
  });

  it('refuses a domain without a certificate', () => {
    expect(() => buildApp({ domainName: 'ragtime.example.gov.uk' })).toThrow(/certificateArn/);
  });
});
