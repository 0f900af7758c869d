import { useState } from 'preact/hooks';
import { isYearId } from '../../../lambdas/domain/periods';
import { type Answer, type Api, type DefinitionKind, type DefinitionsImport, xlsxContentType } from '../api';
import {
  ErrorSummary,
  type FieldError,
  FileUpload,
  Loading,
  Radios,
  SuccessBanner,
  TextInput,
  useFocusHeading,
} from '../components';
import { Downloads, PlanSelect } from '../definitions/sections';
import {
  fileField,
  importError,
  importedMessage,
  isXlsx,
  kindChoices,
  kindField,
  localFileErrors,
  refusedFile,
  rollFields,
} from '../definitions/words';
import { useData } from '../hooks/use-data';
import { planName } from '../plan-names';

// Definitions (admins, docs/plan-administration.md "The Definitions page"): the plan's
// measures and planned work out to a spreadsheet and back, and a year's targets rolled
// forward. The API checks every row and stores all or nothing; this page only says so.

export function Definitions({ api }: { api: Api }) {
  const settings = useData(() => api.settings(), [api]);
  const plans = settings.data
    ? Object.entries(settings.data.planNames).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    : null;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [nothingImported, setNothingImported] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<DefinitionKind | ''>('');
  const [roll, setRoll] = useState({ plan: '', from: '', to: '' });
  const heading = useFocusHeading(plans !== null, 'Definitions');

  const show = (next: FieldError[], message: string | null, nothing = false) => {
    setErrors(next);
    setDone(message);
    setNothingImported(nothing);
  };

  const upload = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const input = document.getElementById(fileField) as HTMLInputElement;
    const file = input.files?.[0];
    const local = localFileErrors(file, kind);
    if (local.length > 0 || !file) {
      show(local, null);
      return;
    }
    setBusy(true);
    let answer: Answer<DefinitionsImport>;
    try {
      answer = await api.importDefinitions(
        isXlsx(file) ? { xlsx: await file.arrayBuffer() } : { csv: await file.text(), kind: kind as DefinitionKind },
      );
    } finally {
      setBusy(false);
    }
    if (answer.ok) {
      show([], importedMessage(file.name, answer.data));
      input.value = '';
      return;
    }
    const cells = (answer.problem.errors ?? []).map((e) => importError(e.path, e.message));
    show(cells.length > 0 ? cells : [{ field: fileField, message: refusedFile(answer.problem) }], null, true);
  };

  const rollForward = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const local: FieldError[] = [];
    if (!roll.plan) local.push({ field: rollFields.plan, message: 'Select the plan to roll forward' });
    if (!isYearId(roll.from.trim()))
      local.push({ field: rollFields.from, message: 'Enter the year to copy from, like 2017-18' });
    if (!isYearId(roll.to.trim()))
      local.push({ field: rollFields.to, message: 'Enter the year to copy to, like 2018-19' });
    else if (roll.to.trim() === roll.from.trim())
      local.push({
        field: rollFields.to,
        message: 'The year to copy to must be another year than the one to copy from',
      });
    if (local.length > 0) {
      show(local, null);
      return;
    }
    const from = roll.from.trim();
    const to = roll.to.trim();
    setBusy(true);
    const answer = await api.rollForward(roll.plan, { from, to });
    setBusy(false);
    if (answer.ok) {
      const c = answer.data;
      show(
        [],
        `Rolled forward ${planName(roll.plan)} from ${from} to ${to}: ${c.rolledForward} measures given ${from}'s targets, ${c.alreadySet} already had targets for ${to}, ${c.noTargets} had no targets for ${from}.`,
      );
      return;
    }
    const field = (path: string) =>
      path.startsWith('/from') ? rollFields.from : path.startsWith('/to') ? rollFields.to : rollFields.plan;
    const fields = (answer.problem.errors ?? []).map((e) => ({ field: field(e.path), message: e.message }));
    show(
      fields.length > 0
        ? fields
        : [{ field: rollFields.plan, message: answer.problem.detail ?? 'The roll forward was refused.' }],
      null,
    );
  };

  if (settings.failed)
    return <p class="govuk-body">{settings.failed.problem.detail ?? 'The plans could not be loaded.'}</p>;
  if (!plans) return <Loading />;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const fileError = errorOf(fileField);
  return (
    <>
      <ErrorSummary
        errors={errors}
        description={nothingImported ? 'Nothing was imported. Correct the file and upload it again.' : undefined}
      />
      {done && <SuccessBanner key={done} id="definitions-done" message={done} />}
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        Definitions
      </h1>
      <p class="govuk-body">
        Set up a new plan year from Excel alone: download the spreadsheet, fill in next year's targets, upload it, then
        roll forward the targets that did not change.
      </p>
      <Downloads api={api} plans={plans} />

      <section aria-labelledby="upload-heading">
        <h2 class="govuk-heading-m" id="upload-heading">
          Upload definitions
        </h2>
        <form onSubmit={upload} noValidate>
          <FileUpload
            id={fileField}
            label="Definitions file"
            labelClass="govuk-label--s"
            hint="An .xlsx with sheets Measures and Planned work, or a CSV of measures or of planned work, up to 256 KB. Every row is checked: if any is wrong, nothing is imported."
            accept={`.xlsx,.csv,text/csv,${xlsxContentType}`}
            error={
              fileError &&
              (nothingImported ? 'Nothing was imported: the problems are listed at the top of the page' : fileError)
            }
          />
          <Radios
            name="kind"
            legend="What the CSV file holds"
            hint="Only for a CSV file: an .xlsx holds both sheets"
            choices={kindChoices}
            value={kind}
            error={errorOf(kindField)}
            onChange={(k) => setKind(k)}
          />
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
            Upload
          </button>
        </form>
      </section>

      <section aria-labelledby="roll-heading">
        <h2 class="govuk-heading-m" id="roll-heading">
          Roll forward
        </h2>
        <form onSubmit={rollForward} noValidate>
          <fieldset class="govuk-fieldset" aria-describedby="roll-hint">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Roll forward targets</legend>
            <div class="govuk-hint" id="roll-hint">
              Copies each live measure's targets of one year (the year's and its quarters') to another year, for the
              measures that have no target in that year yet. They are marked rolled forward until someone changes them.
            </div>
            <PlanSelect
              id={rollFields.plan}
              plans={plans}
              value={roll.plan}
              onChange={(plan) => setRoll((r) => ({ ...r, plan }))}
              error={errorOf(rollFields.plan)}
            />
            {(
              [
                ['from', 'From year', 'For example, 2017-18'],
                ['to', 'To year', 'For example, 2018-19'],
              ] as const
            ).map(([key, label, hint]) => (
              <TextInput
                key={key}
                id={rollFields[key]}
                label={label}
                hint={hint}
                width="govuk-input--width-5"
                autocomplete="off"
                value={roll[key]}
                error={errorOf(rollFields[key])}
                onInput={(value) => setRoll((r) => ({ ...r, [key]: value }))}
              />
            ))}
          </fieldset>
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
            Roll forward
          </button>
        </form>
      </section>
    </>
  );
}
