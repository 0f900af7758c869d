import type { Api, ReturnState } from '../api';
import { Loading, ProblemPage, StatusTag, SuccessBanner, useFocusHeading, WarningText } from '../components';
import { QuarterPicker } from '../components/quarter-picker';
import { ScopeCaption } from '../components/scope-caption';
import { StackCell, TableHead, TableScroll } from '../components/table';
import { UserText } from '../components/user-text';
import { useFlash } from '../flash';
import { useData } from '../hooks/use-data';
import { fill, useWords } from '../i18n';
import { navigate } from '../router';
import { stateWords } from '../words';

function State({
  state,
  status,
  reason,
}: {
  state: ReturnState;
  status: Parameters<typeof StatusTag>[0]['status'] | null;
  reason?: string | null | undefined;
}) {
  const { t } = useWords();
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
        <p class="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-0">
          {fill(t.forms.returns.reason, { reason })}
        </p>
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

/** One table of returns (measures or planned work): title as a link, then its state; rows stack on a phone. */
function ReturnsTable(props: {
  caption: string;
  column: string;
  empty: string;
  rows: {
    id: string;
    title: string;
    href: string;
    state: ReturnState;
    status: Parameters<typeof StatusTag>[0]['status'] | null;
    reason?: string | null | undefined;
  }[];
}) {
  const w = useWords().t.forms.returns;
  return (
    <TableScroll>
      <table class="govuk-table app-stack-table">
        <caption class="govuk-table__caption govuk-table__caption--m">{props.caption}</caption>
        <TableHead columns={[props.column, w.state]} />
        <tbody class="govuk-table__body">
          {props.rows.length === 0 && (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" colSpan={2}>
                {props.empty}
              </td>
            </tr>
          )}
          {returnedFirst(props.rows).map((row) => (
            <tr class="govuk-table__row" key={row.id}>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={row.href}>
                  <UserText en={row.title} />
                </a>
              </td>
              <StackCell label={w.state}>
                <State state={row.state} status={row.status} reason={row.reason} />
              </StackCell>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function YourReturns({ api, quarter }: { api: Api; quarter: string | undefined }) {
  const { t } = useWords();
  const w = t.forms.returns;
  const returns = useData(() => api.returns({ quarter }), [api, quarter]);
  const message = useFlash();
  const heading = useFocusHeading(returns.data !== undefined, w.heading, !message);
  if (returns.failed)
    return <ProblemPage title={t.problems.problemTitle} detail={returns.failed.problem.detail ?? ''} />;
  if (!returns.data) return <Loading />;
  const r = returns.data;
  return (
    <>
      {message && <SuccessBanner key={message} id="saved-title" message={message} />}
      <ScopeCaption directorate={r.directorate} quarter={r.quarter} every={w.everyDirectorate} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {w.heading}
      </h1>
      <QuarterPicker
        quarters={r.quarters}
        quarter={r.quarter ?? ''}
        button={w.show}
        onShow={(q) => navigate(`/app/?quarter=${encodeURIComponent(q)}`)}
      />
      {r.closed && <WarningText>{w.closed}</WarningText>}
      <ul class="govuk-list app-counts" aria-label={w.counts}>
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
      <ReturnsTable
        caption={w.measures}
        column={w.measure}
        empty={w.noMeasures}
        rows={r.measures.map((m) => ({ ...m, href: href.measure(m.id, m.period) }))}
      />
      <ReturnsTable
        caption={w.plannedWork}
        column={w.plannedWork}
        empty={w.noPlannedWork}
        rows={r.actions.map((a) => ({ ...a, href: href.action(a.id, r.quarter ?? '') }))}
      />
    </>
  );
}
