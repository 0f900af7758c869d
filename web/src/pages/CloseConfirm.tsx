import type { Api } from '../api';
import { BusyButton, ErrorSummary, Loading, StatusTag, useFocusHeading, WarningText } from '../components';
import { Amendments, Done, FrozenReportLinks, reissueHref, WillBeEmailed, when } from '../components/close-report';
import { SummaryRow } from '../components/summary-row';
import { Name, UserText } from '../components/user-text';
import { useFreeze, usePreview } from '../hooks/use-close';
import { fill, useWords } from '../i18n';
import { formatDate, periodLabel } from '../words';

// The close's confirmation page (admins, docs/web-app.md): the close-preview, what the
// same function the close calls would freeze now, so the page and the close agree; then
// the closed quarter, its email's state and Reissue.

/** /app/close/{quarter}: the confirmation page before the close, or the closed state with Reissue. */
export function CloseConfirm({ api, quarter }: { api: Api; quarter: string }) {
  const { t } = useWords();
  const w = t.dashboard.close;
  const { preview: report, failed } = usePreview(api, quarter, false);
  // Closing a closed quarter again sends its email if it has not gone out, and nothing else.
  const {
    answer,
    errors,
    busy,
    freeze: close,
  } = useFreeze(() => api.closeReport(quarter, report?.closedEarly), 'close-quarter');
  const label = periodLabel(quarter);
  const title = fill(report?.alreadyClosed ? w.isClosed : w.closeTitle, { quarter: label });
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
        <p class="govuk-body">{fill(w.closedOn, { date: when(report.closedAt), revision: report.revision ?? 1 })}</p>
        {report.emailedAt ? (
          <p class="govuk-body">{fill(w.emailWentOut, { date: when(report.emailedAt) })}</p>
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <WarningText>{w.emailNotOut}</WarningText>
            <BusyButton id="close-quarter" busy={busy} onClick={close}>
              {w.sendTheEmail}
            </BusyButton>
          </>
        )}
        <FrozenReportLinks api={api} quarter={quarter} />
        <h2 class="govuk-heading-m">{w.amendmentsSince}</h2>
        <Amendments report={report} amendments={report.amendments ?? []} />
        <p class="govuk-body">{w.reissueExplained}</p>
        <a class="govuk-button" href={reissueHref(quarter)} draggable={false}>
          {w.reissue}
        </a>
      </>
    );

  const missing = report.missingReturns;
  // The directorate and titles inside the words, each in the language it has (docs/cymraeg.md).
  const [missingBefore, missingAfter] = w.missing.split('{directorate}');
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p class="govuk-body">{w.check}</p>
      <h2 class="govuk-heading-m">{w.whatWillBeFrozen}</h2>
      <dl class="govuk-summary-list">
        <SummaryRow label={w.quarter}>{label}</SummaryRow>
        <SummaryRow label={w.overallStatus}>
          <StatusTag status={report.overall} />
        </SummaryRow>
        <SummaryRow label={t.dashboard.measures}>{report.measures.length}</SummaryRow>
        <SummaryRow label={t.dashboard.plannedWork}>{report.actions.length}</SummaryRow>
        <SummaryRow label={t.dashboard.criticalItems}>{report.criticalItems.length}</SummaryRow>
      </dl>
      <h3 class="govuk-heading-s">{w.missingReturns}</h3>
      {missing.length === 0 ? (
        <p class="govuk-body">{w.everyReturnIn}</p>
      ) : (
        missing.map((d) => (
          <div key={d.directorate}>
            <h4 class="govuk-heading-s">
              {missingBefore}
              <Name kind="directorate" of={d.directorate} />
              {fill(missingAfter ?? '', { n: d.measures.length + d.actions.length })}
            </h4>
            <ul class="govuk-list govuk-list--bullet">
              {d.measures.map((m) => (
                <li key={m.id}>
                  {w.missingMeasure.split('{title}')[0]}
                  <UserText en={m.title} cy={m.titleCy} />
                </li>
              ))}
              {d.actions.map((a) => (
                <li key={a.id}>
                  {w.missingWork.split('{title}')[0]}
                  <UserText en={a.title} cy={a.titleCy} />
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      <WillBeEmailed email={report.email} />
      <WarningText>{w.cannotBeUndone}</WarningText>
      {report.closedEarly && (
        <p class="govuk-body govuk-!-font-weight-bold" id="close-early">
          {fill(w.closeEarlyQuestion, { date: formatDate(report.endsOn) })}
        </p>
      )}
      <div class="govuk-button-group">
        <BusyButton id="close-quarter" busy={busy} onClick={close}>
          {report.closedEarly ? w.closeEarly : w.heading}
        </BusyButton>
        <a class="govuk-link" href="/app/close">
          {w.cancel}
        </a>
      </div>
    </>
  );
}
