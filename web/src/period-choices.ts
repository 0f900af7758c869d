import { isQuarterId, isYearId, londonWallClock, yearOfPeriod } from '../../lambdas/domain';
import { fill } from '../../lambdas/domain/words';
import { en } from './i18n/en';
import { periodLabel } from './words';

// The periods the editors' pickers offer (docs/web-app.md "Admin: measures and planned
// work"): the years in use around now, their quarters, and a target's periods. Pure:
// unit-tested in test/web/period-choices.unit.test.ts.

const startOf = (year: string) => Number(year.slice(0, 4));
const yearAfter = (year: string) => {
  const start = startOf(year) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

/** The financial year under way now (Europe/London). */
export function yearNow(now = new Date()): string {
  const { year, month } = londonWallClock(now);
  return yearOfPeriod(`${year}-${String(month).padStart(2, '0')}`);
}

/**
 * The years a picker offers: the years of the periods in use (a definition's own targets
 * and quarters), each one's next year, and the year under way and the next; oldest first.
 */
export function yearsAround(periods: Iterable<string>, now = new Date()): string[] {
  const years = new Set<string>();
  for (const p of periods) {
    if (isYearId(p)) years.add(p);
    else if (isQuarterId(p)) years.add(yearOfPeriod(p));
  }
  for (const y of [...years]) years.add(yearAfter(y));
  const current = yearNow(now);
  years.add(current);
  years.add(yearAfter(current));
  return [...years].sort();
}

/** A quarter picker's choices: each year's four quarters. */
export const quartersOf = (years: string[]): string[] => years.flatMap((y) => [1, 2, 3, 4].map((n) => `${y}-Q${n}`));

/** A target period picker's choices: each year's quarters, then the year itself. */
export const targetPeriodsOf = (years: string[]): string[] => years.flatMap((y) => [...quartersOf([y]), y]);

/** "2017-18 Q4"; a year is "2017-18 (whole year)" (`w`: the editors' words in the language shown). */
export const periodChoiceLabel = (period: string, w = en.editors) =>
  isYearId(period) && !isQuarterId(period) ? fill(w.editor.wholeYear, { year: period }) : periodLabel(period);
