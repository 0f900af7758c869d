import type { SettingsVersion } from '../api';
import { Checkbox, Checkboxes, DateInput, Radios, TextArea, TextInput, textFieldsOf } from '../components';
import { TableHead } from '../components/table';
import { Name, UserText } from '../components/user-text';
import { Who } from '../components/who';
import { fill, useWords } from '../i18n';
import { formatDateTime } from '../words';
import {
  bandFields,
  cabinetFields,
  cabinetLabel,
  type DirectorateForm,
  type Form,
  type RuleName,
  reportLanguages,
  ruleNames,
} from './form';

// The Settings page's sections (docs/web-app.md "Settings"), each a part of one form: the
// page holds what was typed and saves it whole.

interface SectionProps {
  form: Form;
  errorOf(field: string): string | undefined;
  change(patch: Partial<Form>): void;
}

/** `The report`: its title and the plans' names. */
export function ReportSection(props: SectionProps) {
  const changePlan = (i: number, patch: Partial<{ id: string; name: string }>) =>
    props.change({ plans: props.form.plans.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const w = useWords().t.admin.settings;
  return (
    <>
      <h2 class="govuk-heading-m">{w.theReport}</h2>
      <TextInput
        labelClass="govuk-label--s"
        {...textFieldsOf(props.form, props.errorOf, props.change)('reportTitle')}
        label={w.reportTitle}
        hint={w.reportTitleHint}
      />
      <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{w.planNames}</legend>
        <div class="govuk-hint">{w.planNamesHint}</div>
        {props.form.plans.map((plan, i) => (
          <div class="app-plan-row" key={i}>
            <TextInput
              labelClass="govuk-label--s"
              id={`plan-id-${i}`}
              label={fill(w.planId, { n: i + 1 })}
              width="govuk-input--width-10"
              value={plan.id}
              error={props.errorOf(`plan-id-${i}`)}
              onInput={(id) => changePlan(i, { id })}
            />
            <TextInput
              labelClass="govuk-label--s"
              id={`plan-name-${i}`}
              label={fill(w.planName, { n: i + 1 })}
              value={plan.name}
              error={props.errorOf(`plan-name-${i}`)}
              onInput={(name) => changePlan(i, { name })}
            />
            <button
              type="button"
              class="govuk-button govuk-button--secondary"
              onClick={() => props.change({ plans: props.form.plans.filter((_, j) => j !== i) })}
            >
              {fill(w.removePlan, { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          onClick={() => props.change({ plans: [...props.form.plans, { id: '', name: '' }] })}
        >
          {w.addPlan}
        </button>
      </fieldset>
    </>
  );
}

/**
 * `Welsh and English` (docs/cymraeg.md): the report's languages, and the plan's names in
 * Welsh: the report title, each plan, programme and directorate. Empty: none (the English shows).
 */
export function WelshSection(props: SectionProps) {
  const { form } = props;
  const changePlan = (i: number, nameCy: string) =>
    props.change({ plans: form.plans.map((p, j) => (j === i ? { ...p, nameCy } : p)) });
  const changeDirectorate = (i: number, nameCy: string) =>
    props.change({ directorates: form.directorates.map((d, j) => (j === i ? { ...d, nameCy } : d)) });
  const changeProgramme = (i: number, patch: Partial<{ name: string; nameCy: string }>) =>
    props.change({ programmesCy: form.programmesCy.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const w = useWords().t.admin.settings;
  // "{name} in Welsh" around the directorate's English name, marked as English on a Welsh page.
  const [inWelshBefore, inWelshAfter] = w.inWelsh.split('{name}');
  return (
    <>
      <h2 class="govuk-heading-m">{w.welshAndEnglish}</h2>
      <Radios
        name="reportLanguages"
        legend={w.reportLanguages}
        hint={w.reportLanguagesHint}
        value={form.reportLanguages}
        choices={reportLanguages.map((value) => ({ value, label: w.languages[value] }))}
        error={props.errorOf('reportLanguages-en')}
        onChange={(reportLanguages) => props.change({ reportLanguages })}
      />
      <TextInput
        labelClass="govuk-label--s"
        {...textFieldsOf(form, props.errorOf, props.change)('reportTitleCy')}
        label={w.reportTitleCy}
        hint={w.reportTitleCyHint}
      />
      {form.plans.length > 0 && (
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{w.planNamesCy}</legend>
          {form.plans.map((plan, i) => (
            <TextInput
              key={i}
              id={`plan-cy-${i}`}
              label={fill(w.planNameCy, { n: i + 1 })}
              hint={<UserText en={plan.name || plan.id} />}
              value={plan.nameCy ?? ''}
              error={props.errorOf(`plan-cy-${i}`)}
              onInput={(nameCy) => changePlan(i, nameCy)}
            />
          ))}
        </fieldset>
      )}
      <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{w.programmeNamesCy}</legend>
        <div class="govuk-hint">{w.programmeNamesCyHint}</div>
        {form.programmesCy.map((p, i) => (
          <div class="app-plan-row" key={i}>
            <TextInput
              id={`programme-${i}`}
              label={fill(w.programme, { n: i + 1 })}
              value={p.name}
              error={props.errorOf(`programme-${i}`)}
              onInput={(name) => changeProgramme(i, { name })}
            />
            <TextInput
              id={`programme-cy-${i}`}
              label={fill(w.programmeCy, { n: i + 1 })}
              value={p.nameCy}
              onInput={(nameCy) => changeProgramme(i, { nameCy })}
            />
            <button
              type="button"
              class="govuk-button govuk-button--secondary"
              onClick={() => props.change({ programmesCy: form.programmesCy.filter((_, j) => j !== i) })}
            >
              {fill(w.removeProgramme, { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          onClick={() => props.change({ programmesCy: [...form.programmesCy, { name: '', nameCy: '' }] })}
        >
          {w.addProgramme}
        </button>
      </fieldset>
      {form.directorates.length > 0 && (
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{w.directorateNamesCy}</legend>
          {form.directorates.map((d, i) => (
            <TextInput
              key={d.name}
              id={`directorate-cy-${i}`}
              label={
                <>
                  {inWelshBefore}
                  <UserText en={d.name} />
                  {inWelshAfter}
                </>
              }
              value={d.nameCy}
              error={props.errorOf(`directorate-cy-${i}`)}
              onInput={(nameCy) => changeDirectorate(i, nameCy)}
            />
          ))}
        </fieldset>
      )}
    </>
  );
}

/** `The Cabinet report`: its frame in each language and the meeting's date (docs/documents.md). */
export function CabinetSection(props: SectionProps) {
  const { form } = props;
  const { t } = useWords();
  const w = t.admin.settings;
  return (
    <>
      <h2 class="govuk-heading-m">{w.cabinetReport}</h2>
      <p class="govuk-body">{w.cabinetIntro}</p>
      {(['en', 'cy'] as const).map((language) => (
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-6" key={language}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            {language === 'en' ? w.inEnglishLegend : w.inWelshLegend}
          </legend>
          {cabinetFields.map((f) => (
            <TextInput
              key={f}
              id={`cabinet-${language}-${f}`}
              label={cabinetLabel(w, f, language)}
              value={form.cabinet[language][f]}
              error={props.errorOf(`cabinet-${language}-${f}`)}
              onInput={(value) =>
                props.change({
                  cabinet: { ...form.cabinet, [language]: { ...form.cabinet[language], [f]: value } },
                })
              }
            />
          ))}
        </fieldset>
      ))}
      <DateInput
        id="meetingDate"
        name="meetingDate"
        legend={w.meetingDate}
        hint={w.meetingDateHint}
        value={form.meetingDate}
        error={
          props.errorOf('meetingDate-day') ?? props.errorOf('meetingDate-month') ?? props.errorOf('meetingDate-year')
        }
        onChange={(meetingDate) => props.change({ meetingDate })}
      />
    </>
  );
}

/** Who each directorate's emails go to, in the order the section asks. */
const emailedLists = ['contacts', 'heads', 'approvers'] as const;

/** `Who is emailed`: EMT, each directorate's contacts, heads and approvers, and the reminder days. */
export function EmailedSection(props: SectionProps) {
  const changeDirectorate = (i: number, patch: Partial<DirectorateForm>) =>
    props.change({ directorates: props.form.directorates.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const w = useWords().t.admin.settings;
  const field = textFieldsOf(props.form, props.errorOf, props.change);
  return (
    <>
      <h2 class="govuk-heading-m">{w.whoIsEmailed}</h2>
      <TextArea
        labelClass="govuk-label--s"
        spellcheck={false}
        {...field('emtRecipients')}
        label={w.emtRecipients}
        hint={w.emtRecipientsHint}
        rows={4}
      />
      {props.form.directorates.map((d, i) => {
        const directorateField = textFieldsOf(d, props.errorOf, (patch) => changeDirectorate(i, patch));
        return (
          <fieldset class="govuk-fieldset govuk-!-margin-bottom-6" key={d.name}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              <Name kind="directorate" of={d.name} />
            </legend>
            {emailedLists.map((list) => (
              <TextArea
                key={list}
                labelClass="govuk-label--s"
                spellcheck={false}
                {...directorateField(list, `${list}-${i}`)}
                label={w[list]}
                hint={w[`${list}Hint`]}
                rows={2}
              />
            ))}
          </fieldset>
        );
      })}
      <TextInput
        labelClass="govuk-label--s"
        {...field('reminderDays')}
        label={w.reminderDays}
        hint={w.reminderDaysHint}
        width="govuk-input--width-10"
      />
    </>
  );
}

/** `Sign-off`: on or off, and what a return not signed off at close counts as. */
export function SignOffSection(props: SectionProps) {
  const w = useWords().t.admin.settings;
  return (
    <>
      <h2 class="govuk-heading-m">{w.signOff}</h2>
      <Radios
        name="signOff"
        legend={w.signOff}
        hint={w.signOffHint}
        value={props.form.signOff}
        choices={[
          { value: 'on', label: w.on },
          { value: 'off', label: w.off },
        ]}
        error={props.errorOf('signOff-on')}
        onChange={(signOff) => props.change({ signOff })}
      />
      <Radios
        name="unsignedAtClose"
        legend={w.unsignedAtClose}
        value={props.form.unsignedAtClose}
        choices={[
          { value: 'count-flagged', label: w.countFlagged },
          { value: 'no-data', label: w.noData },
        ]}
        error={props.errorOf('unsignedAtClose-count-flagged')}
        onChange={(unsignedAtClose) => props.change({ unsignedAtClose })}
      />
    </>
  );
}

/** `Status rules`: the bands, the improvement rule and what makes an item critical. */
export function StatusRulesSection(props: SectionProps) {
  const w = useWords().t.admin.settings;
  return (
    <>
      <h2 class="govuk-heading-m">{w.statusRules}</h2>
      {bandFields.map((f) => (
        <TextInput
          labelClass="govuk-label--s"
          key={f.key}
          id={f.key}
          label={w.bands[f.key].label}
          hint={w.bands[f.key].hint}
          width="govuk-input--width-5"
          inputMode="decimal"
          value={props.form.bands[f.key]}
          error={props.errorOf(f.key)}
          onInput={(value) => props.change({ bands: { ...props.form.bands, [f.key]: value } })}
        />
      ))}
      <Checkbox
        id="improvementSoftensRed"
        label={w.improvementSoftensRed}
        checked={props.form.improvementSoftensRed}
        onChange={(improvementSoftensRed) => props.change({ improvementSoftensRed })}
      />
      <Checkboxes
        name="criticalRules"
        legend={w.criticalItems}
        hint={w.criticalItemsHint}
        items={ruleNames.map((rule) => ({
          id: `rule-${rule}`,
          value: rule,
          label: w.rules[rule],
          checked: props.form.criticalRules[rule],
        }))}
        error={props.errorOf('rule-red')}
        onToggle={(rule) =>
          props.change({
            criticalRules: { ...props.form.criticalRules, [rule]: !props.form.criticalRules[rule as RuleName] },
          })
        }
      />
    </>
  );
}

const when = (at: string | undefined) => (at ? formatDateTime(at) : '');

export function SettingsHistory({ versions }: { versions: SettingsVersion[] }) {
  const w = useWords().t.admin.settings;
  if (versions.length === 0) return <p class="govuk-body">{w.noChanges}</p>;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{w.latestChanges}</caption>
      <TableHead columns={[w.version, w.changedBy, w.when]} />
      <tbody class="govuk-table__body">
        {[...versions]
          .reverse()
          .slice(0, 10)
          .map((v) => (
            <tr class="govuk-table__row" key={v.version}>
              <td class="govuk-table__cell">{v.version}</td>
              <td class="govuk-table__cell app-wrap">{v.byName ? <Who by={v} /> : w.notRecorded}</td>
              <td class="govuk-table__cell app-wrap">{when(v.at)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
