import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionPercents } from '../../lambdas/domain/summary';
import type { TrendReport } from '../../web/src/api';
import { barSegments, countInsideFrom } from '../../web/src/components/bar-maths';
import { dashboardHref, dashboardView, filtersOf } from '../../web/src/dashboard-view';

// The dashboard's stacked bars (web/src/components/bar-maths.ts) over the domain's
// percentages, and what its filters keep (web/src/dashboard-view.ts).

const statuses = ['green', 'amber', 'red', 'no-data'] as const;
const countsOf = (ns: number[]) => ns.map((count, i) => ({ status: statuses[i]!, count }));

describe('a stacked bar', () => {
  it('gives each status the domain’s whole percentage: the seed’s 11, 20 and 4 of 35 are 32%, 57% and 11%', () => {
    const segments = barSegments(countsOf([11, 20, 0, 4]));
    expect(segments.map((s) => [s.status, s.percent, s.start])).toEqual([
      ['green', 32, 0],
      ['amber', 57, 32],
      ['no-data', 11, 89],
    ]);
  });

  it('tiles the bar exactly: segments in order, each starting where the one before ended, adding up to 100', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 4, maxLength: 4 }), (ns) => {
        fc.pre(ns.some((n) => n > 0));
        const segments = barSegments(countsOf(ns));
        const percents = partitionPercents(ns);
        // The domain's percentages, one segment per status counted, in the order given.
        expect(segments.map((s) => s.status)).toEqual(statuses.filter((_, i) => ns[i]! > 0));
        for (const s of segments) expect(s.percent).toBe(percents[statuses.indexOf(s.status)]);
        expect(segments.reduce((sum, s) => sum + s.percent, 0)).toBe(100);
        let start = 0;
        for (const [i, n] of ns.entries()) {
          const s = segments.find((x) => x.status === statuses[i]);
          if (s) expect(s.start).toBe(start);
          start += percents[i]!;
          if (n === 0) expect(s).toBeUndefined();
        }
        // A count is written inside only where the segment is wide enough at 320 px.
        for (const s of segments) expect(s.countInside).toBe(s.percent >= countInsideFrom);
      }),
    );
  });

  it('draws nothing for a group with no counts', () => {
    expect(barSegments(countsOf([0, 0, 0, 0]))).toEqual([]);
  });
});

describe('the dashboard’s filters', () => {
  const item = (id: string, programme: string, ownerDirectorate: string, status: string) => ({
    id,
    title: id,
    plan: 'cip',
    programme,
    ownerDirectorate,
    status,
  });
  const report = {
    programmes: [
      { name: 'Learning', overall: 'amber' },
      { name: 'Housing', overall: 'red' },
    ],
    directorates: [
      { name: 'People', overall: 'amber' },
      { name: 'Place', overall: 'red' },
    ],
    measures: [
      item('m1', 'Learning', 'People', 'green'),
      item('m2', 'Learning', 'Place', 'red'),
      item('m3', 'Housing', 'Place', 'red'),
      item('m4', 'Housing', 'Place', 'not-due'),
    ],
    actions: [item('a1', 'Learning', 'People', 'blue'), item('a2', 'Housing', 'Place', 'red')],
    criticalItems: [
      { id: 'm2', kind: 'measure', subjectId: 'm2', programme: 'Learning', ownerDirectorate: 'Place' },
      { id: 'a2', kind: 'action', subjectId: 'a2', programme: 'Housing', ownerDirectorate: 'Place' },
    ],
  } as unknown as TrendReport;

  it('apply to every section: the bars, the critical items, the planned work and the measures', () => {
    const view = dashboardView(report, { directorate: 'Place' });
    expect(view.measures.map((m) => m.id)).toEqual(['m2', 'm3', 'm4']);
    expect(view.actions.map((a) => a.id)).toEqual(['a2']);
    expect(view.criticalItems.map((c) => c.item.id)).toEqual(['m2', 'a2']);
    // Only the statuses a bar counts (not due is not), and only groups with any.
    expect(view.byDirectorate).toEqual([
      {
        name: 'Place',
        overall: 'red',
        counts: countsOf([0, 0, 2, 0]),
      },
    ]);
    expect(view.byProgramme.map((g) => g.name)).toEqual(['Learning', 'Housing']);
  });

  it('a status filters measures, planned work and critical items alike; BRAG only the planned work', () => {
    const red = dashboardView(report, { status: 'red', programme: 'Housing' });
    expect([red.measures, red.actions].map((xs) => xs.map((x) => x.id))).toEqual([['m3'], ['a2']]);
    expect(red.criticalItems.map((c) => c.item.id)).toEqual(['a2']);
    const blue = dashboardView(report, { brag: 'blue' });
    expect([blue.measures.length, blue.actions.map((a) => a.id), blue.criticalItems.length]).toEqual([4, ['a1'], 2]);
  });

  it('live in the URL', () => {
    const href = dashboardHref('2017-18-Q4', { programme: 'Learning & Skills', brag: 'red' });
    expect(href).toBe('/app/dashboard?quarter=2017-18-Q4&programme=Learning+%26+Skills&brag=red');
    expect(filtersOf(new URL(href, 'http://x').searchParams)).toEqual({ programme: 'Learning & Skills', brag: 'red' });
  });
});
