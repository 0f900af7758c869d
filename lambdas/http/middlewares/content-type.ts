import type middy from '@middy/core';
import { HttpProblem } from '../problem';
import type { RouteDef } from '../routes';
import type { HttpEvent, HttpResult } from '../types';

/**
 * Refuses (415) a body on a route that takes none, and a CSV route's body that is not
 * text/csv. JSON routes' content type is checked by middy's JSON body parser after this.
 */
export const contentType = (route: Pick<RouteDef, 'body' | 'path'>): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: (request) => {
    const event = request.event;
    if (!route.body && event.body && route.path !== '$default') {
      throw new HttpProblem(415, 'This route takes no request body.');
    }
    if (route.body === 'csv' && !/^text\/csv\s*(;|$)/i.test(event.headers?.['content-type'] ?? '')) {
      throw new HttpProblem(415, 'The request body must be text/csv.');
    }
  },
});
