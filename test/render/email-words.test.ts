// Every email the product sends (the EMT close email, its reissue, a returned return, the
// officers' late-return reminders and the approvers' sign-off reminder: lambdas/mail), in
// English and in Welsh, read as a person reads them (SPEC §12 "Words, not data", issue #25):
// headings and subjects in sentence case ("Remedial action needed", never "Remedial Action
// Needed"), quarters and dates in words, no ISO date, UUID or local id, and plain-text parts
// that say "&" where the title says "&" (never "&amp;").
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/domain';
import type { Language } from '../../lambdas/domain/language';
import type { QuarterReport } from '../../lambdas/domain/quarter-report';
import { englishOnly, type ReportLanguageOptions } from '../../lambdas/domain/report-language';
import { defaultStatusSettings } from '../../lambdas/domain/types';
import { closeEmail } from '../../lambdas/mail/close-email';
import { reminderEmail } from '../../lambdas/mail/reminder-email';
import type { OutgoingEmail } from '../../lambdas/mail/ses';
import { awaitingSignOffEmail, returnedEmail } from '../../lambdas/mail/sign-off-email';
import { aMeasure, anAction, aResult } from '../domain/fixtures';

const quarter = '2017-18-Q4';
const reportTitle = 'Corporate Improvement Plan';
// Titles and names with "&" and capitals of their own: data, not headings to judge.
const titles = ['Parks & Open Spaces visits', 'Council Tax collected (%)', 'Adopt the LDP & CIL'];
const names = [
  reportTitle,
  ...titles,
  'People',
  'Place',
  'Developing the economy',
  'EMT',
  'Cynllun Gwella Corfforaethol',
];

const built = buildReport({
  quarter,
  measures: [
    aMeasure({ id: 'parks', title: titles[0]!, unit: '', polarity: 'higher', targets: { [quarter]: 1000 } }),
    aMeasure({ id: 'tax', title: titles[1]!, unit: '%', targets: { [quarter]: 97 } }),
  ],
  actions: [anAction({ id: 'ldp', title: titles[2]! })],
  results: [aResult(quarter, 300, { measureId: 'parks' }), aResult(quarter, 80, { measureId: 'tax' })],
  actionUpdates: [],
  remedialActions: { tax: { text: 'Chase the arrears.', owner: 'EMT', dueDate: '2018-09-30' } },
  settings: defaultStatusSettings,
});
const report: QuarterReport = { ...built, closed: true, closedAt: '2018-04-10T06:00:43.623Z', revision: 1 };

const languageOptions = (language: Language): ReportLanguageOptions =>
  language === 'en'
    ? englishOnly(reportTitle)
    : {
        ...englishOnly(reportTitle),
        languages: ['cy'],
        titles: { en: reportTitle, cy: 'Cynllun Gwella Corfforaethol' },
      };

/** Every email, by what it is, in one language. */
function emails(language: Language): Record<string, OutgoingEmail> {
  const close = (reissued?: { revision: number }) =>
    closeEmail(reissued ? { ...report, revision: reissued.revision } : report, {
      from: 'performance@example.gov.uk',
      to: ['emt@example.gov.uk'],
      reportTitle,
      appUrl: 'https://ragtime.example.gov.uk/app/',
      languages: languageOptions(language),
      ...(reissued && { reissued }),
    });
  const reminder = (daysBeforeClose: number) =>
    reminderEmail(
      {
        directorate: 'Place',
        measures: [{ id: 'parks', title: titles[0]! }],
        actions: [{ id: 'ldp', title: titles[2]! }],
      },
      {
        from: 'performance@example.gov.uk',
        to: ['place@example.gov.uk'],
        cc: daysBeforeClose === 1 ? ['director.place@example.gov.uk'] : [],
        quarter,
        closeAt: new Date('2018-04-20T17:00:00Z'),
        daysBeforeClose,
        reportTitle,
        language,
      },
    );
  return {
    'close email': close(),
    'reissue email': close({ revision: 2 }),
    'returned email': returnedEmail({
      from: 'performance@example.gov.uk',
      to: 'officer@example.gov.uk',
      reportTitle,
      title: titles[0]!,
      period: quarter,
      version: 2,
      reason: 'Check the figure & resend.',
      language,
      formUrl: 'https://ragtime.example.gov.uk/app/measures/parks/results/2017-18-Q4',
    }),
    reminder: reminder(5),
    'final reminder': reminder(1),
    'sign-off reminder': awaitingSignOffEmail({
      from: 'performance@example.gov.uk',
      to: ['approver@example.gov.uk'],
      reportTitle,
      directorate: 'Place',
      quarter,
      closeAt: new Date('2018-04-20T17:00:00Z'),
      items: [{ title: titles[0]!, period: quarter, version: 2 }],
      language,
    }),
  };
}

const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x2F;/g, '/')
    .replace(/&#x3D;/g, '=');
const textOf = (html: string) => decode(html.replace(/<[^>]+>/g, ' '));

/** The subject, the HTML's headings and table headers, and the text part's heading lines. */
function headings(email: OutgoingEmail): string[] {
  const html = email.html.replace(/<head>[\s\S]*?<\/head>/, '');
  const fromHtml = [...html.matchAll(/<(h[1-6]|th)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => textOf(m[2]!));
  return [email.subject, ...fromHtml].map((h) => h.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Words after the first that start with a capital then a small letter, once names and acronyms are taken out. */
function titleCased(heading: string): string[] {
  let rest = heading;
  for (const name of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  const words = rest
    .split(/[\s:;,.()–-]+/)
    .filter(Boolean)
    // A sentence starts again after a colon or full stop ("Returned: …", "Reason: …").
    .filter((_, i) => i > 0);
  const firsts = new Set(
    heading
      .split(/[:.]\s+/)
      .map((s) => s.trim().split(/\s+/)[0])
      .filter(Boolean),
  );
  // Quarters ("Q4", "Ch4") are written so in both languages.
  return words.filter(
    (w) => /^[A-ZÂÊÎÔÛŴŶ][a-zâêîôûŵŷ’']+/.test(w) && !firsts.has(w) && !months.has(w) && !/^Ch\d$/.test(w),
  );
}
const months = new Set([
  ...'January February March April May June July August September October November December'.split(' '),
  ...'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(' '),
]);

const iso = /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}|\d{4}-\d{2}-Q\d/;
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const localId = /\blocal-[a-z]/;

/** What a person reads: the subject, the text part, the HTML's text (links' addresses are not read). */
const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, '');
const readable = (email: OutgoingEmail) => [email.subject, withoutLinks(email.text), withoutLinks(textOf(email.html))];

describe.each(['en', 'cy'] as const)('every email in %s', (language) => {
  const all = Object.entries(emails(language));

  it('has a subject and headings in sentence case', () => {
    const found = all.flatMap(([what, email]) =>
      headings(email).flatMap((h) => (titleCased(h).length ? [`${what}: "${h}" (${titleCased(h).join(', ')})`] : [])),
    );
    expect(found).toEqual([]);
    expect(all.flatMap(([, e]) => headings(e)).length).toBeGreaterThan(20);
  });

  it('writes quarters and dates in words: no ISO date, quarter id, UUID or local id', () => {
    for (const [what, email] of all)
      for (const part of readable(email)) {
        expect(part, what).not.toMatch(iso);
        expect(part, what).not.toMatch(uuid);
        expect(part, what).not.toMatch(localId);
      }
    const quarterWords = language === 'cy' ? '2017-18 Ch4' : '2017-18 Q4';
    for (const [what, email] of all) expect(`${email.subject}\n${email.text}`, what).toContain(quarterWords);
  });

  it("writes the plain text's headings in sentence case, underlined as GOV.UK Notify does: no line in capitals", () => {
    const underlinedHeadings: string[] = [];
    for (const [what, email] of all) {
      const lines = email.text.split('\n');
      // "PROGRAMMES", "CRITICAL ITEMS (3)", "REISSUED: …" before.
      expect(
        lines.filter((l) => /^[A-ZÂÊÎÔÛŴŶ]{2}[A-ZÂÊÎÔÛŴŶ ’'()0-9:-]{4,}$/.test(l)),
        what,
      ).toEqual([]);
      lines.forEach((line, i) => {
        const above = lines[i - 1] ?? '';
        // A run of dashes under a heading is the heading's length (the languages' separator stands alone).
        if (/^-+$/.test(line) && above !== '') {
          expect(line.length, `${what}: ${above}`).toBe([...above].length);
          expect(lines[i - 2], `${what}: a blank line before ${above}`).toBe('');
          expect(titleCased(above), `${what}: ${above}`).toEqual([]);
          underlinedHeadings.push(above);
        }
      });
    }
    const programmes = language === 'cy' ? 'Rhaglenni' : 'Programmes';
    expect(underlinedHeadings).toContain(programmes);
    expect(underlinedHeadings.length).toBeGreaterThan(5);
  });

  it('says "&" in the plain-text part, never "&amp;"', () => {
    for (const [what, email] of all) {
      expect(email.text, what).not.toMatch(/&amp;|&#\d+;|&quot;|&lt;|&gt;/);
      expect(`${email.subject}\n${email.text}`, what).toContain(' & ');
    }
  });
});
