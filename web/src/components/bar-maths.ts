import { partitionPercents } from '../../../lambdas/domain/summary';

// The stacked bars' geometry (components/stacked-bars.tsx): each status's share of the bar
// is the domain's whole percentage of the group (largest remainder, adding up to exactly
// 100: docs/rules.md#summaries), so the bar's segments tile it and say what the report's
// sentences say. Pure, so it is unit-tested (test/web/stacked-bars.unit.test.ts).

export interface BarSegment<S extends string> {
  status: S;
  count: number;
  /** Its whole percentage of the group. */
  percent: number;
  /** Where it starts, in percent of the bar: the sum of the percentages before it. */
  start: number;
  /** Whether its count is written inside it (it is wide enough at every width; see below). */
  countInside: boolean;
}

/**
 * A segment at least this wide carries its count inside: 10% of the narrowest column the
 * app has (290 px at 320 px wide) is 29 px, room for a three-digit count at 14 px. Every
 * segment is also labelled with its count and word beside the bar, so none depends on this.
 */
export const countInsideFrom = 10;

/** The segments of one bar, in the order given; a status with no count has none. */
export function barSegments<S extends string>(counts: readonly { status: S; count: number }[]): BarSegment<S>[] {
  const percents = partitionPercents(counts.map((c) => c.count));
  let start = 0;
  const segments: BarSegment<S>[] = [];
  counts.forEach((c, i) => {
    const percent = percents[i]!;
    if (c.count > 0) segments.push({ ...c, percent, start, countInside: percent >= countInsideFrom });
    start += percent;
  });
  return segments;
}
