import { gzipSync } from 'node:zlib';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { safeParse } from 'zod/mini';
import type { $ZodError, $ZodType, output } from 'zod/v4/core';
import { logger } from '../observability/logger';
import { isRetryableAwsError } from '../store/retryable';
import { type Caller, callerFromEvent } from './auth';
import { HttpProblem, problemForError, problemResponse } from './problem';
import type { RouteDef } from './routes';

export const maxBodyBytes = 256 * 1024;

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

type Out<T> = T extends $ZodType ? output<T> : Record<string, never>;
type BodyOf<R> = R extends { body: infer B }
  ? B extends $ZodType
    ? output<B>
    : B extends 'csv'
      ? string
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

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** One JSON Pointer segment (RFC 6901: `~` and `/` escaped). */
const pointerSegment = (key: PropertyKey) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** Turns a schema failure into the 422 problem's field list (JSON Pointer paths). */
export function schemaErrors(error: $ZodError, prefix = ''): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: `${prefix}/${issue.path.map(pointerSegment).join('/')}`,
    message: issue.message,
  }));
}

/**
 * JSON.parse keeps a `"__proto__"` key as an own property, and zod's records drop such
 * keys without validating them (so `{"breakdown":{"__proto__":"x"}}` passed): find them
 * all, iteratively (bodies may nest deeply), so they are refused like any unknown key.
 */
function protoKeyPaths(value: unknown): string[] {
  const found: string[] = [];
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0 && found.length < 20) {
    const [node, path] = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      const here = `${path}/${pointerSegment(key)}`;
      if (key === '__proto__') found.push(here);
      else pending.push([(node as Record<string, unknown>)[key], here]);
    }
  }
  return found;
}

export function parseWith<S extends $ZodType>(schema: S, value: unknown, what: string, prefix = ''): output<S> {
  const proto = protoKeyPaths(value);
  if (proto.length > 0) {
    throw new HttpProblem(
      422,
      `The ${what} does not match the schema.`,
      proto.map((path) => ({ path: prefix + path, message: 'a "__proto__" key is not allowed' })),
    );
  }
  const parsed = safeParse(schema, value);
  if (!parsed.success)
    throw new HttpProblem(422, `The ${what} does not match the schema.`, schemaErrors(parsed.error, prefix));
  return parsed.data;
}

function bodyBytes(event: HttpEvent): number {
  if (event.body == null) return 0;
  return event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body, 'utf8');
}

const isMiddyError = (error: unknown): error is { statusCode: number; message: string } =>
  typeof error === 'object' && error !== null && 'statusCode' in error && 'message' in error;

/** Bodies above this are gzipped for clients that accept it: Lambda's response limit is 6 MB. */
const compressAbove = 512 * 1024;
/** What Lambda can return (6 MB) less room for the headers and the envelope. */
export const maxResponseBytes = 6 * 1024 * 1024 - 64 * 1024;

/**
 * Gzips a large body for a client that accepts it; refuses, with a problem that says
 * how to get it, a body Lambda could not return (rather than failing as a 5xx).
 */
export function fitResponse(response: HttpResult, acceptEncoding: string | undefined): HttpResult {
  if (!response?.body || response.isBase64Encoded || response.body.length < compressAbove) return response;
  const gzipAccepted = /\bgzip\b/i.test(acceptEncoding ?? '');
  const body = gzipAccepted ? gzipSync(response.body).toString('base64') : response.body;
  if (Buffer.byteLength(body) > maxResponseBytes) {
    return problemResponse(
      406,
      gzipAccepted
        ? 'The answer is larger than 6 MB even compressed; narrow it, e.g. a report with ?plan=.'
        : 'The answer is larger than 6 MB; ask for it with Accept-Encoding: gzip, or narrow it, e.g. a report with ?plan=.',
    );
  }
  if (!gzipAccepted) return response;
  return {
    ...response,
    headers: { ...response.headers, 'content-encoding': 'gzip', vary: 'accept-encoding' },
    body,
    isBase64Encoded: true,
  };
}

function textBody(event: HttpEvent): string {
  const body = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
}

/**
 * Wraps a route's handler: logging context, problem+json errors, the 256 KB limit
 * checked before any parsing, authorisation from the route table, a body parser only
 * on routes that take one, and the route's own schemas for path, query and body.
 */
export function httpHandler<R extends RouteDef>(route: R, fn: (req: HttpRequest<R>) => Promise<HttpResult>) {
  const base = middy<HttpEvent, HttpResult, Error, Context>(async (event: HttpEvent) => {
    const headers = event.headers ?? {};
    const params = route.params ? parseWith(route.params, event.pathParameters ?? {}, 'path', '/path') : {};
    const query = route.query
      ? parseWith(route.query, event.queryStringParameters ?? {}, 'query string', '/query')
      : {};
    let body: unknown;
    if (route.body === 'csv') {
      if (!/^text\/csv\s*(;|$)/i.test(headers['content-type'] ?? ''))
        throw new HttpProblem(415, 'The request body must be text/csv.');
      body = textBody(event);
    } else if (route.body) {
      body = parseWith(route.body, event.body, 'request body');
    }
    return fn({
      event,
      caller: callerFromEvent(event) as CallerOf<R>,
      body: body as BodyOf<R>,
      params: params as HttpRequest<R>['params'],
      query: query as HttpRequest<R>['query'],
      header: (name) => headers[name.toLowerCase()],
    });
  });

  base.use(injectLambdaContext(logger, { resetKeys: true })).use({
    before: (request) => {
      const event = request.event;
      logger.appendKeys({ route: `${route.method} ${route.path}`, requestId: event.requestContext?.requestId });
      if (route.access !== 'public') {
        const caller = callerFromEvent(event);
        // The authorizer answers 401 to a missing or invalid token before us in AWS, but
        // lets the app client's access tokens through: only an ID token makes a caller.
        if (!caller) {
          throw new HttpProblem(
            401,
            'Send a Cognito ID token (token_use "id") as the bearer token, not an access token.',
            undefined,
            { 'www-authenticate': 'Bearer error="invalid_token"' },
          );
        }
        if (Array.isArray(route.access) && !route.access.some((role) => caller.roles.includes(role))) {
          throw new HttpProblem(403, `This route needs one of the roles: ${route.access.join(', ')}.`);
        }
      }
      if (bodyBytes(event) > maxBodyBytes) {
        throw new HttpProblem(413, `The request body is larger than ${maxBodyBytes / 1024} KB.`);
      }
      if (!route.body && event.body && route.path !== '$default') {
        throw new HttpProblem(415, 'This route takes no request body.');
      }
    },
    onError: (request) => {
      const error = request.error;
      const problem = problemForError(error);
      if (problem) {
        if (isRetryableAwsError(error)) logger.warn('dependency throttled or unavailable', { error: error!.name });
        request.response = problem;
      } else if (isMiddyError(error) && error.statusCode === 415) {
        // middy answers 415 to malformed JSON as well: only the wrong content type stays 415.
        request.response = /malformed/i.test(error.message)
          ? problemResponse(400, 'The request body is not valid JSON.')
          : problemResponse(415, 'The request body must be application/json.');
      } else {
        logger.error('unhandled error', { error: error as Error });
        request.response = problemResponse(500, 'Something went wrong on our side.');
      }
      logger.info('request refused', { status: request.response.statusCode });
    },
  });
  if (route.body && route.body !== 'csv') base.use(httpJsonBodyParser());
  base.use({
    after: (request) => {
      request.response = fitResponse(request.response, request.event.headers?.['accept-encoding']);
      logger.info('request done', { status: request.response?.statusCode });
    },
  });
  return base;
}
