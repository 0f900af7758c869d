// The web app in AWS (docs/web-app.md): a private S3 bucket behind CloudFront with
// Origin Access Control; a CloudFront Function that answers the app's deep links with
// index.html on the app's behaviour only; the API served on the same origin (each of
// its paths a behaviour to API Gateway, so API errors stay JSON and no CORS is needed);
// a strict response headers policy; Cognito managed login with an app client for the
// app (authorization code with PKCE); and config.json written at deploy time.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, CfnOutput, DockerImage, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { RouteDef } from '../lambdas/http/routes';
import { acknowledge } from './nag';

export const appPath = '/app/';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface RagtimeWebAppProps {
  /** The HTTP API, served under the distribution at its own paths. */
  apiDomain: string;
  routes: readonly RouteDef[];
  userPool: cognito.IUserPool;
  /** The OIDC issuer (https://cognito-idp.<region>.amazonaws.com/<pool id>). */
  issuer: string;
  /** The managed login domain's prefix (https://<prefix>.auth.<region>.amazoncognito.com). */
  authDomainPrefix: string;
  /** A council's own domain for the app, with an ACM certificate in us-east-1. */
  domainName?: string;
  certificateArn?: string;
  /** The council's identity provider (lib/people.ts), offered beside the pool's own users. */
  councilProvider?: cognito.IUserPoolIdentityProvider;
  /** The AWS WAF web ACL (lib/waf.ts, us-east-1) on the distribution. */
  webAclArn: string;
}

/**
 * CloudFront path patterns that send the API's routes to API Gateway: `/measures` and
 * `/measures/*` for a first segment with deeper routes, just `/health` for one without.
 */
export function apiPathPatterns(routes: readonly RouteDef[]): string[] {
  const patterns = new Set<string>();
  for (const route of routes) {
    const segments = route.path.split('/').filter(Boolean);
    const first = segments[0];
    if (!first || first.includes('{')) continue;
    if (segments.length === 1) patterns.add(`/${first}`);
    else patterns.add(`/${first}/*`);
  }
  return [...patterns].sort();
}

/** The deep-link function: the app's pages are index.html; its files and config.json are themselves. */
export const deepLinkFunctionCode = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri === '/app') {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '${appPath}' } } };
  }
  if (uri.indexOf('${appPath}assets/') === 0 || uri === '${appPath}config.json') return request;
  request.uri = '${appPath}index.html';
  return request;
}`;

/** Builds the app with the repository's own esbuild and sass (no Docker) into the asset folder. */
function buildInto(outputDir: string): boolean {
  execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'web/build.ts'), outputDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return true;
}

export class RagtimeWebApp extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  readonly headersPolicy: cloudfront.ResponseHeadersPolicy;
  readonly deepLinks: cloudfront.Function;
  /** https://<distribution or domainName> (no trailing slash). */
  readonly origin: string;
  /** The app's address: `${origin}/app/`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: RagtimeWebAppProps) {
    super(scope, id);
    const stack = Stack.of(this);
    if ((props.domainName === undefined) !== (props.certificateArn === undefined))
      throw new Error('Set both domainName and certificateArn (a us-east-1 ACM certificate for it), or neither.');

    const logs = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(logs, 'AwsSolutions-S1', 'This is the access-log bucket itself; logging it to itself would loop.');

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.domain =
      props.userPool instanceof cognito.UserPool
        ? props.userPool.addDomain('ManagedLogin', {
            cognitoDomain: { domainPrefix: props.authDomainPrefix },
            managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
          })
        : new cognito.UserPoolDomain(this, 'ManagedLogin', {
            userPool: props.userPool,
            cognitoDomain: { domainPrefix: props.authDomainPrefix },
            managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
          });
    const cognitoDomainUrl = `https://${props.authDomainPrefix}.auth.${stack.region}.amazoncognito.com`;
    const issuerOrigin = `https://cognito-idp.${stack.region}.${stack.urlSuffix}`;

    this.headersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Ragtime web app: strict CSP (no inline script), HSTS, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            // The API is this origin; Cognito serves the discovery document and JWKS (issuer) and the token endpoint (domain).
            `connect-src 'self' ${issuerOrigin} ${cognitoDomainUrl}`,
            "frame-ancestors 'none'",
            "base-uri 'self'",
            `form-action 'self' ${cognitoDomainUrl}`,
            "object-src 'none'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: false,
          override: true,
        },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    this.deepLinks = new cloudfront.Function(this, 'DeepLinks', {
      comment: 'Ragtime web app: deep links answer index.html (app behaviour only)',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(deepLinkFunctionCode),
    });

    const appOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    const apiOrigin = new origins.HttpOrigin(props.apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });
    const apiBehaviour: cloudfront.BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      // Never cached; every viewer header but Host (API Gateway needs its own) reaches the API, Authorization included.
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.headersPolicy,
    };

    const certificate = props.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn)
      : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Ragtime web app and API',
      webAclId: props.webAclArn,
      defaultRootObject: '',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      // Only a custom certificate can set the TLS policy (the default certificate's is fixed).
      ...(certificate ? { minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 } : {}),
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(certificate && props.domainName ? { certificate, domainNames: [props.domainName] } : {}),
      defaultBehavior: {
        origin: appOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headersPolicy,
        functionAssociations: [{ function: this.deepLinks, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // config.json changes at each deploy: never cached.
        [`${appPath}config.json`]: {
          origin: appOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: this.headersPolicy,
        },
        ...Object.fromEntries(apiPathPatterns(props.routes).map((pattern) => [pattern, apiBehaviour])),
      },
    });
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Staff of the council may work from anywhere (remote work, travel); sign-in and MFA protect the data, not geography.',
    );
    if (!certificate) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; set domainName and certificateArn to enforce TLSv1.2_2021.',
      );
    }

    this.origin = props.domainName
      ? `https://${props.domainName}`
      : `https://${this.distribution.distributionDomainName}`;
    this.url = `${this.origin}${appPath}`;

    this.client = props.userPool.addClient('WebClient', {
      userPoolClientName: 'ragtime-web',
      // A browser app cannot keep a secret: authorization code with PKCE (the app sends the challenge; Cognito checks the verifier).
      generateSecret: false,
      // Left empty, Cognito would allow its defaults (custom auth among them): SRP and refresh only, as the API client.
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${this.origin}${appPath}callback`],
        logoutUrls: [this.url],
      },
      supportedIdentityProviders: [
        cognito.UserPoolClientIdentityProvider.COGNITO,
        ...(props.councilProvider
          ? [cognito.UserPoolClientIdentityProvider.custom(props.councilProvider.providerName)]
          : []),
      ],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true, email: true }),
    });
    new cognito.CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    // The app, built at synth by the repository's esbuild and sass (local bundling, no Docker).
    const built = s3deploy.Source.asset(join(repoRoot, 'web'), {
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-slim'),
        local: { tryBundle: (outputDir) => buildInto(outputDir) },
      },
    });
    const assets = new s3deploy.BucketDeployment(this, 'Assets', {
      sources: [built],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'app/',
      exclude: ['index.html'],
      // Hashed names: cached for a year; older ones stay for pages still open.
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
    });
    const pages = new s3deploy.BucketDeployment(this, 'IndexAndConfig', {
      sources: [
        built,
        s3deploy.Source.jsonData('config.json', {
          auth: 'cognito',
          apiUrl: '',
          authority: props.issuer,
          clientId: this.client.userPoolClientId,
          cognitoDomain: cognitoDomainUrl,
          // With federation only: the app's sign-in page offers "Sign in with your council account",
          // sent to this provider with identity_provider (docs/people.md "The sign-in page").
          ...(props.councilProvider && { councilProvider: props.councilProvider.providerName }),
        }),
      ],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'app/',
      exclude: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.fromString('no-cache')],
      prune: false,
      distribution: this.distribution,
      distributionPaths: [`${appPath}index.html`, `${appPath}config.json`],
    });
    pages.node.addDependency(assets);
    // CDK's BucketDeployment helper (one function per stack, with CDK's own role and policy) copies the
    // built app from the CDK asset bucket into this bucket; its findings are acknowledged on it, not narrowed.
    const helperFindings: Record<string, string> = {
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        "BucketDeployment's helper function uses the AWS-managed basic execution policy (CDK's construct).",
      'AwsSolutions-IAM5[Action::s3:GetObject*]': 'The helper reads the CDK asset bucket objects of this deployment.',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]': 'The helper reads the asset and app buckets (CDK grant).',
      'AwsSolutions-IAM5[Action::s3:List*]':
        'The helper lists the asset and app buckets to copy and prune (CDK grant).',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]': 'The helper replaces files in the app bucket (CDK grant).',
      'AwsSolutions-IAM5[Action::s3:Abort*]':
        'The helper aborts failed multipart uploads to the app bucket (CDK grant).',
      'AwsSolutions-IAM5[Resource::<WebAppBucketB4CB5D48.Arn>/*]': 'The helper writes any object of the app bucket.',
      'AwsSolutions-IAM5[Resource::*]':
        'cloudfront:CreateInvalidation takes no resource narrower than * in CDK’s grant.',
      'AwsSolutions-L1': "The helper's runtime is chosen by CDK; it runs only during deployments.",
    };
    for (const child of stack.node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      for (const [finding, reason] of Object.entries(helperFindings)) acknowledge(child, finding, reason);
      const assetBucket = `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*]`;
      acknowledge(child, assetBucket, 'The helper reads this deployment’s files from the CDK asset bucket.');
    }

    new CfnOutput(stack, 'WebAppUrl', { value: this.url, description: 'The web app: open it and sign in' });
    new CfnOutput(stack, 'ManagedLoginDomain', { value: cognitoDomainUrl, description: 'Cognito managed login' });
    new CfnOutput(stack, 'WebAppClientId', {
      value: this.client.userPoolClientId,
      description: 'App client of the web app (authorization code with PKCE)',
    });
  }
}
