import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCriticalItems } from '../../lambdas/domain/critical-items';
import { assessMeasure } from '../../lambdas/domain/measure-status';
import { buildReport } from '../../lambdas/domain/report';
import type {
  ActionUpdateValue,
  CriticalRule,
  MeasureDefinition,
  ReportAction,
  ResultValue,
  StatusSettings,
} from '../../lambdas/domain/types';
import { aMeasure, anAction, aResult, settingsWith } from './fixtures';

const Q4 = '2017-18-Q4';
const defaults = settingsWith();
const only = (rule: CriticalRule, on: boolean) =>
  settingsWith({ criticalRules: { ...defaults.criticalRules, [rule]: on } });

function itemsFor(
  measure: MeasureDefinition,
  results: ResultValue[],
  settings: StatusSettings = defaults,
  quarter = Q4,
) {
  return buildReport({
    quarter,
    measures: [measure],
    actions: [],
    results,
    actionUpdates: [],
    remedialActions: {},
    settings,
  }).criticalItems;
}

describe('rule 1: red at close', () => {
  const whqs = aMeasure({ id: 'whqs', unit: 'improvements', targets: { [Q4]: 1200 } });

  it('flags a red measure with the seed’s sentence', () => {
    expect(itemsFor(whqs, [aResult(Q4, 560, { measureId: 'whqs' })])).toEqual([
      {
        id: 'whqs',
        kind: 'measure',
        subjectId: 'whqs',
        title: 'A measure',
        programme: 'Learning',
        ownerDirectorate: 'People',
        rules: ['red'],
        issue: 'Missed the target by more than 50% (target 1,200, actual 560). RAG status is RED.',
        issueCy: 'Wedi methu’r targed o fwy na 50% (targed 1,200, gwirioneddol 560). Y statws RAG yw COCH.',
        remedialAction: null,
      },
    ]);
  });

  it('can be switched off, and leaves amber alone', () => {
    expect(itemsFor(whqs, [aResult(Q4, 560, { measureId: 'whqs' })], only('red', false))).toEqual([]);
    expect(itemsFor(whqs, [aResult(Q4, 1100, { measureId: 'whqs' })])).toEqual([]);
  });

  it.each([
    [
      'just beyond the band',
      aMeasure({ targets: { [Q4]: 100 } }),
      89,
      'Missed the target by more than 10% (target 100%, actual 89%). RAG status is RED.',
    ],
    [
      'an exact multiple of ten',
      aMeasure({ targets: { [Q4]: 100 } }),
      70,
      'Missed the target by more than 20% (target 100%, actual 70%). RAG status is RED.',
    ],
    [
      'a wider band',
      aMeasure({ tolerancePercent: 15, targets: { [Q4]: 100 } }),
      84,
      'Missed the target by more than 15% (target 100%, actual 84%). RAG status is RED.',
    ],
    [
      'lower is better',
      aMeasure({ polarity: 'lower', unit: 'days', targets: { [Q4]: 12000 } }),
      25000.5,
      'Missed the target by more than 100% (target 12,000, actual 25,000.5). RAG status is RED.',
    ],
    [
      'a band',
      aMeasure({ polarity: 'within', targets: { [Q4]: { min: 2, max: 5 } } }),
      6,
      'Missed the target by more than 10% (target 2% to 5%, actual 6%). RAG status is RED.',
    ],
    [
      'a target of 0',
      aMeasure({ polarity: 'lower', unit: 'incidents', targets: { [Q4]: 0 } }),
      3,
      'Missed the target (target 0, actual 3). RAG status is RED.',
    ],
  ])('words %s', (_name, measure, value, issue) => {
    expect(itemsFor(measure, [aResult(Q4, value)])[0]?.issue).toBe(issue);
  });
});

describe('rule 2: off target for the organisation and every directorate', () => {
  const sickness = aMeasure({
    id: 'sickness',
    polarity: 'lower',
    unit: 'days per FTE',
    directorates: ['People', 'Place', 'Resources'],
    targets: { '2017-18': 2.4 },
  });
  const withBreakdown = (value: number, breakdown: Record<string, number>) => [
    aResult(Q4, value, { measureId: 'sickness', breakdown }),
  ];

  it('flags an amber measure whose directorates are all off target', () => {
    const items = itemsFor(sickness, withBreakdown(2.6, { People: 2.7, Place: 2.5, Resources: 2.6 }));
    expect(items).toMatchObject([
      {
        id: 'sickness',
        rules: ['all-directorates-off'],
        issue: 'Targets missed for the whole organisation and all directorates (People, Place, Resources).',
      },
    ]);
  });

  it('does not flag when one directorate met its target, or the organisation did', () => {
    expect(itemsFor(sickness, withBreakdown(2.6, { People: 2.7, Place: 2.4, Resources: 2.6 }))).toEqual([]);
    const ownTargets = { ...sickness, directorateTargets: { People: { '2017-18': 2 }, Place: { '2017-18': 2 } } };
    expect(itemsFor(ownTargets, withBreakdown(2.4, { People: 2.3, Place: 2.3 }))).toEqual([]);
  });

  it('never flags a measure without a breakdown, and can be switched off', () => {
    expect(itemsFor(sickness, [aResult(Q4, 2.6, { measureId: 'sickness' })])).toEqual([]);
    expect(itemsFor(sickness, withBreakdown(2.6, { People: 2.7 }), only('all-directorates-off', false))).toEqual([]);
  });
});

describe('rule 3: red this quarter and the previous one', () => {
  const deficits = aMeasure({
    id: 'deficits',
    polarity: 'lower',
    unit: 'schools',
    targets: { '2017-18': 12, '2018-19': 12 },
  });

  it('flags red twice running', () => {
    const items = itemsFor(deficits, [
      aResult('2017-18-Q3', 16, { measureId: 'deficits' }),
      aResult(Q4, 15, { measureId: 'deficits' }),
    ]);
    expect(items).toMatchObject([
      {
        rules: ['red', 'red-consecutive'],
        issue:
          'Missed the target by more than 20% (target 12, actual 15). RAG status is RED. RED for 2017-18 Q3 and Q4.',
      },
    ]);
  });

  it('names both years across a year end', () => {
    const items = itemsFor(
      deficits,
      [aResult(Q4, 16, { measureId: 'deficits' }), aResult('2018-19-Q1', 15, { measureId: 'deficits' })],
      only('red', false),
      '2018-19-Q1',
    );
    expect(items).toMatchObject([{ rules: ['red-consecutive'], issue: 'RED for 2017-18 Q4 and 2018-19 Q1.' }]);
  });

  it('does not flag after an amber quarter, and can be switched off', () => {
    expect(
      itemsFor(deficits, [
        aResult('2017-18-Q3', 13, { measureId: 'deficits' }),
        aResult(Q4, 15, { measureId: 'deficits' }),
      ])[0]?.rules,
    ).toEqual(['red']);
    const bothRed = [aResult('2017-18-Q3', 16, { measureId: 'deficits' }), aResult(Q4, 15, { measureId: 'deficits' })];
    expect(itemsFor(deficits, bothRed, only('red-consecutive', false))[0]?.rules).toEqual(['red']);
  });
});

describe('rule 4: met the target but declining beyond tolerance on last year', () => {
  const planning = aMeasure({ id: 'planning', tolerancePercent: 5, targets: { '2016-17': 80, '2017-18': 80 } });
  const results = (now: number, lastYear: number) => [
    aResult(Q4, now, { measureId: 'planning' }),
    aResult('2016-17-Q4', lastYear, { measureId: 'planning' }),
  ];

  it('flags the seed’s planning applications', () => {
    expect(itemsFor(planning, results(82, 88))).toMatchObject([
      {
        rules: ['declining-despite-target'],
        issue:
          'Although the target was met (target 80%, actual 82%), performance is lower than the same quarter last year (88%).',
      },
    ]);
  });

  it('measures the decline relative to last year’s value, the band’s edge not counting', () => {
    expect(itemsFor(planning, results(95, 100))).toEqual([]); // exactly 5%
    expect(itemsFor(planning, results(94.99, 100))).toHaveLength(1);
    expect(itemsFor({ ...planning, tolerancePercent: 10 }, results(82, 88))).toEqual([]);
  });

  it('words a lower-is-better decline and handles last year at 0', () => {
    const lower = aMeasure({ polarity: 'lower', unit: 'days', targets: { '2017-18': 5 } });
    expect(itemsFor(lower, [aResult(Q4, 2), aResult('2016-17-Q4', 1.5)])[0]?.issue).toBe(
      'Although the target was met (target 5, actual 2), performance is worse than the same quarter last year (1.5).',
    );
    expect(itemsFor(lower, [aResult(Q4, 1), aResult('2016-17-Q4', 0)])).toHaveLength(1);
    expect(itemsFor({ ...lower, toleranceAbsolute: 1 }, [aResult(Q4, 1), aResult('2016-17-Q4', 0)])).toEqual([]);
    expect(itemsFor(lower, [aResult(Q4, 1), aResult('2016-17-Q4', 1.5)])).toEqual([]);
  });

  it('does not flag a measure as good as or better than last year', () => {
    expect(itemsFor(planning, results(88, 88))).toEqual([]);
    expect(itemsFor(planning, results(88.1, 88))).toEqual([]);
    const lower = aMeasure({ id: 'planning', polarity: 'lower', targets: { '2017-18': 500 } });
    expect(itemsFor(lower, results(10.3, 10.3))).toEqual([]);
    expect(itemsFor(lower, results(10.2, 10.3))).toEqual([]);
  });

  it('decides every decline as exact decimal arithmetic does', () => {
    // Figures to the hundredth, as whole hundredths: declining means (then − now) × 100 > 5 × then.
    const hundredths = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(hundredths, hundredths, fc.constantFrom('higher', 'lower'), (a, b, polarity) => {
        const measure = aMeasure({
          id: 'planning',
          polarity,
          tolerancePercent: 5,
          toleranceAbsolute: 0,
          targets: { '2017-18': polarity === 'higher' ? 0 : 10_000 },
        });
        const worsening = polarity === 'higher' ? b - a : a - b;
        const declining = worsening > 0 && (b === 0 ? worsening > 0 : worsening * 100 > 5 * b);
        const items = itemsFor(measure, results(a / 100, b / 100));
        expect(items.some((i) => i.rules.includes('declining-despite-target'))).toBe(declining);
      }),
    );
  });

  it('does not flag amber, a band, a missing last year, or when switched off', () => {
    expect(itemsFor(planning, results(79, 100))).toEqual([]);
    const band = aMeasure({ polarity: 'within', targets: { '2017-18': { min: 2, max: 5 } } });
    expect(itemsFor(band, [aResult(Q4, 5), aResult('2016-17-Q4', 2)])).toEqual([]);
    expect(itemsFor(planning, [aResult(Q4, 82, { measureId: 'planning' })])).toEqual([]);
    expect(itemsFor(planning, results(82, 88), only('declining-despite-target', false))).toEqual([]);
  });
});

describe('rule 5: action red at close', () => {
  const comms = anAction({
    id: 'comms',
    programme: 'Services delivered for less',
    title: 'Priority Improvement Area G: Communications Strategy/Engagement',
  });
  const update = (status: ActionUpdateValue['status']): ActionUpdateValue => ({
    actionId: 'comms',
    quarter: Q4,
    status,
    commentary: 'x',
    version: 1,
  });
  const items = (status: ActionUpdateValue['status'], settings = defaults) =>
    buildReport({
      quarter: Q4,
      measures: [],
      actions: [comms],
      results: [],
      actionUpdates: [update(status)],
      remedialActions: {},
      settings,
    }).criticalItems;

  it('flags a red action', () => {
    expect(items('red')).toEqual([
      {
        id: 'comms',
        kind: 'action',
        subjectId: 'comms',
        title: 'Priority Improvement Area G: Communications Strategy/Engagement',
        programme: 'Services delivered for less',
        ownerDirectorate: 'People',
        rules: ['action-red'],
        issue: 'Action is RED for Q4.',
        issueCy: 'Statws y cam gweithredu yw COCH ar gyfer Ch4.',
        remedialAction: null,
      },
    ]);
  });

  it('leaves amber alone and can be switched off', () => {
    expect(items('amber')).toEqual([]);
    expect(items('red', only('action-red', false))).toEqual([]);
  });
});

describe('findCriticalItems', () => {
  it('lists one item per subject with every rule it matched, sorted by programme, measures first, then title', () => {
    const measure = (id: string, programme: string, title: string): MeasureDefinition =>
      aMeasure({ id, programme, title, directorates: ['People', 'Place'], targets: { '2017-18': 100 } });
    const red = (m: MeasureDefinition) => ({
      measure: m,
      assessment: assessMeasure(
        m,
        Q4,
        [aResult(Q4, 50, { measureId: m.id, breakdown: { People: 50, Place: 60 } })],
        defaults,
      ),
      previousStatus: 'red' as const,
      lastYearActual: null,
    });
    const action = (id: string, programme: string, title: string): ReportAction => ({
      id,
      plan: 'cip',
      title,
      programme,
      ownerDirectorate: 'People',
      status: 'red',
      commentary: 'x',
    });
    const items = findCriticalItems(
      Q4,
      [
        red(measure('b', 'Learning', 'Beta')),
        red(measure('a', 'Learning', 'Alpha')),
        red(measure('c', 'Corporate Measures', 'Gamma')),
      ],
      [action('x', 'Learning', 'Aardvark'), action('y', 'Corporate Measures', 'Zed')],
      defaults,
    );
    expect(items.map((i) => i.id)).toEqual(['c', 'y', 'a', 'b', 'x']);
    expect(items[0]).toMatchObject({
      rules: ['red', 'all-directorates-off', 'red-consecutive'],
      issue:
        'Missed the target by more than 40% (target 100%, actual 50%). RAG status is RED. Targets missed for the whole organisation and all directorates (People, Place). RED for 2017-18 Q3 and Q4.',
    });
  });
});
