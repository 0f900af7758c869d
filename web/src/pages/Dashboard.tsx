import { useState } from 'preact/hooks';
import { signOffNote } from '../../../lambdas/domain/sign-off';
import type { Answer, Api, Report, Returns, TrendReport } from '../api';
import { Loading, ProblemPage, QuarterSelect, Select, StatusTag, SuccessBanner, useFocusHeading } from '../components';
import { Downloads } from '../components/report-downloads';
import { useFlash } from '../flash';
import { together, useData } from '../hooks/use-data';
import { navigate } from '../router';
import { Sparkline } from '../sparkline';
import { formatDate, formatValue, periodLabel, statusWords, trendWords } from '../words';

export const criticalItemHref = (quarter: string, itemId: string) =>
  `/app/reports/${encodeURIComponent(quarter)}/critical-items/${encodeURIComponent(itemId)}`;
export const measureHref = (id: string) => `/app/measures/${encodeURIComponent(id)}`;

const filterNames = ['plan', 'programme', 'directorate', 'status'] as const;
type Filters = Partial<Record<(typeof filterNames)[number], string>>;
const countedStatuses = ['green', 'amber', 'red', 'no-data'] as const;
/** Quarters in each measure's trend line: the most the report's trend option gives. */
const trendQuarters = 8;

function uniq(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

/** A return's sign-off beside its status, in the words of every output ("not signed off", "awaiting sign-off: 96%"). */
function SignOffNoteText({ measure }: { measure: Report['measures'][number] }) {
  const unapproved = measure.unapprovedActual;
  const note = signOffNote(measure.signOff, unapproved == null ? undefined : formatValue(unapproved, measure.unit));
  return note ? <span class="app-sign-off-note"> ({note})</span> : null;
}

/** Status counts per programme or directorate, from the measures (one row each). */
function CountsTable({
  caption,
  groups,
}: {
  caption: string;
  groups: { name: string; overall: string; statuses: string[] }[];
}) {
  return (
    <div class="app-table-wrap">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {caption === 'Programmes' ? 'Programme' : 'Directorate'}
            </th>
            <th scope="col" class="govuk-table__header">
              Overall
            </th>
            {countedStatuses.map((s) => (
              <th scope="col" class="govuk-table__header govuk-table__header--numeric" key={s}>
                {statusWords[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {groups.map((g) => (
            <tr class="govuk-table__row" key={g.name}>
              <th scope="row" class="govuk-table__header">
                {g.name}
              </th>
              <td class="govuk-table__cell">
                <StatusTag status={g.overall as 'green'} />
              </td>
              {countedStatuses.map((s) => (
                <td class="govuk-table__cell govuk-table__cell--numeric" key={s}>
                  {g.statuses.filter((x) => x === s).length}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
  const filters: Filters = {};
  for (const f of filterNames) {
    const v = query.get(f);
    if (v) filters[f] = v;
  }
  const [chosenQuarter, setChosenQuarter] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<Filters>(filters);
  if (loaded.failed)
    return <ProblemPage title="Sorry, there is a problem" detail={loaded.failed.problem.detail ?? ''} />;
  if (!loaded.data) return <Loading />;
  const [returns, r] = loaded.data;
  const selectedQuarter = chosenQuarter ?? r.quarter;
  const open = (q: string, f: Filters) => {
    const params = new URLSearchParams({ quarter: q });
    for (const name of filterNames) if (f[name]) params.set(name, f[name]!);
    navigate(`/app/dashboard?${params}`);
  };
  const measures = r.measures.filter(
    (m) =>
      (!filters.plan || m.plan === filters.plan) &&
      (!filters.programme || m.programme === filters.programme) &&
      (!filters.directorate || m.ownerDirectorate === filters.directorate) &&
      (!filters.status || m.status === filters.status),
  );
  const group = (key: 'programme' | 'ownerDirectorate', rollUps: Report['programmes']) =>
    rollUps.map((g) => ({
      name: g.name,
      overall: g.overall,
      statuses: r.measures.filter((m) => m[key] === g.name).map((m) => m.status),
    }));
  const select = (name: keyof Filters, label: string, options: { value: string; text: string }[]) => (
    <Select
      id={`filter-${name}`}
      name={name}
      label={label}
      groupClass="app-filter"
      value={chosen[name] ?? ''}
      empty="All"
      choices={options.map((o) => ({ value: o.value, label: o.text }))}
      onChange={(value) => setChosen({ ...chosen, [name]: value || undefined })}
    />
  );
  const plain = (values: string[]) => uniq(values).map((v) => ({ value: v, text: v }));
  return (
    <>
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
      <form
        class="govuk-!-margin-bottom-6 app-no-print"
        onSubmit={(e) => {
          e.preventDefault();
          open(selectedQuarter, filters);
        }}
        noValidate
      >
        <QuarterSelect
          groupClass="govuk-!-margin-bottom-3"
          quarters={returns.quarters}
          value={selectedQuarter}
          onChange={setChosenQuarter}
        />
        <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          Show quarter
        </button>
      </form>
      <p class="app-status-line" id="overall">
        Overall status: <StatusTag status={r.overall} />
      </p>
      <h2 class="govuk-heading-m">Summary</h2>
      {r.summary.sentences.map((s) => (
        <p class="govuk-body" key={s}>
          {s}
        </p>
      ))}
      <section aria-labelledby="critical-items">
        <h2 class="govuk-heading-m" id="critical-items">
          Critical items
        </h2>
        {r.criticalItems.length === 0 ? (
          <p class="govuk-body">No critical items this quarter.</p>
        ) : (
          <ul class="govuk-list app-critical-items">
            {r.criticalItems.map((item) => (
              <li key={item.id} class="govuk-!-margin-bottom-4">
                <a class="govuk-link govuk-!-font-weight-bold" href={criticalItemHref(r.quarter, item.id)}>
                  {item.title}
                </a>
                <br />
                Issue: {item.issue}
                <br />
                {item.remedialAction ? (
                  <>
                    Remedial action: {item.remedialAction.text}
                    {item.remedialAction.owner ? ` (owner: ${item.remedialAction.owner}` : ''}
                    {item.remedialAction.owner && item.remedialAction.dueDate
                      ? `, due ${formatDate(item.remedialAction.dueDate)})`
                      : ''}
                    {item.remedialAction.owner && !item.remedialAction.dueDate ? ')' : ''}
                    {!item.remedialAction.owner && item.remedialAction.dueDate
                      ? ` (due ${formatDate(item.remedialAction.dueDate)})`
                      : ''}
                  </>
                ) : (
                  <strong>Remedial action needed</strong>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <CountsTable caption="Programmes" groups={group('programme', r.programmes)} />
      <CountsTable caption="Directorates" groups={group('ownerDirectorate', r.directorates)} />
      <h2 class="govuk-heading-m" id="measures">
        Measures
      </h2>
      <form
        class="app-filters app-no-print"
        aria-label="Filter measures"
        onSubmit={(e) => {
          e.preventDefault();
          open(r.quarter, chosen);
        }}
        noValidate
      >
        {select('plan', 'Plan', plain(r.measures.map((m) => m.plan)))}
        {select('programme', 'Programme', plain(r.measures.map((m) => m.programme)))}
        {select('directorate', 'Directorate', plain(r.measures.map((m) => m.ownerDirectorate)))}
        {select(
          'status',
          'Status',
          uniq(r.measures.map((m) => m.status)).map((s) => ({ value: s, text: statusWords[s as 'green'] ?? s })),
        )}
        <button type="submit" class="govuk-button govuk-button--secondary">
          Apply filters
        </button>
      </form>
      <p class="govuk-body" aria-live="polite">
        Showing {measures.length} of {r.measures.length} measures.
      </p>
      <div class="app-table-wrap">
        <table class="govuk-table" aria-labelledby="measures">
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Measure
              </th>
              <th scope="col" class="govuk-table__header">
                Directorate
              </th>
              <th scope="col" class="govuk-table__header">
                Status
              </th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                Actual
              </th>
              <th scope="col" class="govuk-table__header">
                Trend on last quarter
              </th>
              <th scope="col" class="govuk-table__header">
                Trend on a year ago
              </th>
              <th scope="col" class="govuk-table__header">
                Last {trendQuarters} quarters
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {measures.map((m) => (
              <tr class="govuk-table__row" key={m.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={measureHref(m.id)}>
                    {m.title}
                  </a>
                </td>
                <td class="govuk-table__cell">{m.ownerDirectorate}</td>
                <td class="govuk-table__cell">
                  <StatusTag status={m.status} />
                  <SignOffNoteText measure={m} />
                </td>
                <td class="govuk-table__cell govuk-table__cell--numeric">
                  {m.actual === null ? 'No result' : formatValue(m.actual, m.unit)}
                </td>
                <td class="govuk-table__cell">{trendWords[m.trend.previousQuarter]}</td>
                <td class="govuk-table__cell">{trendWords[m.trend.sameQuarterLastYear]}</td>
                <td class="govuk-table__cell app-spark-cell">{m.quarters && <Sparkline points={m.quarters} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Downloads api={api} quarter={r.quarter} />
    </>
  );
}
