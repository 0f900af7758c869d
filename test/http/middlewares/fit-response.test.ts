import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fitResponseMiddleware } from '../../../lambdas/http/middlewares/fit-response';
import { httpEvent, run } from './harness';

const large = 'x'.repeat(600 * 1024);

describe('fitResponse', () => {
  it('leaves a small answer as it is', async () => {
    const { result } = await run(fitResponseMiddleware(), httpEvent({ headers: { 'accept-encoding': 'gzip' } }));
    expect(result).toEqual({ statusCode: 200, body: 'ok' });
  });

  it('gzips a large answer for a client that accepts gzip', async () => {
    const { result } = await run(
      fitResponseMiddleware(),
      httpEvent({ headers: { 'accept-encoding': 'br, gzip' } }),
      () => ({ statusCode: 200, body: large }),
    );
    expect(result).toMatchObject({ isBase64Encoded: true, headers: { 'content-encoding': 'gzip' } });
    expect(gunzipSync(Buffer.from(result!.body!, 'base64')).toString()).toBe(large);
  });

  it('refuses with 406 an answer over 6 MB for a client without gzip', async () => {
    const { result } = await run(fitResponseMiddleware(), httpEvent(), () => ({
      statusCode: 200,
      body: 'x'.repeat(7 * 1024 * 1024),
    }));
    expect(result?.statusCode).toBe(406);
    expect(JSON.parse(result!.body!).detail).toContain('Accept-Encoding: gzip');
  });
});
