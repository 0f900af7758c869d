// The load generator, run as a child process (fork) so that autocannon has the other
// core and does not share the server's event loop. One message in, one message out.
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  token: string;
  paths: string[];
  body: string;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

process.once('message', (message: LoadRequest) => {
  let i = 0;
  const statusCodes: Record<string, number> = {};
  const instance = autocannon(
    {
      url: message.url,
      connections: message.connections,
      duration: message.durationSeconds,
      headers: { authorization: `Bearer ${message.token}`, 'content-type': 'application/json' },
      requests: [
        {
          method: 'PUT',
          body: message.body,
          setupRequest: (req) => ({ ...req, path: message.paths[i++ % message.paths.length]! }),
        },
      ],
    },
    (error, result) => {
      if (error) {
        process.send!({ error: String(error) }, () => process.exit(1));
        return;
      }
      const out: LoadResult = {
        requests: result.requests.total,
        throughput: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes,
      };
      process.send!(out, () => process.exit(0));
    },
  );
  instance.on('response', (_client, statusCode) => {
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
});
