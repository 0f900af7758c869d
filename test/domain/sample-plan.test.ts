// The seed report's 2017-18 Q4 (section 1.3 and section 2), reproduced from the sample plan.

import { describe, expect, it } from 'vitest';
import { actionUpdateProblem } from '../../lambdas/domain/actions';
import { resultStatus } from '../../lambdas/domain/measure-status';
import { periodFitsFrequency } from '../../lambdas/domain/periods';
import { buildReport, missingReturns } from '../../lambdas/domain/report';
import { type CriticalRule, defaultStatusSettings } from '../../lambdas/domain/types';
import { samplePlan } from '../../lambdas/local/sample-plan';

const report = buildReport({
  quarter: '2017-18-Q4',
  measures: samplePlan.measures,
  actions: samplePlan.actions,
  results: samplePlan.results.map((r) => ({ ...r, version: 1 })),
  actionUpdates: samplePlan.actionUpdates.map((u) => ({ ...u, version: 1 })),
  remedialActions: {},
  settings: defaultStatusSettings,
});

describe('the sample plan', () => {
  it('is labelled sample data throughout', () => {
    expect(samplePlan.measures).toHaveLength(35);
    expect(samplePlan.actions).toHaveLength(40);
    for (const d of [...samplePlan.measures, ...samplePlan.actions]) expect(d.sample).toBe(true);
    for (const r of [...samplePlan.results, ...samplePlan.actionUpdates])
      expect(r.commentary).toMatch(/^Illustrative sample/);
    expect(new Set(samplePlan.measures.map((m) => m.id)).size).toBe(35);
    expect(new Set(samplePlan.actions.map((a) => a.id)).size).toBe(40);
  });

  it('is data the API would accept', () => {
    const byId = new Map(samplePlan.measures.map((m) => [m.id, m]));
    for (const r of samplePlan.results) {
      const measure = byId.get(r.measureId)!;
      expect(periodFitsFrequency(r.period, measure.frequency)).toBe(true);
      for (const name of Object.keys(r.breakdown ?? {})) expect(measure.directorates).toContain(name);
      const status = resultStatus(measure, r.period, r.value, defaultStatusSettings);
      expect(status).not.toBe('info-only');
      // amber and red results carry commentary, as PUT requires
      if (status === 'amber' || status === 'red') expect(r.commentary?.trim()).toBeTruthy();
    }
    for (const u of samplePlan.actionUpdates) expect(actionUpdateProblem(u.status, u.commentary)).toBeNull();
  });

  it('has monthly, annual, lower-is-better and within measures', () => {
    const kinds = new Set(samplePlan.measures.flatMap((m) => [m.frequency, m.polarity, m.aggregation ?? '']));
    for (const kind of ['monthly', 'annual', 'quarterly', 'lower', 'higher', 'within', 'latest', 'sum', 'mean'])
      expect(kinds).toContain(kind);
  });
});

describe('2017-18 Q4 from the sample plan', () => {
  it('gives the seed’s summary sentences and overall status', () => {
    expect(report.summary.sentences).toEqual([
      'At the end of March 2018 (Q4), 75% of planned work received a BRAG status of blue or green with 25% indicating amber or red.',
      'Out of the 35 measures, 32% met target. 57% were off target and 34% off target by more than 10%. 11% had no data.',
    ]);
    expect(report.overall).toBe('amber');
    expect(report.summary.measures).toMatchObject({
      total: 35,
      met: 11,
      offTarget: 20,
      offTargetBeyondTolerance: 12,
      noData: 4,
    });
    expect(report.summary.plannedWork).toMatchObject({ total: 40, blueOrGreen: 30, amberOrRed: 10, noUpdate: 0 });
  });

  it('rolls up the seed’s five programmes and three directorates', () => {
    expect(report.programmes.map((p) => p.name)).toEqual([
      'Corporate Measures',
      'Developing the economy',
      'Learning',
      'Services delivered for less',
      'Social Services Improvement',
    ]);
    expect(report.directorates.map((d) => d.name)).toEqual(['People', 'Place', 'Resources']);
  });

  const item = (id: string) => report.criticalItems.find((i) => i.id === id);

  it.each<[string, CriticalRule, string?]>([
    [
      'sickness-absence',
      'all-directorates-off',
      'Targets missed for the whole organisation and all directorates (People, Place, Resources).',
    ],
    ['ipr-undertaken', 'all-directorates-off'],
    [
      'planning-applications-8-weeks',
      'declining-despite-target',
      'Although the target was met (target 80%, actual 82%), performance is lower than the same quarter last year (88%).',
    ],
    [
      'whqs-elemental-improvements',
      'red',
      'Missed the target by more than 50% (target 1,200, actual 560). RAG status is RED.',
    ],
    ['permanent-exclusions-secondary', 'red'],
    ['fifteen-year-olds-no-qualification', 'red'],
    ['estyn-good-prospects', 'red'],
    ['estyn-good-current', 'red'],
    ['schools-deficit-budgets', 'red-consecutive'],
    ['pia-g-communications', 'action-red', 'Action is RED for Q4.'],
    ['lac-statutory-visits', 'red'],
    ['cp-statutory-visits', 'red'],
    ['children-assessments-in-time', 'red'],
    ['case-supervision-monthly', 'red'],
    ['delayed-transfers-75-plus', 'red'],
    ['carers-offered-assessment', 'red'],
  ])('flags %s by %s', (id, rule, issue) => {
    expect(item(id)?.rules).toContain(rule);
    if (issue) expect(item(id)?.issue).toBe(issue);
  });

  it('flags the seed’s critical items and no others', () => {
    expect(report.criticalItems).toHaveLength(16);
    expect(item('whqs-elemental-improvements')?.issue).toContain('more than 50%');
    expect(item('schools-deficit-budgets')?.issue).toContain('RED for 2017-18 Q3 and Q4.');
  });

  it('lists the missing returns by directorate', () => {
    expect(missingReturns(report).map((d) => [d.directorate, d.measures.length, d.actions.length])).toEqual([
      ['People', 1, 0],
      ['Place', 1, 0],
      ['Resources', 2, 0],
    ]);
  });
});
