import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxMediaType } from '../../lambdas/domain/media-types';
import { samplePlan } from '../../lambdas/local/sample-plan';
import { axeViolations } from '../support/axe';
import { type SesEmail, startTestStack, type TestStack } from '../support/local-stack';
import { readDocx } from '../support/office';

// The close of the sample plan's (the seed's CIP 2017-18) Q4 against dynalite and
// aws-ses-v2-local. One close, done before the tests (it is the thing under test, not
// state one test leaves for another); each test checks one thing about its answer or its
// email and changes nothing, so they pass in any order.

const seedSentences = [
  'At the end of March 2018 (Q4), 75% of planned work received a BRAG status of blue or green with 25% indicating amber or red.',
  'Out of the 35 measures, 32% met target. 57% were off target and 34% off target by more than 10%. 11% had no data.',
];

interface CloseAnswer {
  overall: string;
  measures: { id: string }[];
  criticalItems: { title: string; issue: string; rules: string[] }[];
  summary: { sentences: string[] };
}

let t: TestStack;
let closed: CloseAnswer;
let emails: SesEmail[];
let email: SesEmail;
const attachment = (suffix: string) =>
  // The emulator stores attachment content base64-encoded.
  Buffer.from(email.attachments.find((a) => a.filename.endsWith(suffix))!.content, 'base64').toString('utf8');

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  const admin = await t.token('admin');
  await t.clearEmails();
  const res = await t.call('POST', '/reports/2017-18-Q4/close', { token: admin });
  expect(res.status).toBe(200);
  closed = (await res.json()) as CloseAnswer;
  emails = await t.emails();
  email = emails[0]!;
});
afterAll(async () => {
  await t?.stop();
});

describe('closing the seed’s Q4', () => {
  it('rates the quarter AMBER overall', () => {
    expect(closed.overall).toBe('amber');
  });

  it('states the seed’s summary sentences', () => {
    expect(closed.summary.sentences).toEqual(seedSentences);
  });

  it('finds the seed’s critical items', () => {
    const named = [
      'Sickness absence',
      'WHQS',
      'permanent exclusions',
      'planning applications',
      'deficit budgets',
      'Communications Strategy',
    ];
    for (const name of named)
      expect(
        closed.criticalItems.some((i) => i.title.toLowerCase().includes(name.toLowerCase())),
        name,
      ).toBe(true);
  });
});

describe('the EMT email of the seed’s Q4', () => {
  it('is sent once, to EMT', () => {
    expect(emails).toHaveLength(1);
    expect(email.destination.to).toEqual(['emt@localhost']);
  });

  it('names the plan, quarter, overall status and number of critical items in its subject', () => {
    expect(email.subject).toBe(
      `Corporate Improvement Plan 2017-18 Q4: overall AMBER, ${closed.criticalItems.length} critical items`,
    );
  });

  it('carries the summary sentences', () => {
    for (const sentence of seedSentences) expect(email.body.text).toContain(sentence);
  });

  it('lists every critical item with its issue, and asks for the remedial actions not yet recorded', () => {
    for (const item of closed.criticalItems) {
      expect(email.body.text).toContain(item.title);
      expect(email.body.text).toContain(`Issue - ${item.issue}`);
    }
    expect(email.body.text).toContain('Remedial action needed');
  });

  it('lists the four missing returns', () => {
    expect(samplePlan.measures.length - 31).toBe(4); // 35 measures, 31 with a Q4 result
    expect(email.body.text).toContain('\n\nMissing returns\n---------------\n');
    expect((email.body.text!.match(/^- Measure: /gm) ?? []).length).toBe(4);
  });

  it('attaches the report as CSV, one row per measure under a header, as HTML and as a Word draft', () => {
    expect(email.attachments.map((a) => a.filename).sort()).toEqual([
      'ragtime-2017-18-Q4.csv',
      'ragtime-2017-18-Q4.docx',
      'ragtime-2017-18-Q4.html',
    ]);
    expect(attachment('.csv').trim().split('\n')).toHaveLength(closed.measures.length + 1);
    expect(closed.measures).toHaveLength(35);
  });

  it('is accessible (WCAG 2.2 A and AA rules) with status in words, and Outlook-safe', async () => {
    const html = email.body.html!;
    expect(await axeViolations(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<style|<img|<link/i);
    for (const word of ['AMBER', 'RED']) expect(html).toContain(word);
  });

  it('attaches an accessible HTML report with status in words', async () => {
    const page = attachment('.html');
    expect(page).toContain('GREEN');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('attaches the Word draft of the frozen report, with the summary and every critical item', () => {
    const docx = email.attachments.find((a) => a.filename.endsWith('.docx'))!;
    expect(docx.contentType).toBe(docxMediaType);
    // Rendered by render-document, which the close invokes through the Lambda SDK (locally, the local endpoint).
    const lines = readDocx(Buffer.from(docx.content, 'base64')).paragraphs.map((p) => p.text);
    expect(lines).toContain(`1.3 ${seedSentences[0]}`);
    expect(lines).toContain(seedSentences[1]);
    expect(lines).toContain('The overall RAG status of the Corporate Improvement Plan for 2017-18 quarter 4 is AMBER');
    for (const item of closed.criticalItems) expect(lines).toContain(`Issue - ${item.issue}`);
    expect(lines.join('\n')).toContain("frozen at the quarter's close");
  });
});
