import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import type { HttpEvent, HttpResult } from '../http/middleware';
import { catchAllRoute, type RouteDef, routes } from '../http/routes';
import { type LocalKeys, verifyLocalToken } from './jwt';
import { lambdaContext } from './lambda-context';

// The local stand-in for API Gateway's HTTP API: the same route table, JWT checks that
// answer 401 in API Gateway's own shape, throttling that answers 429 the same way, and
// API Gateway v2 events handed to the very Lambda handlers that run in AWS.

type LambdaHandler = (event: HttpEvent, context: Context) => Promise<HttpResult | undefined>;

/** API Gateway's payload limit; our handlers enforce the API's own 256 KB below it. */
const gatewayMaxBody = 10 * 1024 * 1024;

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  names: string[];
}

function compile(route: RouteDef): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`))
    .replace(/\{([^}]+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

const handlerCache = new Map<string, Promise<LambdaHandler>>();
function loadHandler(name: string): Promise<LambdaHandler> {
  let loaded = handlerCache.get(name);
  if (!loaded) {
    loaded = import(`../handlers/${name}.ts`).then((mod: { handler: LambdaHandler }) => mod.handler);
    handlerCache.set(name, loaded);
  }
  return loaded;
}

/** API Gateway passes claims as strings, arrays flattened to `[a b]`: do the same so handlers meet the AWS shape. */
function gatewayClaims(payload: JWTPayload): Record<string, string | number | boolean | string[]> {
  const claims: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    claims[key] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  return claims;
}

function gatewayMessage(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ message }));
}

/** A token bucket like API Gateway's stage throttling (rate per second, burst). */
function throttle(rate: number, burst: number) {
  let tokens = burst;
  let last = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * rate);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

const textual = /^(text\/|application\/(.+\+)?(json|xml|x-www-form-urlencoded|csv))/i;

/** A route served by an in-process function instead of a handler module (benchmarks); matched before the route table. */
export interface ExtraRoute {
  route: RouteDef;
  handler: LambdaHandler;
}

export interface ApiServerOptions {
  port: number;
  host?: string;
  keys: LocalKeys;
  throttleRate?: number;
  throttleBurst?: number;
  /** None by default: the served routes are exactly the route table's. */
  extraRoutes?: readonly ExtraRoute[];
  /** Tried before the routes (local mode's web app and sign-in); true when it answered. */
  beforeRoutes?: (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => Promise<boolean>;
}

export interface RunningApi {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startApiServer(options: ApiServerOptions): Promise<RunningApi> {
  const extra = (options.extraRoutes ?? []).map((r) => ({ ...compile(r.route), fn: r.handler }));
  const compiled: Array<CompiledRoute & { fn?: LambdaHandler }> = [...extra, ...routes.map(compile)];
  const allow = throttle(options.throttleRate ?? 1000, options.throttleBurst ?? 2000);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!allow()) return gatewayMessage(res, 429, 'Too Many Requests');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();

    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > gatewayMaxBody) return gatewayMessage(res, 413, 'Request Entity Too Large');
      chunks.push(chunk as Buffer);
    }
    const raw = Buffer.concat(chunks);
    if (options.beforeRoutes && (await options.beforeRoutes(req, res, url, raw))) return;

    let match: { route: RouteDef; params: Record<string, string>; fn?: LambdaHandler } = {
      route: catchAllRoute,
      params: {},
    };
    for (const c of compiled) {
      if (c.route.method !== method) continue;
      const m = c.pattern.exec(url.pathname);
      if (!m) continue;
      try {
        match = {
          route: c.route,
          params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])),
          fn: c.fn,
        };
      } catch {
        match = { route: catchAllRoute, params: {} }; // undecodable path: no route
      }
      break;
    }

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
    }

    let claims: Record<string, unknown> | undefined;
    if (match.route.access !== 'public') {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
      const payload = bearer ? await verifyLocalToken(options.keys, bearer[1]!) : null;
      if (!payload) return gatewayMessage(res, 401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
      claims = gatewayClaims(payload);
    }

    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
    const requestId = randomUUID();
    const now = new Date();
    const isText = raw.length === 0 || textual.test(headers['content-type'] ?? '');
    const event = {
      version: '2.0',
      routeKey: match.route === catchAllRoute ? '$default' : `${match.route.method} ${match.route.path}`,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      queryStringParameters: Object.keys(query).length ? query : undefined,
      pathParameters: Object.keys(match.params).length ? match.params : undefined,
      body: raw.length ? (isText ? raw.toString('utf8') : raw.toString('base64')) : undefined,
      isBase64Encoded: raw.length > 0 && !isText,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: {
          method,
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId,
        routeKey: match.route === catchAllRoute ? '$default' : `${match.route.method} ${match.route.path}`,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        ...(claims && { authorizer: { jwt: { claims, scopes: null }, principalId: '', integrationLatency: 0 } }),
      },
    } as unknown as HttpEvent;

    let result: HttpResult | undefined;
    try {
      const fn = match.fn ?? (await loadHandler(match.route.handler));
      result = await fn(event, lambdaContext(`ragtime-${match.route.handler}`, requestId));
    } catch (error) {
      // A handler that throws past its middleware is what API Gateway reports as 500.
      console.error(`handler ${match.route.handler} failed`, error);
      return gatewayMessage(res, 500, 'Internal Server Error');
    }
    const outHeaders: Record<string, string> = { ...(result?.headers as Record<string, string> | undefined) };
    const body = result?.body ?? '';
    res.writeHead(result?.statusCode ?? 200, outHeaders);
    res.end(result?.isBase64Encoded ? Buffer.from(body, 'base64') : body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('local API failed', error);
      if (!res.headersSent) gatewayMessage(res, 500, 'Internal Server Error');
      else res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
