import type { Amendment, Api, CloseAnswer, ClosedReport, FreezePreview } from '../api';
import { useEmailState } from '../hooks/use-close';
import { formatDateTime, formatNumber, periodLabel, statusWords } from '../words';
import { BusyButton, ErrorSummary, useFocusHeading, WarningText } from '.';
import { Downloads } from './report-downloads';
import { Table } from './table';
import { Who } from './who';

// What the Close quarter, its confirmation and the Reissue pages share (docs/web-app.md):
// the email they name, its state after the close (polled until it is sent), the frozen
// report's links and the amendments table.

export const closeHref = (quarter: string) => `/app/close/${encodeURIComponent(quarter)}`;
export const reissueHref = (quarter: string) => `/app/reissue/${encodeURIComponent(quarter)}`;
const dashboardHref = (quarter: string) => `/app/dashboard?quarter=${encodeURIComponent(quarter)}`;

export const when = (at: string | null | undefined) => (at ? formatDateTime(at) : '');

export function Recipients({ to }: { to: string[] }) {
  return (
    <ul class="govuk-list govuk-list--bullet app-wrap">
      {to.map((address) => (
        <li key={address}>{address}</li>
      ))}
    </ul>
  );
}

/** The email a close or reissue would send, from its preview. */
export function WillBeEmailed({ email }: { email: FreezePreview['email'] }) {
  return (
    <>
      <h2 class="govuk-heading-m">Who will be emailed</h2>
      <Recipients to={email.recipients} />
      <dl class="govuk-summary-list">
        <SummaryRow label="Subject">
          <span id="email-subject">{email.subject}</span>
        </SummaryRow>
      </dl>
    </>
  );
}

/**
 * The email a close or reissue queued: "being sent" until the mailer sends it (the page
 * asks GET /reports/{quarter}/email at most once a second until it is sent or failed),
 * then its subject, recipients and when it went; a failed send offers Send again.
 */
export function EmailStatus({ api, answer, words }: { api: Api; answer: CloseAnswer; words: string }) {
  const { email, sendAgain, busy, problem } = useEmailState(api, answer.quarter, answer.email);
  return (
    <>
      <ErrorSummary errors={problem ? [{ field: 'send-again', message: problem }] : []} />
      <h2 class="govuk-heading-m">{email.state === 'sent' ? 'Email sent' : 'Email to EMT'}</h2>
      <div aria-live="polite">
        {email.state === 'queued' && (
          <p class="govuk-body" id="email-state">
            {words}. The email to EMT is being sent.
          </p>
        )}
        {email.state === 'sent' && (
          <p class="govuk-body" id="email-state">
            The email to EMT was sent on {when(email.sentAt)}.
          </p>
        )}
        {email.state === 'failed' && (
          <WarningText id="email-state">
            The email to EMT failed{email.error ? ` (${email.error})` : ''}.{' '}
            {email.gaveUp ? 'It will not be tried again on its own.' : 'It is tried again on its own.'}
          </WarningText>
        )}
      </div>
      {email.state === 'failed' && (
        <BusyButton id="send-again" busy={busy} onClick={sendAgain}>
          Send again
        </BusyButton>
      )}
      <dl class="govuk-summary-list">
        <SummaryRow label="Subject">
          <span id="sent-subject">{email.subject}</span>
        </SummaryRow>
        <SummaryRow label="To">
          <Recipients to={email.to} />
        </SummaryRow>
        {email.sentAt && <SummaryRow label="Sent">{when(email.sentAt)}</SummaryRow>}
      </dl>
    </>
  );
}

export function FrozenReportLinks({ api, quarter }: { api: Api; quarter: string }) {
  return (
    <>
      <h2 class="govuk-heading-m">The frozen report</h2>
      <p class="govuk-body">
        <a class="govuk-link" href={dashboardHref(quarter)}>
          See {periodLabel(quarter)} on the dashboard
        </a>
      </p>
      <Downloads api={api} quarter={quarter} />
    </>
  );
}

/** After a close or reissue: the panel, its email's state and the frozen report. */
export function Done({ api, answer, words }: { api: Api; answer: CloseAnswer; words: 'closed' | 'reissued' }) {
  const title = `${periodLabel(answer.quarter)} is ${words}`;
  const heading = useFocusHeading(true, title);
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        <div class="govuk-panel__body">Revision {answer.revision ?? 1} of the report is frozen</div>
      </div>
      <EmailStatus api={api} answer={answer} words={words === 'closed' ? 'Closed' : 'Reissued'} />
      <FrozenReportLinks api={api} quarter={answer.quarter} />
    </>
  );
}

export function SummaryRow({ label, children }: { label: string; children: unknown }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children as never}</dd>
    </div>
  );
}

/** What changed after the close: measure or planned work, frozen → now, who, when. */
export function Amendments({ report, amendments }: { report: ClosedReport; amendments: Amendment[] }) {
  if (amendments.length === 0) return <p class="govuk-body">No amendments since the close.</p>;
  const titleOf = (a: Amendment) =>
    (a.kind === 'result' ? report.measures : report.actions).find((x) => x.id === a.id)?.title ?? a.id;
  const valueWords = (a: Amendment, frozen: boolean) => {
    if (a.kind === 'result') return formatNumber(frozen ? a.frozenValue : a.value);
    const status = frozen ? a.frozenStatus : a.status;
    return status ? (statusWords[status as keyof typeof statusWords] ?? status) : 'No update';
  };
  return (
    <Table
      caption={`${amendments.length} amendment${amendments.length === 1 ? '' : 's'} the reissue will include`}
      captionClass="govuk-table__caption--s"
      columns={['Measure or planned work', 'Frozen', 'Now', 'Changed by', 'When']}
    >
      {amendments.map((a) => (
        <tr class="govuk-table__row" key={`${a.kind}:${a.id}:${a.period}`}>
          <th scope="row" class="govuk-table__header">
            {titleOf(a)} ({periodLabel(a.period)})
          </th>
          <td class="govuk-table__cell">{valueWords(a, true)}</td>
          <td class="govuk-table__cell">{valueWords(a, false)}</td>
          <td class="govuk-table__cell app-wrap">
            <Who by={a} />
          </td>
          <td class="govuk-table__cell">{when(a.at)}</td>
        </tr>
      ))}
    </Table>
  );
}
