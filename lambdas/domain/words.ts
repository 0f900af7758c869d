// Words and sentences in either language (docs/cymraeg.md). The texts are in words-en.ts
// and words-cy.ts (the one file a council's translation unit corrects); this module picks and fills
// them. Figures are computed once, elsewhere, and only worded here.

import type { Language } from './language';
import { londonWallClock, periodKind, quarterNumber, yearOfPeriod } from './periods';
import type { ActionReportStatus, ActionStatus, Frequency, MeasureStatus, Trend } from './types';
import { cy } from './words-cy';
import { en } from './words-en';
import type { Counted, DomainWords, Sounding } from './words-shape';

export type { Counted, DomainWords, Sounding } from './words-shape';

const WORDS: Record<Language, DomainWords> = { en, cy };

export const wordsFor = (language: Language): DomainWords => WORDS[language];

/** A text with its {placeholders} filled; an unknown placeholder is left as written. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/** The text for a count: `one` for 1, `two` (when the language has it) for 2, else `other`. */
export function counted(forms: Counted, n: number): string {
  if (n === 1) return forms.one;
  if (n === 2 && forms.two !== undefined) return forms.two;
  return forms.other;
}

/**
 * Whether a number read aloud in Welsh begins with a vowel: with "un" (1, 11–19 in the
 * decimal reading councils and schools use, 12,000 …) or "wyth" (8, 80–89, 800–899,
 * 8,000 …). 10 is "deg", 100 "cant", 1,000 "mil", 0 "dim", a negative "minws".
 */
export function readsWithVowel(x: number): boolean {
  if (!(x >= 1)) return false;
  const digits = String(Math.floor(x));
  if (!/^\d+$/.test(digits)) return false;
  const lead = digits.length % 3 || 3;
  const group = digits.slice(0, lead);
  const first = group[0];
  if (first === '8') return true;
  if (first !== '1') return false;
  if (group.length === 1) return digits.length === 1; // un; mil, miliwn
  if (group.length === 2) return group !== '10'; // un deg un …; deg
  return false; // cant
}

/** The text as the number after it is read: Welsh "na 10%" but "nag 8%". */
export function sounding(text: Sounding, n: number): string {
  if (typeof text === 'string') return text;
  return readsWithVowel(n) ? text.vowel : text.consonant;
}

export const measureStatusWord = (status: MeasureStatus, language: Language): string =>
  WORDS[language].measureStatus[status];

export const actionStatusWord = (status: ActionReportStatus, language: Language): string =>
  WORDS[language].actionStatus[status];

/** "Blue (complete)" / "Glas (wedi’i gwblhau)". */
export const actionStatusMeaning = (status: ActionStatus, language: Language): string =>
  WORDS[language].actionStatusMeaning[status];

export const trendWord = (trend: Trend, language: Language): string => WORDS[language].trend[trend];

export const remedialActionNeeded = (language: Language): string => WORDS[language].remedialActionNeeded;

/** A quarter on its own: `2017-18-Q4` → "Q4" / "Ch4". */
export const quarterShort = (quarter: string, language: Language): string =>
  fill(WORDS[language].quarter, { n: quarterNumber(quarter) });

/** `2017-18-Q4` → "2017-18 Q4" / "2017-18 Ch4". */
export const quarterLabel = (quarter: string, language: Language): string =>
  fill(WORDS[language].quarterInYear, { year: yearOfPeriod(quarter), quarter: quarterShort(quarter, language) });

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2018-03` → "March 2018" / "Mawrth 2018". */
export function monthLabel(month: string, language: Language): string {
  const m = MONTH.exec(month);
  const name = m ? WORDS[language].months[Number(m[2]) - 1] : undefined;
  if (!m || name === undefined) throw new RangeError(`Not a month id: ${month}`);
  return fill(WORDS[language].monthInYear, { month: name, year: Number(m[1]) });
}

/**
 * Any period in words: a quarter "2017-18 Q4", a month "March 2018", a financial year as
 * it is written ("2017-18"). An id read ambiguously (2011-12: December 2011 or the year)
 * is read as the measure's `frequency` says, else as a month; anything else is left as it is.
 */
export function periodLabel(period: string, language: Language, frequency?: Frequency): string {
  const kind = periodKind(period, frequency);
  if (kind === 'quarter') return quarterLabel(period, language);
  if (kind === 'month') return monthLabel(period, language);
  return period;
}

const calendar = (year: number, month: number, day: number, language: Language) =>
  fill(WORDS[language].date, { day, month: WORDS[language].months[month - 1]!, year });

/**
 * A date in words, "6 December 2026" / "6 Rhagfyr 2026": a calendar date (`2026-12-06`)
 * as it is, an instant (a Date or an ISO timestamp) as the day it was in London.
 */
export function formatDate(at: Date | string, language: Language): string {
  const day = typeof at === 'string' ? DAY.exec(at) : null;
  if (day) return calendar(Number(day[1]), Number(day[2]), Number(day[3]), language);
  const c = londonWallClock(instant(at));
  return calendar(c.year, c.month, c.day, language);
}

/** An instant in words with London's time: "6 December 2026 at 12:38" / "6 Rhagfyr 2026 am 12:38". */
export function formatDateTime(at: Date | string, language: Language): string {
  const c = londonWallClock(instant(at));
  const time = `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
  return fill(WORDS[language].dateTime, { date: calendar(c.year, c.month, c.day, language), time });
}

function instant(at: Date | string): Date {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${String(at)}`);
  return d;
}
