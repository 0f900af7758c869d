// The shared API client of the tests (test/support/local-stack.ts, `TestStack.call`)
// checks every 2xx JSON answer against its route's response schema, so each API test
// checks the contract of every call it makes, not only the role × route run.
import { describe, expect, it } from 'vitest';
import { keepsContract } from '../support/local-stack';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe("the test client's contract check", () => {
  it('passes an answer that keeps its schema, and hands it back readable', async () => {
    const res = await keepsContract('GET', '/health', json({ status: 'ok' }));
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it("fails a 2xx answer that breaks its route's schema, naming the route and the field", async () => {
    await expect(keepsContract('GET', '/health', json({ status: 'fine' }))).rejects.toThrow(
      /GET \/health 200 \(health\) \/status/,
    );
    await expect(
      keepsContract('GET', '/people?x=1', json({ people: [{ email: 'a@x', roles: ['superuser'] }] })),
    ).rejects.toThrow(/GET \/people 200/);
  });

  it('matches a path with parameters to its route, a literal segment before a parameter', async () => {
    await expect(keepsContract('GET', '/people/a%40x', json({ email: 'a@x' }))).rejects.toThrow(
      /GET \/people\/\{email\} 200/,
    );
  });

  it('leaves errors, other media types and unknown paths to the test', async () => {
    expect((await keepsContract('GET', '/health', json({ nothing: true }, 404))).status).toBe(404);
    const html = new Response('<p>', { status: 200, headers: { 'content-type': 'text/html' } });
    expect((await keepsContract('GET', '/reports/2017-18-Q4', html)).status).toBe(200);
    expect((await keepsContract('GET', '/nowhere', json({}))).status).toBe(200);
  });
});

describe('what the schemas describe', () => {
  it('fails an answer carrying a field its schema does not name, so /openapi.json and the web app cannot miss it', async () => {
    await expect(keepsContract('GET', '/health', json({ status: 'ok', uptime: 3 }))).rejects.toThrow(
      /GET \/health 200 \(health\) \/uptime: a field the schema does not describe/,
    );
    const action = { id: 'a', plan: 'p', programme: 'P', title: 'T', ownerDirectorate: 'Place' };
    const update = { actionId: 'a', quarter: '2017-18-Q4', status: 'green', version: 1, by: 'x', at: 'y' };
    expect(
      (await keepsContract('GET', '/actions/a', json({ action, updates: [update], closedQuarters: [] }))).status,
    ).toBe(200);
    await expect(
      keepsContract(
        'GET',
        '/actions/a',
        json({ action, updates: [{ ...update, lastWriteKey: 'k' }], closedQuarters: [] }),
      ),
    ).rejects.toThrow(/\/updates\/0\/lastWriteKey: a field the schema does not describe/);
  });
});
