import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/domain';
import { docxMediaType } from '../../lambdas/domain/media-types';
import { defaultStatusSettings } from '../../lambdas/domain/types';
import { samplePlan } from '../../lambdas/local/sample-plan';
import { closeEmail } from '../../lambdas/mail/close-email';

// The close email as a pure function of the report: what is attached, and what is said
// when a very large plan's report cannot be attached within SES's message limit.

const report = buildReport({
  quarter: '2017-18-Q4',
  measures: samplePlan.measures,
  actions: samplePlan.actions,
  results: samplePlan.results.map((r) => ({ ...r, version: 1 })),
  actionUpdates: samplePlan.actionUpdates.filter((u) => u.quarter === '2017-18-Q4').map((u) => ({ ...u, version: 1 })),
  remedialActions: {},
  settings: defaultStatusSettings,
});
const options = {
  from: 'ragtime@localhost',
  to: ['emt@localhost'],
  reportTitle: 'Corporate Improvement Plan',
  appUrl: 'https://ragtime.example/app/',
};

describe('close email attachments', () => {
  it('attaches the report as CSV and HTML and links to it', () => {
    const email = closeEmail(report, options);
    expect(email.attachments!.map((a) => a.filename)).toEqual(['ragtime-2017-18-Q4.csv', 'ragtime-2017-18-Q4.html']);
    expect(email.text).toContain(
      'The report is attached as CSV and HTML. Read it on the dashboard: https://ragtime.example/app/dashboard?quarter=2017-18-Q4',
    );
    // Every link goes to the web app, never to the API (SPEC §12): the dashboard, and each critical item's page.
    // Mustache escapes attribute text (`/` as &#x2F;, `=` as &#x3D;), which a mail reader decodes.
    const decoded = (href: string) =>
      href
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
        .replace(/&amp;/g, '&');
    const links = [...email.html.matchAll(/href="([^"]+)"/g)].map((m) => decoded(m[1]!));
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(link.startsWith('https://ragtime.example/app/')).toBe(true);
    expect(links).toContain(
      `https://ragtime.example/app/reports/2017-18-Q4/critical-items/${encodeURIComponent(report.criticalItems[0]!.id)}`,
    );
    expect(email.text).not.toMatch(/API token|\/reports\/2017-18-Q4\?format/);
    expect(email.text).not.toContain('too large');
  });

  it('leaves out what would pass the size limit, says so, and keeps the link', () => {
    const csvBytes = Buffer.byteLength(closeEmail(report, options).attachments![0]!.content);
    const csvOnly = closeEmail(report, { ...options, maxAttachmentBytes: csvBytes });
    expect(csvOnly.attachments!.map((a) => a.filename)).toEqual(['ragtime-2017-18-Q4.csv']);
    expect(csvOnly.text).toContain(
      'The full report is too large to attach in full (ragtime-2017-18-Q4.html left out); read it at the link below.',
    );
    expect(csvOnly.html).toContain('ragtime-2017-18-Q4.html left out');

    const none = closeEmail(report, { ...options, maxAttachmentBytes: 0 });
    expect(none.attachments).toEqual([]);
    expect(none.text).toContain('(ragtime-2017-18-Q4.csv and ragtime-2017-18-Q4.html left out)');
    expect(none.text).not.toContain('The report is attached');
    expect(none.text).toContain('https://ragtime.example/app/dashboard?quarter=2017-18-Q4');
  });

  it('attaches the Word draft after the CSV and the page, and names it when it does not fit', () => {
    const wordDraft = Buffer.from('PK\u0003\u0004 a Word draft');
    const email = closeEmail(report, { ...options, wordDraft });
    expect(email.attachments!.map((a) => [a.filename, a.contentType])).toEqual([
      ['ragtime-2017-18-Q4.csv', 'text/csv; charset=utf-8'],
      ['ragtime-2017-18-Q4.html', 'text/html; charset=utf-8'],
      ['ragtime-2017-18-Q4.docx', docxMediaType],
    ]);
    expect(email.attachments![2]!.content).toBe(wordDraft);
    expect(email.text).toContain('The report is attached as CSV, HTML and a Word draft (DOCX).');

    const [csv, html] = closeEmail(report, options).attachments!;
    const textBytes = Buffer.byteLength(csv!.content) + Buffer.byteLength(html!.content);
    const noRoom = closeEmail(report, { ...options, wordDraft, maxAttachmentBytes: textBytes + wordDraft.length - 1 });
    expect(noRoom.attachments!.map((a) => a.filename)).toEqual(['ragtime-2017-18-Q4.csv', 'ragtime-2017-18-Q4.html']);
    expect(noRoom.text).toContain('(ragtime-2017-18-Q4.docx left out)');
  });

  it('says so when the Word draft could not be made', () => {
    const email = closeEmail(report, { ...options, wordDraft: null });
    expect(email.attachments!.map((a) => a.filename)).toEqual(['ragtime-2017-18-Q4.csv', 'ragtime-2017-18-Q4.html']);
    expect(email.text).toContain(
      'The Word draft (ragtime-2017-18-Q4.docx) could not be made for this email; download it from the dashboard at the link below.',
    );
  });
});
