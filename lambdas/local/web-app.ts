import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { buildWebApp } from '../../web/build';
import { listPeople, tokenClaimsFor } from '../services/people';
import { type LocalKeys, signLocalToken, type TokenSubject } from './jwt';

// Local mode's web app (docs/web-app.md): built when the stack starts, served under
// /app/ by the local API server, with config.json saying "local sign-in" and the one
// local-only endpoint, POST /local/sign-in, that mints a token for a chosen role and
// directorate. Neither is in the route table, so neither exists in AWS.

export const webAppPath = '/app/';
const localRoles: readonly TokenSubject['role'][] = ['officer', 'approver', 'emt', 'admin'];

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The policy the CloudFront distribution sends (lib/web-app.ts): the API is this origin, plus any sign-in provider. */
function securityHeaders(providers: string[]) {
  const connect = ["'self'", ...providers].join(' ');
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src ${connect}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  };
}

export interface LocalWebAppOptions {
  keys: LocalKeys;
  directorates: string[];
  /** Where to build (tests build into their own folder); default web/dist. */
  outDir?: string;
  /**
   * A folder `buildWebApp` already filled: served as it is, not built again (the test run builds the app once for
   * every browser test file: test/support/global-setup.ts).
   */
  prebuilt?: string;
  /** Replaces the local config.json (a test of the AWS sign-in path points it at a fake OIDC provider). */
  config?: Record<string, unknown>;
}

export type LocalRequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
) => Promise<boolean>;

/** Builds the app, then answers /app/… and POST /local/sign-in; false for every other request (the API's). */
export async function localWebApp(
  options: LocalWebAppOptions,
): Promise<{ handle: LocalRequestHandler; outDir: string }> {
  const root = options.prebuilt ?? (await buildWebApp(options.outDir)).outDir;
  const index = readFileSync(join(root, 'index.html'));
  const config = JSON.stringify(options.config ?? { auth: 'local', apiUrl: '', directorates: options.directorates });
  const providers = ['authority', 'cognitoDomain'].flatMap((key) => {
    const value = options.config?.[key];
    return typeof value === 'string' ? [new URL(value).origin] : [];
  });
  const headers = securityHeaders(providers);
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, extra = {}) => {
    res.writeHead(status, { 'content-type': type, ...headers, ...extra });
    res.end(body);
  };

  const handle: LocalRequestHandler = async (req, res, url, body) => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname === '/local/people' && method === 'GET') {
      // The people in the table, for the local sign-in page (docs/people.md "Local mode").
      const people = (await listPeople()).map(({ email, name, roles, directorate }) => ({
        email,
        ...(name !== undefined && { name }),
        roles,
        directorate,
      }));
      send(res, 200, 'application/json', JSON.stringify({ people }), { 'cache-control': 'no-store' });
      return true;
    }
    if (url.pathname === '/local/sign-in' && method === 'POST') {
      let asked: { role?: unknown; directorate?: unknown; email?: unknown } = {};
      try {
        asked = JSON.parse(body.toString('utf8')) as typeof asked;
      } catch {
        // answered below
      }
      if (typeof asked.email === 'string' && asked.email.includes('@')) {
        // As a person: the token carries what their record says, as the Cognito trigger would write it.
        const email = asked.email.trim().toLowerCase();
        const { groups, directorate, name } = await tokenClaimsFor(email);
        const token = await signLocalToken(options.keys, {
          role: groups[0] ?? 'officer',
          roles: groups,
          email,
          ...(name && { name }),
          sub: `local-${email}`,
          ...(directorate && { directorate }),
        });
        send(res, 200, 'application/json', JSON.stringify({ token }), { 'cache-control': 'no-store' });
        return true;
      }
      const role = localRoles.find((r) => r === asked.role);
      const directorate = typeof asked.directorate === 'string' ? asked.directorate.trim() : '';
      if (!role || ((role === 'officer' || role === 'approver') && (directorate === '' || directorate.length > 200))) {
        send(
          res,
          422,
          'application/problem+json',
          JSON.stringify({
            type: 'about:blank',
            title: 'Unprocessable Content',
            status: 422,
            detail: 'Give a role (officer, approver, emt or admin) and, for officers and approvers, a directorate.',
          }),
        );
        return true;
      }
      const withDirectorate = role === 'officer' || role === 'approver';
      const token = await signLocalToken(options.keys, { role, ...(withDirectorate && { directorate }) });
      send(res, 200, 'application/json', JSON.stringify({ token }), { 'cache-control': 'no-store' });
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (url.pathname === '/app') {
      res.writeHead(301, { location: webAppPath });
      res.end();
      return true;
    }
    if (!url.pathname.startsWith(webAppPath)) return false;
    const rest = url.pathname.slice(webAppPath.length);
    if (rest === 'config.json') {
      send(res, 200, 'application/json', config, { 'cache-control': 'no-cache, no-store' });
      return true;
    }
    if (rest.startsWith('assets/')) {
      let path: string;
      try {
        path = normalize(join(root, decodeURIComponent(rest)));
      } catch {
        path = '';
      }
      if (path.startsWith(join(root, 'assets') + sep) && statSync(path, { throwIfNoEntry: false })?.isFile()) {
        send(res, 200, types[extname(path)] ?? 'application/octet-stream', readFileSync(path), {
          'cache-control': 'public, max-age=31536000, immutable',
        });
      } else send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      return true;
    }
    // Every other path is a page of the app: deep links survive a reload.
    send(res, 200, types['.html']!, index, { 'cache-control': 'no-cache' });
    return true;
  };
  return { handle, outDir: root };
}
