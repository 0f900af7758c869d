import type middy from '@middy/core';
import { HttpProblem } from '../problem';
import type { HttpEvent, HttpResult } from '../types';

/** API Gateway takes up to 10 MB; we take 256 KB (docs/deploy.md "Security baseline"). */
export const maxBodyBytes = 256 * 1024;

function bodyBytes(event: HttpEvent): number {
  if (event.body == null) return 0;
  return event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body, 'utf8');
}

/** Refuses (413) a body over the limit before anything parses it. */
export const bodyLimit = (maxBytes = maxBodyBytes): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: (request) => {
    if (bodyBytes(request.event) > maxBytes) {
      throw new HttpProblem(413, `The request body is larger than ${maxBytes / 1024} KB.`);
    }
  },
});
