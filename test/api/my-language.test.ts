import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { type TableDumper, tableDumper } from '../support/table-dump';

// PUT /me/language (docs/cymraeg.md, SPEC §17): the header's switch remembered for the
// person, as their People `language`. A signed-in caller changes only their own record.

const t = useTestStack({
  tokens: {
    admin: 'admin',
    officer: { role: 'officer', directorate: 'Place', email: 'jane.jones@example.org' },
    stranger: { role: 'officer', directorate: 'Place', email: 'no.record@example.org' },
    noRole: { role: 'officer', roles: [], email: 'removed@example.org' },
  },
});
let dumper: TableDumper;

beforeAll(async () => {
  dumper = tableDumper(t.stack.dynamodbUrl, process.env.TABLE_NAME!);
  for (const [email, body] of [
    ['jane.jones@example.org', { roles: ['officer'], directorate: 'Place', name: 'Jane Jones' }],
    ['other.person@example.org', { roles: ['officer', 'approver'], directorate: 'People' }],
    ['removed@example.org', { roles: [] }],
  ] as const) {
    const res = await t.call('PUT', `/people/${email}`, { token: t.tokens.admin, body });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
  }
});
afterAll(() => dumper?.close());

const person = async (email: string) =>
  (await t.call('GET', `/people/${email}`, { token: t.tokens.admin })).json() as Promise<{
    roles: string[];
    directorate: string | null;
    name?: string;
    language?: string;
    version: number;
    by: string;
    versions: unknown[];
  }>;
const choose = (token: string, body: unknown) => t.call('PUT', '/me/language', { token, body });

describe('PUT /me/language', () => {
  it("writes the caller's own People language as a new version, keeping their roles, directorate and name; GET /me answers it", async () => {
    const before = await person('jane.jones@example.org');
    const other = await person('other.person@example.org');
    const res = await choose(t.tokens.officer, { language: 'cy' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ language: 'cy' });

    const after = await person('jane.jones@example.org');
    expect(after).toMatchObject({
      roles: ['officer'],
      directorate: 'Place',
      name: 'Jane Jones',
      language: 'cy',
      version: before.version + 1,
      by: 'jane.jones@example.org',
    });
    expect(after.versions).toHaveLength(before.versions.length + 1);
    // Nobody else's record changed.
    expect(await person('other.person@example.org')).toEqual(other);
    expect(await (await t.call('GET', '/me', { token: t.tokens.officer })).json()).toMatchObject({
      language: 'cy',
      languageRemembered: true,
    });
  });

  it('adds no version for the language already chosen, and switches back to English', async () => {
    await choose(t.tokens.officer, { language: 'cy' });
    const before = await person('jane.jones@example.org');
    expect((await choose(t.tokens.officer, { language: 'cy' })).status).toBe(200);
    expect((await person('jane.jones@example.org')).version).toBe(before.version);
    expect(await (await choose(t.tokens.officer, { language: 'en' })).json()).toEqual({ language: 'en' });
    expect(await person('jane.jones@example.org')).toMatchObject({ language: 'en', version: before.version + 1 });
  });

  it('answers 404 problem+json to a signed-in caller without a People record, and creates none', async () => {
    const before = await dumper.dump();
    const res = await choose(t.tokens.stranger, { language: 'cy' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await res.json()).detail).toMatch(/no People record/);
    // GET /me tells the web app so, and it keeps the choice in the browser without asking.
    expect(await (await t.call('GET', '/me', { token: t.tokens.stranger })).json()).toMatchObject({
      languageRemembered: false,
    });
    expect(await dumper.dump()).toBe(before);
  });

  it('refuses a caller with no role (403) and a bad body (422, 400), changing nothing', async () => {
    const before = await dumper.dump();
    expect((await choose(t.tokens.noRole, { language: 'cy' })).status).toBe(403);
    for (const body of [
      { language: 'fr' },
      { language: 'CY' },
      {},
      { language: 'cy', email: 'other.person@example.org' },
    ])
      expect((await choose(t.tokens.officer, body)).status, JSON.stringify(body)).toBe(422);
    expect((await choose(t.tokens.officer, '{"language": ')).status).toBe(400);
    expect(await dumper.dump()).toBe(before);
  });
});
