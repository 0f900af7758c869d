import { useState } from 'preact/hooks';
import type { ActionStatus } from '../../../lambdas/domain/types';
import type { Problem } from '../api';
import { LoadFailedPage, Loading, Radios, useFocusHeading } from '../components';
import { closedAtOf } from '../components/closed-quarter';
import { CommentaryField, commentaryProblem, commentaryRefusal } from '../components/commentary-field';
import { ConflictPanel } from '../components/conflict';
import { FormOrSavedReturn, ReturnFormLayout, type ReturnFormProps, useBackAfterSave } from '../components/return-form';
import { Name } from '../components/user-text';
import { latestOf, useReturnForm } from '../hooks/use-return-form';
import { useUnsavedChanges } from '../hooks/use-unsaved-changes';
import { fill, useWords } from '../i18n';
import { bragLabels, periodLabel, statusWords } from '../words';

const statuses: ActionStatus[] = ['blue', 'green', 'amber', 'red'];

export function ActionForm({
  api,
  id,
  quarter,
  signOff = false,
  admin = false,
}: ReturnFormProps & { quarter: string }) {
  const { t } = useWords();
  const f = t.forms;
  const w = f.action;
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [commentary, setCommentary] = useState('');
  // Chosen or typed since the form was filled: leaving asks first.
  const [touched, setTouched] = useState(false);
  const unsaved = useUnsavedChanges(touched);
  const back = useBackAfterSave(unsaved);
  const form = useReturnForm({
    load: () => api.action(id, quarter),
    latest: (d) => latestOf(d.updates, (u) => u.quarter === quarter),
    history: signOff ? () => api.actionUpdateHistory(id, quarter) : undefined,
    fill: (current) => {
      setTouched(false);
      setStatus(current?.status ?? null);
      setCommentary(current?.commentary ?? '');
    },
    deps: [api, id, quarter],
  });
  const { errors, setErrors, saving, conflict } = form;
  const detail = form.detail.data ?? null;
  const heading = useFocusHeading(detail !== null, detail?.action.title ?? '');
  const failed = form.detail.failed;
  if (failed) return <LoadFailedPage failed={failed} />;
  if (!detail) return <Loading />;
  const { action } = detail;
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const closedAt = closedAtOf(detail.closedQuarters, quarter);
  const saved = latestOf(detail.updates, (u) => u.quarter === quarter);

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const found = [
      ...(status ? [] : [{ field: 'status-blue', message: w.selectProgress }]),
      ...[commentaryProblem(commentary, f)].flatMap((message) => (message ? [{ field: 'commentary', message }] : [])),
    ];
    if (found.length > 0 || !status) {
      setErrors(found);
      return;
    }
    await form.save(
      (ifMatch) => api.putActionUpdate(id, quarter, { status, ...(commentary.trim() && { commentary }) }, ifMatch),
      {
        saved: (data) =>
          back({
            title: action,
            status: statusWords[data.status],
            amendment: !!closedAt,
            quarter,
            signOff,
            directorate: action.ownerDirectorate,
          }),
        conflictError: { field: 'status-blue', message: w.conflict },
        refused: (problem: Problem) => {
          const list = (problem.errors ?? []).map((e) =>
            e.path === '/commentary'
              ? {
                  field: 'commentary',
                  message: commentaryRefusal(
                    e.message,
                    fill(w.commentaryRequired, { detail: problem.detail ?? e.message }),
                    f,
                  ),
                }
              : { field: 'status-blue', message: e.message },
          );
          return list.length > 0 ? list : [{ field: 'status-blue', message: problem.detail ?? w.notSaved }];
        },
      },
    );
  };

  return (
    <ReturnFormLayout
      quarter={quarter}
      errors={errors}
      caption={
        <>
          {w.captionStart} <Name kind="programme" of={action.programme} />, {periodLabel(quarter)}
        </>
      }
      title={action.title}
      titleCy={action.titleCy}
      heading={heading}
      closedAt={closedAt}
      admin={admin}
    >
      <FormOrSavedReturn
        closedAt={closedAt}
        admin={admin}
        form={form}
        saved={{
          heading: fill(w.savedFor, { quarter: periodLabel(quarter) }),
          nothing: w.nothingSaved,
          rows: saved && [
            [w.progress, bragLabels[saved.status]],
            [f.commentary, saved.commentary || f.none],
          ],
        }}
        conflict={
          conflict && (
            <ConflictPanel heading={w.theirs}>
              <p class="govuk-body">
                {fill(w.theirsText, {
                  status: statusWords[conflict.status],
                  commentary: conflict.commentary ? fill(w.theirCommentary, { commentary: conflict.commentary }) : '',
                })}
              </p>
            </ConflictPanel>
          )
        }
        onSubmit={save}
      >
        <Radios
          name="status"
          legend={w.progressLegend}
          legendClass="govuk-fieldset__legend--m"
          large
          choices={statuses.map((s) => ({ value: s, label: bragLabels[s] }))}
          value={status}
          error={errorFor('status-blue')}
          onChange={(s) => {
            setTouched(true);
            setStatus(s);
          }}
        />
        <CommentaryField
          hint={w.commentaryHint}
          value={commentary}
          error={errorFor('commentary')}
          onInput={(v) => {
            setTouched(true);
            setCommentary(v);
          }}
        />
      </FormOrSavedReturn>
    </ReturnFormLayout>
  );
}
