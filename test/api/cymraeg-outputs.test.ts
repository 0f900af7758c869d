// Issue #27's acceptance for the outputs (SPEC §17): the sample plan's 2017-18 Q4 closed
// with reportLanguages cy+en. The EMT email and its Word draft carry both languages,
// Welsh first, with the summary sentences and every critical item in both, and the
// figures in the Welsh part are the figures in the English part.
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as reminderJob } from '../../lambdas/handlers/reminder-job';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { lambdaContext } from '../support/lambda-context';
import type { SesEmail } from '../support/local-stack';
import { readDocx, readXlsx } from '../support/office';
import { placeMeasure } from '../support/route-samples';
import { setSettings } from '../support/settings';

const quarter = '2017-18-Q4';
const t = useTestStack({ seed: true, tokens: { admin: 'admin' } });
let email: SesEmail;
type Subject = { subject: string; subjectParts?: { language: string; text: string }[] };
let preview: { email: Subject };
let closeAnswer: { email: Subject };
let report: {
  summary: { sentences: string[]; sentencesCy: string[] };
  criticalItems: { issue: string; issueCy: string; title: string; programme: string }[];
};

/** Every figure in a text, as a sorted list: the same figures whatever each language's word order. */
const figures = (text: string) => (text.match(/\d+(?:[.,]\d+)*/g) ?? []).sort();

beforeAll(async () => {
  const current = await t.call('GET', '/settings', { token: t.tokens.admin });
  const { version: _v, by: _b, at: _a, ...settings } = await current.json();
  const put = await t.call('PUT', '/settings', {
    token: t.tokens.admin,
    headers: { 'if-match': current.headers.get('etag')! },
    body: {
      ...settings,
      reportLanguages: 'cy+en',
      namesCy: {
        reportTitle: 'Cynllun Gwella Corfforaethol',
        plans: {},
        programmes: { Learning: 'Dysgu', 'Developing the economy': 'Datblygu’r economi' },
        directorates: { People: 'Pobl', Place: 'Lle' },
      },
      cabinetReport: {
        en: { council: 'CYNGOR SIR POWYS COUNTY COUNCIL', meeting: 'CABINET EXECUTIVE' },
        cy: { council: 'CYNGOR SIR POWYS COUNTY COUNCIL', meeting: 'CABINET GWEITHREDOL' },
        meetingDate: '2018-07-10',
      },
    },
  });
  expect(put.status, await put.clone().text()).toBe(200);
  await t.clearEmails();
  preview = await (await t.call('GET', `/reports/${quarter}/close-preview`, { token: t.tokens.admin })).json();
  const closed = await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin, body: { early: true } });
  expect(closed.status, await closed.clone().text()).toBe(200);
  closeAnswer = await closed.json();
  report = await (await t.call('GET', `/reports/${quarter}`, { token: t.tokens.admin })).json();
  email = (await t.emails()).filter((e) => e.subject.includes('2017-18'))[0]!;
});

describe('the close of 2017-18 Q4 with reportLanguages cy+en', () => {
  it('froze the sentences and critical items in both languages', () => {
    expect(report.summary.sentencesCy).toHaveLength(report.summary.sentences.length);
    expect(report.criticalItems.length).toBeGreaterThan(5);
    for (const item of report.criticalItems) expect(item.issueCy).toBeTruthy();
  });

  it('emails EMT a subject in Welsh then English', () => {
    expect(email).toBeDefined();
    expect(email.subject).toMatch(
      /^Cynllun Gwella Corfforaethol 2017-18 Ch4: statws cyffredinol AMBR, \d+ eitem gritigol \/ Corporate Improvement Plan 2017-18 Q4: overall AMBER, \d+ critical items$/,
    );
  });

  it("names the subject's parts by language, Welsh first, in the preview, the close's answer and the email state", async () => {
    const state: Subject = await (await t.call('GET', `/reports/${quarter}/email`, { token: t.tokens.admin })).json();
    for (const named of [preview.email, closeAnswer.email, state]) {
      expect(named.subjectParts?.map((part) => part.language)).toEqual(['cy', 'en']);
      expect(named.subjectParts?.map((part) => part.text).join(' / ')).toBe(email.subject);
      expect(named.subject).toBe(email.subject);
    }
  });

  it('writes the email body Welsh first, then English, each with every sentence and critical item', () => {
    const text = email.body.text!;
    const [welsh, english, ...rest] = text.split('\n----------------------------------------\n');
    expect(rest).toEqual([]);
    for (const sentence of report.summary.sentencesCy) expect(welsh).toContain(sentence);
    for (const sentence of report.summary.sentences) expect(english).toContain(sentence);
    for (const item of report.criticalItems) {
      expect(welsh).toContain(`Mater - ${item.issueCy}`);
      expect(english).toContain(`Issue - ${item.issue}`);
    }
    // Headings in sentence case, underlined (as GOV.UK Notify's plain text), not capitals.
    expect(welsh).toContain('\nRhaglenni\n---------\n');
    expect(welsh).toContain('Dysgu');
    expect(english).toContain('\nProgrammes\n----------\n');
    expect(`${welsh}${english}`).not.toMatch(/RHAGLENNI|PROGRAMMES/);
    expect(english).not.toContain('Dysgu');
    // The same figures in both parts.
    expect(figures(welsh!).length).toBeGreaterThan(50);
    expect(figures(welsh!)).toEqual(figures(english!));

    const html = email.body.html!;
    expect(html).toContain('<html lang="cy">');
    expect(html.indexOf('<div lang="cy">')).toBeGreaterThan(0);
    expect(html.indexOf('<div lang="cy">')).toBeLessThan(html.indexOf('<div lang="en-GB">'));
  });

  it('attaches a Word draft in two parts, Welsh first, with the same figures in each', () => {
    const attachment = email.attachments.find((a) => a.filename === `ragtime-${quarter}.docx`);
    expect(attachment).toBeDefined();
    const draft = readDocx(Buffer.from(attachment!.content, 'base64'));
    const lines = draft.paragraphs.map((p) => p.text);
    const titles = draft.paragraphs.filter((p) => p.style === 'Title').map((p) => p.text);
    expect(titles).toEqual([
      'PWNC: Adroddiad perfformiad Cynllun Gwella Corfforaethol 2017-18 Chwarter 4',
      'SUBJECT: Corporate Improvement Plan 2017-18 Quarter 4 performance report',
    ]);
    // The English part begins with its frame: the council's name, five lines before its subject.
    const englishStart = lines.indexOf(titles[1]!) - 5;
    expect(lines[englishStart]).toBe('CYNGOR SIR POWYS COUNTY COUNCIL');
    expect(lines.slice(0, 3)).toEqual(['CYNGOR SIR POWYS COUNTY COUNCIL', 'CABINET GWEITHREDOL', '10 Gorffennaf 2018']);
    const welsh = lines.slice(0, englishStart);
    const english = lines.slice(englishStart);
    expect(welsh).toContain(`1.3 ${report.summary.sentencesCy[0]}`);
    expect(english).toContain(`1.3 ${report.summary.sentences[0]}`);
    for (const sentence of report.summary.sentencesCy.slice(1)) expect(welsh).toContain(sentence);
    for (const sentence of report.summary.sentences.slice(1)) expect(english).toContain(sentence);
    for (const item of report.criticalItems) {
      expect(welsh).toContain(`Mater - ${item.issueCy}`);
      expect(english).toContain(`Issue - ${item.issue}`);
    }
    expect(welsh).toContain('2. Cynnig');
    expect(welsh).toContain("[i'w ysgrifennu]");
    expect(english).toContain('2. Proposal');
    expect(english).toContain('[to be written]');
    expect(figures(welsh.join('\n')).length).toBeGreaterThan(100);
    expect(figures(welsh.join('\n'))).toEqual(figures(english.join('\n')));
  });

  it('answers GET ?format=docx and ?format=html in both languages too', async () => {
    const docx = await t.call('GET', `/reports/${quarter}?format=docx`, { token: t.tokens.admin });
    const lines = readDocx(new Uint8Array(await docx.arrayBuffer())).paragraphs.map((p) => p.text);
    expect(lines.indexOf('1. Crynodeb')).toBeLessThan(lines.indexOf('1. Summary'));
    const html = await (await t.call('GET', `/reports/${quarter}?format=html`, { token: t.tokens.admin })).text();
    expect(html.indexOf('<div lang="cy">')).toBeLessThan(html.indexOf('<div lang="en-GB">'));
    expect(html).toContain('Adroddiad perfformiad Cynllun Gwella Corfforaethol 2017-18 Ch4');
    for (const item of report.criticalItems) expect(html).toContain(escapeHtml(item.issueCy));
  });
});

describe('the XLSX with reportLanguages cy+en', () => {
  it('has one sheet set per language, Welsh first, with Welsh sheet names and headings and the same figures', async () => {
    const res = await t.call('GET', `/reports/${quarter}?format=xlsx`, { token: t.tokens.admin });
    expect(res.status).toBe(200);
    const workbook = await readXlsx(new Uint8Array(await res.arrayBuffer()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Crynodeb',
      'Mesurau',
      'Gwaith a gynlluniwyd',
      'Eitemau critigol',
      'Summary',
      'Measures',
      'Planned work',
      'Critical items',
    ]);
    const rows = (name: string) => {
      const out: (string | number | null)[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => {
        out.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : (v as string | number))));
      });
      return out;
    };
    const welsh = rows('Mesurau');
    const english = rows('Measures');
    expect(welsh[0]).toContain('Statws');
    expect(welsh[0]).toContain('Sylwebaeth');
    expect(english[0]).toContain('Status');
    expect(welsh.flat()).toContain('AMBR');
    expect(english.flat()).toContain('AMBER');
    expect(welsh.length).toBe(english.length);
    const numbers = (table: (string | number | null)[][]) => table.flat().filter((v) => typeof v === 'number');
    expect(numbers(welsh).length).toBeGreaterThan(50);
    expect(numbers(welsh)).toEqual(numbers(english));
    expect(numbers(rows('Crynodeb'))).toEqual(numbers(rows('Summary')));
    const critical = rows('Eitemau critigol').flat();
    for (const item of report.criticalItems) expect(critical).toContain(item.issueCy);
    expect(rows('Crynodeb')[0]![0]).toBe('Adroddiad perfformiad Cynllun Gwella Corfforaethol 2017-18 Ch4');
  });
});

describe("officers' emails in their own language (People language)", () => {
  const open = '2018-19-Q1';
  const welshContact = 'cyswllt.lle@localhost';
  const englishContact = 'contact.place@localhost';
  const welshHead = 'pennaeth.lle@localhost';
  let measureId: string;

  beforeAll(async () => {
    measureId = freshId('cy-reminder');
    const put = await t.call('PUT', `/measures/${measureId}`, {
      token: t.tokens.admin,
      body: {
        ...placeMeasure,
        title: 'Planning appeals decided in time (%)',
        titleCy: 'Apeliadau cynllunio a benderfynwyd mewn pryd (%)',
        targets: { '2018-19': 80 },
      },
    });
    expect(put.status, await put.clone().text()).toBe(201);
    for (const email of [welshContact, welshHead, 'officer.place@localhost'])
      expect(
        (
          await t.call('PUT', `/people/${email}`, {
            token: t.tokens.admin,
            body: { roles: ['officer'], directorate: 'Place', language: 'cy' },
          })
        ).status,
      ).toBeLessThan(300);
    const settings = await (await t.call('GET', '/settings', { token: t.tokens.admin })).json();
    await setSettings(t, t.tokens.admin, {
      reminderDays: [5, 1],
      directorates: {
        ...settings.directorates,
        Place: {
          contacts: [englishContact, welshContact],
          heads: [welshHead],
          approvers: ['approver.place@localhost'],
        },
      },
    });
  });

  it('a reminder goes once to each language: Welsh words, names and titles to the Welsh contact, copied to the Welsh head', async () => {
    await t.clearEmails();
    await reminderJob({ daysBeforeClose: 1, quarter: open }, lambdaContext('reminders'));
    await reminderJob({ daysBeforeClose: 1, quarter: open }, lambdaContext('reminders'));
    const place = (await t.emails()).filter((e) =>
      [englishContact, welshContact, welshHead].some((to) => [...e.destination.to, ...e.destination.cc].includes(to)),
    );
    expect(place).toHaveLength(2);
    const welsh = place.find((e) => e.destination.to.includes(welshContact))!;
    const english = place.find((e) => e.destination.to.includes(englishContact))!;
    expect(welsh.destination).toMatchObject({ to: [welshContact], cc: [welshHead] });
    expect(english.destination.to).toEqual([englishContact]);
    expect(english.destination.cc).toEqual([]);
    expect(welsh.subject).toMatch(
      /^Nodyn atgoffa olaf: \d+ ffurflen ar goll gan Lle, Cynllun Gwella Corfforaethol 2018-19 Ch1$/,
    );
    expect(welsh.body.text).toContain('Apeliadau cynllunio a benderfynwyd mewn pryd (%)');
    expect(welsh.body.text).toMatch(/\n\nMesurau heb ganlyniad \(\d+\)\n-+\n/);
    expect(welsh.body.text).toContain('mae pennaeth Lle wedi cael copi');
    expect(welsh.body.html).toContain('<html lang="cy">');
    expect(english.subject).toMatch(
      /^Reminder: \d+ returns? missing for Place, Corporate Improvement Plan 2018-19 Q1$/,
    );
    expect(english.body.text).toContain('Planning appeals decided in time (%)');
    expect(english.body.text).not.toContain('Apeliadau');
    expect(english.body.html).toContain('<html lang="en-GB">');
    // The figures are the same in both.
    expect(figures(welsh.body.text!.replace(/2018-19|Ch1|Q1/g, ''))).toEqual(
      figures(english.body.text!.replace(/2018-19|Ch1|Q1/g, '')),
    );
  });

  it("a returned return's email goes in its submitter's language", async () => {
    await t.withSettings({ signOff: 'on' });
    const officer = await t.token('officer', 'Place');
    const approver = await t.token('approver', 'Place');
    const path = `/measures/${measureId}/results/${open}`;
    expect((await t.call('PUT', path, { token: officer, body: { value: 85 } })).status).toBe(201);
    await t.clearEmails();
    const decided = await t.call('POST', `${path}/sign-off`, {
      token: approver,
      body: { decision: 'return', reason: 'Defnyddiwch ffigur Mehefin' },
      headers: { 'if-match': '"1"' },
    });
    expect(decided.status, await decided.clone().text()).toBe(200);
    const returned = (await t.emails()).filter((e) => e.destination.to.includes('officer.place@localhost'));
    expect(returned).toHaveLength(1);
    expect(returned[0]!.subject).toBe(
      'Cynllun Gwella Corfforaethol: mae eich ffurflen ar gyfer Apeliadau cynllunio a benderfynwyd mewn pryd (%) (2018-19 Ch1) wedi’i dychwelyd',
    );
    expect(returned[0]!.body.text).toContain('Rheswm: Defnyddiwch ffigur Mehefin');
  });
});

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
