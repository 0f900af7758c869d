// People by name (SPEC §12 "Words, not data", issue #25): every "who" a route answers is a
// name (`byName`) with the email (`byEmail`) beside the token's sub (`by`); People's
// `name` wins over the token's, which wins over the email's local part; never a sub or a
// local id. Through real HTTP and dynalite.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localName, signLocalToken } from '../../lambdas/local/jwt';
import { db, tableName } from '../../lambdas/store/client';
import { quarterPk, resultSk } from '../../lambdas/store/keys';
import { freshId } from '../support/fresh';
import { startTestStack, type TestStack } from '../support/local-stack';
import { placeAction, placeMeasure } from '../support/route-samples';
import { setSettings } from '../support/settings';

let t: TestStack;
const tokens = { admin: '', officer: '', approver: '' };
const machine = /local-|sample-data|Unknown|[0-9a-f]{8}-[0-9a-f]{4}-/;

beforeAll(async () => {
  t = await startTestStack();
  tokens.admin = await t.token('admin');
  tokens.officer = await t.token('officer', 'Place');
  tokens.approver = await t.token('approver', 'Place');
  await setSettings(t, tokens.admin, { signOff: 'on' });
});
afterAll(async () => {
  await t?.stop();
});

const json = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.json();
};

async function placeResult() {
  const id = freshId('named');
  await json(await t.call('PUT', `/measures/${id}`, { token: tokens.admin, body: placeMeasure }));
  const path = `/measures/${id}/results/2017-18-Q4`;
  await json(await t.call('PUT', path, { token: tokens.officer, body: { value: 85 } }));
  return { id, path };
}

describe('who, in words', () => {
  it("a result's history names its officer and approver by their token's name, with their email", async () => {
    const { path } = await placeResult();
    await json(
      await t.call('POST', `${path}/sign-off`, {
        token: tokens.approver,
        body: { decision: 'return', reason: 'Check it' },
        headers: { 'if-match': '"1"' },
      }),
    );
    const { versions } = await json(await t.call('GET', `${path}/history`, { token: tokens.admin }));
    expect(versions[0]).toMatchObject({
      by: 'local-officer-place',
      byName: localName('officer', 'Place'),
      byEmail: 'officer.place@localhost',
      signOff: {
        by: 'local-approver-place',
        byName: localName('approver', 'Place'),
        byEmail: 'approver.place@localhost',
      },
    });
    expect(JSON.stringify([versions[0].byName, versions[0].signOff.byName])).not.toMatch(machine);
    // The returned email links to the form in the web app, never to the API (SPEC §12).
    const returned = (await t.emails()).find((e) => e.subject.includes(`your return for ${placeMeasure.title}`));
    expect(returned?.body.text).toContain(`${t.url}/app/${path.slice(1)}`);
  });

  it("People's name, once given, names what the person wrote before and after", async () => {
    const email = 'officer.place@localhost';
    const put = await t.call('PUT', `/people/${email}`, {
      token: tokens.admin,
      body: { roles: ['officer'], directorate: 'Place', name: 'Priya Shah' },
    });
    expect((await json(put)).name).toBe('Priya Shah');
    const { path, id } = await placeResult();
    const { versions } = await json(await t.call('GET', `${path}/history`, { token: tokens.admin }));
    expect(versions[0]).toMatchObject({ byName: 'Priya Shah', byEmail: email });
    const all = await json(await t.call('GET', `/measures/${id}/results`, { token: tokens.admin }));
    expect(all.periods[0].versions[0].byName).toBe('Priya Shah');
    const awaiting = await json(await t.call('GET', '/sign-offs?directorate=Place', { token: tokens.approver }));
    expect(awaiting.items.find((i: { id: string }) => i.id === id)).toMatchObject({ byName: 'Priya Shah' });
    // The People page's history names the admin who changed the record.
    const person = await json(await t.call('GET', `/people/${email}`, { token: tokens.admin }));
    expect(person).toMatchObject({ name: 'Priya Shah', byName: localName('admin'), byEmail: 'admin@localhost' });
    // A record's name reaches the local token as it would Cognito's, and /me says it.
    const signedIn = await signLocalToken(t.stack.keys, {
      role: 'officer',
      email,
      name: 'Priya Shah',
      directorate: 'Place',
    });
    expect(await json(await t.call('GET', '/me', { token: signedIn }))).toMatchObject({ name: 'Priya Shah' });
    await t.call('PUT', `/people/${email}`, {
      token: tokens.admin,
      body: { roles: ['officer'], directorate: 'Place' },
    });
  });

  it('a definition and the settings name who changed them', async () => {
    const id = freshId('named-def');
    await json(await t.call('PUT', `/actions/${id}`, { token: tokens.admin, body: placeAction }));
    const { versions } = await json(await t.call('GET', `/actions/${id}/history`, { token: tokens.admin }));
    expect(versions[0]).toMatchObject({ by: 'local-admin', byName: localName('admin'), byEmail: 'admin@localhost' });
    const settings = await json(await t.call('GET', '/settings/history', { token: tokens.admin }));
    expect(settings.versions.at(-1)).toMatchObject({ byName: localName('admin') });
  });

  it('a version written before names were kept: the email it kept, else words, never its id', async () => {
    const { id, path } = await placeResult();
    // As an older server wrote it: only `by` (a sub) and no email.
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          pk: quarterPk('2017-18-Q4'),
          sk: resultSk(id, '2017-18-Q4'),
          measureId: id,
          period: '2017-18-Q4',
          value: 1,
          version: 1,
          by: 'a3c1e0f2-9b7d-4c55-8e21-0f6b2d9c1a77',
          at: '2018-04-02T09:00:00.000Z',
        },
      }),
    );
    const { versions } = await json(await t.call('GET', `${path}/history`, { token: tokens.admin }));
    expect(versions[0].byName).toBe('someone, before names were kept');
    expect(versions[0].byEmail).toBeNull();
  });

  it('the header says who in words: /me gives the local token a realistic name', async () => {
    const me = await json(await t.call('GET', '/me', { token: tokens.officer }));
    expect(me.name).toBe(localName('officer', 'Place'));
    expect(me.name).not.toMatch(machine);
  });
});
