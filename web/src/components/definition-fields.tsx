import type { Api } from '../api';
import { type Identity, type InUse, newProgramme, programmeChoices } from '../definition-choices';
import { useWords } from '../i18n';
import { nameChoice } from '../names';
import type { KindWords } from './definition-confirm';
import { type Choice, Select, TextInput } from './fields';

// What the measure and planned-work editors both ask first (docs/web-app.md): the ID (typed
// for a new definition, shown for an existing one), Plan and Programme (chosen from lists, a
// new programme an explicit choice: web/src/definition-choices.ts) and Title. Ids, titles and
// names are never the browser's to autofill.

/** What the route table gives both editors (web/src/routes.ts): the id, and the names in the settings. */
export interface EditorProps {
  api: Api;
  /** null: a new definition. */
  id: string | null;
  directorates: string[];
  /** The plans the settings name (GET /me). */
  plans: readonly { id: string; name: string }[];
}

export function IdentityFields(props: {
  /** The definition's id; null: a new one, whose id is typed. */
  id: string | null;
  /** The kind's words: the id's label and hint, the programme's hint. */
  kind: KindWords;
  typed: Identity;
  /** The Plan select's choices (definition-choices.ts `planChoices`). */
  plans: readonly Choice[];
  /** Where the other definitions of this kind sit, for the Programme select. */
  inUse: readonly InUse[];
  errorOf(field: string): string | undefined;
  set(change: Partial<Identity>): void;
}) {
  const { language, t } = useWords();
  const w = t.editors.editor;
  const programmes = programmeChoices(
    props.inUse,
    props.typed.plan,
    props.typed.programme === newProgramme ? '' : props.typed.programme,
  );
  /** A free-text field of the identity: its input id, what it holds, its words. */
  const text = (id: string, key: 'id' | 'title' | 'titleCy' | 'newProgramme', label: string, hint?: string) => (
    <TextInput
      autocomplete="off"
      id={id}
      label={label}
      hint={hint}
      value={props.typed[key]}
      error={props.errorOf(id)}
      width={key === 'id' ? 'govuk-input--width-20' : undefined}
      onInput={(v) => props.set({ [key]: v })}
    />
  );
  return (
    <>
      {props.id === null ? (
        text('id', 'id', props.kind.idLabel, props.kind.idHint)
      ) : (
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{props.kind.idLabel}</dt>
            <dd class="govuk-summary-list__value app-break-anywhere">{props.id}</dd>
          </div>
        </dl>
      )}
      <Select
        id="plan"
        label={t.editors.fields.plan}
        hint={w.planHint}
        value={props.typed.plan}
        empty={w.choosePlanEmpty}
        choices={props.plans}
        error={props.errorOf('plan')}
        onChange={(plan) => props.set({ plan })}
      />
      <Select
        id="programme"
        label={t.editors.fields.programme}
        hint={props.kind.programmeHint}
        value={props.typed.programme}
        empty={w.chooseProgrammeEmpty}
        choices={[
          ...programmes.map((p) => nameChoice(language, 'programme', p)),
          { value: newProgramme, label: w.addProgramme },
        ]}
        error={props.errorOf('programme')}
        onChange={(programme) => props.set({ programme })}
      />
      {props.typed.programme === newProgramme && (
        <div class="app-conditional">
          {text('new-programme', 'newProgramme', w.newProgrammeLabel, w.newProgrammeHint)}
        </div>
      )}
      {text('title', 'title', t.editors.fields.title)}
      {text('title-cy', 'titleCy', w.titleCy, w.titleCyHint)}
    </>
  );
}
