import type { Api } from '../api';
import { Loading, ProblemPage, SuccessBanner, useFocusHeading } from '../components';
import { PlanFilter } from '../components/plan-filter';
import { useFlash } from '../flash';
import { useData } from '../hooks/use-data';
import { readPages } from '../paging';
import { periodLabel, polarityWords } from '../words';

// Admins' list of every measure (docs/web-app.md "Admin: measures and planned work"):
// two pages of 500 at most, so the page stays within 3 API requests with GET /me.
const pagesRead = 2;

export const frequencyWords = { monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annual' } as const;

export function MeasureList({ api, plan }: { api: Api; plan?: string }) {
  const read = useData(() => readPages((next) => api.listMeasures({ limit: '500', next }), pagesRead), [api]);
  const banner = useFlash();
  const heading = useFocusHeading(read.data !== undefined, 'Measures');
  if (read.failed)
    return (
      <ProblemPage
        title="Sorry, the measures could not be loaded"
        detail={read.failed.problem.detail ?? 'The measures could not be loaded.'}
      />
    );
  if (!read.data) return <Loading />;
  const measures = read.data.pages.flatMap((p) => p.measures);
  const more = read.data.more;
  const plans = [...new Set(measures.map((m) => m.plan))].sort();
  const shown = plan ? measures.filter((m) => m.plan === plan) : measures;
  return (
    <>
      {banner && <SuccessBanner id="measures-banner" message={banner} />}
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        Measures
      </h1>
      <p class="govuk-body">
        <a class="govuk-button" href="/app/admin/measures/new" draggable={false}>
          Add a measure
        </a>
      </p>
      <PlanFilter label="Filter measures" listPath="/app/admin/measures" plans={plans} plan={plan ?? ''} />
      <p class="govuk-body" aria-live="polite">
        Showing {shown.length} of {measures.length} measures{more ? ' (the first 1,000: there are more)' : ''}.
      </p>
      <div class="app-table-wrap">
        <table class="govuk-table">
          <caption class="govuk-visually-hidden">Measures</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Measure
              </th>
              <th scope="col" class="govuk-table__header">
                ID
              </th>
              <th scope="col" class="govuk-table__header">
                Plan
              </th>
              <th scope="col" class="govuk-table__header">
                Programme
              </th>
              <th scope="col" class="govuk-table__header">
                Owner directorate
              </th>
              <th scope="col" class="govuk-table__header">
                Frequency
              </th>
              <th scope="col" class="govuk-table__header">
                Polarity
              </th>
              <th scope="col" class="govuk-table__header">
                State
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {shown.map((m) => (
              <tr class="govuk-table__row" key={m.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={`/app/admin/measures/${encodeURIComponent(m.id)}`}>
                    {m.title}
                  </a>
                </td>
                <td class="govuk-table__cell app-break-anywhere">{m.id}</td>
                <td class="govuk-table__cell">{m.plan}</td>
                <td class="govuk-table__cell">{m.programme}</td>
                <td class="govuk-table__cell">{m.ownerDirectorate}</td>
                <td class="govuk-table__cell">{frequencyWords[m.frequency]}</td>
                <td class="govuk-table__cell">{polarityWords[m.polarity]}</td>
                <td class="govuk-table__cell">
                  {m.retiredFrom ? `Retired from ${periodLabel(m.retiredFrom)}` : 'In use'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
