// Issue #27's acceptance for the outputs (SPEC §17): the sample plan's 2017-18 Q4 closed
// with reportLanguages cy+en. The EMT email and its Word draft carry both languages,
// Welsh first, with the summary sentences and every critical item in both, and the
// figures in the Welsh part are the figures in the English part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SesEmail, startTestStack, type TestStack } from '../support/local-stack';
import { readDocx } from '../support/office';

const quarter = '2017-18-Q4';
let t: TestStack;
let admin: string;
let email: SesEmail;
let report: {
  summary: { sentences: string[]; sentencesCy: string[] };
  criticalItems: { issue: string; issueCy: string; title: string; programme: string }[];
};

/** Every figure in a text, as a sorted list: the same figures whatever each language's word order. */
const figures = (text: string) => (text.match(/\d+(?:[.,]\d+)*/g) ?? []).sort();

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  admin = await t.token('admin');
  const current = await t.call('GET', '/settings', { token: admin });
  const { version: _v, by: _b, at: _a, ...settings } = await current.json();
  const put = await t.call('PUT', '/settings', {
    token: admin,
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
  const closed = await t.call('POST', `/reports/${quarter}/close`, { token: admin, body: { early: true } });
  expect(closed.status, await closed.clone().text()).toBe(200);
  report = await (await t.call('GET', `/reports/${quarter}`, { token: admin })).json();
  email = (await t.emails()).filter((e) => e.subject.includes('2017-18'))[0]!;
}, 120_000);
afterAll(async () => {
  await t?.stop();
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
    expect(welsh).toContain('RHAGLENNI');
    expect(welsh).toContain('Dysgu');
    expect(english).toContain('PROGRAMMES');
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
    const docx = await t.call('GET', `/reports/${quarter}?format=docx`, { token: admin });
    const lines = readDocx(new Uint8Array(await docx.arrayBuffer())).paragraphs.map((p) => p.text);
    expect(lines.indexOf('1. Crynodeb')).toBeLessThan(lines.indexOf('1. Summary'));
    const html = await (await t.call('GET', `/reports/${quarter}?format=html`, { token: admin })).text();
    expect(html.indexOf('<div lang="cy">')).toBeLessThan(html.indexOf('<div lang="en-GB">'));
    expect(html).toContain('Adroddiad perfformiad Cynllun Gwella Corfforaethol 2017-18 Ch4');
    for (const item of report.criticalItems) expect(html).toContain(escapeHtml(item.issueCy));
  });
});

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
