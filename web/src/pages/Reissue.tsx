import type { Api } from '../api';
import { BusyButton, ErrorSummary, Loading, StatusTag, useFocusHeading, WarningText } from '../components';
import { Amendments, closeHref, Done, SummaryRow, WillBeEmailed, when } from '../components/close-report';
import { useFreeze, usePreview } from '../hooks/use-close';
import { periodLabel } from '../words';

// Reissue (admins, docs/web-app.md): the amendments a reissue of a closed quarter will
// include (the reissue-preview) and who will be emailed, then the one POST.

/** /app/reissue/{quarter}: the amendments a reissue will include, who will be emailed, then Reissue. */
export function Reissue({ api, quarter }: { api: Api; quarter: string }) {
  const { preview: report, notClosed, failed } = usePreview(api, quarter, true);
  const { answer, errors, busy, freeze: reissue } = useFreeze(() => api.reissueReport(quarter), 'reissue');
  const label = periodLabel(quarter);
  const title = notClosed ? `${label} is not closed` : `Reissue ${label}`;
  const heading = useFocusHeading((report !== undefined || notClosed === true) && !answer, title);
  if (failed) return <p class="govuk-body">{failed}</p>;
  if (answer) return <Done api={api} answer={answer} words="reissued" />;
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
      <WarningText>
        Reissuing freezes a new revision of the report and emails EMT again. It cannot be undone.
      </WarningText>
      <div class="govuk-button-group">
        <BusyButton id="reissue" busy={busy} onClick={reissue}>
          Reissue
        </BusyButton>
        <a class="govuk-link" href={closeHref(quarter)}>
          Cancel
        </a>
      </div>
    </>
  );
}
