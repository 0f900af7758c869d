import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBodyBytes } from '../../lambdas/http/middleware';
import { type RouteDef, routes } from '../../lambdas/http/routes';
import { signLocalToken } from '../../lambdas/local/jwt';
import { startTestStack, type TestStack } from '../support/local-stack';
import { reliabilitySection } from '../support/reliability-report';
import { placeAction, placeMeasure, routeSamples, type SampleRequest, sampleOf } from '../support/route-samples';
import { type TableDumper, tableDumper } from '../support/table-dump';
import { forgedTokens, nonIdTokens } from './tokens';

// The authoriser, the role and directorate checks and the body limit, through
// real HTTP. Every refused request is checked against a full dump of the table. (Log
// hygiene is in logs.test.ts, which runs with the logger at DEBUG.)

const report = reliabilitySection('security', 'Security', 4);

let t: TestStack;
let dumper: TableDumper;
const tokens: Record<'admin' | 'emt' | 'officer' | 'otherOfficer' | 'noRole', string> = {
  admin: '',
  emt: '',
  officer: '',
  otherOfficer: '',
  noRole: '',
};

beforeAll(async () => {
  t = await startTestStack({ throttleRate: 1e6, throttleBurst: 1e6 });
  tokens.admin = await t.token('admin');
  tokens.emt = await t.token('emt');
  tokens.officer = await t.token('officer', 'Place');
  tokens.otherOfficer = await t.token('officer', 'People');
  // What the sign-in trigger issues to a person removed on People: a valid ID token, no groups.
  tokens.noRole = await signLocalToken(t.stack.keys, { role: 'officer', roles: [], email: 'removed@localhost' });
  dumper = tableDumper(t.stack.dynamodbUrl, process.env.TABLE_NAME!);
  expect((await t.call('PUT', '/measures/planning', { token: tokens.admin, body: placeMeasure })).status).toBe(201);
  expect((await t.call('PUT', '/actions/ldp', { token: tokens.admin, body: placeAction })).status).toBe(201);
  expect((await t.call('POST', '/reports/2016-17-Q1/close', { token: tokens.admin })).status).toBe(200);
  // The close's email is sent by the mailer afterwards: settled now, so the table dumps below see only the requests.
  await t.stack.outbox.drain();
});
afterAll(async () => {
  report.write();
  dumper?.close();
  await t?.stop();
});

/** A request each route would accept from an allowed caller: so a refusal is about the caller only. */
async function sampleFor(route: RouteDef): Promise<SampleRequest> {
  const samples = routeSamples({
    'put-settings': {
      path: '/settings',
      body: await (await t.call('GET', '/settings', { token: tokens.admin })).json(),
    },
  });
  const sample = sampleOf(samples, route);
  if (!sample) throw new Error(`no sample request for ${route.handler}: add one`);
  return sample;
}
const protectedRoutes = routes.filter((r) => r.access !== 'public');

async function expectProblem(res: Response, status: number, label: string) {
  expect(res.status, `${label}: ${await res.clone().text()}`).toBe(status);
  expect(res.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
}

describe('the authoriser', () => {
  it('refuses tampered, expired, not-yet-valid, unsigned, foreign-issuer, wrong-audience and foreign-key tokens on every protected route: 401 {"message":"Unauthorized"}', async () => {
    const forged = await forgedTokens(t.stack.keys, tokens.officer);
    const before = await dumper.dump();
    let requests = 0;
    for (const [what, token] of Object.entries(forged)) {
      for (const route of protectedRoutes) {
        const req = await sampleFor(route);
        const res = await t.call(route.method, req.path, { token, body: req.body, headers: req.headers });
        const label = `${what}: ${route.method} ${route.path}`;
        expect(res.status, label).toBe(401);
        expect(await res.json(), label).toEqual({ message: 'Unauthorized' });
        expect(res.headers.get('www-authenticate'), label).toBe('Bearer');
        requests++;
      }
    }
    expect(await dumper.dump()).toBe(before);
    // The same requests with the genuine token get through: the refusals were about the token.
    const ok = await t.call('PUT', '/measures/planning/results/2017-18-Q2', {
      token: tokens.admin,
      body: { value: 85 },
    });
    expect(ok.status).toBe(201);
    report.row({
      case: `${Object.keys(forged).length} kinds of forged token (${Object.keys(forged).join('; ')}) × ${protectedRoutes.length} protected routes`,
      count: requests,
      held: '401 {"message":"Unauthorized"} with WWW-Authenticate every time; table unchanged',
    });
  });
});

describe('ID tokens only', () => {
  it('answers 401 problem+json to tokens the gateway passes that are not ID tokens, on every protected route', async () => {
    const tokensToTry = await nonIdTokens(t.stack.keys);
    const before = await dumper.dump();
    let requests = 0;
    for (const [what, token] of Object.entries(tokensToTry)) {
      for (const route of protectedRoutes) {
        const req = await sampleFor(route);
        const res = await t.call(route.method, req.path, { token, body: req.body, headers: req.headers });
        const label = `${what}: ${route.method} ${route.path}`;
        await expectProblem(res, 401, label);
        expect(res.headers.get('www-authenticate'), label).toBe('Bearer error="invalid_token"');
        requests++;
      }
    }
    expect(await dumper.dump()).toBe(before);
    report.row({
      case: `${Object.keys(tokensToTry).join('; ')}: right issuer, key and client, so API Gateway's authorizer passes them × ${protectedRoutes.length} protected routes`,
      count: requests,
      held: '401 problem+json (only token_use "id" makes a caller) every time; table unchanged',
    });
  });
});

describe('roles and directorates', () => {
  it('answers 403 to every role a route does not allow (emt and officers on admin routes, officers on EMT routes)', async () => {
    const before = await dumper.dump();
    let requests = 0;
    const refused: string[] = [];
    for (const route of protectedRoutes) {
      if (!Array.isArray(route.access)) continue;
      for (const role of ['admin', 'emt', 'officer'] as const) {
        if ((route.access as readonly string[]).includes(role)) continue;
        const req = await sampleFor(route);
        const res = await t.call(route.method, req.path, { token: tokens[role], body: req.body, headers: req.headers });
        await expectProblem(res, 403, `${role} ${route.method} ${route.path}`);
        refused.push(`${role} ${route.method} ${route.path}`);
        requests++;
      }
    }
    expect(await dumper.dump()).toBe(before);
    expect(refused).toEqual(
      expect.arrayContaining([
        'emt PUT /measures/{id}',
        'officer PUT /settings',
        'emt POST /reports/{quarter}/close',
        'officer PUT /reports/{quarter}/critical-items/{itemId}/remedial-action',
      ]),
    );
    report.row({
      case: 'emt and officer tokens on every route their role may not use (admin routes; officers on the remedial-action route)',
      count: requests,
      held: '403 problem+json every time; table unchanged',
    });
  });

  it('answers 403 to a signed-in caller with no known role on every route but GET /me, which answers who they are', async () => {
    const before = await dumper.dump();
    const answered: string[] = [];
    for (const route of protectedRoutes) {
      const req = await sampleFor(route);
      const res = await t.call(route.method, req.path, { token: tokens.noRole, body: req.body, headers: req.headers });
      const label = `no role ${route.method} ${route.path}`;
      if (route.method === 'GET' && route.path === '/me') {
        expect(res.status, label).toBe(200);
        expect(await res.json(), label).toMatchObject({ email: 'removed@localhost', roles: [], directorate: null });
        answered.push(label);
        continue;
      }
      await expectProblem(res, 403, label);
      expect((await res.json()).detail, label).toMatch(/ask your performance team for access/i);
    }
    expect(answered).toEqual(['no role GET /me']);
    expect(await dumper.dump()).toBe(before);
    // The findings' own requests, by name: each read everything before.
    for (const path of [
      '/reports/2017-18-Q2?format=csv',
      '/measures/planning/results',
      '/definitions?format=csv&kind=measures',
      '/returns?directorate=Place&quarter=2017-18-Q2',
      '/actions/ldp',
    ]) {
      await expectProblem(await t.call('GET', path, { token: tokens.noRole }), 403, `no role GET ${path}`);
    }
    report.row({
      case: `a valid ID token with cognito:groups [] (a person removed on People) × ${protectedRoutes.length} protected routes`,
      count: protectedRoutes.length + 5,
      held: '403 problem+json on every route but GET /me (200, roles []); table unchanged',
    });
  });

  it("answers 403 to an officer of another directorate on every write officers may use (results, action updates, CSV import); the owner's officer gets through", async () => {
    const writes = protectedRoutes.filter(
      (r) => Array.isArray(r.access) && (r.access as readonly string[]).includes('officer') && r.method !== 'GET',
    );
    expect(writes.map((r) => r.handler).sort()).toEqual(['import-results', 'put-action-update', 'put-result']);
    const before = await dumper.dump();
    for (const route of writes) {
      const req = await sampleFor(route);
      const res = await t.call(route.method, req.path, {
        token: tokens.otherOfficer,
        body: req.body,
        headers: req.headers,
      });
      await expectProblem(res, 403, `People officer ${route.method} ${route.path}`);
    }
    // A CSV mixing an owned row with another directorate's row is refused whole.
    await t.call('PUT', '/measures/people-measure', {
      token: tokens.admin,
      body: { ...placeMeasure, title: 'People measure', directorates: ['People'], ownerDirectorate: 'People' },
    });
    const mixedBefore = await dumper.dump();
    const mixed = await t.call('POST', '/imports/results', {
      token: tokens.otherOfficer,
      body: 'measureId,period,value\npeople-measure,2017-18-Q3,90\nplanning,2017-18-Q3,90\n',
      headers: { 'content-type': 'text/csv' },
    });
    await expectProblem(mixed, 403, 'mixed CSV');
    expect(await dumper.dump()).toBe(mixedBefore);
    expect(before).not.toBe(mixedBefore); // (the admin's people-measure definition)
    for (const route of writes) {
      const req = await sampleFor(route);
      const res = await t.call(route.method, req.path, { token: tokens.officer, body: req.body, headers: req.headers });
      expect(res.status, `Place officer ${route.method} ${route.path}`).toBeLessThan(300);
    }
    report.row({
      case: "a People officer on Place's result, action update and CSV import (and a CSV mixing own and foreign rows)",
      count: writes.length + 1,
      held: "403 problem+json, table unchanged; Place's officer gets 2xx on the same requests",
    });
  });
});

describe('the body limit', () => {
  it('answers 413 to bodies over 256 KB before parsing them (malformed JSON, CSV, binary), and parses a body of exactly 256 KB', async () => {
    const before = await dumper.dump();
    const over = 300 * 1024;
    const cases = [
      {
        what: '300 KB of malformed JSON',
        path: '/measures/planning/results/2017-18-Q2',
        method: 'PUT',
        body: `{"value": ${'9'.repeat(over)}`,
        ct: 'application/json',
      },
      {
        what: '300 KB JSON with a huge commentary',
        path: '/measures/planning/results/2017-18-Q2',
        method: 'PUT',
        body: JSON.stringify({ value: 1, commentary: 'x'.repeat(over) }),
        ct: 'application/json',
      },
      {
        what: '300 KB of CSV',
        path: '/imports/results',
        method: 'POST',
        body: `measureId,period,value\n${'planning,2017-18-Q3,90\n'.repeat(over / 23)}`,
        ct: 'text/csv',
      },
      {
        what: '300 KB of binary',
        path: '/settings',
        method: 'PUT',
        body: new Uint8Array(over).fill(0xa7),
        ct: 'application/octet-stream',
      },
      {
        what: 'one byte over the limit',
        path: '/measures/planning',
        method: 'PUT',
        body: `{"title": "${'x'.repeat(maxBodyBytes - 12)}"}`,
        ct: 'application/json',
      },
    ];
    for (const c of cases) {
      const size = typeof c.body === 'string' ? Buffer.byteLength(c.body) : c.body.length;
      expect(size, c.what).toBeGreaterThan(maxBodyBytes);
      const res = await fetch(`${t.url}${c.path}`, {
        method: c.method,
        headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': c.ct },
        body: c.body,
      });
      await expectProblem(res, 413, c.what);
    }
    // Exactly at the limit the body is parsed (and this one breaks the schema: 422, not 413).
    const atLimit = `{"title": "${'x'.repeat(maxBodyBytes - 13)}"`;
    expect(Buffer.byteLength(`${atLimit}}`)).toBe(maxBodyBytes);
    await expectProblem(
      await t.call('PUT', '/measures/planning', { token: tokens.admin, body: `${atLimit}}` }),
      422,
      'exactly 256 KB',
    );
    await expectProblem(
      await t.call('PUT', '/measures/planning', { token: tokens.admin, body: atLimit }),
      400,
      '256 KB minus one, malformed',
    );
    expect(await dumper.dump()).toBe(before);
    report.row({
      case: 'bodies over 256 KB: malformed JSON, huge JSON, CSV, binary, one byte over; and exactly 256 KB',
      count: cases.length + 2,
      held: '413 before parsing (malformed JSON is 413, not 400); exactly 256 KB is parsed (422/400); table unchanged',
    });
  });
});
