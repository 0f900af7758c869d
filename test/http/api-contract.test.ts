import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/http/routes';
import { startTestStack, type TestStack } from '../support/local-stack';
import { placeAction, placeMeasure, routeSamples } from '../support/route-samples';

// The contract of SPEC §5 through real HTTP against the local server and dynalite:
// every route × role, every error code, and /openapi.json.

let t: TestStack;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestStack();
  tokens.admin = await t.token('admin');
  tokens.emt = await t.token('emt');
  tokens.officer = await t.token('officer', 'Place');
  tokens.otherOfficer = await t.token('officer', 'People');
  await t.call('PUT', '/measures/planning', { token: tokens.admin, body: placeMeasure });
  await t.call('PUT', '/actions/ldp', { token: tokens.admin, body: placeAction });
  // A closed quarter for the routes that need one.
  await t.call('POST', '/reports/2016-17-Q1/close', { token: tokens.admin });
});
afterAll(async () => {
  await t?.stop();
});

/** A valid request for each route, so that an allowed role succeeds. */
function requestFor(handler: string): {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
} {
  const r = routes.find((x) => x.handler === handler)!;
  const samples = routeSamples({
    'retire-measure': { path: '/measures/to-retire' },
    'close-report': { path: '/reports/2015-16-Q1/close' },
  });
  const sample = samples[handler];
  if (!sample) throw new Error(`no sample request for ${handler}`);
  return { method: r.method, ...sample };
}

const roleNames = ['admin', 'emt', 'officer', 'otherOfficer'] as const;

describe('every role × route', () => {
  it('has a sample request for every route in the route table', () => {
    for (const r of routes) expect(() => requestFor(r.handler)).not.toThrow();
  });

  for (const route of routes) {
    it(`${route.method} ${route.path}`, async () => {
      if (route.handler === 'put-settings') {
        // The body is the current settings, read by an admin.
        const current = await (await t.call('GET', '/settings', { token: tokens.admin })).json();
        Object.assign(requestFor, { settingsBody: current });
      }
      const req = requestFor(route.handler);
      if (route.handler === 'put-settings')
        req.body = (requestFor as unknown as { settingsBody: unknown }).settingsBody;
      if (route.handler === 'retire-measure')
        await t.call('PUT', '/measures/to-retire', { token: tokens.admin, body: placeMeasure });

      const anonymous = await t.call(req.method, req.path, { body: req.body, headers: req.headers });
      if (route.access === 'public') expect(anonymous.status).toBe(200);
      else {
        expect(anonymous.status).toBe(401);
        expect(await anonymous.json()).toEqual({ message: 'Unauthorized' });
      }
      for (const role of roleNames) {
        const res = await t.call(req.method, req.path, { token: tokens[role], body: req.body, headers: req.headers });
        const groups = role === 'otherOfficer' ? 'officer' : role;
        const allowedByRole =
          route.access === 'public' ||
          route.access === 'signed-in' ||
          (route.access as readonly string[]).includes(groups);
        // Officers write only for what their directorate owns.
        const ownsSubject =
          role !== 'otherOfficer' || !['put-result', 'put-action-update', 'import-results'].includes(route.handler);
        const label = `${role} ${route.method} ${route.path}`;
        if (allowedByRole && ownsSubject) expect(res.status, `${label}: ${await res.clone().text()}`).toBeLessThan(300);
        else {
          expect(res.status, label).toBe(403);
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        }
      }
    });
  }
});

describe('every error code of SPEC §5', () => {
  async function dump() {
    const measures = await (await t.call('GET', '/measures/planning', { token: tokens.admin })).json();
    const history = await (
      await t.call('GET', '/measures/planning/results/2017-18-Q2/history', { token: tokens.admin })
    ).text();
    const settings = await (await t.call('GET', '/settings', { token: tokens.admin })).text();
    return JSON.stringify({ measures, history, settings });
  }

  it('answers each with problem+json and changes nothing', async () => {
    const before = await dump();
    const current = (
      await t.call('GET', '/measures/planning/results/2017-18-Q2/history', { token: tokens.admin })
    ).headers.get('etag');
    const cases: {
      status: number;
      method: string;
      path: string;
      token?: string;
      body?: unknown;
      headers?: Record<string, string>;
    }[] = [
      {
        status: 400,
        method: 'PUT',
        path: '/measures/planning/results/2017-18-Q2',
        token: tokens.admin,
        body: '{"value": 1',
      },
      {
        status: 400,
        method: 'POST',
        path: '/imports/results',
        token: tokens.admin,
        body: 'measureId,period,value\n"planning,2017-18-Q2,1\n',
        headers: { 'content-type': 'text/csv' },
      },
      {
        status: 403,
        method: 'PUT',
        path: '/measures/planning/results/2017-18-Q2',
        token: tokens.otherOfficer,
        body: { value: 1 },
      },
      { status: 403, method: 'PUT', path: '/settings', token: tokens.emt, body: {} },
      {
        status: 404,
        method: 'PUT',
        path: '/measures/nope/results/2017-18-Q2',
        token: tokens.admin,
        body: { value: 1 },
      },
      { status: 404, method: 'GET', path: '/measures/nope', token: tokens.admin },
      { status: 404, method: 'PATCH', path: '/measures/planning', token: tokens.admin },
      {
        status: 409,
        method: 'PUT',
        path: '/measures/planning/results/2016-17-Q1',
        token: tokens.officer,
        body: { value: 90 },
      },
      { status: 409, method: 'POST', path: '/reports/2014-15-Q1/reissue', token: tokens.admin },
      {
        status: 412,
        method: 'PUT',
        path: '/measures/planning/results/2017-18-Q2',
        token: tokens.admin,
        body: { value: 99 },
        headers: { 'if-match': '"999"' },
      },
      {
        status: 413,
        method: 'PUT',
        path: '/measures/planning/results/2017-18-Q2',
        token: tokens.admin,
        body: JSON.stringify({ value: 1, commentary: 'x'.repeat(300_000) }),
      },
      {
        status: 415,
        method: 'PUT',
        path: '/measures/planning/results/2017-18-Q2',
        token: tokens.admin,
        body: '{"value":1}',
        headers: { 'content-type': 'text/plain' },
      },
      {
        status: 415,
        method: 'POST',
        path: '/imports/results',
        token: tokens.admin,
        body: 'measureId,period,value\n',
        headers: { 'content-type': 'application/json' },
      },
      {
        status: 422,
        method: 'PUT',
        path: '/measures/planning/results/2017-18-Q2',
        token: tokens.admin,
        body: { value: 'high' },
      },
      {
        status: 422,
        method: 'PUT',
        path: '/measures/planning/results/2017-18-Q2',
        token: tokens.admin,
        body: { value: 10 },
      },
      {
        status: 422,
        method: 'PUT',
        path: '/measures/planning/results/2018-02',
        token: tokens.admin,
        body: { value: 90 },
      },
      {
        status: 422,
        method: 'PUT',
        path: '/actions/ldp/updates/2017-18-Q2',
        token: tokens.admin,
        body: { status: 'red' },
      },
      {
        status: 422,
        method: 'PUT',
        path: '/actions/ldp/updates/2017-18-Q2',
        token: tokens.admin,
        body: { status: 'purple' },
      },
      { status: 422, method: 'GET', path: '/measures?limit=0', token: tokens.admin },
      { status: 422, method: 'GET', path: '/measures?next=garbage', token: tokens.admin },
      { status: 422, method: 'GET', path: '/reports/2017-18-Q2?format=pdf', token: tokens.admin },
      { status: 422, method: 'PUT', path: '/settings', token: tokens.admin, body: { reportTitle: 'x' } },
    ];
    for (const c of cases) {
      const res = await t.call(c.method, c.path, { token: c.token, body: c.body, headers: c.headers });
      const label = `${c.method} ${c.path} ${JSON.stringify(c.body)?.slice(0, 60)}`;
      expect(res.status, label).toBe(c.status);
      expect(res.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as { status: number; title: string; detail: string; type: string };
      expect(problem.status).toBe(c.status);
      expect(problem.detail.length).toBeGreaterThan(0);
    }
    expect(current).not.toBeNull();
    expect(await dump()).toBe(before);
  });

  it('names every field that breaks the schema', async () => {
    const res = await t.call('PUT', '/measures/x1', {
      token: tokens.admin,
      body: { ...placeMeasure, polarity: 'up', targets: { '2017-18': { min: 1, max: 2 } }, colour: 'red' },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string; message: string }[] };
    const paths = problem.errors.map((e) => e.path);
    expect(paths).toContain('/polarity');
    expect(paths.some((p) => p === '' || p === '/')).toBe(true); // the unknown key 'colour'
  });
});

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document listing every route of the route table', async () => {
    const res = await t.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const r of routes) expect(doc.paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
    const putResult = doc.paths['/measures/{id}/results/{period}']!.put as {
      requestBody: { content: Record<string, { schema: { properties: object } }> };
    };
    expect(Object.keys(putResult.requestBody.content['application/json']!.schema.properties)).toEqual([
      'value',
      'commentary',
      'breakdown',
    ]);
  });
});
