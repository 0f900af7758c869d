import type { Amendment, Api, CloseAnswer, ClosedReport, FreezePreview } from '../api';
import { useEmailState } from '../hooks/use-close';
import { fill, useWords } from '../i18n';
import { formatDateTime, formatNumber, periodLabel, statusWords } from '../words';
import { BusyButton, ErrorSummary, useFocusHeading, WarningText } from '.';
import { Downloads } from './report-downloads';
import { SummaryRow } from './summary-row';
import { StackCell, Table } from './table';
import { EmailSubject } from './user-text';
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
  const w = useWords().t.dashboard.close;
  return (
    <>
      <h2 class="govuk-heading-m">{w.whoWillBeEmailed}</h2>
      <Recipients to={email.recipients} />
      <dl class="govuk-summary-list">
        <SummaryRow label={w.subject}>
          <span id="email-subject">
            <EmailSubject email={email} />
          </span>
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
export function EmailStatus({
  api,
  answer,
  beingSent,
}: {
  api: Api;
  answer: CloseAnswer;
  /** "Closed. The email to EMT is being sent." (or "Reissued. …") */
  beingSent: string;
}) {
  const w = useWords().t.dashboard.close;
  const { email, sendAgain, busy, problem } = useEmailState(api, answer.quarter, answer.email);
  return (
    <>
      <ErrorSummary errors={problem ? [{ field: 'send-again', message: problem }] : []} />
      <h2 class="govuk-heading-m">{email.state === 'sent' ? w.emailSent : w.emailToEmt}</h2>
      <div aria-live="polite">
        {email.state === 'queued' && (
          <p class="govuk-body" id="email-state">
            {beingSent}
          </p>
        )}
        {email.state === 'sent' && (
          <p class="govuk-body" id="email-state">
            {fill(w.sentOn, { date: when(email.sentAt) })}
          </p>
        )}
        {email.state === 'failed' && (
          <WarningText id="email-state">
            {fill(w.failed, { reason: email.error ? ` (${email.error})` : '' })}{' '}
            {email.gaveUp ? w.gaveUp : w.triedAgain}
          </WarningText>
        )}
      </div>
      {email.state === 'failed' && (
        <BusyButton id="send-again" busy={busy} onClick={sendAgain}>
          {w.sendAgain}
        </BusyButton>
      )}
      <dl class="govuk-summary-list">
        <SummaryRow label={w.subject}>
          <span id="sent-subject">
            <EmailSubject email={email} />
          </span>
        </SummaryRow>
        <SummaryRow label={w.to}>
          <Recipients to={email.to} />
        </SummaryRow>
        {email.sentAt && <SummaryRow label={w.sent}>{when(email.sentAt)}</SummaryRow>}
      </dl>
    </>
  );
}

export function FrozenReportLinks({ api, quarter }: { api: Api; quarter: string }) {
  const w = useWords().t.dashboard.close;
  return (
    <>
      <h2 class="govuk-heading-m">{w.frozenReport}</h2>
      <p class="govuk-body">
        <a class="govuk-link" href={dashboardHref(quarter)}>
          {fill(w.seeOnDashboard, { quarter: periodLabel(quarter) })}
        </a>
      </p>
      <Downloads api={api} quarter={quarter} />
    </>
  );
}

/** After a close or reissue: the panel, its email's state and the frozen report. */
export function Done({ api, answer, words }: { api: Api; answer: CloseAnswer; words: 'closed' | 'reissued' }) {
  const w = useWords().t.dashboard.close;
  const closed = words === 'closed';
  const title = fill(closed ? w.closedTitle : w.reissuedTitle, { quarter: periodLabel(answer.quarter) });
  const heading = useFocusHeading(true, title);
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        <div class="govuk-panel__body">{fill(w.revisionIsFrozen, { revision: answer.revision ?? 1 })}</div>
      </div>
      <EmailStatus api={api} answer={answer} beingSent={closed ? w.closedBeingSent : w.reissuedBeingSent} />
      <FrozenReportLinks api={api} quarter={answer.quarter} />
    </>
  );
}

/** What changed after the close: measure or planned work, frozen → now, who, when. */
export function Amendments({ report, amendments }: { report: ClosedReport; amendments: Amendment[] }) {
  const { t } = useWords();
  const w = t.dashboard.close;
  if (amendments.length === 0) return <p class="govuk-body">{w.noAmendments}</p>;
  const titleOf = (a: Amendment) =>
    (a.kind === 'result' ? report.measures : report.actions).find((x) => x.id === a.id)?.title ?? a.id;
  const valueWords = (a: Amendment, frozen: boolean) => {
    if (a.kind === 'result') {
      const value = frozen ? a.frozenValue : a.value;
      return value == null ? t.dashboard.noResult : formatNumber(value);
    }
    const status = frozen ? a.frozenStatus : a.status;
    return status ? (statusWords[status as keyof typeof statusWords] ?? status) : w.noUpdate;
  };
  return (
    <Table
      caption={fill(amendments.length === 1 ? w.amendmentsOne : w.amendmentsMany, { n: amendments.length })}
      captionClass="govuk-table__caption--s"
      columns={[w.measureOrWork, w.frozen, w.now, w.changedBy, w.when]}
      stack
    >
      {amendments.map((a) => (
        <tr class="govuk-table__row" key={`${a.kind}:${a.id}:${a.period}`}>
          <th scope="row" class="govuk-table__header">
            {titleOf(a)} ({periodLabel(a.period)})
          </th>
          <StackCell label={w.frozen}>{valueWords(a, true)}</StackCell>
          <StackCell label={w.now}>{valueWords(a, false)}</StackCell>
          <StackCell label={w.changedBy} class="app-wrap">
            <Who by={a} />
          </StackCell>
          <StackCell label={w.when}>{when(a.at)}</StackCell>
        </tr>
      ))}
    </Table>
  );
}
