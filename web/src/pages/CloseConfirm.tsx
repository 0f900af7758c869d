import type { Api } from '../api';
import { BusyButton, ErrorSummary, Loading, StatusTag, useFocusHeading, WarningText } from '../components';
import {
  Amendments,
  Done,
  FrozenReportLinks,
  reissueHref,
  SummaryRow,
  WillBeEmailed,
  when,
} from '../components/close-report';
import { useFreeze, usePreview } from '../hooks/use-close';
import { formatDate, periodLabel } from '../words';

// The close's confirmation page (admins, docs/web-app.md): the close-preview, what the
// same function the close calls would freeze now, so the page and the close agree; then
// the closed quarter, its email's state and Reissue.

/** /app/close/{quarter}: the confirmation page before the close, or the closed state with Reissue. */
export function CloseConfirm({ api, quarter }: { api: Api; quarter: string }) {
  const { preview: report, failed } = usePreview(api, quarter, false);
  // Closing a closed quarter again sends its email if it has not gone out, and nothing else.
  const {
    answer,
    errors,
    busy,
    freeze: close,
  } = useFreeze(() => api.closeReport(quarter, report?.closedEarly), 'close-quarter');
  const label = periodLabel(quarter);
  const title = report?.alreadyClosed ? `${label} is closed` : `Close ${label}`;
  const heading = useFocusHeading(report !== undefined && !answer, title);
  if (failed) return <p class="govuk-body">{failed}</p>;
  if (answer) return <Done api={api} answer={answer} words="closed" />;
  if (!report) return <Loading />;

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
            <WarningText>
              The email to EMT has not gone out yet (it could not be sent, or another close is sending it).
            </WarningText>
            <BusyButton id="close-quarter" busy={busy} onClick={close}>
              Send the email
            </BusyButton>
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
      <WarningText>
        Closing cannot be undone. A change after the close is an amendment, sent to EMT only when the report is
        reissued.
      </WarningText>
      {report.closedEarly && (
        <p class="govuk-body govuk-!-font-weight-bold" id="close-early">
          This quarter ends on {formatDate(report.endsOn)}. Close it early?
        </p>
      )}
      <div class="govuk-button-group">
        <BusyButton id="close-quarter" busy={busy} onClick={close}>
          {report.closedEarly ? 'Close it early' : 'Close quarter'}
        </BusyButton>
        <a class="govuk-link" href="/app/close">
          Cancel
        </a>
      </div>
    </>
  );
}
