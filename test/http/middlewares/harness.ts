// Runs one middleware around a handler that answers 200, as middy would in Lambda.
import middy from '@middy/core';
import type { HttpContext, HttpEvent, HttpResult } from '../../../lambdas/http/types';
import { lambdaContext } from '../../../lambdas/local/lambda-context';

export function httpEvent(overrides: Partial<HttpEvent> = {}): HttpEvent {
  return {
    version: '2.0',
    routeKey: 'GET /x',
    rawPath: '/x',
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: 'GET', path: '/x', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'request-1',
      routeKey: 'GET /x',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: {}, scopes: [] } },
    },
    ...overrides,
  } as HttpEvent;
}

export function claims(values: Record<string, string>): Pick<HttpEvent, 'requestContext'> {
  const base = httpEvent().requestContext;
  return { requestContext: { ...base, authorizer: { ...base.authorizer, jwt: { claims: values, scopes: [] } } } };
}

/** The handler's answer, or the error the middleware threw; `context` shows what the middleware left there. */
export async function run(
  middleware: middy.MiddlewareObj<HttpEvent, HttpResult, Error, HttpContext>,
  event: HttpEvent,
  answer: (context: HttpContext) => HttpResult | Promise<HttpResult> = () => ({ statusCode: 200, body: 'ok' }),
): Promise<{ result?: HttpResult; error?: unknown; context: HttpContext }> {
  const context: HttpContext = lambdaContext('test');
  const handler = middy<HttpEvent, HttpResult, Error, HttpContext>(async (_event: HttpEvent, ctx: HttpContext) =>
    answer(ctx),
  ).use(middleware);
  try {
    return { result: await handler(event, context), context };
  } catch (error) {
    return { error, context };
  }
}
