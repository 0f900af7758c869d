import type middy from '@middy/core';
import { callerFromEvent } from '../auth';
import { HttpProblem } from '../problem';
import type { RouteDef } from '../routes';
import type { HttpContext, HttpEvent, HttpResult } from '../types';

/**
 * Finds the caller once (put on the context for the handler) and refuses, by the route
 * table's access, a request without a caller (401), a caller with no known role on any
 * route but `any-caller` ones (403: a person removed on People still holds a valid
 * token with `cognito:groups: []`), or without one of the roles (403).
 */
export const authorise = (
  access: RouteDef['access'],
): middy.MiddlewareObj<HttpEvent, HttpResult, Error, HttpContext> => ({
  before: (request) => {
    const caller = callerFromEvent(request.event);
    request.context.caller = caller;
    if (access === 'public') return;
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
    if (access === 'any-caller') return;
    if (caller.roles.length === 0) {
      throw new HttpProblem(403, 'You have no role in Ragtime: ask your performance team for access.');
    }
    if (Array.isArray(access) && !access.some((role) => caller.roles.includes(role))) {
      throw new HttpProblem(403, `This route needs one of the roles: ${access.join(', ')}.`);
    }
  },
});
