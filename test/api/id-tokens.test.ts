// Only Cognito ID tokens are accepted (docs/deploy.md "Which token"). API Gateway's JWT
// authorizer also lets an access token of the app client through (it matches
// client_id when there is no aud), and checks no token_use: the handlers do.
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { callerFromEvent } from '../../lambdas/http/auth';
import { localAudience, localIssuer } from '../../lambdas/local/jwt';
import { useTestStack } from '../support/api-test';

const eventWith = (claims: Record<string, string>) =>
  ({
    requestContext: { authorizer: { jwt: { claims, scopes: [] } } },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

describe('callerFromEvent', () => {
  const admin = { sub: 'u1', 'cognito:groups': '[admin]', email: 'a@example.gov.uk' };

  it('accepts an ID token', () => {
    expect(callerFromEvent(eventWith({ ...admin, token_use: 'id' }))?.roles).toEqual(['admin']);
  });

  it.each([
    ['an access token', { ...admin, token_use: 'access', client_id: 'c' }],
    ['a token without token_use', admin],
    ['a token with another token_use', { ...admin, token_use: 'refresh' }],
  ])('treats %s as no caller', (_what, claims) => {
    expect(callerFromEvent(eventWith(claims))).toBeNull();
  });
});

describe('through the API', () => {
  const t = useTestStack();

  /** Signed by the local key with the right issuer, like one Cognito would issue. */
  const sign = (claims: Record<string, unknown>, audience: boolean) => {
    let jwt = new SignJWT({ 'cognito:groups': ['admin'], ...claims })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('local-admin')
      .setIssuer(localIssuer)
      .setIssuedAt()
      .setExpirationTime('1h');
    if (audience) jwt = jwt.setAudience(localAudience);
    return jwt.sign(t.stack.keys.privateKey);
  };

  it('still serves an ID token, which local tokens are', async () => {
    const res = await t.call('GET', '/settings', { token: await t.token('admin') });
    expect(res.status).toBe(200);
  });

  it.each([
    ['an access token (client_id, no aud)', { token_use: 'access', client_id: localAudience }, false],
    ['a token without token_use', {}, true],
  ])('answers 401 problem+json to %s, which the gateway lets through', async (_what, claims, audience) => {
    const token = await sign(claims, audience);
    const res = await t.call('GET', '/settings', { token });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(((await res.json()) as { detail: string }).detail).toContain('ID token');
  });

  it('answers 401 to an access token on a write route and stores nothing', async () => {
    const token = await sign({ token_use: 'access', client_id: localAudience }, false);
    const res = await t.call('PUT', '/settings', {
      token,
      body: await (await t.call('GET', '/settings', { token: await t.token('admin') })).json(),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });
});
