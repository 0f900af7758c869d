import { useState } from 'preact/hooks';
import type { Api, Settings as SettingsBody, SettingsVersion } from '../api';
import {
  Checkbox,
  Checkboxes,
  ErrorSummary,
  type FieldError,
  Loading,
  Radios,
  SuccessBanner,
  TextArea,
  TextInput,
  useFocusHeading,
} from '../components';
import { useData } from '../hooks/use-data';
import { pointerSegment } from '../json-pointer';
import { formatDateTime } from '../words';

// Settings (admins, docs/web-app.md): what admins change without a redeploy. The form
// sends the whole settings back (PUT /settings replaces them), so a field this page does
// not show keeps its stored value.

type RuleName = keyof SettingsBody['criticalRules'];
const ruleLabels: Record<RuleName, string> = {
  red: 'A measure is RED',
  'all-directorates-off': 'Every directorate of a measure is off target',
  'red-consecutive': 'A measure is RED for two quarters in a row',
  'declining-despite-target': 'A measure is declining while off target',
  'action-red': 'Planned work is RED',
};
const bandFields = [
  {
    key: 'tolerancePercent',
    label: 'Amber band (percent off target)',
    hint: 'A measure off target by up to this percentage is AMBER; further off, RED',
  },
  {
    key: 'greenTolerancePercent',
    label: 'Green band (percent off target)',
    hint: 'A measure off target by up to this percentage still counts as met (GREEN); 0 for none',
  },
  {
    key: 'toleranceAbsolute',
    label: 'Amber band for a target of 0',
    hint: 'Against a target of 0, a value off by up to this much is AMBER',
  },
  {
    key: 'overallGreenAtLeastPercent',
    label: 'Overall GREEN from (percent on track)',
    hint: 'The overall status is GREEN when at least this share of planned work and measures is on track',
  },
  {
    key: 'overallRedBelowPercent',
    label: 'Overall RED below (percent on track)',
    hint: 'The overall status is RED below this share; AMBER between the two',
  },
] as const;
type BandKey = (typeof bandFields)[number]['key'];

interface DirectorateForm {
  name: string;
  contacts: string;
  heads: string;
  approvers: string;
}
interface Form {
  reportTitle: string;
  plans: { id: string; name: string }[];
  emtRecipients: string;
  directorates: DirectorateForm[];
  reminderDays: string;
  bands: Record<BandKey, string>;
  improvementSoftensRed: boolean;
  criticalRules: Record<RuleName, boolean>;
  signOff: SettingsBody['signOff'];
  unsignedAtClose: SettingsBody['unsignedAtClose'];
}

const lines = (list: readonly string[]) => list.join('\n');
const listOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

function formOf(s: SettingsBody): Form {
  return {
    reportTitle: s.reportTitle,
    plans: Object.entries(s.planNames).map(([id, name]) => ({ id, name })),
    emtRecipients: lines(s.emtRecipients),
    directorates: Object.entries(s.directorates).map(([name, d]) => ({
      name,
      contacts: lines(d.contacts),
      heads: lines(d.heads),
      approvers: lines(d.approvers),
    })),
    reminderDays: s.reminderDays.join(', '),
    bands: Object.fromEntries(bandFields.map((f) => [f.key, String(s[f.key])])) as Record<BandKey, string>,
    improvementSoftensRed: s.improvementSoftensRed,
    criticalRules: { ...s.criticalRules },
    signOff: s.signOff,
    unsignedAtClose: s.unsignedAtClose,
  };
}

/** The settings the form says, over the loaded ones; or the fields the browser can already tell are wrong. */
function settingsOf(form: Form, loaded: SettingsBody): SettingsBody | FieldError[] {
  const errors: FieldError[] = [];
  const bands = {} as Record<BandKey, number>;
  for (const f of bandFields) {
    const value = form.bands[f.key].trim() === '' ? Number.NaN : Number(form.bands[f.key]);
    if (!Number.isFinite(value)) errors.push({ field: f.key, message: `${f.label}: enter a number` });
    bands[f.key] = value;
  }
  const days = form.reminderDays
    .split(/[\s,]+/)
    .filter((d) => d !== '')
    .map(Number);
  if (days.some((d) => !Number.isInteger(d)))
    errors.push({ field: 'reminderDays', message: 'Reminder days: enter whole numbers of days, separated by commas' });
  const ids = new Set<string>();
  form.plans.forEach((p, i) => {
    if (ids.has(p.id.trim()))
      errors.push({ field: `plan-id-${i}`, message: `Plan ${i + 1}: the id ${p.id.trim()} is used twice` });
    ids.add(p.id.trim());
  });
  if (errors.length) return errors;
  return {
    ...loaded,
    reportTitle: form.reportTitle,
    planNames: Object.fromEntries(form.plans.map((p) => [p.id.trim(), p.name.trim()])),
    emtRecipients: listOf(form.emtRecipients),
    directorates: Object.fromEntries(
      form.directorates.map((d) => [
        d.name,
        { contacts: listOf(d.contacts), heads: listOf(d.heads), approvers: listOf(d.approvers) },
      ]),
    ),
    reminderDays: days,
    ...bands,
    improvementSoftensRed: form.improvementSoftensRed,
    criticalRules: form.criticalRules,
    signOff: form.signOff,
    unsignedAtClose: form.unsignedAtClose,
  };
}

/** The API's 422 field errors (JSON Pointers) as links to this form's fields, each naming the field. */
function fieldErrorsOf(errors: { path: string; message: string }[], form: Form): FieldError[] {
  return errors.map(({ path, message }) => {
    const [top = '', second, third, fourth] = path.split('/').slice(1).map(pointerSegment);
    const line = (index: string | undefined) =>
      index !== undefined && /^\d+$/.test(index) ? `, line ${Number(index) + 1}` : '';
    if (top === 'reportTitle') return { field: 'reportTitle', message: `Report title: ${message}` };
    if (top === 'planNames') {
      const i = Math.max(
        0,
        form.plans.findIndex((p) => p.id.trim() === second),
      );
      return { field: `plan-name-${i}`, message: `Plan ${i + 1}: ${message}` };
    }
    if (top === 'emtRecipients')
      return { field: 'emtRecipients', message: `EMT recipients${line(second)}: ${message}` };
    if (top === 'directorates') {
      const i = Math.max(
        0,
        form.directorates.findIndex((d) => d.name === second),
      );
      const kind = third === 'heads' ? 'heads' : third === 'approvers' ? 'approvers' : 'contacts';
      const label = { contacts: 'Contact email', heads: 'Head of service', approvers: 'Approvers' }[kind];
      return { field: `${kind}-${i}`, message: `${second}, ${label}${line(fourth)}: ${message}` };
    }
    if (top === 'reminderDays') return { field: 'reminderDays', message: `Reminder days: ${message}` };
    const band = bandFields.find((f) => f.key === top);
    if (band) return { field: band.key, message: `${band.label}: ${message}` };
    if (top === 'criticalRules') return { field: 'rule-red', message: `Critical items: ${message}` };
    if (top === 'signOff') return { field: 'signOff-on', message: `Sign-off: ${message}` };
    if (top === 'unsignedAtClose') return { field: 'unsignedAtClose-count-flagged', message: `At close: ${message}` };
    return { field: 'reportTitle', message };
  });
}

const when = (at: string | undefined) => (at ? formatDateTime(at) : '');

function History({ versions }: { versions: SettingsVersion[] }) {
  if (versions.length === 0)
    return <p class="govuk-body">The settings have not been changed since the service was deployed.</p>;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">The 10 latest changes, newest first</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Version
          </th>
          <th scope="col" class="govuk-table__header">
            Changed by
          </th>
          <th scope="col" class="govuk-table__header">
            When
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {[...versions]
          .reverse()
          .slice(0, 10)
          .map((v) => (
            <tr class="govuk-table__row" key={v.version}>
              <td class="govuk-table__cell">{v.version}</td>
              <td class="govuk-table__cell app-wrap">{v.by ?? 'Not recorded'}</td>
              <td class="govuk-table__cell app-wrap">{when(v.at)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

export function Settings({ api }: { api: Api }) {
  const [form, setForm] = useState<Form | null>(null);
  const settings = useData(
    () =>
      api.settings().then((answer) => {
        if (answer.ok) setForm(formOf(answer.data));
        return answer;
      }),
    [api],
  );
  const loaded = settings.data;
  const history = useData(() => api.settingsHistory(), [api]);
  const versions = history.loading ? null : (history.data?.versions ?? []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useFocusHeading(form !== null, 'Settings');
  if (settings.failed)
    return <p class="govuk-body">{settings.failed.problem.detail ?? 'The settings could not be loaded.'}</p>;
  if (!form || !loaded) return <Loading />;

  const change = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const changeDirectorate = (i: number, patch: Partial<DirectorateForm>) =>
    change({ directorates: form.directorates.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const changePlan = (i: number, patch: Partial<{ id: string; name: string }>) =>
    change({ plans: form.plans.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const errorOf = (field: string) =>
    errors
      .filter((e) => e.field === field)
      .map((e) => e.message)
      .join('. ') || undefined;

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const body = settingsOf(form, loaded);
    if (Array.isArray(body)) {
      setErrors(body);
      return;
    }
    setBusy(true);
    const answer = await api.putSettings(body);
    setBusy(false);
    if (answer.ok) {
      setErrors([]);
      settings.set(answer.data, answer.etag);
      setDone('Settings saved.');
      history.reload();
      return;
    }
    const fields = fieldErrorsOf(answer.problem.errors ?? [], form);
    setErrors(
      fields.length
        ? fields
        : [{ field: 'reportTitle', message: answer.problem.detail ?? 'The settings could not be saved. Try again.' }],
    );
  };

  return (
    <>
      {done && <SuccessBanner key={`${done}${versions?.length}`} id="settings-saved" message={done} />}
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        Settings
      </h1>
      <p class="govuk-body">
        What the service uses without a redeploy. A change applies to the next report, email and reminder.
      </p>
      <form onSubmit={save} noValidate>
        <h2 class="govuk-heading-m">The report</h2>
        <TextInput
          labelClass="govuk-label--s"
          id="reportTitle"
          label="Report title"
          hint="The title of the report, its emails and this service's header"
          value={form.reportTitle}
          error={errorOf('reportTitle')}
          onInput={(reportTitle) => change({ reportTitle })}
        />
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Plan names</legend>
          <div class="govuk-hint">
            Each plan's id (as measures name it: a-z, 0-9 and -) and the name its report carries
          </div>
          {form.plans.map((plan, i) => (
            <div class="app-plan-row" key={i}>
              <TextInput
                labelClass="govuk-label--s"
                id={`plan-id-${i}`}
                label={`Plan ${i + 1} id`}
                width="govuk-input--width-10"
                value={plan.id}
                error={errorOf(`plan-id-${i}`)}
                onInput={(id) => changePlan(i, { id })}
              />
              <TextInput
                labelClass="govuk-label--s"
                id={`plan-name-${i}`}
                label={`Plan ${i + 1} name`}
                value={plan.name}
                error={errorOf(`plan-name-${i}`)}
                onInput={(name) => changePlan(i, { name })}
              />
              <button
                type="button"
                class="govuk-button govuk-button--secondary"
                onClick={() => change({ plans: form.plans.filter((_, j) => j !== i) })}
              >
                Remove plan {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            class="govuk-button govuk-button--secondary"
            onClick={() => change({ plans: [...form.plans, { id: '', name: '' }] })}
          >
            Add a plan
          </button>
        </fieldset>

        <h2 class="govuk-heading-m">Who is emailed</h2>
        <TextArea
          labelClass="govuk-label--s"
          spellcheck={false}
          id="emtRecipients"
          label="EMT recipients"
          hint="Who gets the report when a quarter closes: one email address per line"
          rows={4}
          value={form.emtRecipients}
          error={errorOf('emtRecipients')}
          onInput={(emtRecipients) => change({ emtRecipients })}
        />
        {form.directorates.map((d, i) => (
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
              error={errorOf(`contacts-${i}`)}
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
              error={errorOf(`heads-${i}`)}
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
              error={errorOf(`approvers-${i}`)}
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
          value={form.reminderDays}
          error={errorOf('reminderDays')}
          onInput={(reminderDays) => change({ reminderDays })}
        />

        <h2 class="govuk-heading-m">Sign-off</h2>
        <Radios
          name="signOff"
          legend="Sign-off"
          hint="On: a return counts once an approver of its directorate agrees"
          value={form.signOff}
          choices={[
            { value: 'on', label: 'On' },
            { value: 'off', label: 'Off' },
          ]}
          error={errorOf('signOff-on')}
          onChange={(signOff) => change({ signOff })}
        />
        <Radios
          name="unsignedAtClose"
          legend="When a return is not signed off at close"
          value={form.unsignedAtClose}
          choices={[
            { value: 'count-flagged', label: 'Count it and flag it as not signed off' },
            { value: 'no-data', label: 'Treat it as no data' },
          ]}
          error={errorOf('unsignedAtClose-count-flagged')}
          onChange={(unsignedAtClose) => change({ unsignedAtClose })}
        />

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
            value={form.bands[f.key]}
            error={errorOf(f.key)}
            onInput={(value) => change({ bands: { ...form.bands, [f.key]: value } })}
          />
        ))}
        <Checkbox
          id="improvementSoftensRed"
          label="A RED measure that improved on the same quarter last year is AMBER"
          checked={form.improvementSoftensRed}
          onChange={(improvementSoftensRed) => change({ improvementSoftensRed })}
        />
        <Checkboxes
          name="criticalRules"
          legend="Critical items"
          hint="What makes an item critical for EMT"
          items={(Object.keys(ruleLabels) as RuleName[]).map((rule) => ({
            id: `rule-${rule}`,
            value: rule,
            label: ruleLabels[rule],
            checked: form.criticalRules[rule],
          }))}
          error={errorOf('rule-red')}
          onToggle={(rule) =>
            change({ criticalRules: { ...form.criticalRules, [rule]: !form.criticalRules[rule as RuleName] } })
          }
        />
        <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
          Save
        </button>
      </form>

      <h2 class="govuk-heading-m">History</h2>
      {versions ? <History versions={versions} /> : <Loading />}
    </>
  );
}
