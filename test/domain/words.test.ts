// The domain's words in both languages (docs/cymraeg.md): every English key has a Welsh
// one with the same placeholders, and each word and date function in both languages.

import { describe, expect, it } from 'vitest';
import { isLanguage, LANGUAGES, reportLanguageList } from '../../lambdas/domain/language';
import {
  actionStatusMeaning,
  actionStatusWord,
  counted,
  fill,
  formatDate,
  formatDateTime,
  measureStatusWord,
  monthLabel,
  periodLabel,
  quarterLabel,
  quarterShort,
  readsWithVowel,
  remedialActionNeeded,
  sounding,
  trendWord,
  wordsFor,
} from '../../lambdas/domain/words';
import { cy } from '../../lambdas/domain/words-cy';
import { en } from '../../lambdas/domain/words-en';

/** Every text in a words table, by its path: `summary.measuresMet.one` → text. */
function texts(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value))
      for (const [p, t] of texts(inner, path ? `${path}.${key}` : key)) out.set(p, t);
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Keys that are grammar variants of one text (a count's `two`, a sound's `vowel`): compared to their text's English. */
const englishFor = (path: string, english: Map<string, string>) =>
  english.get(path) ??
  english.get(path.replace(/\.(two|one|other)$/, '.other')) ??
  english.get(path.replace(/\.(consonant|vowel)$/, ''));

/** English keys with no Welsh text (a Welsh consonant/vowel pair answers a plain English text). */
const missingFrom = (welsh: Map<string, string>, english: Map<string, string>) =>
  [...english.keys()].filter(
    (path) => !welsh.has(path) && !(welsh.has(`${path}.consonant`) && welsh.has(`${path}.vowel`)),
  );

describe('the Welsh words are complete (a translation must not lose a key or a placeholder)', () => {
  const english = texts(en);
  const welsh = texts(cy);

  it('has a Welsh text for every English key', () => {
    expect(missingFrom(welsh, english)).toEqual([]);
    expect(english.size).toBeGreaterThan(60);
  });

  it('has no Welsh key English lacks, and no empty text', () => {
    const extra = [...welsh.keys()].filter((path) => englishFor(path, english) === undefined);
    expect(extra).toEqual([]);
    expect([...welsh.entries()].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('leaves no English untranslated (but texts of placeholders and punctuation only)', () => {
    const same = [...welsh.entries()].filter(([path, text]) => text === englishFor(path, english)).map(([p]) => p);
    expect(same).toEqual([
      'quarterInYear',
      'monthInYear',
      'date',
      'issue.listSeparator',
      'outputs.heading',
      'cabinet.plan',
    ]);
    // Placeholders, punctuation and a section's number ("6. {title}").
    for (const path of same) expect(welsh.get(path)!.replace(/\{\w+\}/g, '')).toMatch(/^[\s,.\d]*$/);
  });

  it('keeps each text’s placeholders exactly', () => {
    const differing = [...welsh.entries()]
      .filter(([path, text]) => placeholders(text).join() !== placeholders(englishFor(path, english)!).join())
      .map(([path]) => path);
    expect(differing).toEqual([]);
  });

  it('names the months as the Welsh and English locale data do (CLDR)', () => {
    const months = (locale: string) =>
      Array.from({ length: 12 }, (_, i) =>
        new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, i, 1)),
      );
    expect(cy.months).toEqual(months('cy'));
    expect(en.months).toEqual(months('en-GB'));
  });

  it('would catch a lost key or placeholder (the check itself can fail)', () => {
    const broken = texts({ ...cy, remedialActionNeeded: undefined, quarter: 'Ch{rhif}' });
    expect(missingFrom(broken, english)).toEqual(['remedialActionNeeded']);
    expect(placeholders(broken.get('quarter')!)).not.toEqual(placeholders(english.get('quarter')!));
  });
});

describe('languages', () => {
  it('are Welsh and English, Welsh first', () => {
    expect(LANGUAGES).toEqual(['cy', 'en']);
    expect([isLanguage('cy'), isLanguage('en'), isLanguage('fr'), isLanguage(undefined)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('write a report in one language or both, Welsh first', () => {
    expect(reportLanguageList('en')).toEqual(['en']);
    expect(reportLanguageList('cy')).toEqual(['cy']);
    expect(reportLanguageList('cy+en')).toEqual(['cy', 'en']);
  });
});

describe('status, direction and remedial words', () => {
  it.each([
    ['green', 'Green', 'Gwyrdd'],
    ['amber', 'Amber', 'Ambr'],
    ['red', 'Red', 'Coch'],
    ['no-data', 'No data', 'Dim data'],
    ['not-due', 'Not due', 'Ddim yn ddyledus'],
    ['info-only', 'Info only', 'Gwybodaeth yn unig'],
  ] as const)('measure %s: %s / %s', (status, english, welsh) => {
    expect(measureStatusWord(status, 'en')).toBe(english);
    expect(measureStatusWord(status, 'cy')).toBe(welsh);
  });

  it.each([
    ['blue', 'Blue', 'Glas', 'Blue (complete)', 'Glas (wedi’i gwblhau)'],
    ['green', 'Green', 'Gwyrdd', 'Green (on track)', 'Gwyrdd (ar y trywydd iawn)'],
    ['amber', 'Amber', 'Ambr', 'Amber (at risk)', 'Ambr (mewn perygl)'],
    ['red', 'Red', 'Coch', 'Red (off track)', 'Coch (heb fod ar y trywydd iawn)'],
  ] as const)('action %s: %s / %s', (status, english, welsh, englishMeaning, welshMeaning) => {
    expect(actionStatusWord(status, 'en')).toBe(english);
    expect(actionStatusWord(status, 'cy')).toBe(welsh);
    expect(actionStatusMeaning(status, 'en')).toBe(englishMeaning);
    expect(actionStatusMeaning(status, 'cy')).toBe(welshMeaning);
  });

  it('words an action with no update', () => {
    expect(actionStatusWord('no-update', 'en')).toBe('No update');
    expect(actionStatusWord('no-update', 'cy')).toBe('Dim diweddariad');
  });

  it.each([
    ['improving', 'Improving', 'Gwella'],
    ['declining', 'Declining', 'Dirywio'],
    ['unchanged', 'Unchanged', 'Dim newid'],
    ['no-comparison', 'No comparison', 'Dim cymhariaeth'],
  ] as const)('direction %s: %s / %s', (trend, english, welsh) => {
    expect(trendWord(trend, 'en')).toBe(english);
    expect(trendWord(trend, 'cy')).toBe(welsh);
  });

  it('says remedial action is needed', () => {
    expect(remedialActionNeeded('en')).toBe('Remedial action needed');
    expect(remedialActionNeeded('cy')).toBe('Angen camau adferol');
  });

  it('words sign-off states', () => {
    expect(wordsFor('en').signOff['not-signed-off']).toBe('not signed off');
    expect(wordsFor('cy').signOff).toEqual({
      approved: 'wedi’i gymeradwyo',
      awaiting: 'yn aros am gymeradwyaeth',
      returned: 'wedi’i ddychwelyd',
      'not-signed-off': 'heb ei gymeradwyo',
    });
  });
});

describe('quarters and months', () => {
  it.each([
    ['2017-18-Q4', 'Q4', 'Ch4', '2017-18 Q4', '2017-18 Ch4'],
    ['2017-18-Q1', 'Q1', 'Ch1', '2017-18 Q1', '2017-18 Ch1'],
    ['2099-00-Q3', 'Q3', 'Ch3', '2099-00 Q3', '2099-00 Ch3'],
  ])('%s', (quarter, shortEn, shortCy, labelEn, labelCy) => {
    expect(quarterShort(quarter, 'en')).toBe(shortEn);
    expect(quarterShort(quarter, 'cy')).toBe(shortCy);
    expect(quarterLabel(quarter, 'en')).toBe(labelEn);
    expect(quarterLabel(quarter, 'cy')).toBe(labelCy);
  });

  it.each([
    ['2018-03', 'March 2018', 'Mawrth 2018'],
    ['2017-04', 'April 2017', 'Ebrill 2017'],
    ['2026-12', 'December 2026', 'Rhagfyr 2026'],
    ['2027-01', 'January 2027', 'Ionawr 2027'],
  ])('%s is %s / %s', (month, english, welsh) => {
    expect(monthLabel(month, 'en')).toBe(english);
    expect(monthLabel(month, 'cy')).toBe(welsh);
  });

  it('refuses what is not a month', () => {
    expect(() => monthLabel('2018-13', 'cy')).toThrow(RangeError);
    expect(() => monthLabel('2017-18-Q4', 'en')).toThrow(RangeError);
  });
});

describe('dates (Europe/London)', () => {
  it.each([
    [
      '2026-12-06T12:38:00Z',
      '6 December 2026',
      '6 Rhagfyr 2026',
      '6 December 2026 at 12:38',
      '6 Rhagfyr 2026 am 12:38',
    ],
    // BST: 23:30 UTC on 30 June is 00:30 on 1 July in London
    ['2026-06-30T23:30:00Z', '1 July 2026', '1 Gorffennaf 2026', '1 July 2026 at 00:30', '1 Gorffennaf 2026 am 00:30'],
    [
      '2018-03-31T08:05:00+01:00',
      '31 March 2018',
      '31 Mawrth 2018',
      '31 March 2018 at 08:05',
      '31 Mawrth 2018 am 08:05',
    ],
  ])('%s', (at, dateEn, dateCy, timeEn, timeCy) => {
    expect(formatDate(at, 'en')).toBe(dateEn);
    expect(formatDate(at, 'cy')).toBe(dateCy);
    expect(formatDate(new Date(at), 'cy')).toBe(dateCy);
    expect(formatDateTime(at, 'en')).toBe(timeEn);
    expect(formatDateTime(new Date(at), 'cy')).toBe(timeCy);
  });

  it('keeps a calendar date as it is', () => {
    expect(formatDate('2018-07-10', 'en')).toBe('10 July 2018');
    expect(formatDate('2018-07-10', 'cy')).toBe('10 Gorffennaf 2018');
    expect(formatDate('2019-02-01', 'cy')).toBe('1 Chwefror 2019');
  });

  it('words any period: a quarter, a month, a year as written, by frequency where an id reads two ways', () => {
    expect(periodLabel('2017-18-Q4', 'en')).toBe('2017-18 Q4');
    expect(periodLabel('2017-18-Q4', 'cy')).toBe('2017-18 Ch4');
    expect(periodLabel('2018-03', 'en')).toBe('March 2018');
    expect(periodLabel('2017-18', 'en')).toBe('2017-18');
    expect(periodLabel('2011-12', 'en')).toBe('December 2011');
    expect(periodLabel('2011-12', 'en', 'annual')).toBe('2011-12');
    expect(periodLabel('soon', 'en')).toBe('soon');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDate('soon', 'en')).toThrow(RangeError);
    expect(() => formatDateTime(new Date(Number.NaN), 'cy')).toThrow(RangeError);
  });
});

describe('filling and grammar', () => {
  it('fills placeholders and leaves an unknown one as written', () => {
    expect(fill('{a} and {b}', { a: 1, b: 'two' })).toBe('1 and two');
    expect(fill('{a} and {c}', { a: 1 })).toBe('1 and {c}');
  });

  it('picks a count’s form: Welsh mutates after 2 ("2 fesur")', () => {
    const measures = wordsFor('cy').summary.measuresMet;
    expect([1, 2, 3, 35].map((n) => counted(measures, n).split(',')[0])).toEqual([
      'O’r {total} mesur',
      'O’r {total} fesur',
      'O’r {total} mesur',
      'O’r {total} mesur',
    ]);
    expect(counted(wordsFor('en').summary.measuresMet, 2)).toContain('measures');
  });

  it.each([
    [1, true], // un
    [8, true], // wyth
    [11, true], // un deg un
    [15, true],
    [18, true],
    [80, true], // wyth deg
    [89.5, true],
    [800, true], // wyth cant
    [8000, true], // wyth mil
    [12000, true], // un deg dwy fil
    [1.5, true],
    [0, false], // dim
    [0.5, false],
    [-8, false], // minws
    [2, false],
    [10, false], // deg
    [20, false],
    [50, false],
    [100, false], // cant
    [150, false],
    [1000, false], // mil
    [10000, false], // deg mil
    [1e6, false], // miliwn
    [1e21, false], // written with an exponent
    [Number.NaN, false],
  ])('%d read in Welsh begins with a vowel: %s', (n, vowel) => expect(readsWithVowel(n)).toBe(vowel));

  it('chooses "na" or "nag" by the number', () => {
    const text = { consonant: 'na {n}%', vowel: 'nag {n}%' };
    expect(sounding(text, 10)).toBe('na {n}%');
    expect(sounding(text, 8)).toBe('nag {n}%');
    expect(sounding('than {n}%', 8)).toBe('than {n}%');
  });
});
