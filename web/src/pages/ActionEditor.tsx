import { safeParse } from 'zod/mini';
import { actionDefinitionSchema } from '../../../lambdas/domain/definition-schemas';
import type { ActionDefinition } from '../../../lambdas/domain/types';
import type { ActionBody } from '../api';
import { type FieldError, Select } from '../components';
import { DefinitionEditorPage } from '../components/definition-editor';
import type { EditorProps } from '../components/definition-fields';
import {
  type Identity,
  identityFrom,
  newProgramme,
  newProgrammeProblem,
  programmeChoices,
  programmeOf,
} from '../definition-choices';
import { type Loaded, useDefinitionEditor } from '../hooks/use-definition-editor';
import { fill, useWords, type WebWords } from '../i18n';
import { idProblem } from '../measure-editor/form';
import { nameChoice } from '../names';
import { quartersOf, yearsAround } from '../period-choices';
import { periodLabel } from '../words';

// The admin's planned-work editor (docs/web-app.md "Admin: measures and planned work"):
// what PUT /actions/{id} validates, checked first with the same schema (lambdas/domain).

interface Typed extends Identity {
  ownerDirectorate: string;
  startQuarter: string;
  dueQuarter: string;
}

const typedFrom = (a: ActionDefinition | null): Typed => ({
  ...identityFrom(a),
  ownerDirectorate: a?.ownerDirectorate ?? '',
  startQuarter: a?.startQuarter ?? '',
  dueQuarter: a?.dueQuarter ?? '',
});

type EditorWords = WebWords['editors'];

/** Each field: its input, its name, and what to do when it is empty. */
const fieldsOf = (w: EditorWords): Record<string, { field: string; label: string; empty: string }> => ({
  plan: { field: 'plan', label: w.fields.plan, empty: w.editor.choosePlan },
  programme: { field: 'programme', label: w.fields.programme, empty: w.editor.chooseProgramme },
  newProgramme: { field: 'new-programme', label: w.editor.newProgramme, empty: w.editor.enterNewProgramme },
  title: { field: 'title', label: w.fields.title, empty: w.editor.enterTitle },
  titleCy: { field: 'title-cy', label: w.fields.titleCy, empty: w.editor.enterTitle },
  ownerDirectorate: { field: 'owner-directorate', label: w.fields.ownerDirectorate, empty: w.editor.selectOwner },
  startQuarter: { field: 'start-quarter', label: w.fields.startQuarter, empty: w.action.selectStart },
  dueQuarter: { field: 'due-quarter', label: w.fields.dueQuarter, empty: w.action.selectDue },
});

/** The API's (or the schema's) field errors, by input; an empty required field in words. */
function errorsOf(issues: { path: string; message: string }[], typed: Typed, w: EditorWords): FieldError[] {
  const fields = fieldsOf(w);
  return issues.map((issue) => {
    const path = issue.path.split('/')[1] ?? '';
    const key = path === 'programme' && typed.programme === newProgramme ? 'newProgramme' : path;
    const f = fields[key] ?? fields.title!;
    const value = key === 'programme' ? programmeOf(typed) : (typed as unknown as Record<string, string>)[key];
    if (value === '' || value?.trim() === '') return { field: f.field, message: f.empty };
    if (issue.message === 'startQuarter must not be after dueQuarter')
      return { field: f.field, message: w.action.dueBeforeStart };
    return { field: f.field, message: fill(w.editor.labelled, { label: f.label, message: issue.message }) };
  });
}

function bodyOf(typed: Typed): Record<string, unknown> {
  const body: Record<string, unknown> = {
    plan: typed.plan.trim(),
    programme: programmeOf(typed),
    title: typed.title,
    ...(typed.titleCy.trim() ? { titleCy: typed.titleCy.trim() } : {}),
    ownerDirectorate: typed.ownerDirectorate,
  };
  if (typed.startQuarter) body.startQuarter = typed.startQuarter;
  if (typed.dueQuarter) body.dueQuarter = typed.dueQuarter;
  return body;
}

export function ActionEditor({ api, id, directorates, plans }: EditorProps) {
  const { language, t } = useWords();
  const w = t.editors;
  const editor = useDefinitionEditor<ActionDefinition, Typed>({ api, id, kind: 'action', typedFrom });
  const { typed, set, errorOf } = editor;
  const loaded = editor.loaded.data;
  const action = loaded?.definition ?? null;

  /** What `Save` checks before it sends the body: one message a field. */
  const check = (l: Loaded<ActionDefinition>) => {
    const body = bodyOf(typed);
    const local: FieldError[] = [];
    const badId = idProblem(typed.id, id === null, w.action, w);
    if (badId) local.push({ field: 'id', message: badId });
    const programmeProblem = newProgrammeProblem(typed, programmeChoices(l.inUse, '', ''), w.editor);
    if (programmeProblem) local.push({ field: 'new-programme', message: programmeProblem });
    const parsed = safeParse(actionDefinitionSchema(), body);
    if (!parsed.success)
      local.push(
        ...errorsOf(
          parsed.error.issues.map((i) => ({ path: `/${i.path.map(String).join('/')}`, message: i.message })),
          typed,
          w,
        ),
      );
    // One message a field (an empty new programme is both the schema's and the name check's).
    return { body, errors: local.filter((e, i) => local.findIndex((f) => f.field === e.field) === i) };
  };
  const submit = (bringBack: boolean) =>
    editor.submit(bringBack, {
      check,
      put: (actionId, body, ifMatch) => api.putAction(actionId, body as unknown as ActionBody, ifMatch),
      refused: (problem) => {
        const fromApi = errorsOf(problem.errors ?? [], typed, w);
        return fromApi.length ? fromApi : [{ field: 'title', message: problem.detail ?? w.action.refused }];
      },
    });

  const quarterSelect = (quarters: string[], field: 'startQuarter' | 'dueQuarter', domId: string, hint: string) => {
    const options = [...new Set([...quarters, ...(typed[field] ? [typed[field]] : [])])].sort();
    return (
      <Select
        id={domId}
        name={field}
        label={w.fields[field]}
        hint={hint}
        value={typed[field]}
        empty={w.actions.notSet}
        choices={options.map((q) => ({ value: q, label: periodLabel(q) }))}
        error={errorOf(domId)}
        onChange={(value) => set({ [field]: value })}
      />
    );
  };

  return (
    <DefinitionEditorPage
      id={id}
      kind="action"
      editor={editor}
      plans={plans}
      submit={(bringBack) => void submit(bringBack)}
      retire={(a) => api.retireAction(a.id)}
      fields={(l) => {
        const quarters = quartersOf(
          yearsAround([
            ...l.quartersInUse,
            ...(action?.startQuarter ? [action.startQuarter] : []),
            ...(action?.dueQuarter ? [action.dueQuarter] : []),
          ]),
        );
        return (
          <>
            <Select
              id="owner-directorate"
              name="ownerDirectorate"
              label={w.fields.ownerDirectorate}
              hint={w.action.ownerHint}
              value={typed.ownerDirectorate}
              empty={w.editor.chooseDirectorate}
              choices={[...new Set([...directorates, ...(action ? [action.ownerDirectorate] : [])])].map((d) =>
                nameChoice(language, 'directorate', d),
              )}
              error={errorOf('owner-directorate')}
              onChange={(ownerDirectorate) => set({ ownerDirectorate })}
            />
            {quarterSelect(quarters, 'startQuarter', 'start-quarter', w.action.startHint)}
            {quarterSelect(quarters, 'dueQuarter', 'due-quarter', w.action.dueHint)}
          </>
        );
      }}
    />
  );
}
