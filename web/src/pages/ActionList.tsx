import type { Api } from '../api';
import { Loading, ProblemPage, SuccessBanner, useFocusHeading } from '../components';
import { PlanFilter } from '../components/plan-filter';
import { useFlash } from '../flash';
import { useData } from '../hooks/use-data';
import { readPages } from '../paging';
import { periodLabel } from '../words';

// Admins' list of every item of planned work (docs/web-app.md "Admin: measures and
// planned work"): two pages of 500 at most, within 3 API requests with GET /me.
const pagesRead = 2;

const quarterWords = (q: string | undefined) => (q ? periodLabel(q) : 'Not set');

export function ActionList({ api, plan }: { api: Api; plan?: string }) {
  const read = useData(() => readPages((next) => api.listActions({ limit: '500', next }), pagesRead), [api]);
  const banner = useFlash();
  const heading = useFocusHeading(read.data !== undefined, 'Planned work');
  if (read.failed)
    return (
      <ProblemPage
        title="Sorry, the planned work could not be loaded"
        detail={read.failed.problem.detail ?? 'The planned work could not be loaded.'}
      />
    );
  if (!read.data) return <Loading />;
  const actions = read.data.pages.flatMap((p) => p.actions);
  const more = read.data.more;
  const plans = [...new Set(actions.map((a) => a.plan))].sort();
  const shown = plan ? actions.filter((a) => a.plan === plan) : actions;
  return (
    <>
      {banner && <SuccessBanner id="actions-banner" message={banner} />}
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        Planned work
      </h1>
      <p class="govuk-body">
        <a class="govuk-button" href="/app/admin/actions/new" draggable={false}>
          Add planned work
        </a>
      </p>
      <PlanFilter label="Filter planned work" listPath="/app/admin/actions" plans={plans} plan={plan ?? ''} />
      <p class="govuk-body" aria-live="polite">
        Showing {shown.length} of {actions.length} items{more ? ' (the first 1,000: there are more)' : ''}.
      </p>
      <div class="app-table-wrap">
        <table class="govuk-table">
          <caption class="govuk-visually-hidden">Planned work</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Planned work
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
                Start quarter
              </th>
              <th scope="col" class="govuk-table__header">
                Due quarter
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {shown.map((a) => (
              <tr class="govuk-table__row" key={a.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={`/app/admin/actions/${encodeURIComponent(a.id)}`}>
                    {a.title}
                  </a>
                  {a.retiredFrom && ` (retired from ${periodLabel(a.retiredFrom)})`}
                </td>
                <td class="govuk-table__cell app-break-anywhere">{a.id}</td>
                <td class="govuk-table__cell">{a.plan}</td>
                <td class="govuk-table__cell">{a.programme}</td>
                <td class="govuk-table__cell">{a.ownerDirectorate}</td>
                <td class="govuk-table__cell">{quarterWords(a.startQuarter)}</td>
                <td class="govuk-table__cell">{quarterWords(a.dueQuarter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
