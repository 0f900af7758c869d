import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fitResponse, maxResponseBytes } from '../../lambdas/http/middleware';

// Lambda returns at most 6 MB: a 10,000-measure report only fits gzipped.

const json = (body: string) => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body });
// Text that compresses like a report (repeated structure), and text that does not.
const reportLike = (bytes: number) => {
  const measures: unknown[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const m = { id: `measure-${i}`, title: `Measure number ${i} of the plan`, status: 'green', actual: i };
    measures.push(m);
    size += JSON.stringify(m).length + 1;
  }
  return JSON.stringify({ measures });
};
const incompressible = (bytes: number) => {
  let s = '';
  let x = 1;
  while (s.length < bytes) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    s += x.toString(36);
  }
  return s;
};

describe('large responses', () => {
  it('leaves small bodies alone', () => {
    const small = json('{"ok":true}');
    expect(fitResponse(small, 'gzip')).toBe(small);
  });

  it('gzips a large body for a client that accepts gzip, and the body survives', () => {
    const body = reportLike(8 * 1024 * 1024);
    const out = fitResponse(json(body), 'gzip, deflate, br');
    expect(out.isBase64Encoded).toBe(true);
    expect(out.headers).toMatchObject({
      'content-encoding': 'gzip',
      vary: 'accept-encoding',
      'content-type': 'application/json',
    });
    expect(Buffer.byteLength(out.body!)).toBeLessThan(maxResponseBytes);
    expect(gunzipSync(Buffer.from(out.body!, 'base64')).toString()).toBe(body);
  });

  it('refuses with 406 problem+json what Lambda could not return, saying how to get it', () => {
    const plain = fitResponse(json(reportLike(7 * 1024 * 1024)), undefined);
    expect(plain.statusCode).toBe(406);
    expect(plain.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(plain.body!).detail).toMatch(/Accept-Encoding: gzip/);

    const evenGzipped = fitResponse(json(incompressible(8 * 1024 * 1024)), 'gzip');
    expect(evenGzipped.statusCode).toBe(406);
    expect(JSON.parse(evenGzipped.body!).detail).toMatch(/\?plan=/);

    // Under the limit without gzip: returned as it is.
    const fits = json(reportLike(2 * 1024 * 1024));
    expect(fitResponse(fits, undefined)).toBe(fits);
  });
});
