// The report's generated sentences in Welsh and English (§4.4, §4.6, §17): the same
// figures, worded by each language's rules. English is checked word for word in
// summary.test.ts and critical-items.test.ts; here it is checked beside the Welsh.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CriticalMeasureInput, findCriticalItems } from '../../lambdas/domain/critical-items';
import type { Language } from '../../lambdas/domain/language';
import { assessMeasure, type ResultInput } from '../../lambdas/domain/measure-status';
import { notSignedOffSentence } from '../../lambdas/domain/sign-off';
import { measuresSummary, plannedWorkSummary, summarySentences } from '../../lambdas/domain/summary';
import type {
  ActionReportStatus,
  MeasureDefinition,
  MeasureStatus,
  MeasuresSummary,
  PlannedWorkSummary,
  ReportAction,
  StatusSettings,
} from '../../lambdas/domain/types';
import { aMeasure, aResult, settingsWith } from './fixtures';

const defaults = settingsWith();
const Q4 = '2017-18-Q4';

/** The seed's section 1.3 figures, as §4.4 states them. */
const seedWork: PlannedWorkSummary = {
  total: 40,
  blueOrGreen: 30,
  amberOrRed: 10,
  noUpdate: 0,
  blueOrGreenPercent: 75,
  amberOrRedPercent: 25,
  noUpdatePercent: 0,
};
const seedMeasures: MeasuresSummary = {
  total: 35,
  met: 11,
  offTarget: 20,
  offTargetBeyondTolerance: 12,
  noData: 4,
  metPercent: 32,
  offTargetPercent: 57,
  offTargetBeyondTolerancePercent: 34,
  noDataPercent: 11,
};
const work = (over: Partial<PlannedWorkSummary>) => ({ ...seedWork, ...over });
const measured = (over: Partial<MeasuresSummary>) => ({ ...seedMeasures, ...over });

describe('summary sentences (§4.4)', () => {
  it('writes the seed’s two sentences in both languages', () => {
    expect(summarySentences(Q4, seedWork, seedMeasures, defaults, 'en')).toEqual([
      'At the end of March 2018 (Q4), 75% of planned work received a BRAG status of blue or green with 25% indicating amber or red.',
      'Out of the 35 measures, 32% met target. 57% were off target and 34% off target by more than 10%. 11% had no data.',
    ]);
    expect(summarySentences(Q4, seedWork, seedMeasures, defaults, 'cy')).toEqual([
      'Ar ddiwedd mis Mawrth 2018 (Ch4), roedd 75% o’r gwaith a gynlluniwyd wedi cael statws BRAG glas neu wyrdd, ac roedd 25% yn dangos ambr neu goch.',
      'O’r 35 mesur, roedd 32% wedi cyrraedd y targed. Roedd 57% heb gyrraedd y targed, ac roedd 34% wedi methu’r targed o fwy na 10%. Roedd 11% heb ddata.',
    ]);
  });

  it('words the figures computed from the seed quarter’s statuses (the same rounding in both languages)', () => {
    const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
    const actions: ActionReportStatus[] = [...times(30, 'green' as const), ...times(10, 'amber' as const)];
    const statuses: MeasureStatus[] = [
      ...times(11, 'green' as const),
      ...times(8, 'amber' as const),
      ...times(12, 'red' as const),
      ...times(4, 'no-data' as const),
      ...times(3, 'info-only' as const),
    ];
    const computed = summarySentences(Q4, plannedWorkSummary(actions), measuresSummary(statuses), defaults, 'cy');
    expect(computed).toEqual(summarySentences(Q4, seedWork, seedMeasures, defaults, 'cy'));
  });

  it('is English unless told otherwise', () => {
    expect(summarySentences(Q4, seedWork, seedMeasures, defaults)).toEqual(
      summarySentences(Q4, seedWork, seedMeasures, defaults, 'en'),
    );
  });

  it.each<[string, PlannedWorkSummary, MeasuresSummary, StatusSettings, string, string]>([
    [
      '2017-18-Q2',
      work({ total: 2, noUpdate: 1, blueOrGreenPercent: 50, amberOrRedPercent: 0, noUpdatePercent: 50 }),
      measured({ total: 2, noData: 0, metPercent: 50, offTargetPercent: 50, offTargetBeyondTolerancePercent: 50 }),
      settingsWith({ tolerancePercent: 7.5 }),
      'Ar ddiwedd mis Medi 2017 (Ch2), roedd 50% o’r gwaith a gynlluniwyd wedi cael statws BRAG glas neu wyrdd, ac roedd 0% yn dangos ambr neu goch. Roedd 50% heb ddiweddariad.',
      'O’r 2 fesur, roedd 50% wedi cyrraedd y targed. Roedd 50% heb gyrraedd y targed, ac roedd 50% wedi methu’r targed o fwy na 7.5%.',
    ],
    [
      '2017-18-Q3',
      work({ total: 0 }),
      measured({
        total: 1,
        noData: 1,
        metPercent: 0,
        offTargetPercent: 0,
        offTargetBeyondTolerancePercent: 0,
        noDataPercent: 100,
      }),
      defaults,
      'Ar ddiwedd mis Rhagfyr 2017 (Ch3), nid oedd unrhyw waith a gynlluniwyd yn ddyledus.',
      'O’r 1 mesur, roedd 0% wedi cyrraedd y targed. Roedd 0% heb gyrraedd y targed, ac roedd 0% wedi methu’r targed o fwy na 10%. Roedd 100% heb ddata.',
    ],
    [
      '2018-19-Q1',
      seedWork,
      measured({ noData: 0 }),
      settingsWith({ tolerancePercent: 8 }), // "wyth": nag
      'Ar ddiwedd mis Mehefin 2018 (Ch1), roedd 75% o’r gwaith a gynlluniwyd wedi cael statws BRAG glas neu wyrdd, ac roedd 25% yn dangos ambr neu goch.',
      'O’r 35 mesur, roedd 32% wedi cyrraedd y targed. Roedd 57% heb gyrraedd y targed, ac roedd 34% wedi methu’r targed o fwy nag 8%.',
    ],
  ])('words %s in Welsh', (quarter, pw, ms, settings, workSentence, measuresSentence) => {
    expect(summarySentences(quarter, pw, ms, settings, 'cy')).toEqual([workSentence, measuresSentence]);
  });

  it('says when no measure had a target', () => {
    const none = measured({ total: 0 });
    expect(summarySentences(Q4, seedWork, none, defaults, 'cy')[1]).toBe(
      'Nid oedd gan unrhyw fesur darged ar gyfer y chwarter.',
    );
    expect(summarySentences(Q4, seedWork, none, defaults, 'en')[1]).toBe('No measures had a target for the quarter.');
  });

  it('says how many returns were not signed off', () => {
    expect([1, 2, 3].map((n) => notSignedOffSentence(n, 'en'))).toEqual([
      '1 return was not signed off.',
      '2 returns were not signed off.',
      '3 returns were not signed off.',
    ]);
    expect([1, 2, 3].map((n) => notSignedOffSentence(n, 'cy'))).toEqual([
      'Ni chymeradwywyd 1 ffurflen.',
      'Ni chymeradwywyd 2 ffurflen.',
      'Ni chymeradwywyd 3 ffurflen.',
    ]);
  });

  const numbers = (sentences: readonly string[]) => sentences.join(' ').match(/\d+(\.\d+)?/g);
  const actionStatus = fc.constantFrom<ActionReportStatus>('blue', 'green', 'amber', 'red', 'no-update');
  const measureStatus = fc.constantFrom<MeasureStatus>('green', 'amber', 'red', 'no-data', 'not-due', 'info-only');

  it('carries the same figures, in the same order, in both languages', () => {
    fc.assert(
      fc.property(
        fc.array(actionStatus, { maxLength: 60 }),
        fc.array(measureStatus, { maxLength: 60 }),
        fc
          .integer({ min: 0, max: 40 })
          .map((i) => `20${String(17 + (i >> 2)).padStart(2, '0')}-${18 + (i >> 2)}-Q${(i % 4) + 1}`),
        fc.constantFrom(1, 5, 7.5, 8, 10, 11, 15, 20, 80),
        (actions, statuses, quarter, tolerancePercent) => {
          const pw = plannedWorkSummary(actions);
          const ms = measuresSummary(statuses);
          const settings = settingsWith({ tolerancePercent });
          const english = summarySentences(quarter, pw, ms, settings, 'en');
          const welsh = summarySentences(quarter, pw, ms, settings, 'cy');
          expect(numbers(welsh)).toEqual(numbers(english));
        },
      ),
    );
  });
});

describe('critical items’ issue sentences (§4.6)', () => {
  const previous = (q: string) => (q === '2018-19-Q1' ? Q4 : '2017-18-Q3');
  /** The critical items for one measure's results, in a language. */
  function itemsFor(
    measure: MeasureDefinition,
    results: ResultInput[],
    language: Language,
    settings = defaults,
    quarter = Q4,
  ) {
    const lastYear = `${String(Number(quarter.slice(0, 4)) - 1)}-${quarter.slice(2, 4)}${quarter.slice(7)}`;
    const input: CriticalMeasureInput = {
      measure,
      assessment: assessMeasure(measure, quarter, results, settings),
      previousStatus: assessMeasure(measure, previous(quarter), results, settings).status,
      lastYearActual: assessMeasure(measure, lastYear, results, settings).actual,
    };
    return findCriticalItems(quarter, [input], [], settings, language);
  }
  const issues = (measure: MeasureDefinition, results: ResultInput[], settings = defaults, quarter = Q4) =>
    (['en', 'cy'] as const).map((language) => itemsFor(measure, results, language, settings, quarter)[0]?.issue);

  it.each<[string, MeasureDefinition, ResultInput[], string, string]>([
    [
      'red, by more than a multiple of ten',
      aMeasure({ id: 'whqs', unit: 'improvements', targets: { [Q4]: 1200 } }),
      [aResult(Q4, 560, { measureId: 'whqs' })],
      'Missed the target by more than 50% (target 1,200, actual 560). RAG status is RED.',
      'Wedi methu’r targed o fwy na 50% (targed 1,200, gwirioneddol 560). Y statws RAG yw COCH.',
    ],
    [
      'red by more than 80% ("nag" before "wyth deg")',
      aMeasure({ targets: { [Q4]: 100 } }),
      [aResult(Q4, 10)],
      'Missed the target by more than 80% (target 100%, actual 10%). RAG status is RED.',
      'Wedi methu’r targed o fwy nag 80% (targed 100%, gwirioneddol 10%). Y statws RAG yw COCH.',
    ],
    [
      'red against a band',
      aMeasure({ polarity: 'within', targets: { [Q4]: { min: 2, max: 5 } } }),
      [aResult(Q4, 9)],
      'Missed the target by more than 70% (target 2% to 5%, actual 9%). RAG status is RED.',
      'Wedi methu’r targed o fwy na 70% (targed 2% i 5%, gwirioneddol 9%). Y statws RAG yw COCH.',
    ],
    [
      'red against a target of 0',
      aMeasure({ polarity: 'lower', unit: 'exclusions', targets: { [Q4]: 0 } }),
      [aResult(Q4, 3)],
      'Missed the target (target 0, actual 3). RAG status is RED.',
      'Wedi methu’r targed (targed 0, gwirioneddol 3). Y statws RAG yw COCH.',
    ],
    [
      'off target for the organisation and every directorate',
      aMeasure({
        id: 'sickness',
        polarity: 'lower',
        unit: 'days per FTE',
        directorates: ['People', 'Place', 'Resources'],
        targets: { '2017-18': 2.4 },
      }),
      [aResult(Q4, 2.6, { measureId: 'sickness', breakdown: { People: 2.7, Place: 2.5, Resources: 2.6 } })],
      'Targets missed for the whole organisation and all directorates (People, Place, Resources).',
      'Targedau wedi’u methu ar gyfer y sefydliad cyfan a phob cyfarwyddiaeth (People, Place, Resources).',
    ],
    [
      'red two quarters running',
      aMeasure({ id: 'deficits', polarity: 'lower', unit: 'schools', targets: { '2017-18': 12 } }),
      [aResult('2017-18-Q3', 16, { measureId: 'deficits' }), aResult(Q4, 15, { measureId: 'deficits' })],
      'Missed the target by more than 20% (target 12, actual 15). RAG status is RED. RED for 2017-18 Q3 and Q4.',
      'Wedi methu’r targed o fwy na 20% (targed 12, gwirioneddol 15). Y statws RAG yw COCH. COCH ar gyfer 2017-18 Ch3 a Ch4.',
    ],
    [
      'met, but lower than last year',
      aMeasure({ id: 'planning', tolerancePercent: 5, targets: { '2016-17': 80, '2017-18': 80 } }),
      [aResult(Q4, 82, { measureId: 'planning' }), aResult('2016-17-Q4', 88, { measureId: 'planning' })],
      'Although the target was met (target 80%, actual 82%), performance is lower than the same quarter last year (88%).',
      'Er bod y targed wedi’i gyrraedd (targed 80%, gwirioneddol 82%), mae’r perfformiad yn is na’r un chwarter y llynedd (88%).',
    ],
    [
      'met, but worse than last year',
      aMeasure({ polarity: 'lower', unit: 'days', targets: { '2017-18': 5, '2016-17': 5 } }),
      [aResult(Q4, 2), aResult('2016-17-Q4', 1.5)],
      'Although the target was met (target 5, actual 2), performance is worse than the same quarter last year (1.5).',
      'Er bod y targed wedi’i gyrraedd (targed 5, gwirioneddol 2), mae’r perfformiad yn waeth na’r un chwarter y llynedd (1.5).',
    ],
  ])('%s', (_name, measure, results, english, welsh) => {
    expect(issues(measure, results)).toEqual([english, welsh]);
  });

  it('names both years across a year end', () => {
    const deficits = aMeasure({ polarity: 'lower', unit: 'schools', targets: { '2017-18': 12, '2018-19': 12 } });
    const redOff = settingsWith({ criticalRules: { ...defaults.criticalRules, red: false } });
    expect(issues(deficits, [aResult(Q4, 16), aResult('2018-19-Q1', 15)], redOff, '2018-19-Q1')).toEqual([
      'RED for 2017-18 Q4 and 2018-19 Q1.',
      'COCH ar gyfer 2017-18 Ch4 a 2018-19 Ch1.',
    ]);
  });

  it('carries the same figures, in the same order, in both languages', () => {
    const numbers = (text: string | undefined) => text?.match(/\d[\d,]*(\.\d+)?/g);
    const value = fc.integer({ min: 0, max: 5000 }).map((n) => n / 4);
    fc.assert(
      fc.property(
        fc.constantFrom<'higher' | 'lower'>('higher', 'lower'),
        fc.constantFrom('%', 'days'),
        value,
        value,
        value,
        value,
        (polarity, unit, target, actual, previousActual, lastYear) => {
          const measure = aMeasure({ polarity, unit, targets: { '2016-17': target, '2017-18': target } });
          const results = [aResult('2017-18-Q3', previousActual), aResult(Q4, actual), aResult('2016-17-Q4', lastYear)];
          const [english, welsh] = issues(measure, results);
          expect(welsh === undefined).toBe(english === undefined);
          expect(numbers(welsh)).toEqual(numbers(english));
        },
      ),
    );
  });

  it('words a red action, and gives the same items in the same order in both languages', () => {
    const action = (id: string, status: ActionReportStatus, programme: string): ReportAction => ({
      id,
      plan: 'cip',
      title: `Action ${id}`,
      programme,
      ownerDirectorate: 'Resources',
      status,
      commentary: null,
    });
    const actions = [
      action('g', 'red', 'Services delivered for less'),
      action('b', 'red', 'Learning'),
      action('c', 'amber', 'Learning'),
    ];
    const whqs = aMeasure({ id: 'whqs', programme: 'Learning', unit: 'improvements', targets: { [Q4]: 1200 } });
    const input: CriticalMeasureInput = {
      measure: whqs,
      assessment: assessMeasure(whqs, Q4, [aResult(Q4, 560, { measureId: 'whqs' })], defaults),
      previousStatus: 'green',
      lastYearActual: null,
    };
    const [english, welsh] = (['en', 'cy'] as const).map((language) =>
      findCriticalItems(Q4, [input], actions, defaults, language),
    );
    expect(welsh!.map((i) => i.issue).slice(1)).toEqual([
      'Statws y cam gweithredu yw COCH ar gyfer Ch4.',
      'Statws y cam gweithredu yw COCH ar gyfer Ch4.',
    ]);
    expect(english!.map((i) => i.issue).slice(1)).toEqual(['Action is RED for Q4.', 'Action is RED for Q4.']);
    const withoutIssue = (items: typeof english) => items!.map(({ issue: _issue, ...rest }) => rest);
    expect(withoutIssue(welsh)).toEqual(withoutIssue(english));
    expect(english!.map((i) => i.id)).toEqual(['whqs', 'b', 'g']);
    expect(findCriticalItems(Q4, [input], actions, defaults)).toEqual(english);
  });
});
