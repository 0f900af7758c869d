import { useState } from 'preact/hooks';
import type { Api } from '../api';
import { Loading, QuarterSelect, useFocusHeading } from '../components';
import { closeHref } from '../components/close-report';
import { useData } from '../hooks/use-data';
import { useWords } from '../i18n';
import { navigate } from '../router';

// Close quarter (admins, docs/web-app.md): pick the quarter, then its confirmation page
// (CloseConfirm.tsx) says what will be frozen and who will be emailed before the one POST.

/** /app/close: pick the quarter (opening on the latest not closed), then its confirmation page. */
export function CloseQuarter({ api }: { api: Api }) {
  const w = useWords().t.dashboard;
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
  const heading = useFocusHeading(returns !== undefined, w.close.heading);
  if (loaded.failed) return <p class="govuk-body">{loaded.failed.problem.detail ?? w.close.quartersNotLoaded}</p>;
  if (!returns) return <Loading />;
  const next = (event: Event) => {
    event.preventDefault();
    if (quarter) navigate(closeHref(quarter));
  };
  return (
    <>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {w.close.heading}
      </h1>
      <p class="govuk-body">{w.close.intro}</p>
      {returns.quarters.length === 0 ? (
        <p class="govuk-body">{w.noQuarter}</p>
      ) : (
        <form onSubmit={next} noValidate>
          <QuarterSelect quarters={returns.quarters} value={quarter} onChange={setQuarter} />
          <button type="submit" class="govuk-button">
            {w.close.continue}
          </button>
        </form>
      )}
    </>
  );
}
