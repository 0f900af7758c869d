import type { SettingsVersion } from '../api';
import { Checkbox, Checkboxes, DateInput, Radios, TextArea, TextInput } from '../components';
import { TableHead } from '../components/table';
import { Who } from '../components/who';
import { formatDateTime } from '../words';
import {
  bandFields,
  cabinetFields,
  type DirectorateForm,
  type Form,
  type RuleName,
  reportLanguageChoices,
  ruleLabels,
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
  return (
    <>
      <h2 class="govuk-heading-m">The report</h2>
      <TextInput
        labelClass="govuk-label--s"
        id="reportTitle"
        label="Report title"
        hint="The title of the report, its emails and this service's header"
        value={props.form.reportTitle}
        error={props.errorOf('reportTitle')}
        onInput={(reportTitle) => props.change({ reportTitle })}
      />
      <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Plan names</legend>
        <div class="govuk-hint">
          Each plan's id (as measures name it: a-z, 0-9 and -) and the name its report carries
        </div>
        {props.form.plans.map((plan, i) => (
          <div class="app-plan-row" key={i}>
            <TextInput
              labelClass="govuk-label--s"
              id={`plan-id-${i}`}
              label={`Plan ${i + 1} id`}
              width="govuk-input--width-10"
              value={plan.id}
              error={props.errorOf(`plan-id-${i}`)}
              onInput={(id) => changePlan(i, { id })}
            />
            <TextInput
              labelClass="govuk-label--s"
              id={`plan-name-${i}`}
              label={`Plan ${i + 1} name`}
              value={plan.name}
              error={props.errorOf(`plan-name-${i}`)}
              onInput={(name) => changePlan(i, { name })}
            />
            <button
              type="button"
              class="govuk-button govuk-button--secondary"
              onClick={() => props.change({ plans: props.form.plans.filter((_, j) => j !== i) })}
            >
              Remove plan {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          onClick={() => props.change({ plans: [...props.form.plans, { id: '', name: '' }] })}
        >
          Add a plan
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
  return (
    <>
      <h2 class="govuk-heading-m">Welsh and English</h2>
      <Radios
        name="reportLanguages"
        legend="Report languages"
        hint="The languages of the EMT email, the report page, the Word draft and the workbook"
        value={form.reportLanguages}
        choices={reportLanguageChoices}
        error={props.errorOf('reportLanguages-en')}
        onChange={(reportLanguages) => props.change({ reportLanguages })}
      />
      <TextInput
        labelClass="govuk-label--s"
        id="reportTitleCy"
        label="Report title in Welsh"
        hint="Leave empty to show the English title"
        value={form.reportTitleCy}
        error={props.errorOf('reportTitleCy')}
        onInput={(reportTitleCy) => props.change({ reportTitleCy })}
      />
      {form.plans.length > 0 && (
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Plan names in Welsh</legend>
          {form.plans.map((plan, i) => (
            <TextInput
              key={i}
              id={`plan-cy-${i}`}
              label={`Plan ${i + 1} name in Welsh`}
              hint={plan.name || plan.id}
              value={plan.nameCy ?? ''}
              error={props.errorOf(`plan-cy-${i}`)}
              onInput={(nameCy) => changePlan(i, nameCy)}
            />
          ))}
        </fieldset>
      )}
      <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Programme names in Welsh</legend>
        <div class="govuk-hint">Each programme's name as measures carry it, and its name in Welsh</div>
        {form.programmesCy.map((p, i) => (
          <div class="app-plan-row" key={i}>
            <TextInput
              id={`programme-${i}`}
              label={`Programme ${i + 1}`}
              value={p.name}
              error={props.errorOf(`programme-${i}`)}
              onInput={(name) => changeProgramme(i, { name })}
            />
            <TextInput
              id={`programme-cy-${i}`}
              label={`Programme ${i + 1} in Welsh`}
              value={p.nameCy}
              onInput={(nameCy) => changeProgramme(i, { nameCy })}
            />
            <button
              type="button"
              class="govuk-button govuk-button--secondary"
              onClick={() => props.change({ programmesCy: form.programmesCy.filter((_, j) => j !== i) })}
            >
              Remove programme {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          onClick={() => props.change({ programmesCy: [...form.programmesCy, { name: '', nameCy: '' }] })}
        >
          Add a programme
        </button>
      </fieldset>
      {form.directorates.length > 0 && (
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Directorate names in Welsh</legend>
          {form.directorates.map((d, i) => (
            <TextInput
              key={d.name}
              id={`directorate-cy-${i}`}
              label={`${d.name} in Welsh`}
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
  return (
    <>
      <h2 class="govuk-heading-m">The Cabinet report</h2>
      <p class="govuk-body">
        What the Word draft opens with. Leave a field empty for the draft to mark it to be written.
      </p>
      {(['en', 'cy'] as const).map((language) => (
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-6" key={language}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            {language === 'en' ? 'In English' : 'In Welsh'}
          </legend>
          {cabinetFields.map((f) => (
            <TextInput
              key={f.key}
              id={`cabinet-${language}-${f.key}`}
              label={`${f.label} (${language === 'en' ? 'English' : 'Welsh'})`}
              value={form.cabinet[language][f.key]}
              error={props.errorOf(`cabinet-${language}-${f.key}`)}
              onInput={(value) =>
                props.change({
                  cabinet: { ...form.cabinet, [language]: { ...form.cabinet[language], [f.key]: value } },
                })
              }
            />
          ))}
        </fieldset>
      ))}
      <DateInput
        id="meetingDate"
        name="meetingDate"
        legend="Meeting date"
        hint="For example, 10 7 2018"
        value={form.meetingDate}
        error={
          props.errorOf('meetingDate-day') ?? props.errorOf('meetingDate-month') ?? props.errorOf('meetingDate-year')
        }
        onChange={(meetingDate) => props.change({ meetingDate })}
      />
    </>
  );
}

/** `Who is emailed`: EMT, each directorate's contacts, heads and approvers, and the reminder days. */
export function EmailedSection(props: SectionProps) {
  const changeDirectorate = (i: number, patch: Partial<DirectorateForm>) =>
    props.change({ directorates: props.form.directorates.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  return (
    <>
      <h2 class="govuk-heading-m">Who is emailed</h2>
      <TextArea
        labelClass="govuk-label--s"
        spellcheck={false}
        id="emtRecipients"
        label="EMT recipients"
        hint="Who gets the report when a quarter closes: one email address per line"
        rows={4}
        value={props.form.emtRecipients}
        error={props.errorOf('emtRecipients')}
        onInput={(emtRecipients) => props.change({ emtRecipients })}
      />
      {props.form.directorates.map((d, i) => (
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-6" key={d.name}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{d.name}</legend>
          <TextArea
            labelClass="govuk-label--s"
            spellcheck={false}
            id={`contacts-${i}`}
            label="Contact email"
            hint="Reminded of missing returns: one email address per line"
            rows={2}
            value={d.contacts}
            error={props.errorOf(`contacts-${i}`)}
            onInput={(contacts) => changeDirectorate(i, { contacts })}
          />
          <TextArea
            labelClass="govuk-label--s"
            spellcheck={false}
            id={`heads-${i}`}
            label="Head of service"
            hint="Copied into the last reminder: one email address per line"
            rows={2}
            value={d.heads}
            error={props.errorOf(`heads-${i}`)}
            onInput={(heads) => changeDirectorate(i, { heads })}
          />
          <TextArea
            labelClass="govuk-label--s"
            spellcheck={false}
            id={`approvers-${i}`}
            label="Approvers"
            hint="Emailed what awaits their sign-off: one email address per line"
            rows={2}
            value={d.approvers}
            error={props.errorOf(`approvers-${i}`)}
            onInput={(approvers) => changeDirectorate(i, { approvers })}
          />
        </fieldset>
      ))}
      <TextInput
        labelClass="govuk-label--s"
        id="reminderDays"
        label="Reminder days"
        hint="Days before the close when directorates are reminded of missing returns, separated by commas (for example 5, 1)"
        width="govuk-input--width-10"
        value={props.form.reminderDays}
        error={props.errorOf('reminderDays')}
        onInput={(reminderDays) => props.change({ reminderDays })}
      />
    </>
  );
}

/** `Sign-off`: on or off, and what a return not signed off at close counts as. */
export function SignOffSection(props: SectionProps) {
  return (
    <>
      <h2 class="govuk-heading-m">Sign-off</h2>
      <Radios
        name="signOff"
        legend="Sign-off"
        hint="On: a return counts once an approver of its directorate agrees"
        value={props.form.signOff}
        choices={[
          { value: 'on', label: 'On' },
          { value: 'off', label: 'Off' },
        ]}
        error={props.errorOf('signOff-on')}
        onChange={(signOff) => props.change({ signOff })}
      />
      <Radios
        name="unsignedAtClose"
        legend="When a return is not signed off at close"
        value={props.form.unsignedAtClose}
        choices={[
          { value: 'count-flagged', label: 'Count it and flag it as not signed off' },
          { value: 'no-data', label: 'Treat it as no data' },
        ]}
        error={props.errorOf('unsignedAtClose-count-flagged')}
        onChange={(unsignedAtClose) => props.change({ unsignedAtClose })}
      />
    </>
  );
}

/** `Status rules`: the bands, the improvement rule and what makes an item critical. */
export function StatusRulesSection(props: SectionProps) {
  return (
    <>
      <h2 class="govuk-heading-m">Status rules</h2>
      {bandFields.map((f) => (
        <TextInput
          labelClass="govuk-label--s"
          key={f.key}
          id={f.key}
          label={f.label}
          hint={f.hint}
          width="govuk-input--width-5"
          inputMode="decimal"
          value={props.form.bands[f.key]}
          error={props.errorOf(f.key)}
          onInput={(value) => props.change({ bands: { ...props.form.bands, [f.key]: value } })}
        />
      ))}
      <Checkbox
        id="improvementSoftensRed"
        label="A RED measure that improved on the same quarter last year is AMBER"
        checked={props.form.improvementSoftensRed}
        onChange={(improvementSoftensRed) => props.change({ improvementSoftensRed })}
      />
      <Checkboxes
        name="criticalRules"
        legend="Critical items"
        hint="What makes an item critical for EMT"
        items={(Object.keys(ruleLabels) as RuleName[]).map((rule) => ({
          id: `rule-${rule}`,
          value: rule,
          label: ruleLabels[rule],
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
  if (versions.length === 0)
    return <p class="govuk-body">The settings have not been changed since the service was deployed.</p>;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">The 10 latest changes, newest first</caption>
      <TableHead columns={['Version', 'Changed by', 'When']} />
      <tbody class="govuk-table__body">
        {[...versions]
          .reverse()
          .slice(0, 10)
          .map((v) => (
            <tr class="govuk-table__row" key={v.version}>
              <td class="govuk-table__cell">{v.version}</td>
              <td class="govuk-table__cell app-wrap">{v.byName ? <Who by={v} /> : 'Not recorded'}</td>
              <td class="govuk-table__cell app-wrap">{when(v.at)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
