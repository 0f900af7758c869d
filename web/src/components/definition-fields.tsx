import { TextInput } from './fields';

// What the measure and planned-work editors both ask first (docs/web-app.md): the ID (typed
// for a new definition, shown for an existing one), Plan, Programme and Title. Ids, titles
// and plans are never the browser's to autofill.

export interface Identity {
  id: string;
  plan: string;
  programme: string;
  title: string;
}

export function IdentityFields(props: {
  /** The definition's id; null: a new one, whose id is typed. */
  id: string | null;
  idLabel: string;
  idHint: string;
  typed: Identity;
  errorOf(field: string): string | undefined;
  set(change: Partial<Identity>): void;
}) {
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
      <TextInput
        autocomplete="off"
        id="plan"
        label="Plan"
        hint="The plan's short name: lowercase letters, digits and hyphens, such as cip"
        value={props.typed.plan}
        error={props.errorOf('plan')}
        width="govuk-input--width-10"
        onInput={(v) => props.set({ plan: v })}
      />
      <TextInput
        autocomplete="off"
        id="programme"
        label="Programme"
        value={props.typed.programme}
        error={props.errorOf('programme')}
        onInput={(v) => props.set({ programme: v })}
      />
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
