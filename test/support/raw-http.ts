import { Agent, request } from 'node:http';

// A bare HTTP client for the reliability tests: unlike fetch it sends the path exactly
// as given (no `..` normalisation), sends no content type unless told, and keeps a fixed
// pool of keep-alive connections.

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
}

export function rawClient(baseUrl: string, connections = 8) {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const sockets = new Set<unknown>();
  const send = (req: RawRequest): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k] = v;
      const body =
        req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
      if (body) headers['content-length'] = String(body.length);
      const r = request(
        { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const out: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) out[k] = Array.isArray(v) ? v.join(',') : v;
            resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', reject);
        },
      );
      r.on('socket', (s) => sockets.add(s));
      r.on('error', reject);
      r.end(body);
    });
  return {
    send,
    /** How many distinct TCP connections the pool has opened so far. */
    connectionsUsed: () => sockets.size,
    close: () => agent.destroy(),
  };
}
export type RawClient = ReturnType<typeof rawClient>;
