import type { TrendReport } from './api';

// What the dashboard shows of a report under its filters (docs/web-app.md "Dashboard"):
// the filters are in the URL and apply to every section (the bars, the critical items,
// the planned work, the measures); `brag` is the planned work's own. Pure: unit-tested in
// test/web/stacked-bars.unit.test.ts.

export const filterNames = ['plan', 'programme', 'directorate', 'status', 'brag'] as const;
export type Filters = Partial<Record<(typeof filterNames)[number], string>>;

/** The measure statuses a bar counts, in its order (not due and information only are not counted). */
export const countedStatuses = ['green', 'amber', 'red', 'no-data'] as const;
export type CountedStatus = (typeof countedStatuses)[number];

/** Statuses in the order the filters offer them. */
export const statusOrder = ['blue', 'green', 'amber', 'red', 'no-data', 'no-update', 'not-due', 'info-only'] as const;

export function filtersOf(query: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const name of filterNames) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

export function dashboardHref(quarter: string, filters: Filters): string {
  const params = new URLSearchParams({ quarter });
  for (const name of filterNames) if (filters[name]) params.set(name, filters[name]!);
  return `/app/dashboard?${params}`;
}

export const anyFilter = (filters: Filters) => filterNames.some((name) => filters[name]);

interface Filterable {
  plan: string;
  programme: string;
  ownerDirectorate: string;
  status: string;
}

const matches = (f: Filters, x: Filterable) =>
  (!f.plan || x.plan === f.plan) &&
  (!f.programme || x.programme === f.programme) &&
  (!f.directorate || x.ownerDirectorate === f.directorate) &&
  (!f.status || x.status === f.status);

export interface BarGroup {
  name: string;
  overall: TrendReport['overall'];
  counts: { status: CountedStatus; count: number }[];
}

/** One group per roll-up (in the report's order) with any measure counted under the filters. */
function groups(
  measures: TrendReport['measures'],
  key: 'programme' | 'ownerDirectorate',
  rollUps: TrendReport['programmes'],
): BarGroup[] {
  return rollUps
    .map((g) => {
      const mine = measures.filter((m) => m[key] === g.name);
      return {
        name: g.name,
        overall: g.overall,
        counts: countedStatuses.map((status) => ({ status, count: mine.filter((m) => m.status === status).length })),
      };
    })
    .filter((g) => g.counts.some((c) => c.count > 0));
}

export type DashboardView = ReturnType<typeof dashboardView>;

export function dashboardView(r: TrendReport, f: Filters) {
  const measures = r.measures.filter((m) => matches(f, m));
  const actions = r.actions.filter((a) => matches(f, a) && (!f.brag || a.status === f.brag));
  const criticalItems = r.criticalItems
    .map((item) => ({
      item,
      subject:
        item.kind === 'measure'
          ? r.measures.find((m) => m.id === item.subjectId)
          : r.actions.find((a) => a.id === item.subjectId),
    }))
    // An item whose subject the report no longer lists: by its own programme and directorate.
    .filter(({ item, subject }) =>
      subject ? matches(f, subject) : !f.plan && !f.status && matches(f, { ...item, plan: '', status: '' }),
    );
  return {
    measures,
    actions,
    criticalItems,
    byProgramme: groups(measures, 'programme', r.programmes),
    byDirectorate: groups(measures, 'ownerDirectorate', r.directorates),
  };
}

/** The values a filter offers: those the report holds, sorted; statuses in their own order. */
export function filterChoices(r: TrendReport) {
  const uniq = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const everything = [...r.measures, ...r.actions];
  const statuses = new Set(everything.map((x) => x.status as string));
  return {
    plan: uniq(everything.map((x) => x.plan)),
    programme: uniq(everything.map((x) => x.programme)),
    directorate: uniq(everything.map((x) => x.ownerDirectorate)),
    status: statusOrder.filter((s) => statuses.has(s)),
    brag: statusOrder.filter((s) => r.actions.some((a) => a.status === s)),
  };
}
