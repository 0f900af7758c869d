import { useState } from 'preact/hooks';
import type { Amendment, Api, CloseAnswer, ClosedReport, FreezePreview } from '../api';
import { ErrorSummary, type FieldError, Loading, QuarterSelect, StatusTag, useFocusHeading } from '../components';
import { Downloads } from '../components/report-downloads';
import { useData } from '../hooks/use-data';
import { navigate } from '../router';
import { formatDate, formatDateTime, formatNumber, periodLabel, statusWords } from '../words';

// Close quarter and Reissue (admins, docs/web-app.md): a confirmation page says what will
// be frozen and who will be emailed before the one POST; a closed quarter offers Reissue
// with the amendments it will include. Both pages show the close-preview (reissue-preview):
// what the same function the close calls would freeze now, so the page and the close agree.

export const closeHref = (quarter: string) => `/app/close/${encodeURIComponent(quarter)}`;
export const reissueHref = (quarter: string) => `/app/reissue/${encodeURIComponent(quarter)}`;
const dashboardHref = (quarter: string) => `/app/dashboard?quarter=${encodeURIComponent(quarter)}`;

const when = (at: string | null | undefined) => (at ? formatDateTime(at) : '');

/** /app/close: pick the quarter (opening on the latest not closed), then its confirmation page. */
export function CloseQuarter({ api }: { api: Api }) {
  const [quarter, setQuarter] = useState('');
  const loaded = useData(
    () =>
      api.returns({}).then((answer) => {
        if (answer.ok) setQuarter(answer.data.quarter ?? answer.data.quarters[0]?.quarter ?? '');
        return answer;
      }),
    [api],
  );
  const returns = loaded.data;
  const heading = useFocusHeading(returns !== undefined, 'Close quarter');
  if (loaded.failed)
    return <p class="govuk-body">{loaded.failed.problem.detail ?? 'The quarters could not be loaded.'}</p>;
  if (!returns) return <Loading />;
  const next = (event: Event) => {
    event.preventDefault();
    if (quarter) navigate(closeHref(quarter));
  };
  return (
    <>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        Close quarter
      </h1>
      <p class="govuk-body">
        Closing freezes a quarter's report and emails it to EMT. The schedule closes each quarter on its own; close one
        here to do it now. The next page shows what will be frozen and who will be emailed before anything happens.
      </p>
      {returns.quarters.length === 0 ? (
        <p class="govuk-body">No quarter has targets yet.</p>
      ) : (
        <form onSubmit={next} noValidate>
          <QuarterSelect quarters={returns.quarters} value={quarter} onChange={setQuarter} />
          <button type="submit" class="govuk-button">
            Continue
          </button>
        </form>
      )}
    </>
  );
}

/** What the close (reissue) would freeze now: the one request of the confirmation page. */
function usePreview(api: Api, quarter: string, reissue: boolean) {
  const loaded = useData(
    () => (reissue ? api.reissuePreview(quarter) : api.closePreview(quarter)),
    [api, quarter, reissue],
  );
  const failed = loaded.failed;
  if (failed && reissue && failed.status === 409) return { notClosed: true };
  if (failed) return { failed: failed.problem.detail ?? 'The report could not be loaded.' };
  return { preview: loaded.data };
}

function Recipients({ to }: { to: string[] }) {
  return (
    <ul class="govuk-list govuk-list--bullet app-wrap">
      {to.map((address) => (
        <li key={address}>{address}</li>
      ))}
    </ul>
  );
}

/** The email a close or reissue would send, from its preview. */
function WillBeEmailed({ email }: { email: FreezePreview['email'] }) {
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

/** The email a close or reissue queued, from its answer: the mailer sends it after the close (docs/architecture.md). */
function SentEmail({ answer }: { answer: CloseAnswer }) {
  const { email } = answer;
  return (
    <>
      <h2 class="govuk-heading-m">{email.state === 'sent' ? 'Email sent' : 'Email to EMT'}</h2>
      {email.state === 'queued' && (
        <p class="govuk-body" id="email-state">
          Closed. The email to EMT is being sent.
        </p>
      )}
      {email.state === 'failed' && (
        <p class="govuk-body" id="email-state">
          The email to EMT could not be sent yet{email.error ? ` (${email.error})` : ''}. It is tried again on its own.
        </p>
      )}
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Subject</dt>
          <dd class="govuk-summary-list__value" id="sent-subject">
            {email.subject}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">To</dt>
          <dd class="govuk-summary-list__value">
            <Recipients to={email.to} />
          </dd>
        </div>
        {email.sentAt && (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Sent</dt>
            <dd class="govuk-summary-list__value">{when(email.sentAt)}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

function FrozenReportLinks({ api, quarter }: { api: Api; quarter: string }) {
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

function Done({ api, answer, words }: { api: Api; answer: CloseAnswer; words: string }) {
  const title = `${periodLabel(answer.quarter)} ${words}`;
  const heading = useFocusHeading(true, title);
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        <div class="govuk-panel__body">Revision {answer.revision ?? 1} of the report is frozen</div>
      </div>
      <SentEmail answer={answer} />
      <FrozenReportLinks api={api} quarter={answer.quarter} />
    </>
  );
}

function SummaryRow({ label, children }: { label: string; children: unknown }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children as never}</dd>
    </div>
  );
}

const problemOf = (detail: string | undefined, field: string): FieldError[] => [
  { field, message: detail ?? 'The service did not answer. Try again.' },
];

/** /app/close/{quarter}: the confirmation page before the close, or the closed state with Reissue. */
export function CloseConfirm({ api, quarter }: { api: Api; quarter: string }) {
  const { preview: report, failed } = usePreview(api, quarter, false);
  const [answer, setAnswer] = useState<CloseAnswer | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const label = periodLabel(quarter);
  const title = report?.alreadyClosed ? `${label} is closed` : `Close ${label}`;
  const heading = useFocusHeading(report !== undefined && !answer, title);
  if (failed) return <p class="govuk-body">{failed}</p>;
  if (answer) return <Done api={api} answer={answer} words="is closed" />;
  if (!report) return <Loading />;
  // Closing a closed quarter again sends its email if it has not gone out, and nothing else.
  const close = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api.closeReport(quarter, report.closedEarly);
    setBusy(false);
    if (result.ok) setAnswer(result.data);
    else setErrors(problemOf(result.problem.detail, 'close-quarter'));
  };

  if (report.alreadyClosed)
    return (
      <>
        <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        <p class="govuk-body">
          Closed on {when(report.closedAt)}. The report is at revision {report.revision ?? 1}.
        </p>
        {report.emailedAt ? (
          <p class="govuk-body">The email to EMT went out on {when(report.emailedAt)}.</p>
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                The email to EMT has not gone out yet (it could not be sent, or another close is sending it).
              </strong>
            </div>
            <button
              type="button"
              class="govuk-button"
              id="close-quarter"
              disabled={busy}
              aria-disabled={busy}
              onClick={close}
            >
              Send the email
            </button>
          </>
        )}
        <FrozenReportLinks api={api} quarter={quarter} />
        <h2 class="govuk-heading-m">Amendments since the close</h2>
        <Amendments report={report} amendments={report.amendments ?? []} />
        <p class="govuk-body">Reissue the report to freeze a new revision with the amendments and email EMT again.</p>
        <a class="govuk-button" href={reissueHref(quarter)} draggable={false}>
          Reissue
        </a>
      </>
    );

  const missing = report.missingReturns;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p class="govuk-body">Check what will be frozen and who will be emailed.</p>
      <h2 class="govuk-heading-m">What will be frozen</h2>
      <dl class="govuk-summary-list">
        <SummaryRow label="Quarter">{label}</SummaryRow>
        <SummaryRow label="Overall status">
          <StatusTag status={report.overall} />
        </SummaryRow>
        <SummaryRow label="Measures">{report.measures.length}</SummaryRow>
        <SummaryRow label="Planned work">{report.actions.length}</SummaryRow>
        <SummaryRow label="Critical items">{report.criticalItems.length}</SummaryRow>
      </dl>
      <h3 class="govuk-heading-s">Missing returns</h3>
      {missing.length === 0 ? (
        <p class="govuk-body">Every return is in.</p>
      ) : (
        missing.map((d) => (
          <div key={d.directorate}>
            <h4 class="govuk-heading-s">
              {d.directorate}: {d.measures.length + d.actions.length} missing
            </h4>
            <ul class="govuk-list govuk-list--bullet">
              {d.measures.map((m) => (
                <li key={m.id}>Measure: {m.title}</li>
              ))}
              {d.actions.map((a) => (
                <li key={a.id}>Planned work: {a.title}</li>
              ))}
            </ul>
          </div>
        ))
      )}
      <WillBeEmailed email={report.email} />
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          Closing cannot be undone. A change after the close is an amendment, sent to EMT only when the report is
          reissued.
        </strong>
      </div>
      {report.closedEarly && (
        <p class="govuk-body govuk-!-font-weight-bold" id="close-early">
          This quarter ends on {formatDate(report.endsOn)}. Close it early?
        </p>
      )}
      <div class="govuk-button-group">
        <button
          type="button"
          class="govuk-button"
          id="close-quarter"
          disabled={busy}
          aria-disabled={busy}
          onClick={close}
        >
          {report.closedEarly ? 'Close it early' : 'Close quarter'}
        </button>
        <a class="govuk-link" href="/app/close">
          Cancel
        </a>
      </div>
    </>
  );
}

/** What changed after the close: measure or planned work, frozen → now, who, when. */
function Amendments({ report, amendments }: { report: ClosedReport; amendments: Amendment[] }) {
  if (amendments.length === 0) return <p class="govuk-body">No amendments since the close.</p>;
  const titleOf = (a: Amendment) =>
    (a.kind === 'result' ? report.measures : report.actions).find((x) => x.id === a.id)?.title ?? a.id;
  const valueWords = (a: Amendment, frozen: boolean) => {
    if (a.kind === 'result') return formatNumber(frozen ? a.frozenValue : a.value);
    const status = frozen ? a.frozenStatus : a.status;
    return status ? (statusWords[status as keyof typeof statusWords] ?? status) : 'No update';
  };
  return (
    <div class="app-table-wrap">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          {amendments.length} amendment{amendments.length === 1 ? '' : 's'} the reissue will include
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Measure or planned work
            </th>
            <th scope="col" class="govuk-table__header">
              Frozen
            </th>
            <th scope="col" class="govuk-table__header">
              Now
            </th>
            <th scope="col" class="govuk-table__header">
              Changed by
            </th>
            <th scope="col" class="govuk-table__header">
              When
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {amendments.map((a) => (
            <tr class="govuk-table__row" key={`${a.kind}:${a.id}:${a.period}`}>
              <th scope="row" class="govuk-table__header">
                {titleOf(a)} ({periodLabel(a.period)})
              </th>
              <td class="govuk-table__cell">{valueWords(a, true)}</td>
              <td class="govuk-table__cell">{valueWords(a, false)}</td>
              <td class="govuk-table__cell app-wrap">{a.by ?? 'Not recorded'}</td>
              <td class="govuk-table__cell">{when(a.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /app/reissue/{quarter}: the amendments a reissue will include, who will be emailed, then Reissue. */
export function Reissue({ api, quarter }: { api: Api; quarter: string }) {
  const { preview: report, notClosed, failed } = usePreview(api, quarter, true);
  const [answer, setAnswer] = useState<CloseAnswer | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const label = periodLabel(quarter);
  const title = notClosed ? `${label} is not closed` : `Reissue ${label}`;
  const heading = useFocusHeading((report !== undefined || notClosed === true) && !answer, title);
  if (failed) return <p class="govuk-body">{failed}</p>;
  if (answer) return <Done api={api} answer={answer} words="is reissued" />;
  if (notClosed)
    return (
      <>
        <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        <p class="govuk-body">Only a closed quarter can be reissued.</p>
        <p class="govuk-body">
          <a class="govuk-link" href={closeHref(quarter)}>
            Close {label}
          </a>
        </p>
      </>
    );
  if (!report) return <Loading />;
  const reissue = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api.reissueReport(quarter);
    setBusy(false);
    if (result.ok) setAnswer(result.data);
    else setErrors(problemOf(result.problem.detail, 'reissue'));
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p class="govuk-body">
        Revision {(report.revision ?? 2) - 1} was frozen when the quarter closed on {when(report.closedAt)}. The reissue
        freezes revision {report.revision ?? 2}.
      </p>
      <h2 class="govuk-heading-m">What the reissue will include</h2>
      <Amendments report={report} amendments={report.included ?? []} />
      <dl class="govuk-summary-list">
        <SummaryRow label="Overall status">
          <StatusTag status={report.overall} />
        </SummaryRow>
        <SummaryRow label="Critical items">{report.criticalItems.length}</SummaryRow>
      </dl>
      <WillBeEmailed email={report.email} />
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          Reissuing freezes a new revision of the report and emails EMT again. It cannot be undone.
        </strong>
      </div>
      <div class="govuk-button-group">
        <button type="button" class="govuk-button" id="reissue" disabled={busy} aria-disabled={busy} onClick={reissue}>
          Reissue
        </button>
        <a class="govuk-link" href={closeHref(quarter)}>
          Cancel
        </a>
      </div>
    </>
  );
}
