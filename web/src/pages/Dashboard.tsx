import { useState } from 'preact/hooks';
import type { Answer, Api, Returns, TrendReport } from '../api';
import { Loading, ProblemPage, Select, StatusTag, SuccessBanner, useFocusHeading } from '../components';
import { CriticalItemsTable, MeasuresTable, PlannedWorkTable, trendQuarters } from '../components/dashboard-tables';
import { QuarterPicker } from '../components/quarter-picker';
import { Downloads } from '../components/report-downloads';
import { StackedBars } from '../components/stacked-bars';
import { anyFilter, dashboardHref, dashboardView, type Filters, filterChoices, filtersOf } from '../dashboard-view';
import { useFlash } from '../flash';
import { together, useData } from '../hooks/use-data';
import { planName } from '../plan-names';
import { navigate } from '../router';
import { periodLabel, statusWords } from '../words';

// EMT's and admins' landing page (docs/web-app.md "Dashboard"): the whole width of the
// window; the overall status and the status counts per programme and per directorate as
// stacked bars at the top; then the critical items, the planned work and the measures as
// compact tables (stacked rows on a phone). The filters (in the URL) apply to every section.

export function Dashboard({ api, query, title }: { api: Api; query: URLSearchParams; title?: string }) {
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
    return none.ok ? { ok: false, status: 404, problem: { status: 404, detail: 'No quarter has targets yet.' } } : none;
  }, [api, quarterInUrl]);
  const heading = useFocusHeading(loaded.data !== undefined, 'Dashboard', !message);
  const filters = filtersOf(query);
  const [chosen, setChosen] = useState<Filters>(filters);
  if (loaded.failed)
    return <ProblemPage title="Sorry, there is a problem" detail={loaded.failed.problem.detail ?? ''} />;
  if (!loaded.data) return <Loading />;
  const [returns, r] = loaded.data;
  const view = dashboardView(r, filters);
  const choices = filterChoices(r);
  const filtered = anyFilter(filters);
  const apply = (f: Filters) => (e: Event) => {
    e.preventDefault();
    navigate(dashboardHref(r.quarter, f));
  };
  const select = (name: keyof Filters, label: string, values: readonly string[], words?: (v: string) => string) => (
    <Select
      id={`filter-${name}`}
      name={name}
      label={label}
      groupClass="app-filter"
      value={chosen[name] ?? ''}
      empty="All"
      choices={values.map((v) => ({ value: v, label: words ? words(v) : v }))}
      onChange={(value) => setChosen({ ...chosen, [name]: value || undefined })}
    />
  );
  const statusWord = (s: string) => statusWords[s as 'green'] ?? s;
  return (
    <div class="app-dashboard">
      {message && <SuccessBanner key={message} id="saved-title" message={message} />}
      {/* Only on paper (web/styles/app.scss "Print"): the page then reads as the Cabinet's report. */}
      <p class="app-print-heading">
        {title ? `${title}: ` : ''}
        {periodLabel(r.quarter)} performance report{r.closed ? '' : ' (live, not yet closed)'}
      </p>
      <span class="govuk-caption-l">
        {periodLabel(r.quarter)}
        {r.closed ? ' (closed)' : ' (live, not yet closed)'}
      </span>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        Dashboard
      </h1>
      <div class="app-dashboard__controls app-no-print">
        <QuarterPicker
          quarters={returns.quarters}
          quarter={r.quarter}
          button="Show quarter"
          onShow={(q) => navigate(dashboardHref(q, filters))}
        />
        <form class="app-filters" aria-label="Filters" onSubmit={apply(chosen)} noValidate>
          {select('plan', 'Plan', choices.plan, planName)}
          {select('programme', 'Programme', choices.programme)}
          {select('directorate', 'Directorate', choices.directorate)}
          {select('status', 'Status', choices.status, statusWord)}
          <button type="submit" class="govuk-button govuk-button--secondary">
            Apply filters
          </button>
        </form>
      </div>
      <div class="app-dashboard__summary">
        <p class="app-status-line" id="overall">
          Overall status: <StatusTag status={r.overall} />
        </p>
        {r.summary.sentences.map((s) => (
          <p class="govuk-body" key={s}>
            {s}
          </p>
        ))}
      </div>
      <div class="app-dashboard__charts">
        <StackedBars
          id="by-programme"
          heading="Measures by programme"
          caption="Programmes"
          groupLabel="Programme"
          groups={view.byProgramme}
        />
        <StackedBars
          id="by-directorate"
          heading="Measures by directorate"
          caption="Directorates"
          groupLabel="Directorate"
          groups={view.byDirectorate}
        />
      </div>
      <section aria-labelledby="critical-items">
        <h2 class="govuk-heading-m" id="critical-items">
          Critical items
        </h2>
        <CriticalItemsTable quarter={r.quarter} items={view.criticalItems} filtered={filtered} />
      </section>
      <section class="app-planned-work">
        <h2 class="govuk-heading-m" id="planned-work">
          Planned work
        </h2>
        <form class="app-filters app-no-print" onSubmit={apply(chosen)} noValidate>
          {select('brag', 'BRAG', choices.brag, statusWord)}
          <button type="submit" class="govuk-button govuk-button--secondary">
            Apply filter
          </button>
        </form>
        <PlannedWorkTable actions={view.actions} />
      </section>
      <section aria-labelledby="measures">
        <h2 class="govuk-heading-m" id="measures">
          Measures
        </h2>
        <p class="govuk-body" aria-live="polite">
          Showing {view.measures.length} of {r.measures.length} measures.
        </p>
        <MeasuresTable measures={view.measures} />
      </section>
      <Downloads api={api} quarter={r.quarter} />
    </div>
  );
}
