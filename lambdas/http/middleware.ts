import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { $ZodType, output } from 'zod/v4/core';
import { withDeadline } from '../config/deadline';
import type { Caller } from '../domain/caller';
import type { SpreadsheetBody } from '../domain/definition-schemas';
import { logger } from '../observability/logger';
import { authorise } from './middlewares/authorise';
import { bodyLimit } from './middlewares/body-limit';
import { contentType, isXlsx } from './middlewares/content-type';
import { fitResponseMiddleware } from './middlewares/fit-response';
import { problemErrors } from './middlewares/problem-errors';
import { requestLog } from './middlewares/request-log';
import { parseWith } from './parse-request';
import type { RouteDef } from './routes';
import type { HttpContext, HttpEvent, HttpResult } from './types';

export { maxBodyBytes } from './middlewares/body-limit';
export { fitResponse, maxResponseBytes } from './middlewares/fit-response';
export { parseWith, schemaErrors } from './parse-request';
export type { HttpEvent, HttpResult } from './types';

type Out<T> = T extends (() => infer S extends $ZodType) ? output<S> : Record<string, never>;
type BodyOf<R> = R extends { body: infer B }
  ? B extends (() => infer S extends $ZodType)
    ? R extends { optionalBody: true }
      ? output<S> | undefined
      : output<S>
    : B extends 'csv'
      ? string
      : B extends 'spreadsheet'
        ? SpreadsheetBody
        : undefined
  : undefined;
type CallerOf<R> = R extends { access: 'public' } ? Caller | null : Caller;

export interface HttpRequest<R extends RouteDef> {
  event: HttpEvent;
  caller: CallerOf<R>;
  body: BodyOf<R>;
  params: R extends { params: infer P } ? Out<P> : Record<string, never>;
  query: R extends { query: infer Q } ? Out<Q> : Record<string, never>;
  header(name: string): string | undefined;
}

/** No body sent (absent or empty). */
const absentBody = (event: { body?: string | null }) =>
  event.body === undefined || event.body === null || event.body === '';
/** The events whose optional body was left out (no body at all, not a JSON null). */
const leftOut = new WeakSet<object>();

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function textBody(event: HttpEvent): string {
  const body = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
}

/**
 * A route's handler with the middlewares every route gets, in middy's order (`before`
 * top to bottom, `after` and `onError` bottom to top): logging context, problem+json
 * errors, authorisation from the route table, the 256 KB limit and the content type
 * checked before any parsing, a JSON body parser only on routes that take JSON, a
 * response Lambda can return; then the route's own schemas for path, query and body.
 */
export function httpHandler<R extends RouteDef>(route: R, fn: (req: HttpRequest<R>) => Promise<HttpResult>) {
  const base = middy<HttpEvent, HttpResult, Error, HttpContext>(async (event: HttpEvent, context: HttpContext) => {
    const headers = event.headers ?? {};
    const params = route.params ? parseWith(route.params(), event.pathParameters ?? {}, 'path', '/path') : {};
    const query = route.query
      ? parseWith(route.query(), event.queryStringParameters ?? {}, 'query string', '/query')
      : {};
    let body: unknown;
    if (route.body === 'csv') body = textBody(event);
    else if (route.body === 'spreadsheet')
      body = isXlsx(headers['content-type'] ?? '')
        ? { type: 'xlsx', bytes: Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'latin1') }
        : { type: 'csv', text: textBody(event) };
    else if (route.body && !(route.optionalBody && leftOut.has(event)))
      body = parseWith(route.body(), event.body, 'request body');
    // The store's retries answer 503 before this invocation's deadline (config/deadline.ts).
    return withDeadline(context.getRemainingTimeInMillis(), () =>
      fn({
        event,
        caller: (context.caller ?? null) as CallerOf<R>,
        body: body as BodyOf<R>,
        params: params as HttpRequest<R>['params'],
        query: query as HttpRequest<R>['query'],
        header: (name) => headers[name.toLowerCase()],
      }),
    );
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(requestLog(route))
    .use(fitResponseMiddleware())
    .use(problemErrors())
    .use(authorise(route.access))
    .use(bodyLimit())
    .use(contentType(route));
  if (route.body && route.body !== 'csv' && route.body !== 'spreadsheet') {
    const parser = httpJsonBodyParser();
    // An optional body left out is not parsed (nor its content type checked).
    base.use(
      route.optionalBody
        ? {
            before: (request) => {
              // Marked before parsing: the parser turns a body of "null" into null, which is not left out.
              if (absentBody(request.event)) leftOut.add(request.event);
              else return parser.before!(request);
            },
          }
        : parser,
    );
  }
  return base;
}

/**
 * One function serving several routes of the table (their `handler` is the same module;
 * lib/api.ts gives it one function with their merged table access): each event goes to
 * its route's handler by API Gateway's `routeKey` ("PUT /me/language"), which the local
 * server sets as API Gateway does. Saves the ~9 CloudFormation resources of a function.
 */
export function byRoute(
  ...routes: readonly (readonly [RouteDef, (event: HttpEvent, context: HttpContext) => Promise<HttpResult>])[]
) {
  const byKey = new Map(routes.map(([route, handler]) => [`${route.method} ${route.path}`, handler]));
  return (event: HttpEvent, context: HttpContext): Promise<HttpResult> => {
    const handler = byKey.get(event.routeKey);
    if (!handler) throw new Error(`This function serves no route ${event.routeKey}`);
    return handler(event, context);
  };
}
