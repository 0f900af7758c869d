// Financial periods (docs/rules.md#periods): years April–March written `2017-18`, quarters `2017-18-Q1`
// (Apr–Jun) … `2017-18-Q4` (Jan–Mar), ISO months `2018-03`. Date logic is Europe/London.
//
// Ids for the financial years 2000-01 … 2011-12 are also ISO months (`2011-12` is
// December 2011). Where the reader knows the measure's frequency it passes it and the id
// is read as that kind; without it such an id is read as a month.

import type { Frequency } from './types';

export type PeriodKind = 'year' | 'quarter' | 'month';

/**
 * Ids accepted from outside name financial years 1000-01 … 9998-99. Earlier years (down to
 * 0000-01) are still computed with, so that every accepted quarter has a previous quarter
 * and a same quarter last year, and theirs, and the report never fails on an early id.
 */
const FIRST_ACCEPTED_YEAR = 1000;
const FIRST_YEAR = 0;
const LAST_YEAR = 9998;

const TWO_NUMBERS = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4}-\d{2})-Q(\d)$/;

export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The financial year's first calendar year, or null. */
function parseYear(s: string): number | null {
  const m = TWO_NUMBERS.exec(s);
  if (!m) return null;
  const start = Number(m[1]);
  if (start < FIRST_YEAR || start > LAST_YEAR) return null;
  return Number(m[2]) === (start + 1) % 100 ? start : null;
}

/** Quarter index: 4 × first calendar year + (quarter − 1); consecutive quarters differ by 1. */
function parseQuarter(s: string): number | null {
  const m = QUARTER.exec(s);
  if (!m) return null;
  const start = parseYear(m[1]!);
  const n = Number(m[2]);
  return start !== null && n >= 1 && n <= 4 ? start * 4 + n - 1 : null;
}

/** Calendar year, month (1–12) and financial year, or null. */
function parseMonth(s: string): { year: number; month: number; start: number } | null {
  const m = TWO_NUMBERS.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const start = month >= 4 ? year : year - 1;
  return start >= FIRST_YEAR && start <= LAST_YEAR ? { year, month, start } : null;
}

const yearId = (start: number) => `${pad(start, 4)}-${pad((start + 1) % 100, 2)}`;
const quarterId = (index: number) => `${yearId(Math.floor(index / 4))}-Q${(index % 4) + 1}`;
const monthId = (year: number, month: number) => `${pad(year, 4)}-${pad(month, 2)}`;
/** Quarter index of a calendar month (April opens Q1). */
const monthQuarterIndex = (year: number, month: number) =>
  month >= 4 ? year * 4 + Math.floor((month - 4) / 3) : (year - 1) * 4 + 3;

function quarterIndex(q: string): number {
  const index = parseQuarter(q);
  if (index === null) throw new RangeError(`Not a quarter id: ${q}`);
  return index;
}

const accepted = (start: number | null | undefined) => start != null && start >= FIRST_ACCEPTED_YEAR;

export const isYearId = (s: string): boolean => accepted(parseYear(s));
export const isQuarterId = (s: string): boolean => {
  const index = parseQuarter(s);
  return index !== null && accepted(Math.floor(index / 4));
};
export const isMonthId = (s: string): boolean => accepted(parseMonth(s)?.start);

const KIND_OF_FREQUENCY: Record<Frequency, PeriodKind> = { monthly: 'month', quarterly: 'quarter', annual: 'year' };
const IS_ID: Record<PeriodKind, (s: string) => boolean> = { quarter: isQuarterId, month: isMonthId, year: isYearId };
const COMPUTABLE: Record<PeriodKind, (s: string) => boolean> = {
  quarter: (s) => parseQuarter(s) !== null,
  month: (s) => parseMonth(s) !== null,
  year: (s) => parseYear(s) !== null,
};
/** The kinds an id may be read as: the frequency's, else all, months before years. */
const candidates = (frequency?: Frequency): PeriodKind[] =>
  frequency === undefined ? ['quarter', 'month', 'year'] : [KIND_OF_FREQUENCY[frequency]];

/** The kind of a period id, or null when it is not well formed (or not of `frequency`). */
export function periodKind(s: string, frequency?: Frequency): PeriodKind | null {
  return candidates(frequency).find((kind) => IS_ID[kind](s)) ?? null;
}

/** monthly → month id, quarterly → quarter id, annual → year id. */
export const periodFitsFrequency = (period: string, frequency: Frequency): boolean =>
  IS_ID[KIND_OF_FREQUENCY[frequency]](period);

function kindOrThrow(period: string, frequency?: Frequency): PeriodKind {
  const kind = candidates(frequency).find((k) => COMPUTABLE[k](period));
  if (kind === undefined) throw new RangeError(`Not a period id: ${period}`);
  return kind;
}

/** A month's quarter; a quarter itself; a year's Q4 (annual results are assessed at Q4). */
export function quarterOfPeriod(period: string, frequency?: Frequency): string {
  switch (kindOrThrow(period, frequency)) {
    case 'quarter':
      return period;
    case 'month': {
      const { year, month } = parseMonth(period)!;
      return quarterId(monthQuarterIndex(year, month));
    }
    case 'year':
      return `${period}-Q4`;
  }
}

/** The financial year a period belongs to. */
export function yearOfPeriod(period: string, frequency?: Frequency): string {
  return yearId(Math.floor(quarterIndex(quarterOfPeriod(period, frequency)) / 4));
}

/** 1–4. */
export const quarterNumber = (q: string): number => (quarterIndex(q) % 4) + 1;

/** Total order on quarter ids: negative, 0 or positive. */
export const compareQuarters = (a: string, b: string): number => quarterIndex(a) - quarterIndex(b);

export const previousQuarter = (q: string): string => quarterId(quarterIndex(q) - 1);
export const sameQuarterLastYear = (q: string): string => quarterId(quarterIndex(q) - 4);

/** The quarter's three months in order, e.g. 2017-18-Q4 → 2018-01, 2018-02, 2018-03. */
export function quarterMonths(q: string): string[] {
  const index = quarterIndex(q);
  const start = Math.floor(index / 4);
  const first = 4 + 3 * (index % 4); // April, July, October, January (13)
  return [0, 1, 2].map((i) => {
    const month = first + i;
    return month > 12 ? monthId(start + 1, month - 12) : monthId(start, month);
  });
}

/** The quarter's last month, e.g. `2018-03`. */
export const quarterEndMonth = (q: string): string => quarterMonths(q)[2]!;

/** The quarter's last day, `YYYY-MM-DD` (e.g. 2033-34-Q1 → `2033-06-30`). */
export function quarterEndDate(q: string): string {
  const { year, month } = parseMonth(quarterEndMonth(q))!;
  return `${monthId(year, month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate(), 2)}`;
}

/** Whether quarter `q` has ended in London by `instant` (the next quarter has begun). */
export const quarterHasEnded = (q: string, instant: Date): boolean =>
  instant.getTime() >= quarterStartInstant(quarterId(quarterIndex(q) + 1)).getTime();

/** The quarter's last month in words, e.g. `March 2018`. */
export function quarterEndLabel(q: string): string {
  const { year, month } = parseMonth(quarterEndMonth(q))!;
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

// ---- Europe/London ----

// Built on first use: a time-zone formatter costs ~15 ms of cold start in every function that imports the domain.
let london: Intl.DateTimeFormat | undefined;
const LONDON = () =>
  (london ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }));

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The date and time shown on a clock in London at an instant. */
export function londonWallClock(instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const p of LONDON().formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** London's offset from UTC at an instant, in milliseconds (0 in GMT, 3,600,000 in BST). */
function londonOffset(ms: number): number {
  const c = londonWallClock(new Date(ms));
  const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - wholeSeconds;
}

/** The last quarter that had fully ended, in London, by `instant`. */
export function quarterJustEnded(instant: Date): string {
  const { year, month } = londonWallClock(instant);
  return quarterId(monthQuarterIndex(year, month) - 1);
}

/** The instant quarter `q` begins: midnight in London on the first day of its first month. */
export function quarterStartInstant(q: string): Date {
  const first = parseMonth(quarterMonths(q)[0]!)!;
  const asUtc = Date.UTC(first.year, first.month - 1, 1);
  const guess = asUtc - londonOffset(asUtc);
  return new Date(asUtc - londonOffset(guess));
}

/** The calendar date in London of an instant, `YYYY-MM-DD`. */
export function londonDate(instant: Date): string {
  const c = londonWallClock(instant);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

/**
 * The instant of `hour`:00 London time on `day` of the month after quarter `q` ends
 * (by default 07:00 on the 10th: the scheduled close). BST and GMT are both handled; at
 * an hour that occurs twice (the October change) the later, GMT, one is returned.
 */
export function quarterCloseInstant(q: string, day = 10, hour = 7): Date {
  const last = parseMonth(quarterEndMonth(q))!;
  const year = last.month === 12 ? last.year + 1 : last.year;
  const month = last.month === 12 ? 1 : last.month + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth)
    throw new RangeError(`No day ${day} in ${monthId(year, month)}`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`Not an hour: ${hour}`);
  const asUtc = Date.UTC(year, month - 1, day, hour);
  // The offset at the guess is right unless a clock change lies between guess and answer:
  // a second pass settles it.
  const first = asUtc - londonOffset(asUtc);
  return new Date(asUtc - londonOffset(first));
}
