import { useState } from 'preact/hooks';
import { safeParse } from 'zod/mini';
import { actionDefinitionSchema } from '../../../lambdas/domain/definition-schemas';
import { idDescription, isId } from '../../../lambdas/domain/ids';
import type { ActionDefinition } from '../../../lambdas/domain/types';
import type { ActionBody } from '../api';
import { ErrorSummary, type FieldError, Loading, ProblemPage, Select, useFocusHeading } from '../components';
import { DefinitionConflict } from '../components/conflict';
import { bringBackWords, DefinitionQuestion } from '../components/definition-confirm';
import { type EditorProps, IdentityFields } from '../components/definition-fields';
import { DefinitionHistory } from '../components/definition-history';
import { newProgramme, newProgrammeProblem, planChoices, programmeChoices, programmeOf } from '../definition-choices';
import { useDefinitionEditor } from '../hooks/use-definition-editor';
import { quartersOf, yearsAround } from '../period-choices';
import { periodLabel } from '../words';

// The admin's planned-work editor (docs/web-app.md "Admin: measures and planned work"):
// what PUT /actions/{id} validates, checked first with the same schema (lambdas/domain).

interface Typed {
  id: string;
  plan: string;
  programme: string;
  newProgramme: string;
  title: string;
  ownerDirectorate: string;
  startQuarter: string;
  dueQuarter: string;
}

const typedFrom = (a: ActionDefinition | null): Typed => ({
  id: a?.id ?? '',
  plan: a?.plan ?? '',
  programme: a?.programme ?? '',
  newProgramme: '',
  title: a?.title ?? '',
  ownerDirectorate: a?.ownerDirectorate ?? '',
  startQuarter: a?.startQuarter ?? '',
  dueQuarter: a?.dueQuarter ?? '',
});

const fields: Record<string, { field: string; label: string; empty: string }> = {
  plan: { field: 'plan', label: 'Plan', empty: 'Choose the plan' },
  programme: { field: 'programme', label: 'Programme', empty: 'Choose the programme' },
  newProgramme: { field: 'new-programme', label: 'The new programme', empty: 'Enter the name of the new programme' },
  title: { field: 'title', label: 'Title', empty: 'Enter a title' },
  ownerDirectorate: { field: 'owner-directorate', label: 'Owner directorate', empty: 'Select the owner directorate' },
  startQuarter: { field: 'start-quarter', label: 'Start quarter', empty: 'Select the start quarter' },
  dueQuarter: { field: 'due-quarter', label: 'Due quarter', empty: 'Select the due quarter' },
};

/** The API's (or the schema's) field errors, by input; an empty required field in words. */
function errorsOf(issues: { path: string; message: string }[], typed: Typed): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.split('/')[1] ?? '';
    const key = path === 'programme' && typed.programme === newProgramme ? 'newProgramme' : path;
    const f = fields[key] ?? fields.title!;
    const value = key === 'programme' ? programmeOf(typed) : (typed as unknown as Record<string, string>)[key];
    if (value === '' || value?.trim() === '') return { field: f.field, message: f.empty };
    if (issue.message === 'startQuarter must not be after dueQuarter')
      return { field: f.field, message: 'The due quarter must not be before the start quarter' };
    return { field: f.field, message: `${f.label}: ${issue.message}` };
  });
}

function bodyOf(typed: Typed): Record<string, unknown> {
  const body: Record<string, unknown> = {
    plan: typed.plan.trim(),
    programme: programmeOf(typed),
    title: typed.title,
    ownerDirectorate: typed.ownerDirectorate,
  };
  if (typed.startQuarter) body.startQuarter = typed.startQuarter;
  if (typed.dueQuarter) body.dueQuarter = typed.dueQuarter;
  return body;
}

export function ActionEditor({ api, id, directorates, plans }: EditorProps) {
  const [typed, setTyped] = useState<Typed>(() => typedFrom(null));
  const editor = useDefinitionEditor<ActionDefinition>({
    id,
    word: 'planned work',
    idLabel: 'ID',
    listPath: '/app/admin/actions',
    load: (actionId) => api.action(actionId).then((a) => (a.ok ? { ...a, data: a.data.action } : a)),
    inUse: () => api.listActions({ limit: '500' }).then((r) => (r.ok ? r.data.actions : [])),
    history: (actionId) => api.actionHistory(actionId),
    quartersInUse: () => api.returns({}),
    fill: (action) => setTyped(typedFrom(action)),
    deps: [api, id],
  });
  const { errors, setErrors, busy } = editor;
  const loaded = editor.loaded.data;
  const title = id === null ? 'Add planned work' : (loaded?.definition?.title ?? 'Planned work');
  const heading = useFocusHeading(loaded !== undefined, title);
  const failed = editor.loaded.failed;
  if (failed)
    return failed.status === 404 ? (
      <ProblemPage title="Page not found" detail={`There is no planned work ${id}.`} />
    ) : (
      <ProblemPage title="Sorry, the planned work could not be loaded" detail={failed.problem.detail ?? 'Try again.'} />
    );
  if (!loaded) return <Loading />;
  const action = loaded.definition;
  const set = (change: Partial<Typed>) => setTyped((t) => ({ ...t, ...change }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const owners = [...new Set([...directorates, ...(action ? [action.ownerDirectorate] : [])])];
  const quarters = quartersOf(
    yearsAround([
      ...loaded.quartersInUse,
      ...(action?.startQuarter ? [action.startQuarter] : []),
      ...(action?.dueQuarter ? [action.dueQuarter] : []),
    ]),
  );

  /** Checks, asks before bringing retired planned work back, then saves. */
  const submit = async (bringBack = false) => {
    if (busy) return;
    const body = bodyOf(typed);
    const local: FieldError[] = [];
    if (id === null && !isId(typed.id.trim()))
      local.push({ field: 'id', message: typed.id.trim() ? `ID: ${idDescription}` : 'Enter an ID' });
    const programmeProblem = newProgrammeProblem(typed, programmeChoices(loaded.inUse, '', ''));
    if (programmeProblem) local.push({ field: 'new-programme', message: programmeProblem });
    const parsed = safeParse(actionDefinitionSchema, body);
    if (!parsed.success)
      local.push(
        ...errorsOf(
          parsed.error.issues.map((i) => ({ path: `/${i.path.map(String).join('/')}`, message: i.message })),
          typed,
        ),
      );
    // One message a field (an empty new programme is both the schema's and the name check's).
    if (local.length) {
      editor.ask(null);
      return setErrors(local.filter((e, i) => local.findIndex((f) => f.field === e.field) === i));
    }
    if (action?.retiredFrom && !bringBack) return editor.ask('bring-back');
    await editor.save(
      id ?? typed.id.trim(),
      (actionId, ifMatch) => api.putAction(actionId, body as unknown as ActionBody, ifMatch),
      (problem) => {
        const fromApi = errorsOf(problem.errors ?? [], typed);
        return fromApi.length ? fromApi : [{ field: 'title', message: problem.detail ?? 'The change was refused.' }];
      },
    );
  };

  const quarterSelect = (field: 'startQuarter' | 'dueQuarter', domId: string, label: string, hint: string) => {
    const options = [...new Set([...quarters, ...(typed[field] ? [typed[field]] : [])])].sort();
    return (
      <Select
        id={domId}
        name={field}
        label={label}
        hint={hint}
        value={typed[field]}
        empty="Not set"
        choices={options.map((q) => ({ value: q, label: periodLabel(q) }))}
        error={errorOf(domId)}
        onChange={(value) => set({ [field]: value })}
      />
    );
  };

  return (
    <>
      <a href="/app/admin/actions" class="govuk-back-link">
        Planned work
      </a>
      <ErrorSummary errors={errors} />
      {id !== null && <span class="govuk-caption-l">Change planned work</span>}
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <DefinitionConflict conflict={editor.conflict} word="planned work" />
      {action?.retiredFrom && <div class="govuk-inset-text">{bringBackWords('planned work', action.retiredFrom)}</div>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <IdentityFields
          id={id}
          idLabel="ID"
          idHint="Stable across years: letters, digits, . _ - such as whqs-programme"
          typed={typed}
          plans={planChoices(plans, loaded.inUse, action?.plan ?? '')}
          inUse={loaded.inUse}
          kind="planned work"
          errorOf={errorOf}
          set={set}
        />
        <Select
          id="owner-directorate"
          name="ownerDirectorate"
          label="Owner directorate"
          hint="Its officers report the quarterly status"
          value={typed.ownerDirectorate}
          empty="Choose a directorate"
          choices={owners.map((d) => ({ value: d, label: d }))}
          error={errorOf('owner-directorate')}
          onChange={(ownerDirectorate) => set({ ownerDirectorate })}
        />
        {quarterSelect('startQuarter', 'start-quarter', 'Start quarter', 'The first quarter it is reported in')}
        {quarterSelect(
          'dueQuarter',
          'due-quarter',
          'Due quarter',
          'The last quarter it is reported in; not set: open-ended',
        )}
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
            Save
          </button>
          {action && !action.retiredFrom && editor.question !== 'retire' && (
            <button
              type="button"
              id="retire"
              class="govuk-button govuk-button--warning"
              onClick={() => editor.ask('retire')}
            >
              Retire planned work
            </button>
          )}
        </div>
      </form>
      {action && (
        <DefinitionQuestion
          question={editor.question}
          word="planned work"
          title={action.title}
          retiredFrom={action.retiredFrom}
          kept="Its updates, the quarters already ended and its history stay."
          busy={busy}
          retire={() => editor.retire(() => api.retireAction(action.id))}
          save={() => submit(true)}
          cancel={() => editor.ask(null)}
        />
      )}
      {loaded.versions.length > 0 && (
        <div class="app-table-wrap">
          <DefinitionHistory versions={loaded.versions} />
        </div>
      )}
    </>
  );
}
