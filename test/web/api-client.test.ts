import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../lambdas/http/openapi';
import { routes } from '../../lambdas/http/routes';
import { clientRoutes, createApi, fillPath } from '../../web/src/api';

// The web app's client may call only routes the API serves and documents.
describe('the web app API client', () => {
  it('uses only routes that are in the route table and in /openapi.json', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    for (const { method, path } of Object.values(clientRoutes)) {
      expect(
        routes.some((r) => r.method === method && r.path === path),
        `${method} ${path} in routes.ts`,
      ).toBe(true);
      expect(doc.paths[path]?.[method.toLowerCase()], `${method} ${path} in openapi`).toBeDefined();
    }
  });

  it('encodes path parameters, so an id cannot reach another route', () => {
    expect(fillPath('/measures/{id}/results/{period}', { id: 'a/../b', period: '2017-18-Q4' })).toBe(
      '/measures/a%2F..%2Fb/results/2017-18-Q4',
    );
  });

  it('sends the token, If-Match and the body, and reads a problem+json answer', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const api = createApi({
      baseUrl: 'https://api.example',
      token: async () => 'tok',
      fetch: async (url, init) => {
        seen.push({ url: String(url), init: init ?? {} });
        return new Response(JSON.stringify({ type: 'about:blank', title: 'x', status: 422, detail: 'bad' }), {
          status: 422,
          headers: { 'content-type': 'application/problem+json' },
        });
      },
    });
    const answer = await api.putResult('m1', '2017-18-Q4', { value: 5 }, '"3"');
    expect(answer).toEqual({ ok: false, status: 422, problem: expect.objectContaining({ detail: 'bad' }) });
    expect(seen[0]!.url).toBe('https://api.example/measures/m1/results/2017-18-Q4');
    expect(seen[0]!.init.headers).toMatchObject({ authorization: 'Bearer tok', 'if-match': '"3"' });
    expect(seen[0]!.init.body).toBe('{"value":5}');
  });
});
