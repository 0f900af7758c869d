// What an id and a period id look like, for the route schemas and the CSV import alike.
import { isMonthId, isQuarterId, isYearId } from './periods';

export const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const idDescription = 'an id of 1-100 letters, digits, . _ - (starting with a letter or digit)';
export const isId = (value: string) => idPattern.test(value);

/** A year (2017-18), a quarter (2017-18-Q4) or a month (2018-03). */
export const isPeriodId = (value: string) => isMonthId(value) || isQuarterId(value) || isYearId(value);
