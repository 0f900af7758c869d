import { useState } from 'preact/hooks';
import type { Answer, Api, Returns, TrendReport } from '../api';
import { Loading, ProblemPage, Select, StatusTag, SuccessBanner, useFocusHeading } from '../components';
import { CriticalItemsTable, MeasuresTable, PlannedWorkTable, trendQuarters } from '../components/dashboard-tables';
import type { Choice } from '../components/fields';
import { QuarterPicker } from '../components/quarter-picker';
import { Downloads } from '../components/report-downloads';
import { StackedBars } from '../components/stacked-bars';
import { anyFilter, dashboardHref, dashboardView, type Filters, filterChoices, filtersOf } from '../dashboard-view';
import { useFlash } from '../flash';
import { together, useData } from '../hooks/use-data';
import { fill, useWords } from '../i18n';
import { type NameKind, nameChoice } from '../names';
import { navigate } from '../router';
import { periodLabel, statusWords } from '../words';

// EMT's and admins' landing page (docs/web-app.md "Dashboard"): the whole width of the
// window; the overall status and the status counts per programme and per directorate as
// stacked bars at the top; then the critical items, the planned work and the measures as
// compact tables (stacked rows on a phone). The filters (in the URL) apply to every section.

export function Dashboard({ api, query, title }: { api: Api; query: URLSearchParams; title?: string }) {
  const { language, t } = useWords();
  const w = t.dashboard;
  const quarterInUrl = query.get('quarter') ?? undefined;
  const message = useFlash();
  // Two requests whatever the number of measures: the quarters offered (GET /returns) and
  // the report, which carries each measure's trend line too (?trend=8).
  const loaded = useData(async (): Promise<Answer<[Returns, TrendReport]>> => {
    const returns = api.returns({ quarter: quarterInUrl });
    const quarter =
      quarterInUrl ?? (await returns.then((a) => (a.ok ? (a.data.quarter ?? a.data.quarters[0]?.quarter) : null)));
    if (quarter) return together(returns, api.trendReport(quarter, trendQuarters));
    const none = await returns;
    return none.ok ? { ok: false, status: 404, problem: { status: 404, detail: w.noQuarter } } : none;
  }, [api, quarterInUrl]);
  const heading = useFocusHeading(loaded.data !== undefined, w.heading, !message);
  const filters = filtersOf(query);
  const [chosen, setChosen] = useState<Filters>(filters);
  if (loaded.failed) return <ProblemPage title={t.problems.problemTitle} detail={loaded.failed.problem.detail ?? ''} />;
  if (!loaded.data) return <Loading />;
  const [returns, r] = loaded.data;
  const view = dashboardView(r, filters);
  const choices = filterChoices(r);
  const filtered = anyFilter(filters);
  const apply = (f: Filters) => (e: Event) => {
    e.preventDefault();
    navigate(dashboardHref(r.quarter, f));
  };
  const select = (name: keyof Filters, label: string, choices: readonly Choice[]) => (
    <Select
      id={`filter-${name}`}
      name={name}
      label={label}
      groupClass="app-filter"
      value={chosen[name] ?? ''}
      empty={w.all}
      choices={choices}
      onChange={(value) => setChosen({ ...chosen, [name]: value || undefined })}
    />
  );
  const words = (statuses: readonly string[]) =>
    statuses.map((s) => ({ value: s, label: statusWords[s as 'green'] ?? s }));
  const named = (kind: NameKind, keys: readonly string[]) => keys.map((key) => nameChoice(language, kind, key));
  return (
    <div class="app-dashboard">
      {message && <SuccessBanner key={message} id="saved-title" message={message} />}
      {/* Only on paper (web/styles/app.scss "Print"): the page then reads as the Cabinet's report. */}
      <p class="app-print-heading">
        {fill(w.printHeading, { title: title ? `${title}: ` : '', quarter: periodLabel(r.quarter) })}
        {r.closed ? '' : w.liveSuffix}
      </p>
      <span class="govuk-caption-l">
        {periodLabel(r.quarter)}
        {r.closed ? w.closedSuffix : w.liveSuffix}
      </span>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {w.heading}
      </h1>
      <div class="app-dashboard__controls app-no-print">
        <QuarterPicker
          quarters={returns.quarters}
          quarter={r.quarter}
          button={w.showQuarter}
          onShow={(q) => navigate(dashboardHref(q, filters))}
        />
        <form class="app-filters" aria-label={w.filters} onSubmit={apply(chosen)} noValidate>
          {select('plan', w.plan, named('plan', choices.plan))}
          {select('programme', w.programme, named('programme', choices.programme))}
          {select('directorate', w.directorate, named('directorate', choices.directorate))}
          {select('status', w.status, words(choices.status))}
          <button type="submit" class="govuk-button govuk-button--secondary">
            {w.applyFilters}
          </button>
        </form>
      </div>
      <div class="app-dashboard__summary">
        <p class="app-status-line" id="overall">
          {w.overallStatus} <StatusTag status={r.overall} />
        </p>
        {((language === 'cy' && r.summary.sentencesCy) || r.summary.sentences).map((s) => (
          <p class="govuk-body" key={s}>
            {s}
          </p>
        ))}
      </div>
      <div class="app-dashboard__charts">
        {[
          {
            id: 'by-programme',
            heading: w.byProgramme,
            caption: w.programmes,
            groupLabel: w.programme,
            groups: view.byProgramme,
            kind: 'programme' as const,
          },
          {
            id: 'by-directorate',
            heading: w.byDirectorate,
            caption: w.directorates,
            groupLabel: w.directorate,
            groups: view.byDirectorate,
            kind: 'directorate' as const,
          },
        ].map((bars) => (
          <StackedBars key={bars.id} {...bars} />
        ))}
      </div>
      <section aria-labelledby="critical-items">
        <h2 class="govuk-heading-m" id="critical-items">
          {w.criticalItems}
        </h2>
        <CriticalItemsTable quarter={r.quarter} items={view.criticalItems} filtered={filtered} />
      </section>
      <section class="app-planned-work">
        <h2 class="govuk-heading-m" id="planned-work">
          {w.plannedWork}
        </h2>
        <form class="app-filters app-no-print" onSubmit={apply(chosen)} noValidate>
          {select('brag', w.brag, words(choices.brag))}
          <button type="submit" class="govuk-button govuk-button--secondary">
            {w.applyFilter}
          </button>
        </form>
        <PlannedWorkTable actions={view.actions} />
      </section>
      <section aria-labelledby="measures">
        <h2 class="govuk-heading-m" id="measures">
          {w.measures}
        </h2>
        <p class="govuk-body" aria-live="polite">
          {fill(w.showing, { shown: view.measures.length, total: r.measures.length })}
        </p>
        <MeasuresTable measures={view.measures} />
      </section>
      <Downloads api={api} quarter={r.quarter} />
    </div>
  );
}
