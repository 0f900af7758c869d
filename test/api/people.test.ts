// People as data through real HTTP and dynalite (docs/people.md): roles and directorate
// per person, every change a version with who and when, removal a version too.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { signLocalToken } from '../../lambdas/local/jwt';
import { db } from '../../lambdas/store/client';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';

const t = useTestStack({ tokens: { admin: 'admin' } });
const adminEmail = 'admin@localhost';

const someone = () => `${freshId('person')}@council.example`;
const put = (email: string, body: unknown) => t.call('PUT', `/people/${email}`, { token: t.tokens.admin, body });
const get = (email: string) => t.call('GET', `/people/${email}`, { token: t.tokens.admin });

describe('PUT /people/{email}', () => {
  it('creates a person (201), then replaces their roles (200), each a version with who and when', async () => {
    const email = someone();
    const first = await put(email, { roles: ['officer'], directorate: 'Place' });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ email, roles: ['officer'], directorate: 'Place', version: 1 });
    const second = await put(email, { roles: ['officer', 'approver'], directorate: 'People' });
    expect(second.status).toBe(200);
    const detail = await (await get(email)).json();
    expect(detail).toMatchObject({ roles: ['officer', 'approver'], directorate: 'People', version: 2 });
    expect(detail.versions.map((v: { version: number; directorate: string }) => [v.version, v.directorate])).toEqual([
      [1, 'Place'],
      [2, 'People'],
    ]);
    for (const v of detail.versions) {
      expect(typeof v.by).toBe('string');
      expect(Number.isNaN(Date.parse(v.at))).toBe(false);
    }
  });

  it('adds no version when nothing changes (roles in another order)', async () => {
    const email = someone();
    await put(email, { roles: ['emt', 'admin'] });
    const again = await put(email, { roles: ['admin', 'emt'] });
    expect(again.status).toBe(200);
    expect((await again.json()).version).toBe(1);
  });

  it('keys the person by their email in lower case', async () => {
    const email = someone();
    expect((await put(email.toUpperCase(), { roles: ['emt'] })).status).toBe(201);
    expect((await get(email)).status).toBe(200);
  });

  it('refuses an unknown role with 422 naming the field, and stores nothing', async () => {
    const email = someone();
    const res = await put(email, { roles: ['officer', 'superuser'], directorate: 'Place' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify((await res.json()).errors)).toContain('"/roles/1"');
    expect((await get(email)).status).toBe(404);
  });

  it('refuses an officer or approver without a directorate (422)', async () => {
    for (const role of ['officer', 'approver']) {
      const res = await put(someone(), { roles: [role] });
      expect(res.status, role).toBe(422);
      expect(JSON.stringify((await res.json()).errors), role).toContain('"/directorate"');
    }
  });

  it('refuses a directorate the settings do not know (422)', async () => {
    const res = await put(someone(), { roles: ['officer'], directorate: 'Nowhere' });
    expect(res.status).toBe(422);
  });

  it('refuses an email that is not one (422), and the names constructor and __proto__ are just names', async () => {
    expect((await put('not-an-email', { roles: ['emt'] })).status).toBe(422);
    for (const name of ['constructor@council.example', '__proto__@council.example']) {
      expect((await get(name)).status, name).toBe(404);
    }
  });
});

describe('GET /people', () => {
  it('lists everyone with a record, by email, without removed people', async () => {
    const kept = someone();
    const gone = someone();
    await put(kept, { roles: ['approver'], directorate: 'Place' });
    await put(gone, { roles: ['emt'] });
    await t.call('DELETE', `/people/${gone}`, { token: t.tokens.admin });
    const { people } = await (await t.call('GET', '/people', { token: t.tokens.admin })).json();
    const emails = people.map((p: { email: string }) => p.email);
    expect(emails).toContain(kept);
    expect(emails).not.toContain(gone);
    expect(emails).toEqual([...emails].sort());
    expect(people.find((p: { email: string }) => p.email === kept)).toMatchObject({
      roles: ['approver'],
      directorate: 'Place',
      by: adminEmail,
    });
  });
});

describe('DELETE /people/{email}', () => {
  it('removes the person (then 404), and adding them again starts from a new version', async () => {
    const email = someone();
    await put(email, { roles: ['emt'] });
    const removed = await t.call('DELETE', `/people/${email}`, { token: t.tokens.admin });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ roles: [], version: 2 });
    expect((await get(email)).status).toBe(404);
    expect((await t.call('DELETE', `/people/${email}`, { token: t.tokens.admin })).status).toBe(404);
    const back = await put(email, { roles: ['admin'] });
    expect(back.status).toBe(201);
    const detail = await (await get(email)).json();
    expect(detail.versions.map((v: { removed: boolean }) => v.removed)).toEqual([false, true, false]);
  });

  it('answers 404 for someone never recorded', async () => {
    expect((await t.call('DELETE', `/people/${someone()}`, { token: t.tokens.admin })).status).toBe(404);
  });
});

describe('a person written by the store before it used store/versioned.ts', () => {
  // The earlier layout, written with the SDK as that code wrote it: the head under PEOPLE
  // with every field of the latest version, each earlier version under PERSONHIST#<email>.
  async function writeEarlierLayout(email: string) {
    const put = (item: Record<string, unknown>) =>
      db().send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: item }));
    const v1 = {
      email,
      roles: ['officer'],
      directorate: 'Place',
      version: 1,
      by: 'old@x',
      at: '2018-01-01T09:00:00.000Z',
    };
    const v2 = {
      email,
      roles: ['officer', 'approver'],
      directorate: 'People',
      version: 2,
      by: 'old@x',
      at: '2018-02-01T09:00:00.000Z',
    };
    const v3 = {
      email,
      roles: ['approver'],
      directorate: 'People',
      version: 3,
      by: 'old@x',
      at: '2018-03-01T09:00:00.000Z',
    };
    await put({ ...v1, pk: `PERSONHIST#${email}`, sk: '0000000001' });
    await put({ ...v2, pk: `PERSONHIST#${email}`, sk: '0000000002' });
    await put({ ...v3, pk: 'PEOPLE', sk: `PERSON#${email}` });
  }
  const versionsOf = async (email: string) =>
    (
      (await (await get(email)).json()).versions as {
        version: number;
        roles: string[];
        directorate: string | null;
        removed: boolean;
      }[]
    ).map((v) => [v.version, v.roles.join('+'), v.directorate, v.removed]);

  it('is read with every version, then updated and removed through the API, its history carrying on', async () => {
    const email = someone();
    await writeEarlierLayout(email);
    const listed = (await (await t.call('GET', '/people', { token: t.tokens.admin })).json()).people ?? [];
    expect(JSON.stringify(listed)).toContain(email);
    expect(await versionsOf(email)).toEqual([
      [1, 'officer', 'Place', false],
      [2, 'officer+approver', 'People', false],
      [3, 'approver', 'People', false],
    ]);
    // An update over version 3 (If-Match), dropping the directorate the head held.
    const updated = await t.call('PUT', `/people/${email}`, {
      token: t.tokens.admin,
      body: { roles: ['emt'] },
      headers: { 'if-match': '"3"' },
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ roles: ['emt'], directorate: null, version: 4 });
    expect(await versionsOf(email)).toEqual([
      [1, 'officer', 'Place', false],
      [2, 'officer+approver', 'People', false],
      [3, 'approver', 'People', false],
      [4, 'emt', null, false],
    ]);
    // The token's claims come from the new head: no directorate left over from version 3.
    expect((await (await get(email)).json()).directorate).toBeNull();
    expect((await t.call('DELETE', `/people/${email}`, { token: t.tokens.admin })).status).toBe(200);
    const back = await put(email, { roles: ['officer'], directorate: 'Resources' });
    expect(back.status).toBe(201);
    expect(await versionsOf(email)).toEqual([
      [1, 'officer', 'Place', false],
      [2, 'officer+approver', 'People', false],
      [3, 'approver', 'People', false],
      [4, 'emt', null, false],
      [5, '', null, true],
      [6, 'officer', 'Resources', false],
    ]);
  });
});

describe('admins cannot lock themselves out', () => {
  /** A new admin with a record, and a token of their own. */
  async function newAdmin() {
    const email = someone();
    expect((await put(email, { roles: ['admin'] })).status).toBe(201);
    return { email, token: await signLocalToken(t.stack.keys, { role: 'admin', email }) };
  }
  async function expectRefused(res: Response, detail: RegExp) {
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await res.json()).detail).toMatch(detail);
  }

  it('refuses an admin taking away their own admin role (409), and changes nothing', async () => {
    const jo = await newAdmin();
    const res = await t.call('PUT', `/people/${jo.email}`, { token: jo.token, body: { roles: ['emt'] } });
    await expectRefused(res, /cannot take away your own admin role/);
    expect(await (await get(jo.email)).json()).toMatchObject({ roles: ['admin'], version: 1 });
  });

  it('refuses an admin removing themselves (409), and changes nothing', async () => {
    const jo = await newAdmin();
    const res = await t.call('DELETE', `/people/${jo.email.toUpperCase()}`, { token: jo.token });
    await expectRefused(res, /cannot remove yourself/);
    expect(await (await get(jo.email)).json()).toMatchObject({ roles: ['admin'], version: 1 });
  });

  it('lets an admin change their other roles while keeping admin', async () => {
    const jo = await newAdmin();
    const res = await t.call('PUT', `/people/${jo.email}`, { token: jo.token, body: { roles: ['admin', 'emt'] } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ roles: ['admin', 'emt'], version: 2 });
  });

  it('lets another admin take the admin role away, or remove them, while an admin remains', async () => {
    const [jo, kim, lee] = [await newAdmin(), await newAdmin(), await newAdmin()];
    expect((await put(jo.email, { roles: ['emt'] })).status).toBe(200);
    expect((await t.call('DELETE', `/people/${lee.email}`, { token: t.tokens.admin })).status).toBe(200);
    expect((await get(kim.email)).status).toBe(200);
  });
});
