import { gzipSync } from 'node:zlib';
import type middy from '@middy/core';
import { problemResponse } from '../problem';
import type { HttpEvent, HttpResult } from '../types';

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

/** The answer as Lambda can return it: see fitResponse. */
export const fitResponseMiddleware = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  after: (request) => {
    if (request.response) request.response = fitResponse(request.response, request.event.headers?.['accept-encoding']);
  },
});
