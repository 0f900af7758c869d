import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/domain';
import { defaultStatusSettings } from '../../lambdas/domain/types';
import { closeEmail } from '../../lambdas/mail/close-email';
import { reportCsv } from '../../lambdas/render/report-csv';
import { reportHtml } from '../../lambdas/render/report-html';
import { reportMarkdown } from '../../lambdas/render/report-md';
import { aMeasure, aResult } from '../domain/fixtures';

// Moving goalposts are visible wherever the report goes (docs/plan-administration.md).

const quarter = '2017-18-Q4';
const moved = aMeasure({
  id: 'moved',
  title: 'Goalposts moved',
  targets: { [quarter]: 80 },
  targetsChangedAt: { [quarter]: '2018-02-14T10:00:00.000Z', '2017-18-Q3': '2018-02-14T10:00:00.000Z' },
});
const steady = aMeasure({
  id: 'steady',
  title: 'Goalposts kept',
  targets: { [quarter]: 80 },
  targetsChangedAt: { [quarter]: '2017-12-31T23:00:00.000Z' },
});
const report = buildReport({
  quarter,
  measures: [moved, steady],
  actions: [],
  results: [aResult(quarter, 90, { measureId: 'moved' }), aResult(quarter, 90, { measureId: 'steady' })],
  actionUpdates: [],
  remedialActions: {},
  settings: defaultStatusSettings,
});

describe('target changed after the quarter began', () => {
  it('the report JSON carries the date on the moved measure only', () => {
    expect(report.measures.find((m) => m.id === 'moved')?.targetChangedAfterStart).toBe('2018-02-14');
    expect(report.measures.find((m) => m.id === 'steady')).not.toHaveProperty('targetChangedAfterStart');
  });

  it('the summary counts them and says so', () => {
    expect(report.summary.targetsChangedAfterStart).toBe(1);
    expect(report.summary.sentences).toContain('The target of 1 measure was changed after the quarter began.');
  });

  it.each([
    ['HTML', () => reportHtml(report, 'Plan')],
    ['Markdown', () => reportMarkdown(report, 'Plan')],
    ['CSV', () => reportCsv(report)],
    ['email (HTML)', () => closeEmail(report, { from: 'a@x', to: ['b@x'], reportTitle: 'Plan' }).html],
    ['email (text)', () => closeEmail(report, { from: 'a@x', to: ['b@x'], reportTitle: 'Plan' }).text],
  ])('%s says "target changed on <date>" once, for the moved measure', (_, render) => {
    const out = render();
    expect(out.split('target changed on 14 February 2018').length - 1).toBe(1);
    expect(out).not.toContain('target changed on 2017');
  });

  it('a report without moved targets has no count and no extra sentence', () => {
    const plain = buildReport({
      quarter,
      measures: [steady],
      actions: [],
      results: [],
      actionUpdates: [],
      remedialActions: {},
      settings: defaultStatusSettings,
    });
    expect(plain.summary).not.toHaveProperty('targetsChangedAfterStart');
    expect(plain.summary.sentences).toHaveLength(2);
  });
});
