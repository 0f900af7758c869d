import type { Api } from '../api';
import { type InUse, newProgramme, programmeChoices } from '../definition-choices';
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

export interface Identity {
  id: string;
  plan: string;
  /** The programme chosen, or `newProgramme` with its name in `newProgramme`. */
  programme: string;
  newProgramme: string;
  title: string;
}

export function IdentityFields(props: {
  /** The definition's id; null: a new one, whose id is typed. */
  id: string | null;
  idLabel: string;
  idHint: string;
  typed: Identity;
  /** The Plan select's choices (definition-choices.ts `planChoices`). */
  plans: readonly Choice[];
  /** Where the other definitions of this kind sit, for the Programme select. */
  inUse: readonly InUse[];
  /** `measures`, `planned work`: what the programme hint names. */
  kind: string;
  errorOf(field: string): string | undefined;
  set(change: Partial<Identity>): void;
}) {
  const programmes = programmeChoices(
    props.inUse,
    props.typed.plan,
    props.typed.programme === newProgramme ? '' : props.typed.programme,
  );
  return (
    <>
      {props.id === null ? (
        <TextInput
          autocomplete="off"
          id="id"
          label={props.idLabel}
          hint={props.idHint}
          value={props.typed.id}
          error={props.errorOf('id')}
          width="govuk-input--width-20"
          onInput={(v) => props.set({ id: v })}
        />
      ) : (
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{props.idLabel}</dt>
            <dd class="govuk-summary-list__value app-break-anywhere">{props.id}</dd>
          </div>
        </dl>
      )}
      <Select
        id="plan"
        label="Plan"
        hint="The plans named in Settings and those in use. To add a plan, name it in Settings first."
        value={props.typed.plan}
        empty="Choose a plan"
        choices={props.plans}
        error={props.errorOf('plan')}
        onChange={(plan) => props.set({ plan })}
      />
      <Select
        id="programme"
        label="Programme"
        hint={`Those the plan’s ${props.kind} use, or a new one`}
        value={props.typed.programme}
        empty="Choose a programme"
        choices={[
          ...programmes.map((p) => ({ value: p, label: p })),
          { value: newProgramme, label: 'Add a new programme' },
        ]}
        error={props.errorOf('programme')}
        onChange={(programme) => props.set({ programme })}
      />
      {props.typed.programme === newProgramme && (
        <div class="app-conditional">
          <TextInput
            autocomplete="off"
            id="new-programme"
            label="Name of the new programme"
            hint="Check it is not one already in the list under another spelling"
            value={props.typed.newProgramme}
            error={props.errorOf('new-programme')}
            onInput={(v) => props.set({ newProgramme: v })}
          />
        </div>
      )}
      <TextInput
        autocomplete="off"
        id="title"
        label="Title"
        value={props.typed.title}
        error={props.errorOf('title')}
        onInput={(v) => props.set({ title: v })}
      />
    </>
  );
}
