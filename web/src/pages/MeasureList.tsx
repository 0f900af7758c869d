import { useEffect, useState } from 'preact/hooks';
import type { MeasureDefinition } from '../../../lambdas/domain/types';
import type { Api } from '../api';
import { Loading, ProblemPage, SuccessBanner, useFocusHeading } from '../components';
import { periodLabel, polarityWords } from '../words';
import { PlanFilter, readPages, takeAdminFlash } from './definition-admin';

// Admins' list of every measure (docs/web-app.md "Admin: measures and planned work"):
// two pages of 500 at most, so the page stays within 3 API requests with GET /me.
const pagesRead = 2;

export const frequencyWords = { monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annual' } as const;

export function MeasureList({ api, plan }: { api: Api; plan?: string }) {
  const [measures, setMeasures] = useState<MeasureDefinition[] | null>(null);
  const [more, setMore] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [banner] = useState(takeAdminFlash);
  const heading = useFocusHeading(measures !== null, 'Measures');
  useEffect(() => {
    readPages((next) => api.listMeasures({ limit: '500', next }), pagesRead).then((read) => {
      if (!read.ok) return setFailed(read.problem.detail ?? 'The measures could not be loaded.');
      setMeasures(read.pages.flatMap((p) => p.measures));
      setMore(read.more);
    });
  }, [api]);
  if (failed) return <ProblemPage title="Sorry, the measures could not be loaded" detail={failed} />;
  if (!measures) return <Loading />;
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
