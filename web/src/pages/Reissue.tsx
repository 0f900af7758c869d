import type { Api } from '../api';
import { BusyButton, ErrorSummary, Loading, StatusTag, useFocusHeading, WarningText } from '../components';
import { Amendments, closeHref, Done, WillBeEmailed, when } from '../components/close-report';
import { SummaryRow } from '../components/summary-row';
import { useFreeze, usePreview } from '../hooks/use-close';
import { fill, useWords } from '../i18n';
import { periodLabel } from '../words';

// Reissue (admins, docs/web-app.md): the amendments a reissue of a closed quarter will
// include (the reissue-preview) and who will be emailed, then the one POST.

/** /app/reissue/{quarter}: the amendments a reissue will include, who will be emailed, then Reissue. */
export function Reissue({ api, quarter }: { api: Api; quarter: string }) {
  const { t } = useWords();
  const w = t.dashboard.close;
  const { preview: report, notClosed, failed } = usePreview(api, quarter, true);
  const { answer, errors, busy, freeze: reissue } = useFreeze(() => api.reissueReport(quarter), 'reissue');
  const label = periodLabel(quarter);
  const title = fill(notClosed ? w.notClosedTitle : w.reissueTitle, { quarter: label });
  const heading = useFocusHeading((report !== undefined || notClosed === true) && !answer, title);
  if (failed) return <p class="govuk-body">{failed}</p>;
  if (answer) return <Done api={api} answer={answer} words="reissued" />;
  if (notClosed)
    return (
      <>
        <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        <p class="govuk-body">{w.onlyClosed}</p>
        <p class="govuk-body">
          <a class="govuk-link" href={closeHref(quarter)}>
            {fill(w.closeTitle, { quarter: label })}
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
        {fill(w.revisionFrozen, {
          frozen: (report.revision ?? 2) - 1,
          date: when(report.closedAt),
          revision: report.revision ?? 2,
        })}
      </p>
      <h2 class="govuk-heading-m">{w.willInclude}</h2>
      <Amendments report={report} amendments={report.included ?? []} />
      <dl class="govuk-summary-list">
        <SummaryRow label={w.overallStatus}>
          <StatusTag status={report.overall} />
        </SummaryRow>
        <SummaryRow label={t.dashboard.criticalItems}>{report.criticalItems.length}</SummaryRow>
      </dl>
      <WillBeEmailed email={report.email} />
      <WarningText>{w.reissueWarning}</WarningText>
      <div class="govuk-button-group">
        <BusyButton id="reissue" busy={busy} onClick={reissue}>
          {w.reissue}
        </BusyButton>
        <a class="govuk-link" href={closeHref(quarter)}>
          {w.cancel}
        </a>
      </div>
    </>
  );
}
