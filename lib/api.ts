// The HTTP API, built generically from the one route table (lambdas/http/routes.ts):
// one function per distinct handler, one route per table entry, the JWT authorizer on
// every route that is not public, and `$default` to the catch-all 404 handler.
import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDef } from '../lambdas/http/routes';
import { type FunctionShared, mergeTableAccess, pascalCase, RagtimeFunction, type TableAccess } from './function';
import { acknowledge } from './nag';

export interface RagtimeApiProps {
  routes: readonly RouteDef[];
  /** Served on `$default`: every request no route matches. */
  catchAllRoute: RouteDef;
  /** JWT issuer (the user pool) and audience (the app client id: clients send the ID token). */
  jwtIssuer: string;
  jwtAudience: string[];
  shared: FunctionShared;
  throttleRate: number;
  throttleBurst: number;
  /** CORS origins; none: no CORS (server-to-server and CLI clients only). */
  allowedOrigins: string[];
  /**
   * Where clients reach the API (the CloudFront distribution's origin, which serves it
   * under the API's own paths): the URL the functions put in email links. May be a token.
   */
  publicUrl: string;
  /**
   * The API's own domain in API Gateway (an ACM certificate in the stack's region): CloudFront
   * reaches the API there, so the execute-api endpoint is disabled. None: CloudFront's origin
   * is the execute-api endpoint, which then has to stay enabled.
   */
  customDomain?: { domainName: string; certificateArn: string };
}

/** What one handler's function needs: everything any of its routes needs. */
export interface HandlerNeeds {
  handler: string;
  table: TableAccess;
  sendsEmail: boolean;
  routes: RouteDef[];
}

/** Groups routes by handler: routes sharing a handler share its function. */
export function handlerNeeds(routes: readonly RouteDef[]): HandlerNeeds[] {
  const byHandler = new Map<string, HandlerNeeds>();
  for (const route of routes) {
    const needs = byHandler.get(route.handler) ?? {
      handler: route.handler,
      table: 'none',
      sendsEmail: false,
      routes: [],
    };
    needs.table = mergeTableAccess(needs.table, route.table);
    needs.sendsEmail ||= route.sendsEmail === true;
    needs.routes.push(route);
    byHandler.set(route.handler, needs);
  }
  return [...byHandler.values()];
}

/**
 * Each public route's own throttle (never above the stage's): anonymous floods of
 * /health, /openapi.json or unknown paths are refused at the gateway before they can
 * use the account's Lambda concurrency that officers and the close need.
 */
export const publicRouteThrottle = { rateLimit: 5, burstLimit: 10 };

export function isPublic(route: RouteDef): boolean {
  return route.access === 'public';
}

/** The fields of each access log line (JSON, one per request). */
export const accessLogFields = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
} as const;

export class RagtimeApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  /** Where clients reach the API: the CloudFront distribution's origin (props.publicUrl; no trailing slash). */
  readonly url: string;
  /** The host name CloudFront sends API requests to: the custom domain, or the execute-api endpoint's. */
  readonly originDomain: string;
  /** With a custom domain: the API Gateway domain to point its DNS (CNAME) at. */
  readonly domainName?: apigw.DomainName;
  readonly accessLogGroup: logs.LogGroup;
  /** 429 answers per 5 minutes, from the access log. */
  readonly throttledRequests: cloudwatch.IMetric;
  readonly authorizer: HttpJwtAuthorizer;
  readonly functions = new Map<string, RagtimeFunction>();
  readonly routes: { route: RouteDef; httpRoute: apigw.HttpRoute }[] = [];

  constructor(scope: Construct, id: string, props: RagtimeApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Ragtime: improvement-plan results, BRAG, RAG status and the quarter close',
      createDefaultStage: false,
      // Reached only through CloudFront (its web ACL and headers) once CloudFront has the custom domain to use.
      disableExecuteApiEndpoint: props.customDomain !== undefined,
      ...(props.allowedOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: props.allowedOrigins,
              allowMethods: [
                apigw.CorsHttpMethod.GET,
                apigw.CorsHttpMethod.PUT,
                apigw.CorsHttpMethod.POST,
                apigw.CorsHttpMethod.DELETE,
                apigw.CorsHttpMethod.OPTIONS,
              ],
              allowHeaders: ['authorization', 'content-type', 'if-match'],
              exposeHeaders: ['etag', 'location', 'retry-after'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    // The address the handlers put in email links: the distribution, which depends on the
    // API itself only (not its routes or functions), so functions may depend on it without a cycle.
    this.url = props.publicUrl;
    const stack = Stack.of(this);
    this.originDomain =
      props.customDomain?.domainName ?? `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', { retention: props.shared.logRetention });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRate, burstLimit: props.throttleBurst },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogGroup),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    if (props.customDomain) {
      this.domainName = new apigw.DomainName(this, 'DomainName', {
        domainName: props.customDomain.domainName,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
        endpointType: apigw.EndpointType.REGIONAL,
        securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      });
      new apigw.ApiMapping(this, 'DomainMapping', { api: this.api, domainName: this.domainName, stage: this.stage });
    }

    props.shared.alarms.watchApi(this, this.api);
    this.throttledRequests = props.shared.alarms.watchApiThrottling(this, this.accessLogGroup).metric;

    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', props.jwtIssuer, {
      authorizerName: 'cognito-id-token',
      jwtAudience: props.jwtAudience,
      identitySource: ['$request.header.Authorization'],
    });

    const publicRouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    const all = [...props.routes, props.catchAllRoute];
    for (const needs of handlerNeeds(all)) {
      const fn = new RagtimeFunction(this, pascalCase(needs.handler), {
        handler: needs.handler,
        description: `Ragtime API: ${needs.routes.map((r) => (r === props.catchAllRoute ? '$default' : `${r.method} ${r.path}`)).join(', ')}`,
        table: needs.table,
        sendsEmail: needs.sendsEmail,
        apiUrl: this.url,
        // API Gateway gives up after 29 s, so a longer function would only burn money.
        timeout: Duration.seconds(29),
        shared: props.shared,
      });
      this.functions.set(needs.handler, fn);
      // One invoke permission per function, for this API only, rather than one per route: the routes
      // that reach a function are exactly those this table gives it, and ~60 per-route permissions
      // took the one stack near CloudFormation's 500 resources (docs/deploy.md).
      const integration = new HttpLambdaIntegration(`${pascalCase(needs.handler)}Integration`, fn.function, {
        scopePermissionToRoute: false,
      });
      for (const route of needs.routes) {
        const isCatchAll = route === props.catchAllRoute;
        const routeKey = isCatchAll
          ? apigw.HttpRouteKey.DEFAULT
          : apigw.HttpRouteKey.with(route.path, apigw.HttpMethod[route.method]);
        const httpRoute = new apigw.HttpRoute(
          this,
          isCatchAll ? 'Route $default' : `Route ${route.method} ${route.path.replaceAll('/', '|')}`,
          {
            httpApi: this.api,
            routeKey,
            integration,
            ...(isPublic(route) ? {} : { authorizer: this.authorizer }),
          },
        );
        if (isPublic(route)) {
          publicRouteSettings[isCatchAll ? '$default' : `${route.method} ${route.path}`] = {
            ThrottlingRateLimit: Math.min(publicRouteThrottle.rateLimit, props.throttleRate),
            ThrottlingBurstLimit: Math.min(publicRouteThrottle.burstLimit, props.throttleBurst),
          };
          // The stage's route settings name the route: it must exist first.
          this.stage.node.addDependency(httpRoute);
          acknowledge(
            httpRoute,
            'AwsSolutions-APIG4',
            `${isCatchAll ? 'The $default catch-all' : `${route.method} ${route.path}`} is public by design (docs/rules.md#who-may-do-what: only /health, /openapi.json and the 404 for unknown routes need no token); it reads and writes no data.`,
          );
        }
        this.routes.push({ route, httpRoute });
      }
    }
    (this.stage.node.defaultChild as apigw.CfnStage).routeSettings = publicRouteSettings;
  }
}
