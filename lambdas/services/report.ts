import { environment } from '../config/environment';
import { buildReport, previousQuarter, quarterCloseInstant, remedialActionOf, sameQuarterLastYear } from '../domain';
import { own } from '../domain/own';
import type { Amendment, QuarterReport, TrendReport } from '../domain/quarter-report';
import { measureTrends, quartersEndingAt } from '../domain/quarter-trend';
import { type ReportLanguageOptions, reportLanguageOptions } from '../domain/report-language';
import type { Settings } from '../domain/settings';
import type { ReportInput } from '../domain/types';
import { readDefinitions } from '../store/definitions';
import { resultSk, updateSk } from '../store/keys';
import { type QuarterData, readQuarter, readSnapshot, type Snapshot } from '../store/quarter';

export type { Amendment, QuarterReport, TrendReport } from '../domain/quarter-report';

/** The report's reads besides the quarter's own: the definitions, last quarter and the same quarter last year. */
export type OtherReportReads = Promise<[Awaited<ReturnType<typeof readDefinitions>>, QuarterData, QuarterData]>;

/** A quarter the report reads only for its figures: who wrote each result there is not asked (amendments list only the report's own quarter's). */
const readWithoutWriters = (quarter: string) => readQuarter(quarter, { writers: false });

/**
 * Starts the report's other reads: the close starts them with its own consistent read of
 * the quarter (they do not race it: no write to other quarters or the definitions changes
 * what the close freezes of this one), so its reads take one round of Queries, not two.
 */
export function readOtherReportData(
  quarter: string,
  read: (quarter: string) => Promise<QuarterData> = readWithoutWriters,
): OtherReportReads {
  return Promise.all([readDefinitions(), read(previousQuarter(quarter)), read(sameQuarterLastYear(quarter))]);
}

/**
 * What a quarter's live report is computed from: definitions and three quarter partitions.
 * `atClose`: for the close's snapshot, where a return with no approved version is settled
 * by the unsignedAtClose setting (docs/sign-off.md).
 */
export async function readReportInput(
  quarter: string,
  current?: QuarterData | Promise<QuarterData>,
  atClose = false,
  read: (quarter: string) => Promise<QuarterData> = readQuarter,
  others: OtherReportReads = readOtherReportData(quarter, read),
): Promise<{ input: ReportInput; current: QuarterData; settings: Settings }> {
  const [[definitions, previous, lastYear], currentData] = await Promise.all([others, current ?? read(quarter)]);
  // With improvementSoftensRed, whether last quarter was red (rule red-consecutive)
  // depends on the quarter a year before it: one more Query, only where the option is on.
  const softening =
    definitions.settings.improvementSoftensRed || definitions.measures.some((m) => m.improvementSoftensRed);
  const beforeLastYear = softening ? (await read(sameQuarterLastYear(previousQuarter(quarter)))).results : [];
  const input: ReportInput = {
    quarter,
    measures: definitions.measures,
    actions: definitions.actions,
    results: [...currentData.results, ...previous.results, ...lastYear.results, ...beforeLastYear],
    actionUpdates: currentData.actionUpdates,
    remedialActions: currentData.remedialActions,
    settings: definitions.settings,
    ...(Object.keys(definitions.settings.namesCy.directorates).length > 0 && {
      directorateNamesCy: definitions.settings.namesCy.directorates,
    }),
    // Only with sign-off on: with it off the input (and a snapshot of it) is as before sign-off existed.
    ...(definitions.settings.signOff === 'on' && {
      signOff: { signOff: 'on', unsignedAtClose: definitions.settings.unsignedAtClose, atClose },
    }),
  };
  return { input, current: currentData, settings: definitions.settings };
}

const resultVersionKey = (measureId: string, period: string) => `result:${measureId}#${period}`;
const updateVersionKey = (actionId: string) => `action:${actionId}`;

/** The versions a snapshot's figures were computed from. */
export function frozenVersionsOf(current: QuarterData): Record<string, number> {
  // One pass into one object (a close of 10,000 measures: no 10,000 pairs and their copy to
  // collect). Every key has a `result:` or `action:` prefix, so none is `__proto__`.
  const versions: Record<string, number> = {};
  for (const r of current.results) versions[resultVersionKey(r.measureId, r.period)] = r.version;
  for (const u of current.actionUpdates) versions[updateVersionKey(u.actionId)] = u.version;
  return versions;
}

/** Writes made after the snapshot froze its figures. */
export function amendmentsSince(snapshot: Snapshot, current: QuarterData): Amendment[] {
  const frozen = (key: string) => own(snapshot.frozenVersions, key) ?? null;
  const who = (sk: string) => current.writers?.get(sk) ?? {};
  const results: Amendment[] = current.results
    .filter((r) => r.version > (frozen(resultVersionKey(r.measureId, r.period)) ?? 0))
    .map((r) => ({
      kind: 'result',
      id: r.measureId,
      period: r.period,
      frozenVersion: frozen(resultVersionKey(r.measureId, r.period)),
      version: r.version,
      value: r.value,
      frozenValue:
        snapshot.input.results.find((f) => f.measureId === r.measureId && f.period === r.period)?.value ?? null,
      ...who(resultSk(r.measureId, r.period)),
    }));
  const updates: Amendment[] = current.actionUpdates
    .filter((u) => u.version > (frozen(updateVersionKey(u.actionId)) ?? 0))
    .map((u) => ({
      kind: 'action-update',
      id: u.actionId,
      period: u.quarter,
      frozenVersion: frozen(updateVersionKey(u.actionId)),
      version: u.version,
      status: u.status,
      frozenStatus: snapshot.input.actionUpdates.find((f) => f.actionId === u.actionId)?.status ?? null,
      ...who(updateSk(u.actionId)),
    }));
  return [...results, ...updates].sort((a, b) => a.id.localeCompare(b.id) || a.period.localeCompare(b.period));
}

/**
 * A closed quarter: the frozen report (rebuilt from the frozen inputs for one plan's
 * view), remedial actions recorded since shown over it, and amendments beside it.
 */
export function closedReport(
  snapshot: Snapshot,
  current: QuarterData,
  revision: number,
  plan?: string,
  amendments: () => Amendment[] = () => amendmentsSince(snapshot, current),
): QuarterReport {
  const frozen = plan
    ? { ...buildReport({ ...snapshot.input, plan }), closed: true, closedAt: snapshot.report.closedAt }
    : snapshot.report;
  const ids = new Set([...frozen.measures.map((m) => m.id), ...frozen.actions.map((a) => a.id)]);
  return {
    ...frozen,
    criticalItems: frozen.criticalItems.map((item) => ({
      ...item,
      remedialAction: remedialActionOf(current.remedialActions, item) ?? item.remedialAction,
      // What the email of this revision said: the remedial action as frozen.
      emailedRemedialAction: item.remedialAction,
    })),
    revision,
    amendments: amendments().filter((a) => ids.has(a.id)),
  };
}

/**
 * GET /reports/{quarter}: the live preview before close, the frozen snapshot after.
 * `settings` comes with the live report (read for it anyway); a closed one reads none.
 * `trend`: add each measure's last `trend` quarters (docs/rules.md#trend-lines).
 */
export async function quarterReport(
  quarter: string,
  plan?: string,
  trend?: number,
): Promise<{ report: TrendReport; settings?: Settings }> {
  // Each quarter partition is read once, whether the report or the trend asks for it.
  const reads = new Map<string, Promise<QuarterData>>();
  const read = (q: string) => {
    let found = reads.get(q);
    if (!found) {
      found = readQuarter(q);
      reads.set(q, found);
    }
    return found;
  };
  const current = await read(quarter);
  if (current.close) {
    const [snapshot, definitions] = await Promise.all([
      readSnapshot(current.close),
      trend ? readDefinitions() : undefined,
    ]);
    const { revision, emailSentAt, emailSentRevision } = current.close;
    // When this revision's email went out: GET only (a close's own answer is the same for every racer).
    const report = {
      ...closedReport(snapshot, current, revision, plan),
      emailedAt: emailSentAt && (emailSentRevision ?? 0) >= revision ? emailSentAt : null,
    };
    if (!trend || !definitions) return { report };
    const signOff = { signOff: definitions.settings.signOff, unsignedAtClose: definitions.settings.unsignedAtClose };
    return {
      report: await withTrends(report, trend, definitions.measures, definitions.settings, signOff, read),
    };
  }
  const { input, settings } = await readReportInput(quarter, current, false, read);
  const { closeDay, closeHour } = environment();
  const report = {
    ...buildReport({ ...input, plan }),
    closeDue: quarterCloseInstant(quarter, closeDay, closeHour).toISOString(),
  };
  if (!trend) return { report, settings };
  return {
    report: await withTrends(report, trend, input.measures, input.settings, input.signOff, read),
    settings,
  };
}

/**
 * The report with each measure's last `count` quarters. The report's own quarter is its
 * row as reported (frozen after close); the earlier ones come from the live results, so a
 * closed earlier quarter shows any amendment made since its close (docs/rules.md#trend-lines).
 */
async function withTrends(
  report: QuarterReport,
  count: number,
  definitions: readonly ReportInput['measures'][number][],
  settings: ReportInput['settings'],
  signOff: Pick<NonNullable<ReportInput['signOff']>, 'signOff' | 'unsignedAtClose'> | undefined,
  read: (quarter: string) => Promise<QuarterData>,
): Promise<TrendReport> {
  const quarters = quartersEndingAt(report.quarter, count);
  const earlier = quarters.slice(0, -1);
  const softening = settings.improvementSoftensRed || definitions.some((m) => m.improvementSoftensRed);
  // improvementSoftensRed compares each quarter with the same quarter a year before it.
  const toRead = softening ? [...new Set([...earlier, ...earlier.map(sameQuarterLastYear)])] : earlier;
  const data = await Promise.all(toRead.map(read));
  const inReport = new Set(report.measures.map((m) => m.id));
  const trends = measureTrends(
    definitions.filter((m) => inReport.has(m.id)),
    earlier,
    data.flatMap((d) => d.results),
    settings,
    signOff?.signOff === 'on' ? { ...signOff, atClose: false } : undefined,
  );
  return {
    ...report,
    measures: report.measures.map((m) => ({
      ...m,
      quarters: [
        ...(trends.get(m.id) ?? []),
        { quarter: report.quarter, status: m.status, actual: m.actual, target: m.target },
      ],
    })),
  };
}

/** The report for its rendered forms (HTML, Markdown, CSV), with the title they carry: the plan's name, else the report's. */
export async function titledQuarterReport(
  quarter: string,
  plan?: string,
): Promise<{ report: QuarterReport; title: string; languages: ReportLanguageOptions }> {
  const found = await quarterReport(quarter, plan);
  // A closed quarter's report read no settings.
  const settings = found.settings ?? (await readDefinitions()).settings;
  const languages = reportLanguageOptions(settings, plan);
  return { report: found.report, title: languages.titles.en, languages };
}
