import { describe, expect, it } from 'vitest';
import { authorise } from '../../../lambdas/http/middlewares/authorise';
import { HttpProblem } from '../../../lambdas/http/problem';
import { claims, httpEvent, run } from './harness';

const officer = claims({ sub: 'u1', token_use: 'id', 'cognito:groups': '[officer]', 'custom:directorate': 'Place' });

describe('authorise', () => {
  it('puts the caller on the context once, for the handler', async () => {
    const { result, context } = await run(authorise(['officer']), httpEvent(officer));
    expect(result?.statusCode).toBe(200);
    expect(context.caller).toEqual({ sub: 'u1', email: null, name: null, roles: ['officer'], directorate: 'Place' });
  });

  it('refuses a request without an ID token with 401 and says which token to send', async () => {
    const { error } = await run(authorise('signed-in'), httpEvent(claims({ sub: 'u1', token_use: 'access' })));
    expect(error).toBeInstanceOf(HttpProblem);
    expect(error).toMatchObject({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
  });

  it('refuses a caller without one of the route’s roles with 403 naming them', async () => {
    const { error } = await run(authorise(['admin', 'emt']), httpEvent(officer));
    expect(error).toMatchObject({ status: 403, detail: 'This route needs one of the roles: admin, emt.' });
  });

  it('lets an anonymous request through a public route, with no caller', async () => {
    const { result, context } = await run(authorise('public'), httpEvent());
    expect(result?.statusCode).toBe(200);
    expect(context.caller).toBeNull();
  });
});
