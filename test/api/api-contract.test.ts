import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteDef, routes } from '../../lambdas/http/routes';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { contractBreaks } from '../support/response-contract';
import { placeAction, placeMeasure, routeSamples, type SampleRequest, sampleOf } from '../support/route-samples';

// The API's contract (docs/rules.md#who-may-do-what and /openapi.json) through real HTTP against the local server and dynalite:
// who may call each route, every error code, and /openapi.json.

const t = useTestStack({
  tokens: {
    admin: 'admin',
    emt: 'emt',
    officer: { role: 'officer', directorate: 'Place' },
    otherOfficer: { role: 'officer', directorate: 'People' },
    approver: { role: 'approver', directorate: 'Place' },
    noRole: { role: 'officer', roles: [], email: 'removed@localhost' },
  },
});
const { tokens } = t;

beforeAll(async () => {
  await t.call('PUT', '/measures/planning', { token: tokens.admin, body: placeMeasure });
  await t.call('PUT', '/actions/ldp', { token: tokens.admin, body: placeAction });
  await t.call('PUT', '/people/planning.officer@example.org', {
    token: tokens.admin,
    body: { roles: ['officer'], directorate: 'Place' },
  });
  // The callers' own People records, which PUT /me/language writes their language on.
  for (const [email, body] of [
    ['admin@localhost', { roles: ['admin'] }],
    ['emt@localhost', { roles: ['emt'] }],
    ['officer.place@localhost', { roles: ['officer'], directorate: 'Place' }],
    ['officer.people@localhost', { roles: ['officer'], directorate: 'People' }],
    ['approver.place@localhost', { roles: ['approver'], directorate: 'Place' }],
  ] as const)
    await t.call('PUT', `/people/${email}`, { token: tokens.admin, body });
  // A result and an update, so the history routes have one to show whichever test runs first.
  await t.call('PUT', '/measures/planning/results/2017-18-Q2', { token: tokens.admin, body: { value: 85 } });
  await t.call('PUT', '/actions/ldp/updates/2017-18-Q2', { token: tokens.admin, body: { status: 'green' } });
  // A closed quarter for the routes that need one.
  await t.call('POST', '/reports/2016-17-Q1/close', { token: tokens.admin });
});

// Who may call what, written out by hand from docs/rules.md (and never read from the
// route table, which is what the middleware enforces: a wrong role in
// lambdas/http/routes.ts fails a cell here). The measure and action belong to Place.
// Approvers read like any signed-in caller; sign-off will give them their own writes.
// '2xx': served; '401': no token (API Gateway's {"message"}); '403': problem+json.
// 'no role': a valid ID token with `cognito:groups: []` (a person removed on People):
// nothing but GET /me, so the web app can say "Ask your performance team for access".
// A new route fails 'has a row for every route' until it gets its row; a new role is a
// new entry in `callers` and a new column in each row (the type counts the columns).
const callers = ['none', 'noRole', 'ownerOfficer', 'otherOfficer', 'ownerApprover', 'emt', 'admin'] as const;
type Caller = (typeof callers)[number];
type Expected = '2xx' | '401' | '403';
type Columns<T extends readonly unknown[]> = { readonly [K in keyof T]: Expected };
type Row = Columns<typeof callers>;

// biome-ignore format: the matrix reads as a table
const matrix: Record<string, Row> = {
  //                                                                none    no role officer  officer  approver emt    admin
  //                                                                                of owner of other of owner
  'GET /health':                                                  ['2xx',  '2xx',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'GET /openapi.json':                                            ['2xx',  '2xx',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'GET /me':                                                      ['401',  '2xx',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'PUT /me/language':                                             ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'GET /returns':                                                 ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'PUT /measures/{id}':                                           ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'GET /measures':                                                ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'GET /measures/{id}':                                           ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'DELETE /measures/{id}':                                        ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'PUT /measures/{id}/results/{period}':                          ['401',  '403',  '2xx',   '403',   '403',    '403',  '2xx'],
  'GET /measures/{id}/results/{period}/history':                  ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'GET /measures/{id}/history':                                   ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'GET /measures/{id}/results':                                   ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'PUT /actions/{id}':                                            ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'DELETE /actions/{id}':                                         ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'GET /actions/{id}/history':                                    ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'POST /plans/{plan}/roll-forward':                              ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'GET /actions':                                                 ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'GET /actions/{id}':                                            ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'PUT /actions/{id}/updates/{quarter}':                          ['401',  '403',  '2xx',   '403',   '403',    '403',  '2xx'],
  'GET /actions/{id}/updates/{quarter}/history':                  ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'POST /measures/{id}/results/{period}/sign-off':                ['401',  '403',  '403',   '403',   '2xx',    '403',  '2xx'],
  'POST /actions/{id}/updates/{quarter}/sign-off':                ['401',  '403',  '403',   '403',   '2xx',    '403',  '2xx'],
  'GET /sign-offs':                                               ['401',  '403',  '403',   '403',   '2xx',    '403',  '2xx'],
  'GET /reports/{quarter}':                                       ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'POST /reports/{quarter}/close':                                ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'POST /reports/{quarter}/reissue':                              ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'GET /reports/{quarter}/close-preview':                         ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'GET /reports/{quarter}/reissue-preview':                       ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'GET /reports/{quarter}/email':                                 ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'POST /reports/{quarter}/email':                                ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'PUT /reports/{quarter}/critical-items/{itemId}/remedial-action':
                                                                  ['401',  '403',  '403',   '403',   '403',    '2xx',  '2xx'],
  'GET /people':                                                  ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'GET /people/{email}':                                          ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'PUT /people/{email}':                                          ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'DELETE /people/{email}':                                       ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'GET /settings':                                                ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'PUT /settings':                                                ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'GET /settings/history':                                        ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
  'POST /imports/results':                                        ['401',  '403',  '2xx',   '403',   '403',    '403',  '2xx'],
  'GET /imports/results/template':                                ['401',  '403',  '2xx',   '2xx',   '403',    '403',  '2xx'],
  'GET /definitions':                                             ['401',  '403',  '2xx',   '2xx',   '2xx',    '2xx',  '2xx'],
  'POST /imports/definitions':                                    ['401',  '403',  '403',   '403',   '403',    '403',  '2xx'],
};

const tokenOf = (caller: Caller): string | undefined =>
  caller === 'none'
    ? undefined
    : tokens[caller === 'ownerOfficer' ? 'officer' : caller === 'ownerApprover' ? 'approver' : caller];

/** A valid request for the route, so that a refusal is about the caller. */
async function requestFor(route: RouteDef): Promise<{
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}> {
  const overrides: Record<string, SampleRequest> = { 'close-report': { path: '/reports/2015-16-Q1/close' } };
  if (route.handler === 'retire-measure') {
    // Each call retires a measure of its own.
    const id = freshId('to-retire');
    await t.call('PUT', `/measures/${id}`, { token: tokens.admin, body: placeMeasure });
    overrides['retire-measure'] = { path: `/measures/${id}` };
  }
  if (route.handler === 'retire-action') {
    // Each call retires planned work of its own.
    const id = freshId('work-to-retire');
    await t.call('PUT', `/actions/${id}`, { token: tokens.admin, body: placeAction });
    overrides['retire-action'] = { path: `/actions/${id}` };
  }
  if (route.handler === 'delete-person') {
    // Each call removes a person of its own.
    const email = `${freshId('leaver')}@example.org`;
    await t.call('PUT', `/people/${email}`, { token: tokens.admin, body: { roles: ['emt'] } });
    overrides['delete-person'] = { path: `/people/${email}` };
  }
  if (route.handler === 'put-settings')
    overrides['put-settings'] = {
      path: '/settings',
      body: await (await t.call('GET', '/settings', { token: tokens.admin })).json(),
    };
  if (route.handler === 'sign-off-result' || route.handler === 'sign-off-action-update') {
    // A fresh version submitted by the Place officer while sign-off is on, for each call to decide on;
    // off again when the test ends, passed or failed (also for the test that only builds the requests).
    await t.withSettings({ signOff: 'on' });
    const quarter = '2017-18-Q3';
    if (route.handler === 'sign-off-result') {
      const id = freshId('to-sign-off');
      await t.call('PUT', `/measures/${id}`, { token: tokens.admin, body: placeMeasure });
      await t.call('PUT', `/measures/${id}/results/${quarter}`, { token: tokens.officer, body: { value: 85 } });
      overrides[route.handler] = {
        path: `/measures/${id}/results/${quarter}/sign-off`,
        body: { decision: 'approve' },
        headers: { 'if-match': '"1"' },
      };
    } else {
      const id = freshId('to-sign-off');
      await t.call('PUT', `/actions/${id}`, { token: tokens.admin, body: placeAction });
      await t.call('PUT', `/actions/${id}/updates/${quarter}`, { token: tokens.officer, body: { status: 'green' } });
      overrides[route.handler] = {
        path: `/actions/${id}/updates/${quarter}/sign-off`,
        body: { decision: 'approve' },
        headers: { 'if-match': '"1"' },
      };
    }
  }
  const sample = sampleOf(routeSamples(overrides), route);
  if (!sample) throw new Error(`no sample request for ${route.handler}`);
  return { method: route.method, ...sample };
}

const routeKey = (r: RouteDef) => `${r.method} ${r.path}`;

describe('who may call each route (role × route matrix)', () => {
  it('has a row for every route in the route table, and none for a route it lacks', () => {
    expect(Object.keys(matrix).sort()).toEqual(routes.map(routeKey).sort());
  });

  it('has a sample request for every route in the route table', async () => {
    for (const r of routes) await expect(requestFor(r), routeKey(r)).resolves.toBeDefined();
  });

  it('leaves sign-off off for the tests after one that turned it on', async () => {
    const settings = await (await t.call('GET', '/settings', { token: tokens.admin })).json();
    expect(settings.signOff).toBe('off');
  });

  for (const [key, row] of Object.entries(matrix)) {
    const route = routes.find((r) => routeKey(r) === key);
    describe(key, () => {
      callers.forEach((caller, column) => {
        const expected = row[column]!;
        it(`${caller} → ${expected}`, async () => {
          expect(route, `${key} is not in the route table`).toBeDefined();
          const req = await requestFor(route!);
          const res = await t.call(req.method, req.path, {
            token: tokenOf(caller),
            body: req.body,
            headers: req.headers,
          });
          const label = `${caller} ${key}: ${res.status} ${await res.clone().text()}`;
          expect(expected === '2xx' ? `${String(res.status)[0]}xx` : String(res.status), label).toBe(expected);
          // A served answer keeps its route's response schema (the contract /openapi.json publishes and the web app's types are inferred from).
          const body = await res.clone().text();
          expect(contractBreaks(route!, res.status, res.headers.get('content-type'), body), label).toEqual([]);
          if (expected === '401') expect(await res.json()).toEqual({ message: 'Unauthorized' });
          if (expected === '403') expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        });
      });
    });
  }
});

describe('every error code of the API', () => {
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
        // A broken quote is one of the file's mistakes, listed with the others (SPEC §5: parse,
        // permission and validation errors together), not a malformed request.
        status: 422,
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
      // An admin taking away their own admin role (docs/people.md "Nobody locks the admins out").
      { status: 409, method: 'PUT', path: '/people/admin@localhost', token: tokens.admin, body: { roles: ['emt'] } },
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
