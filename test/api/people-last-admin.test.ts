// The last admin keeps the role (docs/people.md "Nobody locks the admins out"), through
// real HTTP and dynalite. A stack of its own: "last" counts every admin in the table, so
// no other test may add one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshId } from '../support/fresh';
import { startTestStack, type TestStack } from '../support/local-stack';

let t: TestStack;
let admin: string;

beforeAll(async () => {
  t = await startTestStack();
  // A local token's admin (admin@localhost) has no record, so is not counted.
  admin = await t.token('admin');
});
afterAll(async () => {
  await t?.stop();
});

it('refuses to take the admin role from the last admin, by PUT or DELETE (409), changing nothing, until there is another', async () => {
  const last = `${freshId('last')}@council.example`;
  expect((await t.call('PUT', `/people/${last}`, { token: admin, body: { roles: ['admin'] } })).status).toBe(201);
  for (const [method, body] of [
    ['PUT', { roles: ['emt'] }],
    ['DELETE', undefined],
  ] as const) {
    const res = await t.call(method, `/people/${last}`, { token: admin, body });
    expect(res.status, method).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await res.json()).detail, method).toBe(
      `${last} is the last admin: give someone else the admin role first, so that somebody can still manage People.`,
    );
  }
  expect(await (await t.call('GET', `/people/${last}`, { token: admin })).json()).toMatchObject({
    roles: ['admin'],
    version: 1,
  });

  const next = `${freshId('next')}@council.example`;
  expect((await t.call('PUT', `/people/${next}`, { token: admin, body: { roles: ['admin'] } })).status).toBe(201);
  expect((await t.call('PUT', `/people/${last}`, { token: admin, body: { roles: ['emt'] } })).status).toBe(200);
});
