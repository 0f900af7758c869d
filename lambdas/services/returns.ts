import {
  actionDueIn,
  actionReturn,
  landingQuarter,
  measureReturn,
  quartersWithTargets,
  type ReturnState,
} from '../domain';
import type { ActionStatus, MeasureStatus } from '../domain/types';
import { batchGet } from '../store/batch';
import { readDefinitions } from '../store/definitions';
import { closeSk, quarterPk } from '../store/keys';
import { readQuarter } from '../store/quarter';

export interface ReturnItem {
  id: string;
  title: string;
  programme: string;
  state: ReturnState;
  /** A returned version's reason (sign-off). */
  reason?: string | null;
}
export interface MeasureReturnItem extends ReturnItem {
  unit: string;
  frequency: string;
  period: string;
  status: MeasureStatus | null;
  value: number | null;
}
export interface ActionReturnItem extends ReturnItem {
  status: ActionStatus | null;
}

export interface YourReturns {
  directorate: string | null;
  quarter: string | null;
  closed: boolean;
  /** Newest first; at most the 100 newest (25 years). */
  quarters: { quarter: string; closed: boolean }[];
  counts: Record<ReturnState, number>;
  measures: MeasureReturnItem[];
  actions: ActionReturnItem[];
}

const maxQuarters = 100;
const byProgrammeThenTitle = (a: ReturnItem, b: ReturnItem) =>
  a.programme.localeCompare(b.programme) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/**
 * One directorate's returns for a quarter (every directorate's when null): what the web
 * app's `Your returns` page shows, in one request. Without a quarter, the latest one with
 * targets that is not closed. Reads: the definitions (one Query), the offered quarters'
 * close records (one BatchGetItem) and the quarter (one Query).
 */
/**
 * The quarters a page offers (every one with targets, and the one asked for; newest first)
 * with whether each is closed, and the one to show: the one asked for, else the latest
 * not closed. One BatchGetItem of the close records.
 */
export async function offeredQuarters(
  definitions: Pick<Awaited<ReturnType<typeof readDefinitions>>, 'measures'>,
  asked: string | undefined,
  /** Which quarter to open on when none is asked for (default: Your returns' landing rule). */
  land: (quarters: { quarter: string; closed: boolean }[]) => string | null = landingQuarter,
): Promise<{ quarters: { quarter: string; closed: boolean }[]; quarter: string | null }> {
  const candidates = quartersWithTargets(definitions.measures);
  if (asked && !candidates.includes(asked)) candidates.push(asked);
  candidates.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  const offered = candidates.slice(0, maxQuarters);
  if (asked && !offered.includes(asked)) offered[offered.length - 1] = asked;
  const closes = await batchGet(offered.map((q) => ({ pk: quarterPk(q), sk: closeSk })));
  const quarters = offered.map((quarter) => ({ quarter, closed: closes.has(`${quarterPk(quarter)}|${closeSk}`) }));
  return { quarters, quarter: asked ?? land(quarters) };
}

export async function yourReturns(directorate: string | null, asked: string | undefined): Promise<YourReturns> {
  const definitions = await readDefinitions();
  const { quarters, quarter } = await offeredQuarters(definitions, asked);
  const counts: Record<ReturnState, number> = {
    'not-started': 0,
    saved: 0,
    'needs-commentary': 0,
    'awaiting-sign-off': 0,
    returned: 0,
  };
  if (quarter === null) return { directorate, quarter, closed: false, quarters, counts, measures: [], actions: [] };

  const data = await readQuarter(quarter);
  const ours = (owner: string) => directorate === null || owner === directorate;
  const measures: MeasureReturnItem[] = [];
  for (const m of definitions.measures) {
    if (!ours(m.ownerDirectorate)) continue;
    const r = measureReturn(m, quarter, data.results, definitions.settings);
    if (!r) continue;
    measures.push({ id: m.id, title: m.title, programme: m.programme, unit: m.unit, frequency: m.frequency, ...r });
  }
  const updates = new Map(data.actionUpdates.map((u) => [u.actionId, u]));
  const actions: ActionReturnItem[] = definitions.actions
    .filter((a) => ours(a.ownerDirectorate) && actionDueIn(a, quarter))
    .map((a) => ({ id: a.id, title: a.title, programme: a.programme, ...actionReturn(updates.get(a.id)) }));
  for (const item of [...measures, ...actions]) counts[item.state]++;
  return {
    directorate,
    quarter,
    closed: quarters.find((q) => q.quarter === quarter)?.closed ?? false,
    quarters,
    counts,
    measures: measures.sort(byProgrammeThenTitle),
    actions: actions.sort(byProgrammeThenTitle),
  };
}
