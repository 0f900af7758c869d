// PUT /settings refuses any recipient outside the allowed domains (docs/deploy.md
// "allowedRecipientDomains"): an admin token, or a stolen one, cannot quietly send the
// quarter's report elsewhere. Local mode allows @localhost, the local defaults' domain.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEnvironment } from '../../lambdas/config/environment';
import { recipientsOutside } from '../../lambdas/domain/recipients';
import { useTestStack } from '../support/api-test';

describe('recipientsOutside', () => {
  const settings = {
    emtRecipients: ['emt@council.gov.uk', 'spy@evil.example', 'Chief@COUNCIL.gov.uk'],
    directorates: {
      People: { contacts: ['p@council.gov.uk', 'p@gmail.com'], heads: ['h@evil.example'] },
      'A/B~C': { contacts: [], heads: ['x@evil.example'] },
    },
  };

  it('names each address outside the domains by its JSON Pointer, domains compared case-insensitively', () => {
    expect(recipientsOutside(settings, ['council.gov.uk']).map((e) => e.path)).toEqual([
      '/emtRecipients/1',
      '/directorates/People/contacts/1',
      '/directorates/People/heads/0',
      '/directorates/A~1B~0C/heads/0',
    ]);
  });

  it('does not take a subdomain or a look-alike for the domain', () => {
    expect(
      recipientsOutside({ emtRecipients: ['a@x.council.gov.uk', 'b@evilcouncil.gov.uk'], directorates: {} }, [
        'council.gov.uk',
      ]),
    ).toHaveLength(2);
  });
});

describe('RAGTIME_ALLOWED_RECIPIENT_DOMAINS', () => {
  it('is a comma-separated list of lower-case domains; unset allows only localhost', () => {
    expect(
      parseEnvironment({ RAGTIME_ALLOWED_RECIPIENT_DOMAINS: 'Council.gov.uk, partner.gov.uk' }).allowedRecipientDomains,
    ).toEqual(['council.gov.uk', 'partner.gov.uk']);
    expect(parseEnvironment({}).allowedRecipientDomains).toEqual(['localhost']);
  });
});

describe('PUT /settings', () => {
  const t = useTestStack({ tokens: { admin: 'admin' } });
  let current: Record<string, unknown> & {
    emtRecipients: string[];
    directorates: Record<string, { contacts: string[]; heads: string[] }>;
  };
  beforeAll(async () => {
    current = (await (await t.call('GET', '/settings', { token: t.tokens.admin })).json()) as typeof current;
  });

  it.each([
    [
      'an EMT recipient',
      (s: typeof current) => ({ ...s, emtRecipients: [...s.emtRecipients, 'me@gmail.com'] }),
      '/emtRecipients/1',
    ],
    [
      'a directorate contact',
      (s: typeof current) => ({
        ...s,
        directorates: { ...s.directorates, Place: { contacts: ['x@evil.example'], heads: [] } },
      }),
      '/directorates/Place/contacts/0',
    ],
    [
      'a directorate head',
      (s: typeof current) => ({
        ...s,
        directorates: { ...s.directorates, Place: { contacts: [], heads: ['x@evil.example'] } },
      }),
      '/directorates/Place/heads/0',
    ],
  ])('refuses %s outside the allowed domains: 422 naming the field, nothing stored', async (_what, change, path) => {
    const res = await t.call('PUT', '/settings', { token: t.tokens.admin, body: change(current) });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { detail: string; errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([{ path, message: expect.stringContaining('localhost') }]);
    expect(await (await t.call('GET', '/settings', { token: t.tokens.admin })).json()).toEqual(current);
  });

  it('accepts recipients at the allowed domain (locally, @localhost)', async () => {
    const res = await t.call('PUT', '/settings', {
      token: t.tokens.admin,
      body: { ...current, emtRecipients: ['emt@localhost', 'chief@LOCALHOST'] },
    });
    expect(res.status).toBe(200);
    await t.call('PUT', '/settings', { token: t.tokens.admin, body: current });
  });
});
