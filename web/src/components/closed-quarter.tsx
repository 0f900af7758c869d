import { fill, useWords } from '../i18n';
import { formatDateTime, periodLabel } from '../words';
import { SummaryList } from './summary-row';

// A closed quarter looks closed (SPEC §12 "Words, not data"): the result and planned-work
// forms say when it closed above the form. An officer's form is read-only and says how to
// get a figure amended; an admin's is `Amend`, and says that what it saves is an amendment,
// in the report once the quarter is reissued. The API decides as before (an officer's write
// to a closed quarter is refused; an admin's is an amendment): this only says so first.

export interface ClosedQuarter {
  quarter: string;
  closedAt: string;
}

/** When the quarter closed, or null while it is open. */
export const closedAtOf = (closed: readonly ClosedQuarter[] | undefined, quarter: string): string | null =>
  closed?.find((c) => c.quarter === quarter)?.closedAt ?? null;

export function ClosedQuarterBanner({
  quarter,
  closedAt,
  amend,
}: {
  quarter: string;
  closedAt: string;
  /** The reader may amend it (an admin). */
  amend: boolean;
}) {
  const w = useWords().t.forms.closed;
  return (
    <section class="govuk-notification-banner" aria-labelledby="closed-quarter-title" id="closed-quarter">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="closed-quarter-title">
          {w.important}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{fill(w.isClosed, { quarter: periodLabel(quarter) })}</p>
        <p class="govuk-body">{fill(w.closedOn, { date: formatDateTime(closedAt) })}</p>
        <p class="govuk-body">{amend ? w.amend : w.ask}</p>
      </div>
    </section>
  );
}

/** What was saved, as a summary list: a closed quarter's form for someone who may not amend it. */
export function SavedReturn({
  heading,
  rows,
  nothing,
}: {
  heading: string;
  rows: [string, string][] | null;
  nothing: string;
}) {
  return (
    <>
      <h2 class="govuk-heading-m">{heading}</h2>
      {rows ? (
        <SummaryList id="saved-return" rows={rows} valueClass="app-pre-line" />
      ) : (
        <p class="govuk-body">{nothing}</p>
      )}
    </>
  );
}
