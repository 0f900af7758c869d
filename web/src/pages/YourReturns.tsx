import type { Api, ReturnState } from '../api';
import { Loading, ProblemPage, StatusTag, SuccessBanner, useFocusHeading } from '../components';
import { QuarterPicker } from '../components/quarter-picker';
import { TableHead } from '../components/table';
import { useFlash } from '../flash';
import { useData } from '../hooks/use-data';
import { navigate } from '../router';
import { periodLabel, stateWords } from '../words';

function State({
  state,
  status,
  reason,
}: {
  state: ReturnState;
  status: Parameters<typeof StatusTag>[0]['status'] | null;
  reason?: string | null | undefined;
}) {
  return (
    <>
      {state === 'returned' ? <strong class="govuk-tag app-tag--red">{stateWords[state]}</strong> : stateWords[state]}
      {status && state !== 'not-started' && (
        <>
          {' '}
          <StatusTag status={status} />
        </>
      )}
      {/* Sign-off (docs/sign-off.md): the approver's reason, so the officer knows what to correct. */}
      {state === 'returned' && reason && (
        <p class="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-0">Reason: {reason}</p>
      )}
    </>
  );
}

/** Returns sent back by an approver first (they need the officer's attention), otherwise in the API's order. */
const returnedFirst = <T extends { state: ReturnState }>(rows: readonly T[]): T[] => [
  ...rows.filter((row) => row.state === 'returned'),
  ...rows.filter((row) => row.state !== 'returned'),
];

const href = {
  measure: (id: string, period: string) =>
    `/app/measures/${encodeURIComponent(id)}/results/${encodeURIComponent(period)}`,
  action: (id: string, quarter: string) =>
    `/app/actions/${encodeURIComponent(id)}/updates/${encodeURIComponent(quarter)}`,
};

export function YourReturns({ api, quarter }: { api: Api; quarter: string | undefined }) {
  const returns = useData(() => api.returns({ quarter }), [api, quarter]);
  const message = useFlash();
  const heading = useFocusHeading(returns.data !== undefined, 'Your returns', !message);
  if (returns.failed)
    return <ProblemPage title="Sorry, there is a problem" detail={returns.failed.problem.detail ?? ''} />;
  if (!returns.data) return <Loading />;
  const r = returns.data;
  return (
    <>
      {message && <SuccessBanner key={message} id="saved-title" message={message} />}
      <span class="govuk-caption-l">
        {r.directorate ?? 'Every directorate'}
        {r.quarter ? `, ${periodLabel(r.quarter)}` : ''}
      </span>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        Your returns
      </h1>
      <QuarterPicker
        quarters={r.quarters}
        quarter={r.quarter ?? ''}
        button="Show returns"
        onShow={(q) => navigate(`/app/?quarter=${encodeURIComponent(q)}`)}
      />
      {r.closed && (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            This quarter is closed: ask the performance team to amend a return.
          </strong>
        </div>
      )}
      <ul class="govuk-list app-counts" aria-label="Counts">
        <li>
          <strong>{r.counts['not-started']}</strong> {stateWords['not-started']}
        </li>
        <li>
          <strong>{r.counts['needs-commentary']}</strong> {stateWords['needs-commentary']}
        </li>
        <li>
          <strong>{r.counts.saved}</strong> {stateWords.saved}
        </li>
        {(['awaiting-sign-off', 'returned'] as const)
          .filter((state) => r.counts[state] > 0)
          .map((state) => (
            <li key={state}>
              <strong>{r.counts[state]}</strong> {stateWords[state]}
            </li>
          ))}
      </ul>
      <div class="app-table-wrap">
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Measures</caption>
          <TableHead columns={['Measure', 'State']} />
          <tbody class="govuk-table__body">
            {r.measures.length === 0 && (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell" colSpan={2}>
                  No measures take a return this quarter.
                </td>
              </tr>
            )}
            {returnedFirst(r.measures).map((m) => (
              <tr class="govuk-table__row" key={m.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={href.measure(m.id, m.period)}>
                    {m.title}
                  </a>
                </td>
                <td class="govuk-table__cell">
                  <State state={m.state} status={m.status} reason={m.reason} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Planned work</caption>
          <TableHead columns={['Planned work', 'State']} />
          <tbody class="govuk-table__body">
            {r.actions.length === 0 && (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell" colSpan={2}>
                  No planned work is due this quarter.
                </td>
              </tr>
            )}
            {returnedFirst(r.actions).map((a) => (
              <tr class="govuk-table__row" key={a.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={href.action(a.id, r.quarter ?? '')}>
                    {a.title}
                  </a>
                </td>
                <td class="govuk-table__cell">
                  <State state={a.state} status={a.status} reason={a.reason} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
