import { describe, expect, it } from 'vitest';
import {
  measuresSummary,
  overallStatus,
  partitionPercents,
  percentOf,
  plannedWorkSummary,
  summarize,
  summarySentences,
} from '../../lambdas/domain/summary';
import type { ActionReportStatus, MeasureStatus } from '../../lambdas/domain/types';
import { settingsWith } from './fixtures';

const times = <const T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const defaults = settingsWith();

/** The seed's quarter: 30 of 40 actions blue/green; 11 met, 8 amber, 12 red, 4 no data of 35. */
const seedActions: ActionReportStatus[] = [...times(20, 'green'), ...times(10, 'blue'), ...times(9, 'amber'), 'red'];
const seedMeasures: MeasureStatus[] = [
  ...times(11, 'green'),
  ...times(8, 'amber'),
  ...times(12, 'red'),
  ...times(4, 'no-data'),
  ...times(3, 'info-only'),
  ...times(2, 'not-due'),
];

describe('percentOf', () => {
  it.each([
    [11, 35, 31],
    [20, 35, 57],
    [12, 35, 34],
    [4, 35, 11],
    [1, 8, 13], // 12.5 rounds up
    [3, 8, 38], // 37.5 rounds up
    [1, 3, 33],
    [2, 3, 67],
    [1, 200, 1], // 0.5 rounds up
    [1, 201, 0],
    [0, 0, 0],
    [5, 5, 100],
  ])('%d of %d is %d%%', (count, denominator, percent) => expect(percentOf(count, denominator)).toBe(percent));
});

describe('parts of a whole add up to 100 (§4.4, largest remainder)', () => {
  it.each([
    // The seed: 11, 20 and 4 of 35 (half up gave 31 + 57 + 11 = 99).
    [
      [11, 20, 4],
      [32, 57, 11],
    ],
    // The sample's planned work, 29 and 11 of 40 (half up gave 73% … with 28%): ties go to the larger count.
    [
      [29, 11, 0],
      [73, 27, 0],
    ],
    [
      [11, 29, 0],
      [27, 73, 0],
    ],
    // Equal remainders and counts: in the order given.
    [
      [1, 1, 1],
      [34, 33, 33],
    ],
    [
      [0, 1, 1, 1],
      [0, 34, 33, 33],
    ],
    [
      [1, 0, 0],
      [100, 0, 0],
    ],
    [
      [0, 0, 0],
      [0, 0, 0],
    ],
    [
      [1, 2],
      [33, 67],
    ],
  ])('%j is %j%%', (counts, percents) => expect(partitionPercents(counts)).toEqual(percents));
});

describe('summaries (§4.4)', () => {
  it('counts planned work over every action due, no update included', () => {
    expect(plannedWorkSummary([...seedActions, 'no-update'])).toEqual({
      total: 41,
      blueOrGreen: 30,
      amberOrRed: 10,
      noUpdate: 1,
      // 73.17, 24.39 and 2.44 add up to 100 by the largest remainder (2.44's).
      blueOrGreenPercent: 73,
      amberOrRedPercent: 24,
      noUpdatePercent: 3,
    });
  });

  it('counts measures with a target: no data in, information only and not due out', () => {
    expect(measuresSummary(seedMeasures)).toEqual({
      total: 35,
      met: 11,
      offTarget: 20,
      offTargetBeyondTolerance: 12,
      noData: 4,
      metPercent: 32,
      offTargetPercent: 57,
      offTargetBeyondTolerancePercent: 34,
      noDataPercent: 11,
    });
  });

  it('writes the seed’s sentences', () => {
    const { summary, overall } = summarize('2017-18-Q4', seedActions, seedMeasures, defaults);
    expect(summary.sentences).toEqual([
      'At the end of March 2018 (Q4), 75% of planned work received a BRAG status of blue or green with 25% indicating amber or red.',
      'Out of the 35 measures, 32% met target. 57% were off target and 34% off target by more than 10%. 11% had no data.',
    ]);
    expect(overall).toBe('amber');
  });

  it('leaves out "no data" when every return is in, and states the deployment’s band', () => {
    const sentences = summarySentences(
      '2017-18-Q2',
      plannedWorkSummary(['green', 'no-update']),
      measuresSummary(['green', 'red']),
      settingsWith({ tolerancePercent: 7.5 }),
    );
    expect(sentences).toEqual([
      'At the end of September 2017 (Q2), 50% of planned work received a BRAG status of blue or green with 0% indicating amber or red. 50% had no update.',
      'Out of the 2 measures, 50% met target. 50% were off target and 50% off target by more than 7.5%.',
    ]);
  });

  it('words zero denominators and a single measure', () => {
    expect(summarySentences('2017-18-Q3', plannedWorkSummary([]), measuresSummary(['info-only']), defaults)).toEqual([
      'At the end of December 2017 (Q3), no planned work was due.',
      'No measures had a target for the quarter.',
    ]);
    expect(
      summarySentences('2017-18-Q3', plannedWorkSummary(['blue']), measuresSummary(['no-data']), defaults)[1],
    ).toBe(
      'Out of the 1 measure, 0% met target. 0% were off target and 0% off target by more than 10%. 100% had no data.',
    );
  });
});

describe('overallStatus (§4.5)', () => {
  const overall = (good: number, bad: number, settings = defaults) =>
    overallStatus(plannedWorkSummary([...times(good, 'green'), ...times(bad, 'red')]), measuresSummary([]), settings);

  it.each([
    [80, 20, 'green'], // exactly 80%
    [79, 21, 'amber'],
    [50, 50, 'amber'], // exactly 50%
    [49, 51, 'red'],
    [0, 0, 'green'], // nothing assessed: nothing off track
    [2, 1, 'amber'], // 66.67%
  ] as const)('%d good of %d bad is %s', (good, bad, status) => expect(overall(good, bad)).toBe(status));

  it('follows the configured thresholds, exactly', () => {
    const strict = settingsWith({ overallGreenAtLeastPercent: 90, overallRedBelowPercent: 66.7 });
    expect(overall(89, 11, strict)).toBe('amber');
    expect(overall(90, 10, strict)).toBe('green');
    expect(overall(2, 1, strict)).toBe('red'); // 66.666…% < 66.7%
    expect(overall(2, 1, settingsWith({ overallRedBelowPercent: 66.6 }))).toBe('amber');
  });

  it('assesses actions due and measures with a target together', () => {
    const pw = plannedWorkSummary(['green', 'red']);
    const ms = measuresSummary(['green', 'green', 'no-data', 'info-only', 'not-due']);
    expect(overallStatus(pw, ms, defaults)).toBe('amber'); // 3 of 5
    expect(
      overallStatus(pw, measuresSummary(['green', 'green', 'green', 'green', 'green', 'green', 'green']), defaults),
    ).toBe('green'); // 8 of 9
  });
});
