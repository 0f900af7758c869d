// The last admin keeps the role (docs/people.md "Nobody locks the admins out"), through
// real HTTP and dynalite. A stack of its own: "last" counts every admin in the table, so
// no other test may add one.
import { expect, it } from 'vitest';
import { signLocalToken } from '../../lambdas/local/jwt';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';

// A local token's admin (admin@localhost) has no record, so is not counted.
const t = useTestStack({ tokens: { admin: 'admin' } });

it('refuses to take the admin role from the last admin, by PUT or DELETE (409), changing nothing, until there is another', async () => {
  const last = `${freshId('last')}@council.example`;
  expect((await t.call('PUT', `/people/${last}`, { token: t.tokens.admin, body: { roles: ['admin'] } })).status).toBe(
    201,
  );
  for (const [method, body] of [
    ['PUT', { roles: ['emt'] }],
    ['DELETE', undefined],
  ] as const) {
    const res = await t.call(method, `/people/${last}`, { token: t.tokens.admin, body });
    expect(res.status, method).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await res.json()).detail, method).toBe(
      `${last} is the last admin: give someone else the admin role first, so that somebody can still manage People.`,
    );
  }
  expect(await (await t.call('GET', `/people/${last}`, { token: t.tokens.admin })).json()).toMatchObject({
    roles: ['admin'],
    version: 1,
  });

  const next = `${freshId('next')}@council.example`;
  expect((await t.call('PUT', `/people/${next}`, { token: t.tokens.admin, body: { roles: ['admin'] } })).status).toBe(
    201,
  );
  expect((await t.call('PUT', `/people/${last}`, { token: t.tokens.admin, body: { roles: ['emt'] } })).status).toBe(
    200,
  );
});

it('leaves at least one admin when 20 admins take admin from each other at once (10 demotions, 10 removals): each answer 200 or 409', async () => {
  const admins = Array.from({ length: 20 }, (_, i) => `${freshId(`race${i}`)}@council.example`);
  for (const email of admins) {
    expect(
      (await t.call('PUT', `/people/${email}`, { token: t.tokens.admin, body: { roles: ['admin'] } })).status,
    ).toBe(201);
  }
  // Everyone else's admin role taken away first, so these 20 are the only admins.
  const people = (await (await t.call('GET', '/people', { token: t.tokens.admin })).json()) as {
    people: { email: string; roles: string[] }[];
  };
  for (const p of people.people.filter((p) => p.roles.includes('admin') && !admins.includes(p.email)))
    expect(
      (await t.call('PUT', `/people/${p.email}`, { token: t.tokens.admin, body: { roles: ['emt'] } })).status,
    ).toBe(200);
  const tokens = await Promise.all(admins.map((email) => signLocalToken(t.stack.keys, { role: 'admin', email })));
  // Each admin acts on the next one round the circle: even ones demote, odd ones remove.
  const answers = await Promise.all(
    admins.map((_, i) => {
      const target = admins[(i + 1) % admins.length]!;
      return i % 2 === 0
        ? t.call('PUT', `/people/${target}`, { token: tokens[i], body: { roles: ['emt'] } })
        : t.call('DELETE', `/people/${target}`, { token: tokens[i] });
    }),
  );
  const statuses = answers.map((a) => a.status);
  expect(
    statuses.every((s) => s === 200 || s === 409),
    statuses.join(' '),
  ).toBe(true);
  const after = (await (await t.call('GET', '/people', { token: t.tokens.admin })).json()) as {
    people: { email: string; roles: string[] }[];
  };
  const left = after.people.filter((p) => p.roles.includes('admin')).map((p) => p.email);
  expect(left.length, `admins left: ${left.join(', ')}`).toBeGreaterThanOrEqual(1);
  // Exactly the refusals kept their admins: nobody was refused needlessly.
  expect(left.length).toBe(statuses.filter((s) => s === 409).length);
});
