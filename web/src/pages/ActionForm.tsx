import { useEffect, useState } from 'preact/hooks';
import type { ActionStatus } from '../../../lambdas/domain/types';
import type { ActionDetail, Answer, Api } from '../api';
import {
  ErrorMessage,
  ErrorSummary,
  type FieldError,
  Loading,
  ProblemPage,
  SignOffNotice,
  type SignOffState,
  signOffStateOf,
  useFocusHeading,
} from '../components';
import { navigate } from '../router';
import { bragLabels, periodLabel, statusWords } from '../words';
import { setFlash } from './YourReturns';

type Update = ActionDetail['updates'][number];
const latestFor = (updates: Update[], quarter: string): Update | null =>
  updates
    .filter((u) => u.quarter === quarter)
    .reduce<Update | null>((a, u) => (!a || u.version > a.version ? u : a), null);

const statuses: ActionStatus[] = ['blue', 'green', 'amber', 'red'];

export function ActionForm({
  api,
  id,
  quarter,
  signOff = false,
}: {
  api: Api;
  id: string;
  quarter: string;
  /** Sign-off is on: the latest version's decision is shown (one more request, only when a version exists). */
  signOff?: boolean;
}) {
  const [answer, setAnswer] = useState<Answer<ActionDetail> | null>(null);
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [commentary, setCommentary] = useState('');
  const [baseVersion, setBaseVersion] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<Update | null>(null);
  const [saving, setSaving] = useState(false);
  const [signOffState, setSignOffState] = useState<SignOffState>(null);
  useEffect(() => {
    let live = true;
    api.action(id).then((a) => {
      if (!live) return;
      setAnswer(a);
      if (!a.ok) return;
      const current = latestFor(a.data.updates, quarter);
      if (signOff && current)
        api
          .actionUpdateHistory(id, quarter)
          .then((h) => live && h.ok && setSignOffState(signOffStateOf(h.data.versions)));
      setBaseVersion(current?.version ?? 0);
      setStatus(current?.status ?? null);
      setCommentary(current?.commentary ?? '');
    });
    return () => {
      live = false;
    };
  }, [api, id, quarter]);
  const detail = answer?.ok ? answer.data : null;
  const heading = useFocusHeading(detail !== null, detail?.action.title ?? '');
  if (!answer) return <Loading />;
  if (!answer.ok)
    return (
      <ProblemPage
        title={answer.status === 404 ? 'Page not found' : 'Sorry, there is a problem'}
        detail={answer.problem.detail ?? ''}
      />
    );
  const { action } = answer.data;
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    if (!status) {
      setErrors([{ field: 'status-blue', message: 'Select the progress this quarter' }]);
      return;
    }
    setSaving(true);
    const saved = await api.putActionUpdate(
      id,
      quarter,
      { status, ...(commentary.trim() && { commentary }) },
      baseVersion,
    );
    setSaving(false);
    if (saved.ok) {
      setFlash(`Saved ${action.title}: ${statusWords[saved.data.status]}`);
      navigate(`/app/?quarter=${encodeURIComponent(quarter)}`);
      return;
    }
    if (saved.status === 412) {
      const fresh = await api.action(id);
      const theirs = fresh.ok ? latestFor(fresh.data.updates, quarter) : null;
      setConflict(theirs);
      setBaseVersion(theirs?.version ?? baseVersion);
      setErrors([
        {
          field: 'status-blue',
          message: 'Someone else changed this update while you were editing it. Check both, then save again.',
        },
      ]);
      return;
    }
    const list = (saved.problem.errors ?? []).map((e) =>
      e.path === '/commentary'
        ? { field: 'commentary', message: `Enter commentary: ${saved.problem.detail ?? e.message}` }
        : { field: 'status-blue', message: e.message },
    );
    setErrors(
      list.length > 0
        ? list
        : [{ field: 'status-blue', message: saved.problem.detail ?? 'The update could not be saved.' }],
    );
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a href={`/app/?quarter=${encodeURIComponent(quarter)}`} class="govuk-back-link">
          Back to Your returns
        </a>
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">
          Planned work, {action.programme}, {periodLabel(quarter)}
        </span>
        <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
          {action.title}
        </h1>
        <SignOffNotice signOff={signOffState} />
        {conflict && (
          <div class="govuk-inset-text" id="conflict">
            <h2 class="govuk-heading-m">Someone else changed this update</h2>
            <p class="govuk-body">
              They saved {statusWords[conflict.status]}
              {conflict.commentary ? `, with the commentary: ${conflict.commentary}` : ''}. What you chose is kept
              below: select Save to replace their update with yours.
            </p>
          </div>
        )}
        <form onSubmit={save} noValidate>
          <div class={`govuk-form-group${errorFor('status-blue') ? ' govuk-form-group--error' : ''}`}>
            <fieldset
              class="govuk-fieldset"
              aria-describedby={errorFor('status-blue') ? 'status-blue-error' : undefined}
            >
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Progress this quarter</legend>
              <ErrorMessage id="status-blue" message={errorFor('status-blue')} />
              <div class="govuk-radios" data-module="govuk-radios">
                {statuses.map((s) => (
                  <div class="govuk-radios__item" key={s}>
                    <input
                      class="govuk-radios__input"
                      id={`status-${s}`}
                      name="status"
                      type="radio"
                      value={s}
                      checked={status === s}
                      onChange={() => setStatus(s)}
                    />
                    <label class="govuk-label govuk-radios__label" for={`status-${s}`}>
                      {bragLabels[s]}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <div class={`govuk-form-group${errorFor('commentary') ? ' govuk-form-group--error' : ''}`}>
            <label class="govuk-label govuk-label--m" for="commentary">
              Commentary
            </label>
            <div class="govuk-hint" id="commentary-hint">
              Required for amber and red: what is at risk, and what is being done.
            </div>
            <ErrorMessage id="commentary" message={errorFor('commentary')} />
            <textarea
              class={`govuk-textarea${errorFor('commentary') ? ' govuk-textarea--error' : ''}`}
              id="commentary"
              name="commentary"
              rows={5}
              aria-describedby={`commentary-hint${errorFor('commentary') ? ' commentary-error' : ''}`}
              value={commentary}
              onInput={(e) => setCommentary(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="govuk-button" disabled={saving} aria-disabled={saving}>
            Save
          </button>
        </form>
      </div>
    </div>
  );
}
