import type middy from '@middy/core';
import { logger } from '../../observability/logger';
import type { RouteDef } from '../routes';
import type { HttpEvent, HttpResult } from '../types';

/** Tags every log line of the request with its route and request id, and logs the answer's status. */
export const requestLog = (route: Pick<RouteDef, 'method' | 'path'>): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: (request) => {
    logger.appendKeys({ route: `${route.method} ${route.path}`, requestId: request.event.requestContext?.requestId });
  },
  after: (request) => {
    logger.info('request done', { status: request.response?.statusCode });
  },
});
