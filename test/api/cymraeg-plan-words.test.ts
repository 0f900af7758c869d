import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxMediaType as xlsxType } from '../../lambdas/domain/media-types';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { type TableDumper, tableDumper } from '../support/table-dump';

// The plan's own words in Welsh (docs/cymraeg.md, SPEC §17): Welsh titles on measures and
// planned work through PUT and the definitions spreadsheet, Welsh names and the report's
// languages in the settings, and each person's language.

const t = useTestStack({ seed: true, tokens: { admin: 'admin' } });
let dumper: TableDumper;

beforeAll(async () => {
  dumper = tableDumper(t.stack.dynamodbUrl, process.env.TABLE_NAME!);
});
afterAll(async () => {
  dumper?.close();
});

const download = async (query: string) => {
  const res = await t.call('GET', `/definitions${query}`, { token: t.tokens.admin });
  expect(res.status, await res.clone().text()).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};
const upload = (body: string | Buffer, contentType: string, query = '') =>
  fetch(`${t.url}/imports/definitions${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

const measure = (plan: string, title: string, titleCy?: string) => ({
  plan,
  programme: 'Learning',
  title,
  ...(titleCy !== undefined && { titleCy }),
  polarity: 'higher',
  frequency: 'quarterly',
  directorates: ['People'],
  ownerDirectorate: 'People',
  targets: { '2017-18': 80 },
});

describe('Welsh titles on measures and planned work', () => {
  it('PUT keeps titleCy; the spreadsheet has a title (Cymraeg) column; export then import changes nothing', async () => {
    const plan = freshId('cy');
    const id = freshId('m');
    const action = freshId('a');
    const cy = 'Canran y disgyblion, “ansawdd” & mwy';
    expect(
      (await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: measure(plan, 'Pupils', cy) })).status,
    ).toBe(201);
    const putAction = await t.call('PUT', `/actions/${action}`, {
      token: t.tokens.admin,
      body: { plan, programme: 'Learning', title: 'Review', titleCy: 'Adolygu', ownerDirectorate: 'People' },
    });
    expect(putAction.status, await putAction.clone().text()).toBe(201);
    expect((await (await t.call('GET', `/measures/${id}`, { token: t.tokens.admin })).json()).measure.titleCy).toBe(cy);

    const csv = (await download(`?format=csv&kind=measures&plan=${plan}`)).toString('utf8');
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toContain('title (Cymraeg)');
    const columns = header!.split(',');
    expect(row).toContain(`"${cy.replace(/"/g, '""')}"`);
    expect(columns.indexOf('title (Cymraeg)')).toBeGreaterThan(columns.indexOf('title'));
    const actionsCsv = (await download(`?format=csv&kind=actions&plan=${plan}`)).toString('utf8');
    expect(actionsCsv).toContain('title (Cymraeg)');
    expect(actionsCsv).toContain('Adolygu');

    const before = await dumper.dump();
    const viaXlsx = await upload(await download(`?format=xlsx&plan=${plan}`), xlsxType);
    expect(await viaXlsx.json()).toMatchObject({ created: 0, replaced: 0, unchanged: 2 });
    const viaCsv = await upload(csv, 'text/csv', '?kind=measures');
    expect(await viaCsv.json()).toMatchObject({ created: 0, replaced: 0, unchanged: 1 });
    expect(await dumper.dump()).toBe(before);
  });

  it('a sheet sets, changes and clears the Welsh title; a sheet without the column keeps it', async () => {
    const plan = freshId('cy');
    const id = freshId('m');
    const base = `id,plan,programme,title,polarity,frequency,ownerDirectorate,directorates,target 2017-18`;
    const line = `${id},${plan},Learning,Pupils,higher,quarterly,People,People,80`;
    const stored = async () =>
      (await (await t.call('GET', `/measures/${id}`, { token: t.tokens.admin })).json()).measure;

    expect(
      (await upload(`${base},title (Cymraeg)\r\n${line},Disgyblion\r\n`, 'text/csv', '?kind=measures')).status,
    ).toBe(201);
    expect((await stored()).titleCy).toBe('Disgyblion');
    expect((await upload(`${base}\r\n${line}\r\n`, 'text/csv', '?kind=measures')).status).toBe(201);
    expect((await stored()).titleCy).toBe('Disgyblion');
    expect((await upload(`${base},title (Cymraeg)\r\n${line},\r\n`, 'text/csv', '?kind=measures')).status).toBe(201);
    expect((await stored()).titleCy).toBeUndefined();
  });

  it('a bad Welsh title is named by its column, nothing stored', async () => {
    const plan = freshId('cy');
    const id = freshId('m');
    const csv = `id,plan,programme,title,polarity,frequency,ownerDirectorate,title (Cymraeg)\r\n${id},${plan},Learning,Pupils,higher,quarterly,People,${'x'.repeat(501)}\r\n`;
    const res = await upload(csv, 'text/csv', '?kind=measures');
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain('/Measures/row/2/title (Cymraeg)');
    expect((await t.call('GET', `/measures/${id}`, { token: t.tokens.admin })).status).toBe(404);
  });
});

describe('Welsh names, report languages and the Cabinet frame in the settings', () => {
  const welsh = {
    reportLanguages: 'cy+en',
    namesCy: {
      plans: { cip: 'Cynllun Gwella Corfforaethol' },
      programmes: { Learning: 'Dysgu' },
      directorates: { People: 'Pobl' },
    },
    cabinetReport: {
      en: { council: 'CYNGOR SIR POWYS COUNTY COUNCIL', meeting: 'CABINET EXECUTIVE' },
      cy: { council: 'CYNGOR SIR POWYS COUNTY COUNCIL', meeting: 'CABINET' },
      meetingDate: '2018-07-10',
    },
  };

  it('default: English only, no Welsh names, no frame', async () => {
    const res = await t.call('GET', '/settings', { token: t.tokens.admin });
    const settings = await res.json();
    expect(settings.reportLanguages).toBe('en');
    expect(settings.namesCy).toEqual({ plans: {}, programmes: {}, directorates: {} });
    expect(settings.cabinetReport).toEqual({ en: {}, cy: {} });
    // No Welsh names: GET /me carries none (pages show the English names, marked lang="en").
    expect((await (await t.call('GET', '/me', { token: t.tokens.admin })).json()).namesCy).toBeUndefined();
  });

  it('PUT with If-Match stores them; a later PUT that omits them keeps them; a bad value is refused', async () => {
    t.putBackSettings();
    const first = await t.call('GET', '/settings', { token: t.tokens.admin });
    const { version: _v, by: _b, at: _a, ...current } = await first.json();
    const put = await t.call('PUT', '/settings', {
      token: t.tokens.admin,
      body: { ...current, ...welsh },
      headers: { 'if-match': first.headers.get('etag')! },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const stored = await (await t.call('GET', '/settings', { token: t.tokens.admin })).json();
    expect(stored).toMatchObject(welsh);
    // Every role's GET /me carries them, so each page names a plan, programme or directorate
    // in Welsh with no request of its own (docs/cymraeg.md).
    const officer = await t.token('officer', 'Place');
    expect((await (await t.call('GET', '/me', { token: officer })).json()).namesCy).toEqual(welsh.namesCy);

    const { reportLanguages: _r, namesCy: _n, cabinetReport: _c, ...older } = stored;
    const { version: _v2, by: _b2, at: _a2, ...olderBody } = older;
    expect((await t.call('PUT', '/settings', { token: t.tokens.admin, body: olderBody })).status).toBe(200);
    expect(await (await t.call('GET', '/settings', { token: t.tokens.admin })).json()).toMatchObject(welsh);

    const before = await dumper.dump();
    const bad = await t.call('PUT', '/settings', {
      token: t.tokens.admin,
      body: { ...olderBody, reportLanguages: 'fr' },
    });
    expect(bad.status).toBe(422);
    const stale = await t.call('PUT', '/settings', {
      token: t.tokens.admin,
      body: olderBody,
      headers: { 'if-match': first.headers.get('etag')! },
    });
    expect(stale.status).toBe(412);
    expect(await dumper.dump()).toBe(before);
  });
});

describe("a person's language", () => {
  it('is stored and answered; absent means English; anything else is refused', async () => {
    const email = `${freshId('p')}@localhost`;
    const put = await t.call('PUT', `/people/${email}`, {
      token: t.tokens.admin,
      body: { roles: ['officer'], directorate: 'People', language: 'cy' },
    });
    expect(put.status, await put.clone().text()).toBe(201);
    expect((await (await t.call('GET', `/people/${email}`, { token: t.tokens.admin })).json()).language).toBe('cy');
    const back = await t.call('PUT', `/people/${email}`, {
      token: t.tokens.admin,
      body: { roles: ['officer'], directorate: 'People' },
    });
    expect(back.status).toBe(200);
    expect(
      (await (await t.call('GET', `/people/${email}`, { token: t.tokens.admin })).json()).language,
    ).toBeUndefined();
    const bad = await t.call('PUT', `/people/${email}`, {
      token: t.tokens.admin,
      body: { roles: ['officer'], directorate: 'People', language: 'fr' },
    });
    expect(bad.status).toBe(422);
  });

  it('GET /me answers the caller’s language once chosen (the web app’s language), and not before', async () => {
    const officer = await t.token('officer', 'Place');
    expect((await (await t.call('GET', '/me', { token: officer })).json()).language).toBeUndefined();
    const put = await t.call('PUT', '/people/officer.place@localhost', {
      token: t.tokens.admin,
      body: { roles: ['officer'], directorate: 'Place', language: 'cy' },
    });
    expect(put.status, await put.clone().text()).toBeLessThan(300);
    expect((await (await t.call('GET', '/me', { token: officer })).json()).language).toBe('cy');
  });
});
