import { describe, expect, it } from 'vitest';
import { buildReport, missingReturns } from '../../lambdas/domain/report';
import type { ActionUpdateValue, ReportInput } from '../../lambdas/domain/types';
import { aMeasure, anAction, aResult, settingsWith } from './fixtures';

const Q4 = '2017-18-Q4';
const update = (
  actionId: string,
  status: ActionUpdateValue['status'],
  overrides: Partial<ActionUpdateValue> = {},
): ActionUpdateValue => ({
  actionId,
  quarter: Q4,
  status,
  commentary: 'c',
  version: 1,
  ...overrides,
});

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    quarter: Q4,
    measures: [],
    actions: [],
    results: [],
    actionUpdates: [],
    remedialActions: {},
    settings: settingsWith(),
    ...overrides,
  };
}

describe('buildReport', () => {
  it('is a live, unfiltered report by default', () => {
    const report = buildReport(input());
    expect(report).toMatchObject({
      quarter: Q4,
      plan: null,
      closed: false,
      closedAt: null,
      overall: 'green',
      programmes: [],
      directorates: [],
    });
    expect(report.summary.sentences).toEqual([
      'At the end of March 2018 (Q4), no planned work was due.',
      'No measures had a target for the quarter.',
    ]);
  });

  it('narrows to one plan', () => {
    const report = buildReport(
      input({
        plan: 'cip',
        measures: [aMeasure({ id: 'in' }), aMeasure({ id: 'out', plan: 'other' })],
        actions: [anAction({ id: 'in' }), anAction({ id: 'out', plan: 'other' })],
      }),
    );
    expect(report.plan).toBe('cip');
    expect(report.measures.map((m) => m.id)).toEqual(['in']);
    expect(report.actions.map((a) => a.id)).toEqual(['in']);
  });

  it('leaves out measures from their retirement on and actions not due', () => {
    const measures = [aMeasure({ id: 'kept', retiredFrom: '2018-19-Q1' }), aMeasure({ id: 'gone', retiredFrom: Q4 })];
    const actions = [
      anAction({ id: 'due', dueQuarter: Q4 }),
      anAction({ id: 'done', dueQuarter: '2017-18-Q3' }),
      anAction({ id: 'later', startQuarter: '2018-19-Q1' }),
    ];
    const report = buildReport(input({ measures, actions }));
    expect(report.measures.map((m) => m.id)).toEqual(['kept']);
    expect(report.actions.map((a) => a.id)).toEqual(['due']);
  });

  it('sorts measures and actions by programme then title', () => {
    const measures = [
      aMeasure({ id: '1', programme: 'Learning', title: 'B' }),
      aMeasure({ id: '2', programme: 'Corporate Measures', title: 'Z' }),
      aMeasure({ id: '3', programme: 'Learning', title: 'A' }),
    ];
    const actions = [
      anAction({ id: 'x', programme: 'Learning', title: 'Y' }),
      anAction({ id: 'w', programme: 'Learning', title: 'X' }),
    ];
    const report = buildReport(input({ measures, actions }));
    expect(report.measures.map((m) => m.id)).toEqual(['2', '3', '1']);
    expect(report.actions.map((a) => a.id)).toEqual(['w', 'x']);
  });

  it('reports each measure with its status, figures, trends and directorates', () => {
    const measure = aMeasure({
      id: 'sick',
      polarity: 'lower',
      unit: 'days',
      directorates: ['People'],
      targets: { '2017-18': 7.5, '2016-17': 7.5 },
    });
    const results = [
      aResult(Q4, 8.9, { measureId: 'sick', commentary: 'Winter', breakdown: { People: 9.8 } }),
      aResult('2017-18-Q3', 8.5, { measureId: 'sick' }),
      aResult('2016-17-Q4', 9.2, { measureId: 'sick' }),
      aResult('2015-16-Q4', 1, { measureId: 'sick' }),
    ];
    expect(buildReport(input({ measures: [measure], results })).measures).toEqual([
      {
        id: 'sick',
        plan: 'cip',
        title: 'A measure',
        programme: 'Learning',
        ownerDirectorate: 'People',
        unit: 'days',
        polarity: 'lower',
        status: 'red',
        actual: 8.9,
        target: 7.5,
        shortfallPercent: 18.7,
        commentary: 'Winter',
        trend: { previousQuarter: 'declining', sameQuarterLastYear: 'improving' },
        directorates: [{ name: 'People', status: 'red', actual: 9.8, target: 7.5 }],
      },
    ]);
  });

  it('reports each action’s latest update for the quarter, or no update', () => {
    const actions = [
      anAction({ id: 'a', title: 'A' }),
      anAction({ id: 'b', title: 'B' }),
      anAction({ id: 'c', title: 'C' }),
    ];
    const actionUpdates = [
      update('a', 'amber', { version: 1, commentary: 'first' }),
      update('a', 'green', { version: 2, commentary: ' ' }),
      update('b', 'red', { quarter: '2017-18-Q3' }),
      update('c', 'blue', { commentary: 'Done' }),
    ];
    expect(buildReport(input({ actions, actionUpdates })).actions.map((a) => [a.id, a.status, a.commentary])).toEqual([
      ['a', 'green', null],
      ['b', 'no-update', null],
      ['c', 'blue', 'Done'],
    ]);
  });

  it('rolls up by programme and by owner directorate', () => {
    const measures = [
      aMeasure({ id: 'm1', programme: 'Learning', ownerDirectorate: 'People' }),
      aMeasure({ id: 'm2', programme: 'Corporate Measures', ownerDirectorate: 'Resources' }),
      aMeasure({ id: 'm3', programme: 'Learning', ownerDirectorate: 'Resources', targets: {} }),
    ];
    const actions = [anAction({ id: 'a1', programme: 'Corporate Measures', ownerDirectorate: 'Place' })];
    const results = [aResult(Q4, 100, { measureId: 'm1' }), aResult(Q4, 50, { measureId: 'm2' })];
    const report = buildReport(input({ measures, actions, results, actionUpdates: [update('a1', 'green')] }));
    expect(
      report.programmes.map((p) => [p.name, p.overall, p.summary.measures.total, p.summary.plannedWork.total]),
    ).toEqual([
      ['Corporate Measures', 'amber', 1, 1],
      ['Learning', 'green', 1, 0],
    ]);
    expect(
      report.directorates.map((d) => [d.name, d.overall, d.summary.measures.met, d.summary.plannedWork.blueOrGreen]),
    ).toEqual([
      ['People', 'green', 1, 0],
      ['Place', 'green', 0, 1],
      ['Resources', 'red', 0, 0],
    ]);
    expect(report.directorates[2]?.summary.sentences[1]).toBe(
      'Out of the 1 measure, 0% met target. 100% were off target and 100% off target by more than 10%.',
    );
    expect(report.overall).toBe('amber'); // 2 of 3
  });

  it('carries remedial actions recorded for critical items', () => {
    const remedial = { text: 'Review the programme', owner: 'EMT' };
    const report = buildReport(
      input({
        measures: [aMeasure({ id: 'r1', title: 'One' }), aMeasure({ id: 'r2', title: 'Two' })],
        results: [aResult(Q4, 1, { measureId: 'r1' }), aResult(Q4, 1, { measureId: 'r2' })],
        remedialActions: { r1: remedial, unrelated: { text: 'x' } },
      }),
    );
    expect(report.criticalItems.map((i) => [i.id, i.remedialAction])).toEqual([
      ['r1', remedial],
      ['r2', null],
    ]);
  });

  it('does not fail on the earliest quarter id', () => {
    const measures = [
      aMeasure({ id: 'q', improvementSoftensRed: true }),
      aMeasure({ id: 'm', frequency: 'monthly' }),
      aMeasure({ id: 'y', frequency: 'annual' }),
    ];
    expect(buildReport(input({ quarter: '1000-01-Q1', measures })).measures).toHaveLength(3);
  });

  it('builds a report of 10,000 measures within Lambda’s 6 MB response', () => {
    const measures = Array.from({ length: 10_000 }, (_, i) =>
      aMeasure({
        id: `measure-${i}`,
        title: `The percentage of something measured across the county, number ${i}`,
        programme: `Programme ${i % 7}`,
        ownerDirectorate: ['People', 'Place', 'Resources'][i % 3]!,
        targets: { '2016-17': 80, '2017-18': 80 },
      }),
    );
    const results = measures.flatMap((m, i) =>
      [Q4, '2017-18-Q3', '2016-17-Q4'].map((period) =>
        aResult(period, 60 + (i % 40), { measureId: m.id, commentary: 'On track with the plan.' }),
      ),
    );
    const report = buildReport(input({ measures, results }));
    expect(report.summary.measures.total).toBe(10_000);
    expect(Buffer.byteLength(JSON.stringify(report))).toBeLessThan(6 * 1024 * 1024);
  });
});

describe('missingReturns', () => {
  it('lists no-data measures and no-update actions by owner directorate, sorted', () => {
    const report = buildReport(
      input({
        measures: [
          aMeasure({ id: 'm1', title: 'Zeta', ownerDirectorate: 'Place' }),
          aMeasure({ id: 'm2', title: 'Alpha', ownerDirectorate: 'Place', programme: 'Z' }),
          aMeasure({ id: 'm3', title: 'Has data', ownerDirectorate: 'People' }),
          aMeasure({ id: 'm4', title: 'No target', ownerDirectorate: 'People', targets: {} }),
        ],
        actions: [
          anAction({ id: 'a1', title: 'Late', ownerDirectorate: 'Resources' }),
          anAction({ id: 'a2', title: 'In', ownerDirectorate: 'Place' }),
        ],
        results: [aResult(Q4, 100, { measureId: 'm3' })],
        actionUpdates: [update('a2', 'green')],
      }),
    );
    expect(missingReturns(report)).toEqual([
      {
        directorate: 'Place',
        measures: [
          { id: 'm2', title: 'Alpha' },
          { id: 'm1', title: 'Zeta' },
        ],
        actions: [],
      },
      { directorate: 'Resources', measures: [], actions: [{ id: 'a1', title: 'Late' }] },
    ]);
  });
});
