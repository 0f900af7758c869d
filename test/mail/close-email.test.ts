import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/domain';
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
  apiUrl: 'https://api.example/',
};

describe('close email attachments', () => {
  it('attaches the report as CSV and HTML and links to it', () => {
    const email = closeEmail(report, options);
    expect(email.attachments!.map((a) => a.filename)).toEqual(['ragtime-2017-18-Q4.csv', 'ragtime-2017-18-Q4.html']);
    expect(email.text).toContain(
      'The report is attached as CSV and HTML. With an API token: https://api.example/reports/2017-18-Q4?format=html',
    );
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
    expect(none.text).toContain('https://api.example/reports/2017-18-Q4?format=html');
  });
});
