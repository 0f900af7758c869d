import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { fill, useWords, type WebWords } from '../i18n';
import { en } from '../i18n/en';
import { formatNumber } from '../words';

// The GOV.UK form fields every page uses (docs/web-app.md "Components"). Each field owns
// its form group (and the group's error class), its label or legend, hint and error ids,
// and the `aria-describedby` that joins them, so a page passes words and an error only.
// The error message's id is `<id>-error`, where `<id>` is the input the error summary
// links to (for radios and checkboxes: the first one).

const join = (...classes: (string | false | undefined)[]) => classes.filter(Boolean).join(' ');

/** The ids a field's input (or fieldset) is described by: its hint, then its error. */
const describedBy = (hintId: string | undefined, errorId: string | undefined) => join(hintId, errorId) || undefined;

export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useWords();
  if (!message) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">{t.errors.fieldPrefix}</span> {message}
    </p>
  );
}

function Hint({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div class="govuk-hint" id={id}>
      {children}
    </div>
  );
}

interface FieldProps {
  id: string;
  /** Words, or words with user data marked by its language (a directorate's English name on a Welsh page). */
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  /** e.g. `govuk-label--s` */
  labelClass?: string;
  /** More classes for the form group, e.g. a layout class. */
  groupClass?: string;
  /** The form field's name; the id when not given. */
  name?: string;
}

/** The form group, label, hint and error a one-input field shares; `input` gets the ids to describe it by. */
function Field(props: FieldProps & { input(describedBy: string | undefined): ComponentChildren }) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class={join('govuk-form-group', props.groupClass, props.error && 'govuk-form-group--error')}>
      <label class={join('govuk-label', props.labelClass)} for={props.id}>
        {props.label}
      </label>
      {hintId && <Hint id={hintId}>{props.hint}</Hint>}
      <ErrorMessage id={props.id} message={props.error} />
      {props.input(describedBy(hintId, props.error ? `${props.id}-error` : undefined))}
    </div>
  );
}

/**
 * The attributes a one-input field's control shares: its GOV.UK class (`<base>--error` while
 * there is an error), id, name, value and the ids it is described by.
 */
const controlOf = (
  props: FieldProps & { value: string },
  ids: string | undefined,
  base: string,
  extraClass?: string,
) => ({
  class: join(base, extraClass, props.error && `${base}--error`),
  id: props.id,
  name: props.name ?? props.id,
  value: props.value,
  'aria-describedby': ids,
});

/** A GOV.UK text input with its label, hint and error message. */
export function TextInput(
  props: FieldProps & {
    value: string;
    /** e.g. `govuk-input--width-10` */
    width?: string;
    type?: 'text' | 'email';
    inputMode?: 'decimal' | 'numeric' | 'text';
    autocomplete?: string;
    readOnly?: boolean;
    onInput(value: string): void;
  },
) {
  return (
    <Field
      {...props}
      input={(ids) => (
        <input
          {...controlOf(props, ids, 'govuk-input', props.width)}
          // preact's types split <input> by its type; both kinds take the same attributes here.
          type={(props.type ?? 'text') as 'text'}
          spellcheck={false}
          autocomplete={props.autocomplete}
          inputMode={props.inputMode}
          readOnly={props.readOnly}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    />
  );
}

/**
 * The props a text field (`TextInput`, `DecimalInput`, `TextArea`) takes from a form held as
 * one object: `field('unit')` is its id (the key, or the id given), the value typed, the error
 * the summary links to that id, and the change to the form. A page adds the words.
 */
export const textFieldsOf =
  <F,>(form: F, errorOf: (id: string) => string | undefined, change: (patch: Partial<F>) => void) =>
  <K extends { [Key in keyof F]: F[Key] extends string ? Key : never }[keyof F] & string>(
    key: K,
    id: string = key,
  ) => ({
    id,
    value: form[key] as string,
    error: errorOf(id),
    onInput: (value: string) => change({ [key]: value } as Partial<F>),
  });

/** A number as typed (parsed by `parseDecimal`): the decimal keyboard, never the browser's autofill. */
export function DecimalInput(props: Omit<Parameters<typeof TextInput>[0], 'inputMode' | 'autocomplete' | 'type'>) {
  return <TextInput {...props} inputMode="decimal" autocomplete="off" />;
}

export function TextArea(
  props: FieldProps & { value: string; rows?: number; spellcheck?: boolean; onInput(value: string): void },
) {
  return (
    <Field
      {...props}
      input={(ids) => (
        <textarea
          {...controlOf(props, ids, 'govuk-textarea')}
          rows={props.rows ?? 3}
          spellcheck={props.spellcheck}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    />
  );
}

/** The GOV.UK character count's words: "You have 3,990 characters remaining", "You have 1 character too many". */
export function characterCountMessage(
  length: number,
  max: number,
  w: WebWords['admin']['fields'] = en.admin.fields,
): string {
  const left = max - length;
  const n = Math.abs(left);
  const text = left >= 0 ? (n === 1 ? w.remainingOne : w.remaining) : n === 1 ? w.tooManyOne : w.tooMany;
  return fill(text, { n: formatNumber(n) });
}

/**
 * GOV.UK's character count (a textarea with a limit): the limit as a hint, a live count
 * under the field that turns into an error once over, and the same words for screen
 * readers once typing pauses. No `maxlength`, so a pasted text can be cut down rather
 * than silently cut off; the form refuses it until it fits.
 */
export function CharacterCount(
  props: FieldProps & { value: string; maxLength: number; rows?: number; onInput(value: string): void },
) {
  const w = useWords().t.admin.fields;
  const message = characterCountMessage(props.value.length, props.maxLength, w);
  const over = props.value.length > props.maxLength;
  // Screen readers hear the count after a pause in typing, not at every key (GOV.UK's pattern).
  const [spoken, setSpoken] = useState(message);
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(message), 1000);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <Field
      {...props}
      groupClass={join('govuk-character-count', props.groupClass)}
      input={(ids) => (
        <>
          <textarea
            class={join('govuk-textarea', 'govuk-js-character-count', (props.error || over) && 'govuk-textarea--error')}
            id={props.id}
            name={props.name ?? props.id}
            rows={props.rows ?? 5}
            aria-describedby={join(`${props.id}-info`, ids)}
            value={props.value}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
          <div id={`${props.id}-info`} class="govuk-hint govuk-character-count__message govuk-visually-hidden">
            {fill(w.upTo, { n: formatNumber(props.maxLength) })}
          </div>
          <div
            class={join(
              'govuk-character-count__message',
              'govuk-character-count__status',
              over ? 'govuk-error-message' : 'govuk-hint',
            )}
            aria-hidden="true"
          >
            {message}
          </div>
          <div class="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
            {spoken}
          </div>
        </>
      )}
    />
  );
}

export interface Choice<T extends string = string> {
  value: T;
  label: string;
  /** The label's language when it is not the page's: user data without a Welsh version on a Welsh page. */
  lang?: 'en';
}

/** A GOV.UK select; `choices` after an optional first `empty` choice (value ''). */
export function Select(
  props: FieldProps & { value: string; empty?: string; choices: readonly Choice[]; onChange(value: string): void },
) {
  return (
    <Field
      {...props}
      input={(ids) => (
        <select {...controlOf(props, ids, 'govuk-select')} onChange={(e) => props.onChange(e.currentTarget.value)}>
          {props.empty !== undefined && <option value="">{props.empty}</option>}
          {props.choices.map((c) => (
            <option key={c.value} value={c.value} lang={c.lang}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A fieldset with its legend, hint and error: radios, checkboxes and the date input. */
function FieldsetGroup(props: {
  /** The id the hint's and error's ids start from. */
  id: string;
  /** The input the error summary links to; the error message's id is `<errorFor>-error`. */
  errorFor: string;
  legend: string;
  legendClass?: string;
  hint?: ComponentChildren;
  error?: string;
  children: ComponentChildren;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class={join('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <fieldset
        class="govuk-fieldset"
        aria-describedby={describedBy(hintId, props.error ? `${props.errorFor}-error` : undefined)}
      >
        <legend class={join('govuk-fieldset__legend', props.legendClass ?? 'govuk-fieldset__legend--s')}>
          {props.legend}
        </legend>
        {hintId && <Hint id={hintId}>{props.hint}</Hint>}
        <ErrorMessage id={props.errorFor} message={props.error} />
        {props.children}
      </fieldset>
    </div>
  );
}

/** GOV.UK radios; each input's id is `<name>-<value>` (the first one is the error summary's link). */
export function Radios<T extends string>(props: {
  name: string;
  legend: string;
  /** e.g. `govuk-fieldset__legend--m`; `--s` when not given. */
  legendClass?: string;
  hint?: ComponentChildren;
  choices: readonly Choice<T>[];
  value: string | null;
  error?: string;
  /** The full-size radios (the small ones when not given). */
  large?: boolean;
  onChange(value: T): void;
}) {
  const idOf = (value: T) => `${props.name}-${value}`;
  return (
    <FieldsetGroup
      id={props.name}
      errorFor={idOf(props.choices[0]!.value)}
      legend={props.legend}
      legendClass={props.legendClass}
      hint={props.hint}
      error={props.error}
    >
      <div class={join('govuk-radios', !props.large && 'govuk-radios--small')}>
        {props.choices.map((c) => (
          <div class="govuk-radios__item" key={c.value}>
            <input
              class="govuk-radios__input"
              id={idOf(c.value)}
              name={props.name}
              type="radio"
              value={c.value}
              checked={props.value === c.value}
              onChange={() => props.onChange(c.value)}
            />
            <label class="govuk-label govuk-radios__label" for={idOf(c.value)}>
              {c.label}
            </label>
          </div>
        ))}
      </div>
    </FieldsetGroup>
  );
}

export interface CheckboxItem {
  /** The input's id (the first item's is the error summary's link). */
  id: string;
  value: string;
  label: string;
  /** The label's language when it is not the page's (as a Choice's). */
  lang?: 'en';
  hint?: string;
  checked: boolean;
}

function CheckboxList(props: { name: string; items: readonly CheckboxItem[]; onToggle(value: string): void }) {
  return (
    <div class="govuk-checkboxes govuk-checkboxes--small">
      {props.items.map((c) => (
        <div class="govuk-checkboxes__item" key={c.id}>
          <input
            class="govuk-checkboxes__input"
            id={c.id}
            name={props.name}
            type="checkbox"
            value={c.value}
            checked={c.checked}
            aria-describedby={c.hint ? `${c.id}-hint` : undefined}
            onChange={() => props.onToggle(c.value)}
          />
          <label class="govuk-label govuk-checkboxes__label" for={c.id} lang={c.lang}>
            {c.label}
          </label>
          {c.hint && (
            <div class="govuk-hint govuk-checkboxes__hint" id={`${c.id}-hint`}>
              {c.hint}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

/** GOV.UK checkboxes under a legend; `onToggle` gets the value ticked or unticked. */
export function Checkboxes(props: {
  name: string;
  legend: string;
  hint?: ComponentChildren;
  items: readonly CheckboxItem[];
  error?: string;
  onToggle(value: string): void;
}) {
  return (
    <FieldsetGroup
      id={props.name}
      errorFor={props.items[0]?.id ?? props.name}
      legend={props.legend}
      hint={props.hint}
      error={props.error}
    >
      <CheckboxList name={props.name} items={props.items} onToggle={props.onToggle} />
    </FieldsetGroup>
  );
}

/** One checkbox on its own (a yes or no the label says), with no legend. */
export function Checkbox(props: { id: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div class="govuk-form-group">
      <CheckboxList
        name={props.id}
        items={[{ id: props.id, value: 'yes', label: props.label, checked: props.checked }]}
        onToggle={() => props.onChange(!props.checked)}
      />
    </div>
  );
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The GOV.UK date input: `Day`, `Month`, `Year` (ids `<id>-day`…); the error is the whole date's. */
export function DateInput(props: {
  id: string;
  /** The inputs' names start with it: `<name>-day`… */
  name: string;
  legend: string;
  hint?: ComponentChildren;
  value: DateParts;
  error?: string;
  onChange(value: DateParts): void;
}) {
  const { t } = useWords();
  const parts = [
    ['day', t.date.day, 'govuk-input--width-2'],
    ['month', t.date.month, 'govuk-input--width-2'],
    ['year', t.date.year, 'govuk-input--width-4'],
  ] as const;
  return (
    <FieldsetGroup id={props.id} errorFor={props.id} legend={props.legend} hint={props.hint} error={props.error}>
      <div class="govuk-date-input" id={props.id}>
        {parts.map(([part, label, width]) => (
          <div class="govuk-date-input__item" key={part}>
            <div class="govuk-form-group">
              <label class="govuk-label govuk-date-input__label" for={`${props.id}-${part}`}>
                {label}
              </label>
              <input
                class={join('govuk-input govuk-date-input__input', width, props.error && 'govuk-input--error')}
                id={`${props.id}-${part}`}
                name={`${props.name}-${part}`}
                type="text"
                inputMode="numeric"
                value={props.value[part]}
                onInput={(e) => props.onChange({ ...props.value, [part]: e.currentTarget.value })}
              />
            </div>
          </div>
        ))}
      </div>
    </FieldsetGroup>
  );
}

/** A GOV.UK file upload; the page reads the file from the input by its id when the form is sent. */
export function FileUpload(props: FieldProps & { accept: string }) {
  return (
    <Field
      {...props}
      input={(ids) => (
        <input
          class={join('govuk-file-upload', props.error && 'govuk-file-upload--error')}
          id={props.id}
          name={props.name ?? props.id}
          type="file"
          accept={props.accept}
          aria-describedby={ids}
        />
      )}
    />
  );
}
