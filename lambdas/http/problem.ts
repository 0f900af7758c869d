import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  Conflict,
  type FieldError,
  Forbidden,
  ImportInterrupted,
  Invalid,
  Malformed,
  NotFound,
  TooLarge,
  Unavailable,
  VersionConflict,
} from '../domain/errors';
import type { Language } from '../domain/language';
import { problemText } from '../domain/problem-words';

export type ProblemFieldError = FieldError;

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An HTTP-only refusal (a missing token, a body too large) raised by the HTTP layer itself; becomes an RFC 9457 problem+json answer. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: ProblemFieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function problemTitle(status: number): string {
  return titles[status] ?? 'Error';
}

export function problemResponse(
  status: number,
  detail: string,
  errors?: ProblemFieldError[],
  headers: Record<string, string> = {},
  extensions: Record<string, number> = {},
): APIGatewayProxyStructuredResultV2 {
  const body: Record<string, unknown> = {
    type: status >= 500 ? 'about:blank' : `https://ragtime.dev/problems/${status}`,
    title: problemTitle(status),
    status,
    detail,
    ...extensions,
  };
  if (errors && errors.length > 0) body.errors = errors;
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * The one place an error becomes its problem+json answer: the HTTP layer's own
 * refusals, then the domain's errors (lambdas/domain/errors.ts; the store turns a busy
 * DynamoDB into Unavailable); undefined for anything else (a bug: the caller answers 500).
 */
export function problemForError(error: unknown): APIGatewayProxyStructuredResultV2 | undefined {
  if (error instanceof HttpProblem) return problemResponse(error.status, error.detail, error.errors, error.headers);
  if (error instanceof NotFound) return problemResponse(404, error.message);
  if (error instanceof Forbidden) return problemResponse(403, error.message, error.errors);
  if (error instanceof Conflict) return problemResponse(409, error.message);
  if (error instanceof Invalid) return problemResponse(422, error.message, error.errors);
  if (error instanceof Malformed) return problemResponse(400, error.message);
  if (error instanceof TooLarge) return problemResponse(406, error.message);
  if (error instanceof VersionConflict)
    return problemResponse(
      412,
      error.message,
      undefined,
      error.current === undefined ? {} : { etag: `"${error.current}"` },
    );
  if (error instanceof Unavailable)
    return problemResponse(
      503,
      error.message,
      undefined,
      { 'retry-after': String(error.retryAfterSeconds) },
      error instanceof ImportInterrupted ? { stored: error.stored, total: error.total } : {},
    );
  return undefined;
}

/**
 * A problem answer in the language the caller asked for (`Accept-Language`, docs/cymraeg.md
 * "The API's problem words"): its title, detail and each field's message, from the domain's
 * catalogue (domain/problem-words.ts). An English answer's body is the one written;
 * either way the answer says its language and that it varies by the header.
 */
export function problemInLanguage(
  response: APIGatewayProxyStructuredResultV2,
  language: Language,
): APIGatewayProxyStructuredResultV2 {
  const headers = { ...response.headers, 'content-language': language, vary: 'accept-language' };
  if (language === 'en' || typeof response.body !== 'string') return { ...response, headers };
  const body = JSON.parse(response.body) as { title?: string; detail?: string; errors?: ProblemFieldError[] };
  if (typeof body.title === 'string') body.title = problemText(body.title, language);
  if (typeof body.detail === 'string') body.detail = problemText(body.detail, language);
  if (Array.isArray(body.errors))
    body.errors = body.errors.map((e) => ({ ...e, message: problemText(e.message, language) }));
  return { ...response, headers, body: JSON.stringify(body) };
}
