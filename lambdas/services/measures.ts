import { effectiveBands, londonWallClock, quarterOfPeriod } from '../domain';
import { NotFound } from '../domain/errors';
import { measureQuarters } from '../domain/measure-quarters';
import type { MeasureDefinition } from '../domain/types';
import { readMeasureWithHistory } from '../store/definitions';
import { type ListFilters, listDefinitions } from '../store/listing';
import { readClosedAt } from '../store/quarter';
import { retireMeasureAsVersion, type Writer } from './definitions';

/** Creates or replaces a measure; true when it is new. */
/** Creates or replaces it as a new version (docs/plan-administration.md); nothing when unchanged. */
export { putDefinition } from './definitions';

export async function listMeasures(filters: ListFilters, limit: number, next?: string) {
  const page = await listDefinitions<MeasureDefinition>('MEASURE#', filters, limit, next);
  return { measures: page.items, next: page.next };
}

/** A measure, its results by period, and its status and direction of travel in each quarter. */
export async function measureDetail(id: string, quarter?: string) {
  const found = await readMeasureWithHistory(id);
  if (!found) throw new NotFound(`There is no measure ${id}.`);
  const { measure, settings, results } = found;
  const quarters = measureQuarters(measure, results, settings);
  // The bands in force let a client rate a value as it is typed with the domain's own code (the web app).
  return {
    measure,
    results,
    quarters,
    bands: effectiveBands(measure, settings),
    closedQuarters: await readClosedAt(
      withAsked(
        quarters.map((q) => q.quarter),
        quarter,
      ),
    ),
  };
}

/**
 * The quarters whose close a detail reads (a closed quarter's form is read-only, SPEC §12
 * "Words, not data"): the item's own, and the one a form asked about (`?quarter=`).
 */
export const withAsked = (own: readonly string[], asked: string | undefined): string[] =>
  [...new Set(asked ? [...own, asked] : own)].sort();

// Retiring keeps the measure and its history; it leaves the quarter now under way and
// every later one, while the quarters already ended (closed or awaiting close) keep it.
export function quarterUnderWay(now: Date): string {
  const { year, month } = londonWallClock(now);
  return quarterOfPeriod(`${year}-${String(month).padStart(2, '0')}`);
}

export async function retireMeasure(id: string, now: Date, writer: Writer): Promise<MeasureDefinition> {
  // A version of its own (docs/plan-administration.md "Definition history").
  const measure = await retireMeasureAsVersion(id, quarterUnderWay(now), { ...writer, at: now.toISOString() });
  if (!measure) throw new NotFound(`There is no measure ${id}.`);
  return measure;
}
