// web/src/words.ts: the words every page shares follow the language shown (docs/cymraeg.md
// "The web app's catalogue"). English stays exactly as the pages said it before the switch;
// Welsh comes from the domain's words or the catalogue's `roles` and `shared`.
import { afterEach, describe, expect, it } from 'vitest';
import { cy } from '../../web/src/i18n/cy';
import {
  bragLabels,
  formatNumber,
  frequencyWords,
  polarityWords,
  rolesAndDirectorate,
  roleWords,
  setWordsLanguage,
  stateWords,
  statusWords,
  trendWords,
} from '../../web/src/words';

const english = {
  stateWords: {
    'not-started': 'Not started',
    saved: 'Saved',
    'needs-commentary': 'Needs commentary',
    'awaiting-sign-off': 'Awaiting sign-off',
    returned: 'Returned',
  },
  frequencyWords: { monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annual' },
  polarityWords: {
    higher: 'Higher is better',
    lower: 'Lower is better',
    within: 'Within the target range is better',
  },
  roleWords: { officer: 'Officer', approver: 'Approver', emt: 'EMT', admin: 'Admin' },
};

const welsh = {
  stateWords: {
    'not-started': 'Heb ddechrau',
    saved: 'Wedi’i chadw',
    'needs-commentary': 'Angen sylwebaeth',
    'awaiting-sign-off': 'Yn aros am gymeradwyaeth',
    returned: 'Wedi’i dychwelyd',
  },
  frequencyWords: { monthly: 'Misol', quarterly: 'Chwarterol', annual: 'Blynyddol' },
  polarityWords: { higher: 'Gorau po uchaf', lower: 'Gorau po isaf', within: 'Gorau o fewn ystod y targed' },
  roleWords: { officer: 'Swyddog', approver: 'Cymeradwywr', emt: 'TRG', admin: 'Gweinyddwr' },
};

const shown = () => ({
  stateWords: { ...stateWords },
  frequencyWords: { ...frequencyWords },
  polarityWords: { ...polarityWords },
  roleWords: { ...roleWords },
});

afterEach(() => setWordsLanguage('en'));

describe("the web app's shared words", () => {
  it('say in English exactly what the pages said before they followed the language', () => {
    expect(shown()).toEqual(english);
    expect(rolesAndDirectorate(['officer', 'approver'], 'Place')).toBe('Officer, Approver, Place');
    expect(rolesAndDirectorate([])).toBe('No role');
    expect(formatNumber(null)).toBe('No result');
    expect(formatNumber(1234.5)).toBe('1,234.5');
  });

  it('say it in Welsh when Welsh is shown, and in English again after the switch back', () => {
    setWordsLanguage('cy', cy);
    expect(shown()).toEqual(welsh);
    expect(rolesAndDirectorate(['officer', 'emt'], 'Place')).toBe('Swyddog, TRG, Place');
    expect(rolesAndDirectorate([])).toBe('Dim rôl');
    expect(formatNumber(undefined)).toBe('Dim canlyniad');
    expect(statusWords.green).toBe('GWYRDD');
    expect(trendWords.improving).toBe('Gwella');
    expect(bragLabels.blue).toMatch(/^Glas/);
    setWordsLanguage('en');
    expect(shown()).toEqual(english);
  });

  it('leave no shared word in English when Welsh is shown (EMT excepted: TRG)', () => {
    setWordsLanguage('cy', cy);
    const inWelsh = shown();
    for (const [record, values] of Object.entries(english))
      for (const [key, text] of Object.entries(values))
        expect(inWelsh[record as keyof typeof inWelsh][key as never], `${record}.${key}`).not.toBe(text);
  });

  it('list their keys as the records did (a page that iterates them sees every key)', () => {
    setWordsLanguage('cy', cy);
    expect(Object.keys(stateWords)).toEqual(Object.keys(english.stateWords));
    expect(Object.keys(polarityWords)).toEqual(Object.keys(english.polarityWords));
  });
});
