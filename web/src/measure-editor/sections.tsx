import { Checkboxes, DecimalInput, Radios, Select, TextInput, textFieldsOf } from '../components';
import { useWords } from '../i18n';
import { nameChoice } from '../names';
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
  const { language, t } = useWords();
  const editors = t.editors;
  const { fields: f, sections: w } = editors;
  const field = textFieldsOf(props.typed, props.errorOf, props.set);
  return (
    <>
      <TextInput autocomplete="off" {...field('unit')} label={f.unit} hint={w.unitHint} width="govuk-input--width-20" />
      <Radios
        name="polarity"
        legend={f.polarity}
        choices={polarityChoices(editors)}
        value={props.typed.polarity}
        error={props.errorOf('polarity-higher')}
        onChange={(v) => props.set({ polarity: v })}
      />
      <Radios
        name="frequency"
        legend={f.frequency}
        hint={w.frequencyHint}
        choices={frequencyChoices(editors)}
        value={props.typed.frequency}
        error={props.errorOf('frequency-monthly')}
        onChange={(v) => props.set({ frequency: v })}
      />
      {props.typed.frequency === 'monthly' && (
        <Radios
          name="aggregation"
          legend={f.aggregation}
          hint={w.aggregationHint}
          choices={aggregationChoices(editors)}
          value={props.typed.aggregation}
          error={props.errorOf('aggregation-latest')}
          onChange={(v) => props.set({ aggregation: v })}
        />
      )}
      <Select
        id="owner-directorate"
        name="ownerDirectorate"
        label={f.ownerDirectorate}
        hint={w.ownerHint}
        value={props.typed.ownerDirectorate}
        empty={editors.editor.chooseDirectorate}
        choices={props.directorates.map((d) => nameChoice(language, 'directorate', d))}
        error={props.errorOf('owner-directorate')}
        onChange={(ownerDirectorate) => props.set({ ownerDirectorate })}
      />
      <Checkboxes
        name="directorates"
        legend={f.directorates}
        hint={w.directoratesHint}
        items={props.directorates.map((d, i) => ({
          id: `directorates-${i}`,
          ...nameChoice(language, 'directorate', d),
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
  const { fields: f, sections: w } = useWords().t.editors;
  const field = textFieldsOf(props.typed, props.errorOf, props.set);
  return (
    <>
      <h2 class="govuk-heading-m">{f.valueRange}</h2>
      <p class="govuk-body">{w.possibleText}</p>
      <DecimalInput {...field('valueMin', 'value-min')} label={w.lowest} width="govuk-input--width-5" />
      <DecimalInput {...field('valueMax', 'value-max')} label={w.highest} width="govuk-input--width-5" />
    </>
  );
}

/** `Bands`: empty fields leave the default in Settings. */
export function BandFields(props: SectionProps) {
  const { fields: f, sections: w } = useWords().t.editors;
  const field = textFieldsOf(props.typed, props.errorOf, props.set);
  return (
    <>
      <h2 class="govuk-heading-m">{w.bands}</h2>
      <p class="govuk-body">{w.bandsText}</p>
      <DecimalInput
        {...field('tolerancePercent', 'tolerance-percent')}
        label={f.tolerancePercent}
        hint={w.amberHint}
        width="govuk-input--width-5"
      />
      <DecimalInput
        {...field('greenTolerancePercent', 'green-tolerance-percent')}
        label={f.greenTolerancePercent}
        hint={w.greenHint}
        width="govuk-input--width-5"
      />
      <DecimalInput
        {...field('toleranceAbsolute', 'tolerance-absolute')}
        label={f.toleranceAbsolute}
        hint={w.absoluteHint}
        width="govuk-input--width-5"
      />
      <Radios
        name="improvement"
        legend={w.improvementLegend}
        choices={[
          { value: 'default', label: w.asInSettings },
          { value: 'yes', label: w.yes },
          { value: 'no', label: w.no },
        ]}
        value={props.typed.improvementSoftensRed}
        error={props.errorOf('improvement-default')}
        onChange={(v) => props.set({ improvementSoftensRed: v })}
      />
    </>
  );
}
