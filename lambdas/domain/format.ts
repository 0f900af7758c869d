// Numbers in words (SPEC §12 "Words, not data"): one formatter for the web app, the
// emails and every document, so a figure reads the same wherever it is shown.
// Dates and quarters are worded in words.ts (formatDate, formatDateTime, periodLabel).

/** At most this many decimal places are shown for a number of 0.001 or more. */
export const maxDecimalPlaces = 4;

// Made on first use: a formatter with options costs cold-start time in every function that
// imports the domain, and building one per call is slow for 10,000 rows.
let numberFormat: Intl.NumberFormat | undefined;

/**
 * A number as GOV.UK style writes it: commas between thousands, a full stop for decimals,
 * never an exponent. Rounded to at most 4 decimal places, halves away from zero
 * (1234.56789 → "1,234.5679", 0.1 + 0.2 → "0.3"), or to 2 significant figures where those
 * show more (only below 0.001: 0.000105 → "0.00011", 0.0000123 → "0.000012"), so a
 * non-zero figure never reads as 0. −0 is "0".
 */
export function formatNumber(x: number): string {
  numberFormat ??= new Intl.NumberFormat('en-GB', {
    maximumFractionDigits: maxDecimalPlaces,
    maximumSignificantDigits: 2,
    // Of the two roundings, the one that keeps more digits: 4 places for ordinary
    // numbers, 2 significant figures for tiny ones.
    roundingPriority: 'morePrecision',
    roundingMode: 'halfExpand',
  });
  return numberFormat.format(x === 0 ? 0 : x);
}

/**
 * A value in its unit: a percentage as "82%", a unit with a name after the number
 * ("1,200 improvements", "4.5 days per FTE"), a value without a unit bare ("560").
 */
export function formatValue(x: number, unit: string): string {
  const number = formatNumber(x);
  if (unit === '%') return `${number}%`;
  return unit.trim() === '' ? number : `${number} ${unit.trim()}`;
}

/** How many decimal places formatNumber shows for x: the spreadsheet's number format copies it. */
export function decimalPlacesShown(x: number): number {
  return formatNumber(x).split('.')[1]?.length ?? 0;
}
