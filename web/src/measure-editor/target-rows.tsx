import { useEffect, useRef, useState } from 'preact/hooks';
import type { MeasureDefinition } from '../../../lambdas/domain/types';
import { DecimalInput, Select } from '../components';
import { fill, useWords } from '../i18n';
import { periodChoiceLabel } from '../period-choices';
import {
  directorateRolled,
  dirScope,
  newRow,
  rowField,
  type TargetHistory,
  type TargetRow,
  type Typed,
  targetMarks,
} from './form';

// The measure editor's targets (docs/web-app.md): one group a target (`Period`, then
// `Target`, or `Minimum` and `Maximum` for a range), `Remove`, and `Add another target`;
// focus goes to the new row's period, or back to `Add another target` after a removal.

/** One set of target rows: the measure's, or one directorate's. */
export function TargetRows(props: {
  scope: string;
  /** The directorate whose own targets these are; none: the measure's. */
  directorate?: string;
  rows: TargetRow[];
  periods: string[];
  within: boolean;
  marks(row: TargetRow): string[];
  errorOf(field: string): string | undefined;
  onChange(rows: TargetRow[]): void;
}) {
  const editors = useWords().t.editors;
  const w = editors.targets;
  const { directorate } = props;
  /** `Target 2`, `People target 2`; hidden after `Remove`: ` target 2`, ` People target 2`. */
  const rowName = (n: number) => (directorate ? fill(w.dirRow, { directorate, n }) : fill(w.row, { n }));
  const removeName = (n: number) => (directorate ? fill(w.removeDirRow, { directorate, n }) : fill(w.removeRow, { n }));
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    if (focusNext === 'add') addRef.current?.focus();
    else document.getElementById(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext]);
  const set = (row: TargetRow, change: Partial<TargetRow>) =>
    props.onChange(props.rows.map((r) => (r.key === row.key ? { ...r, ...change } : r)));
  const options = (row: TargetRow) => [...new Set([...props.periods, ...(row.period ? [row.period] : [])])].sort();
  return (
    <>
      {props.rows.map((row, i) => {
        const id = (part: 'period' | 'value' | 'min' | 'max') => rowField(props.scope, row, part);
        const number = (part: 'value' | 'min' | 'max', label: string) => (
          <DecimalInput
            id={id(part)}
            label={label}
            groupClass="app-target__field"
            width="govuk-input--width-5"
            value={row[part]}
            error={props.errorOf(id(part))}
            onInput={(value) => set(row, { [part]: value })}
          />
        );
        const marks = props.marks(row);
        return (
          <fieldset class="govuk-fieldset app-target" key={row.key}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{rowName(i + 1)}</legend>
            <div class="app-target__fields">
              <Select
                id={id('period')}
                label={w.period}
                groupClass="app-target__field"
                value={row.period}
                empty={w.choosePeriod}
                choices={options(row).map((p) => ({ value: p, label: periodChoiceLabel(p, editors) }))}
                error={props.errorOf(id('period'))}
                onChange={(period) => set(row, { period })}
              />
              {props.within ? (
                <>
                  {number('min', w.minimum)}
                  {number('max', w.maximum)}
                </>
              ) : (
                number('value', w.target)
              )}
              <div class="govuk-form-group app-target__field">
                <button
                  type="button"
                  class="govuk-button govuk-button--secondary app-target__remove"
                  onClick={() => {
                    props.onChange(props.rows.filter((r) => r.key !== row.key));
                    setFocusNext('add');
                  }}
                >
                  {w.remove}
                  <span class="govuk-visually-hidden">{removeName(i + 1)}</span>
                </button>
              </div>
            </div>
            {marks.length > 0 && (
              <p class="govuk-body-s">
                {marks.map((m) => (
                  <strong class="govuk-tag app-tag--grey app-target__mark" key={m}>
                    {m}
                  </strong>
                ))}
              </p>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        id={props.scope === 'target' ? 'add-target' : `${props.scope}-add`}
        ref={addRef}
        onClick={() => {
          const row = newRow();
          props.onChange([...props.rows, row]);
          setFocusNext(rowField(props.scope, row, 'period'));
        }}
      >
        {w.add}
        {directorate && <span class="govuk-visually-hidden">{fill(w.addFor, { directorate })}</span>}
      </button>
    </>
  );
}

/** `Targets`, then `Targets by directorate` for each directorate ticked, each with its tags. */
export function TargetsSection(props: {
  typed: Typed;
  /** The definition loaded (null: a new one), whose targets the tags compare with. */
  measure: MeasureDefinition | null;
  history: TargetHistory;
  periods: string[];
  errorOf(field: string): string | undefined;
  set(change: Partial<Typed>): void;
}) {
  const { measure } = props;
  const editors = useWords().t.editors;
  const w = editors.targets;
  return (
    <>
      <h2 class="govuk-heading-m" id="targets-heading">
        {w.heading}
      </h2>
      <p class="govuk-body">{w.text}</p>
      <TargetRows
        scope="target"
        rows={props.typed.targets}
        periods={props.periods}
        within={props.typed.polarity === 'within'}
        marks={(row) => targetMarks(row, measure?.targets, measure?.rolledForward ?? [], props.history, editors)}
        errorOf={props.errorOf}
        onChange={(rows) => props.set({ targets: rows })}
      />
      {props.typed.directorates.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{w.byDirectorate}</h2>
          <p class="govuk-body">{w.byDirectorateText}</p>
          {props.typed.directorates.map((d) => (
            <section key={d} aria-labelledby={`${dirScope(d, props.typed)}-heading`}>
              <h3 class="govuk-heading-s" id={`${dirScope(d, props.typed)}-heading`}>
                {fill(w.forDirectorate, { directorate: d })}
              </h3>
              <TargetRows
                scope={dirScope(d, props.typed)}
                directorate={d}
                rows={props.typed.directorateTargets[d] ?? []}
                periods={props.periods}
                within={props.typed.polarity === 'within'}
                marks={(row) =>
                  targetMarks(
                    row,
                    measure?.directorateTargets?.[d],
                    directorateRolled(measure?.rolledForward ?? [], d),
                    null,
                    editors,
                  )
                }
                errorOf={props.errorOf}
                onChange={(rows) => props.set({ directorateTargets: { ...props.typed.directorateTargets, [d]: rows } })}
              />
            </section>
          ))}
        </>
      )}
    </>
  );
}
