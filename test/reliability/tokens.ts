import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { type LocalKeys, localAudience, localIssuer } from '../../lambdas/local/jwt';

// Tokens API Gateway's JWT authorizer (and so the local server) must refuse.

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const adminClaims = (): JWTPayload => ({
  email: 'admin@localhost',
  'cognito:groups': ['admin'],
  token_use: 'id',
  sub: 'attacker',
});

/** Tokens API Gateway's JWT authorizer must refuse, each claiming the admin role. */
export async function forgedTokens(keys: LocalKeys, officerToken: string): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const sign = (claims: JWTPayload, set: (jwt: SignJWT) => SignJWT, key = keys.privateKey) =>
    set(new SignJWT(claims).setProtectedHeader({ alg: 'ES256' })).sign(key);
  const valid = (jwt: SignJWT) =>
    jwt
      .setIssuer(localIssuer)
      .setAudience(localAudience)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600);
  const [header, payload, signature] = officerToken.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as JWTPayload;
  const foreign = await generateKeyPair('ES256');
  const publicJwk = await exportJWK(keys.publicKey);
  return {
    'tampered (an officer token with its groups changed to admin, signature kept)': `${header}.${b64({ ...claims, 'cognito:groups': ['admin'] })}.${signature}`,
    'expired an hour ago': await sign(adminClaims(), (j) =>
      j
        .setIssuer(localIssuer)
        .setAudience(localAudience)
        .setIssuedAt(now - 7200)
        .setExpirationTime(now - 3600),
    ),
    'not valid for another hour (nbf)': await sign(adminClaims(), (j) => valid(j).setNotBefore(now + 3600)),
    'unsigned (alg none)': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...adminClaims(), iss: localIssuer, aud: localAudience, iat: now, exp: now + 3600 })}.`,
    'foreign issuer': await sign(adminClaims(), (j) =>
      j
        .setIssuer('https://evil.example/cognito')
        .setAudience(localAudience)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600),
    ),
    'wrong audience': await sign(adminClaims(), (j) =>
      j
        .setIssuer(localIssuer)
        .setAudience('another-app-client')
        .setIssuedAt(now)
        .setExpirationTime(now + 3600),
    ),
    'signed by a foreign key': await sign(adminClaims(), valid, foreign.privateKey),
    'an access token of another app client (client_id, no aud)': await sign(
      { ...adminClaims(), token_use: 'access', client_id: 'another-app-client' },
      (j) =>
        j
          .setIssuer(localIssuer)
          .setIssuedAt(now)
          .setExpirationTime(now + 3600),
    ),
    'HS256 keyed with the public key (algorithm confusion)': await valid(
      new SignJWT(adminClaims()).setProtectedHeader({ alg: 'HS256' }),
    ).sign(new TextEncoder().encode(JSON.stringify(publicJwk))),
  };
}

/**
 * Tokens the gateway lets through (right issuer, key and client) that are not ID
 * tokens: the handlers must refuse them, each claiming the admin role.
 */
export async function nonIdTokens(keys: LocalKeys): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const { token_use: _use, ...claims } = adminClaims();
  const base = (extra: JWTPayload) =>
    new SignJWT({ ...claims, ...extra })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(localIssuer)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600);
  return {
    "an access token of the API's app client (client_id, no aud)": await base({
      token_use: 'access',
      client_id: localAudience,
    }).sign(keys.privateKey),
    'a token without token_use': await base({}).setAudience(localAudience).sign(keys.privateKey),
  };
}
