import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localAudience, localIssuer } from '../../lambdas/local/jwt';
import { axeViolations } from '../support/browser';
import { useWebApp } from '../support/web-app';

// The AWS sign-in path (web/src/auth/cognito.ts, oidc-client-ts) exercised offline: the
// app is served with a Cognito-style config.json pointing at a fake OpenID provider in
// this test (discovery document, authorize, token endpoint, JWKS, Cognito's /logout),
// which issues ID tokens signed with the test stack's key so the local API accepts them.
let provider: Server;
let providerUrl: string;

interface Seen {
  authorize: URLSearchParams[];
  token: URLSearchParams[];
  logout: URLSearchParams[];
}
const seen: Seen = { authorize: [], token: [], logout: [] };
/**
 * Seconds the client is told the next tokens live (`expires_in`, from which oidc-client-ts
 * decides a token has expired). The ID token's own `exp` stays an hour: the API must accept
 * the first token however long the first page takes on a busy machine, or a slow load would
 * meet a 401 and a second sign-in instead of the renewal the test is about.
 */
let lifetime = 3600;
const codes = new Map<string, { challenge: string; nonce?: string }>();

const base64url = (buffer: Buffer) => buffer.toString('base64url');

async function idToken(nonce: string | undefined): Promise<string> {
  const claims: Record<string, unknown> = {
    email: 'officer.place@council.example',
    'cognito:groups': ['officer'],
    'custom:directorate': 'Place',
    token_use: 'id',
  };
  if (nonce) claims.nonce = nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: 'local' })
    .setSubject('cognito-user-1')
    .setIssuer(localIssuer)
    .setAudience(localAudience)
    .setIssuedAt()
    .setExpirationTime('3600s')
    .sign(web.stack.stack.keys.privateKey);
}

function startProvider(): Promise<void> {
  provider = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', providerUrl);
    const cors = { 'access-control-allow-origin': '*' };
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: localIssuer,
        authorization_endpoint: `${providerUrl}/oauth2/authorize`,
        token_endpoint: `${providerUrl}/oauth2/token`,
        jwks_uri: `${providerUrl}/.well-known/jwks.json`,
        userinfo_endpoint: `${providerUrl}/oauth2/userInfo`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['ES256'],
        subject_types_supported: ['public'],
      });
    }
    if (url.pathname === '/.well-known/jwks.json') {
      return json(200, { keys: [{ ...(await exportJWK(web.stack.stack.keys.publicKey)), kid: 'local', use: 'sig' }] });
    }
    if (url.pathname === '/oauth2/authorize') {
      seen.authorize.push(url.searchParams);
      // The managed login page would ask for a password and MFA here; the fake signs in at once.
      const code = randomUUID();
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge') ?? '',
        nonce: url.searchParams.get('nonce') ?? undefined,
      });
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/oauth2/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      seen.token.push(form);
      if (form.get('client_id') !== localAudience) return json(400, { error: 'invalid_client' });
      if (form.get('grant_type') === 'authorization_code') {
        const issued = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        // PKCE: the verifier must hash to the challenge sent to /authorize.
        if (!issued || base64url(createHash('sha256').update(verifier).digest()) !== issued.challenge)
          return json(400, { error: 'invalid_grant' });
        return json(200, {
          id_token: await idToken(issued.nonce),
          access_token: 'access-1',
          refresh_token: 'refresh-1',
          token_type: 'Bearer',
          expires_in: lifetime,
        });
      }
      if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'refresh-1') {
        lifetime = 3600;
        return json(200, {
          id_token: await idToken(undefined),
          access_token: 'access-2',
          token_type: 'Bearer',
          expires_in: lifetime,
        });
      }
      return json(400, { error: 'unsupported_grant_type' });
    }
    if (url.pathname === '/logout') {
      seen.logout.push(url.searchParams);
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!doctype html><html lang="en"><title>Signed out</title><h1>Signed out</h1></html>');
    }
    res.writeHead(404, cors);
    res.end();
  });
  return new Promise((resolve) =>
    provider.listen(0, '127.0.0.1', () => {
      providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

// The provider's URL goes into config.json, so it starts first (its handlers read the stack's key when called).
beforeAll(startProvider);
afterAll(() => new Promise<void>((resolve) => provider?.close(() => resolve())));
const web = useWebApp(() => ({
  webApp: {
    config: {
      auth: 'cognito',
      apiUrl: '',
      authority: providerUrl,
      clientId: localAudience,
      cognitoDomain: providerUrl,
    },
  },
}));
beforeEach(() => {
  seen.authorize.length = 0;
  seen.token.length = 0;
  seen.logout.length = 0;
  lifetime = 3600;
});

describe('sign-in in AWS (Cognito managed login, authorization code with PKCE)', () => {
  it('sends the officer to the provider with a PKCE challenge, exchanges the code and calls the API with the ID token', async () => {
    const { page, errors } = await web.open();
    await page.goto(`${web.app}upload`);
    await page.getByRole('heading', { level: 1, name: 'Upload results' }).waitFor();
    // Back on the page first asked for, signed in as the token's person.
    expect(new URL(page.url()).pathname).toBe('/app/upload');
    // By name (no name claim: the email's local part), the email on hover (SPEC §12).
    await expect(page.locator('header').textContent()).resolves.toContain('Signed in as officer.place (');
    await expect(page.locator('header [title="officer.place@council.example"]').count()).resolves.toBe(1);

    const authorize = seen.authorize[0]!;
    expect(authorize.get('response_type')).toBe('code');
    expect(authorize.get('client_id')).toBe(localAudience);
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(authorize.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.get('redirect_uri')).toBe(`${web.app}callback`);
    expect(authorize.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
    // Without federation, straight to the managed login (no provider chosen for the user).
    expect(authorize.has('identity_provider')).toBe(false);
    expect(seen.token.map((t) => t.get('grant_type'))).toEqual(['authorization_code']);
    // Tokens live in sessionStorage (this tab), never localStorage.
    const stored = await page.evaluate(() => ({
      session: Object.keys(sessionStorage),
      local: Object.keys(localStorage),
    }));
    expect(stored.session.some((k) => k.startsWith('oidc.user:'))).toBe(true);
    expect(stored.local).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('starts the managed sign-in from a typed /app/sign-in (no page of its own without federation)', async () => {
    const { page, errors } = await web.open();
    await page.goto(`${web.app}sign-in?returnTo=${encodeURIComponent('/app/upload')}`);
    await page.getByRole('heading', { level: 1, name: 'Upload results' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/upload');
    expect(seen.authorize).toHaveLength(1);
    expect(seen.authorize[0]!.has('identity_provider')).toBe(false);
    expect(errors).toEqual([]);
  });

  it('renews an expired ID token with the refresh token, not another redirect', async () => {
    // The client counts the first tokens expired after a second: it renews them once, at the
    // first call after that (on the first page if it loads slowly, else on the next page).
    lifetime = 1;
    const { page, errors, apiRequests } = await web.open();
    await page.goto(web.app);
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await page.waitForTimeout(1500);
    apiRequests.length = 0;
    // Your returns asks the API twice at once (GET /me, GET /returns): one renewal serves both.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await page.getByRole('link', { name: 'Upload results' }).click();
    await page.getByRole('heading', { level: 1, name: 'Upload results' }).waitFor();
    await page.getByRole('link', { name: 'Your returns' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    expect(seen.token.map((t) => t.get('grant_type'))).toEqual(['authorization_code', 'refresh_token']);
    expect(seen.authorize).toHaveLength(1);
    expect(apiRequests).toContain('GET /returns');
    expect(errors).toEqual([]);
  });

  it("signs out through Cognito's /logout with client_id and logout_uri, forgetting the tokens", async () => {
    const { page, errors } = await web.open();
    await page.goto(web.app);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signed out' }).waitFor();
    expect(seen.logout).toHaveLength(1);
    expect(seen.logout[0]!.get('client_id')).toBe(localAudience);
    expect(seen.logout[0]!.get('logout_uri')).toBe(web.app);
    // Back on the app's origin, nothing of the session is left.
    await page.goto(`${web.app}config.json`);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')))).toEqual(
      [],
    );
    expect(errors).toEqual([]);
  });
});

describe('sign-in with federation (config.json names the council provider)', () => {
  /** A page whose config.json is the deployment's with federation: councilProvider as lib/web-app.ts writes it. */
  async function federatedPage(size?: { width: number; height: number }) {
    const watched = await web.open(size);
    await watched.page.route(`${web.app}config.json`, (route) =>
      route.fulfill({
        json: {
          auth: 'cognito',
          apiUrl: '',
          authority: providerUrl,
          clientId: localAudience,
          cognitoDomain: providerUrl,
          councilProvider: 'CouncilAccount',
        },
      }),
    );
    return watched;
  }

  it('starts on the app\'s own sign-in page, whose "Sign in with your council account" goes to the provider with identity_provider', async () => {
    const { page, errors } = await federatedPage();
    await page.goto(`${web.app}upload`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(seen.authorize).toHaveLength(0);
    expect(await axeViolations(page)).toEqual([]);
    // Keyboard only: from the heading (focused on arrival), the button is the next stop.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Sign in with your council account',
    );
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Upload results' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/upload');
    expect(seen.authorize).toHaveLength(1);
    expect(seen.authorize[0]!.get('identity_provider')).toBe('CouncilAccount');
    expect(seen.authorize[0]!.get('code_challenge_method')).toBe('S256');
    expect(errors).toEqual([]);
  });

  it('offers "Sign in with a Ragtime account" for the user pool\'s own users: the managed login, no identity_provider', async () => {
    const { page, errors } = await federatedPage();
    await page.goto(web.app);
    await page.getByRole('button', { name: 'Sign in with a Ragtime account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    expect(seen.authorize).toHaveLength(1);
    expect(seen.authorize[0]!.has('identity_provider')).toBe(false);
    expect(errors).toEqual([]);
  });

  it('keeps its sign-in page usable at 320 CSS pixels wide (nothing scrolls sideways)', async () => {
    const { page, errors } = await federatedPage({ width: 320, height: 640 });
    await page.goto(web.app);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const button = await page.getByRole('button', { name: 'Sign in with your council account' }).boundingBox();
    expect(button!.x + button!.width).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
