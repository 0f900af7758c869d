import { describe, expect, it } from 'vitest';
import { bodyLimit, maxBodyBytes } from '../../../lambdas/http/middlewares/body-limit';
import { httpEvent, run } from './harness';

describe('bodyLimit', () => {
  it('refuses a body over 256 KB with 413 before the handler runs', async () => {
    let ran = false;
    const { error } = await run(bodyLimit(), httpEvent({ body: 'x'.repeat(maxBodyBytes + 1) }), () => {
      ran = true;
      return { statusCode: 200 };
    });
    expect(error).toMatchObject({ status: 413, detail: 'The request body is larger than 256 KB.' });
    expect(ran).toBe(false);
  });

  it('counts a base64 body by its decoded size', async () => {
    // 200 KB decoded is 267 KB of base64: under the limit, though its text is over it.
    const encoded = Buffer.alloc(200 * 1024).toString('base64');
    expect(encoded.length).toBeGreaterThan(maxBodyBytes);
    const { result } = await run(bodyLimit(), httpEvent({ body: encoded, isBase64Encoded: true }));
    expect(result?.statusCode).toBe(200);
  });
});
