import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export interface ProblemFieldError {
  path: string;
  message: string;
}

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

/** An error a handler raises on purpose; becomes an RFC 9457 problem+json answer. */
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
): APIGatewayProxyStructuredResultV2 {
  const body: Record<string, unknown> = {
    type: status >= 500 ? 'about:blank' : `https://ragtime.dev/problems/${status}`,
    title: problemTitle(status),
    status,
    detail,
  };
  if (errors && errors.length > 0) body.errors = errors;
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify(body),
  };
}
