import { Checkboxes, DecimalInput, Radios, Select, TextInput } from '../components';
import { aggregationChoices, frequencyChoices, polarityChoices, type Typed } from './form';

// The measure editor's sections (docs/web-app.md "Admin: measures and planned work"): what
// the measure is and its bands. The page holds the form.

interface SectionProps {
  typed: Typed;
  errorOf(field: string): string | undefined;
  set(change: Partial<Typed>): void;
}

/** Unit, Polarity, Frequency (and how months make a quarter), the owner and the directorates. */
export function AboutMeasure(props: SectionProps & { directorates: string[] }) {
  return (
    <>
      <TextInput
        autocomplete="off"
        id="unit"
        label="Unit"
        hint="For example: days per FTE, %, households (optional)"
        value={props.typed.unit}
        error={props.errorOf('unit')}
        width="govuk-input--width-20"
        onInput={(v) => props.set({ unit: v })}
      />
      <Radios
        name="polarity"
        legend="Polarity"
        choices={polarityChoices}
        value={props.typed.polarity}
        error={props.errorOf('polarity-higher')}
        onChange={(v) => props.set({ polarity: v })}
      />
      <Radios
        name="frequency"
        legend="Frequency"
        hint="How often a result is given"
        choices={frequencyChoices}
        value={props.typed.frequency}
        error={props.errorOf('frequency-monthly')}
        onChange={(v) => props.set({ frequency: v })}
      />
      {props.typed.frequency === 'monthly' && (
        <Radios
          name="aggregation"
          legend="How months make a quarter"
          hint="If none is chosen: the latest month"
          choices={aggregationChoices}
          value={props.typed.aggregation}
          error={props.errorOf('aggregation-latest')}
          onChange={(v) => props.set({ aggregation: v })}
        />
      )}
      <Select
        id="owner-directorate"
        name="ownerDirectorate"
        label="Owner directorate"
        hint="Its officers enter the results"
        value={props.typed.ownerDirectorate}
        empty="Choose a directorate"
        choices={props.directorates.map((d) => ({ value: d, label: d }))}
        error={props.errorOf('owner-directorate')}
        onChange={(ownerDirectorate) => props.set({ ownerDirectorate })}
      />
      <Checkboxes
        name="directorates"
        legend="Directorates"
        hint="Those a result is broken down by. Select all that apply."
        items={props.directorates.map((d, i) => ({
          id: `directorates-${i}`,
          value: d,
          label: d,
          checked: props.typed.directorates.includes(d),
        }))}
        error={props.errorOf('directorates-0')}
        onToggle={(d) =>
          props.set({
            directorates: props.typed.directorates.includes(d)
              ? props.typed.directorates.filter((x) => x !== d)
              : props.directorates.filter((x) => x === d || props.typed.directorates.includes(x)),
          })
        }
      />
    </>
  );
}

/** `Possible values` (`valueRange`): a value outside them is refused, e.g. 0 to 100 for a percentage. */
export function ValueRangeFields(props: SectionProps) {
  return (
    <>
      <h2 class="govuk-heading-m">Possible values</h2>
      <p class="govuk-body">
        The values the measure can take: a result or target outside them is refused. For example 0 and 100 for a
        percentage, or 0 and nothing for a number of days. Leave an end empty for no limit.
      </p>
      <DecimalInput
        id="value-min"
        label="Lowest possible value"
        value={props.typed.valueMin}
        error={props.errorOf('value-min')}
        width="govuk-input--width-5"
        onInput={(v) => props.set({ valueMin: v })}
      />
      <DecimalInput
        id="value-max"
        label="Highest possible value"
        value={props.typed.valueMax}
        error={props.errorOf('value-max')}
        width="govuk-input--width-5"
        onInput={(v) => props.set({ valueMax: v })}
      />
    </>
  );
}

/** `Bands`: empty fields leave the default in Settings. */
export function BandFields(props: SectionProps) {
  return (
    <>
      <h2 class="govuk-heading-m">Bands</h2>
      <p class="govuk-body">Leave a band empty to use the default in Settings.</p>
      <DecimalInput
        id="tolerance-percent"
        label="Amber tolerance (%)"
        hint="How far off target, as a percentage of the target, is still amber rather than red"
        value={props.typed.tolerancePercent}
        error={props.errorOf('tolerance-percent')}
        width="govuk-input--width-5"
        onInput={(v) => props.set({ tolerancePercent: v })}
      />
      <DecimalInput
        id="green-tolerance-percent"
        label="Green tolerance (%)"
        hint="A shortfall still rated green, as a percentage of the target"
        value={props.typed.greenTolerancePercent}
        error={props.errorOf('green-tolerance-percent')}
        width="govuk-input--width-5"
        onInput={(v) => props.set({ greenTolerancePercent: v })}
      />
      <DecimalInput
        id="tolerance-absolute"
        label="Absolute tolerance"
        hint="The amber band, in the measure's unit, for targets of 0"
        value={props.typed.toleranceAbsolute}
        error={props.errorOf('tolerance-absolute')}
        width="govuk-input--width-5"
        onInput={(v) => props.set({ toleranceAbsolute: v })}
      />
      <Radios
        name="improvement"
        legend="Rate a red as amber when it improved on the same quarter last year"
        choices={[
          { value: 'default', label: 'As in Settings' },
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={props.typed.improvementSoftensRed}
        error={props.errorOf('improvement-default')}
        onChange={(v) => props.set({ improvementSoftensRed: v })}
      />
    </>
  );
}
