import { useState } from 'preact/hooks';
import { isYearId } from '../../../lambdas/domain/periods';
import {
  type Answer,
  type Api,
  type DefinitionKind,
  type DefinitionsImport,
  type ImportCounts,
  type Problem,
  xlsxContentType,
} from '../api';
import {
  type Choice,
  ErrorSummary,
  type FieldError,
  FileUpload,
  Loading,
  Radios,
  Select,
  SuccessBanner,
  TextInput,
  useFocusHeading,
} from '../components';
import { saveBlob } from '../download';
import { useData } from '../hooks/use-data';
import { pointerSegment } from '../json-pointer';

// Definitions (admins, docs/plan-administration.md "The Definitions page"): the plan's
// measures and planned work out to a spreadsheet and back, and a year's targets rolled
// forward. The API checks every row and stores all or nothing; this page only says so.

const maxBytes = 256 * 1024;
const fileField = 'definitions-file';
const kindField = 'kind-measures';
const kindChoices: Choice<DefinitionKind>[] = [
  { value: 'measures', label: 'Measures' },
  { value: 'actions', label: 'Planned work' },
];
const rollFields = { plan: 'roll-plan', from: 'roll-from', to: 'roll-to' } as const;

/**
 * The API's errors on the file input: a row's message already says where in words
 * (`Measures row 3, target 2017-18: …`); a sheet's is prefixed with its name.
 */
export function importError(path: string, message: string): FieldError {
  if (/^\/[^/]+\/row\/\d+\//.test(path)) return { field: fileField, message };
  if (path.startsWith('/query/kind')) return { field: kindField, message: 'Select what the CSV file holds' };
  const sheet = /^\/([^/]+)$/.exec(path);
  if (sheet) return { field: fileField, message: `Sheet ${pointerSegment(sheet[1]!)}: ${message}` };
  return { field: fileField, message };
}

const refusedFile = (problem: Problem): string => {
  if (problem.status === 413) return 'The file is larger than 256 KB. Split it, or import one plan at a time.';
  if (problem.status === 415) return 'The file must be an .xlsx workbook or a .csv file.';
  if (problem.status === 0) return problem.detail ?? 'The service could not be reached. Try again.';
  return problem.detail ?? 'The file was refused.';
};

const countWords = (c: ImportCounts) => `${c.created} created, ${c.replaced} replaced, ${c.unchanged} unchanged`;

function importedMessage(name: string, counts: DefinitionsImport): string {
  return `Imported ${name}: ${countWords(counts)}. Measures: ${countWords(counts.measures)}. Planned work: ${countWords(counts.actions)}.`;
}

const isXlsx = (file: File) => /\.xlsx$/i.test(file.name);

function PlanSelect(props: {
  id: string;
  plans: [string, string][];
  value: string;
  onChange(value: string): void;
  all?: boolean;
  error?: string;
}) {
  return (
    <Select
      id={props.id}
      label="Plan"
      hint="The plans named in the settings"
      value={props.value}
      empty={props.all ? 'All plans' : 'Select a plan'}
      choices={props.plans.map(([slug, name]) => ({
        value: slug,
        label: name && name !== slug ? `${name} (${slug})` : slug,
      }))}
      error={props.error}
      onChange={props.onChange}
    />
  );
}

function Downloads({ api, plans }: { api: Api; plans: [string, string][] }) {
  const [plan, setPlan] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const download = async (format: 'xlsx' | 'csv', kind?: DefinitionKind) => {
    setFailed(null);
    const blob = await api.definitionsDocument(format, kind, plan || undefined);
    const name = `definitions-${plan || 'all-plans'}${kind ? `-${kind === 'actions' ? 'planned-work' : kind}` : ''}.${format}`;
    if (!blob) {
      setFailed(`${name} could not be downloaded. Try again.`);
      return;
    }
    saveBlob(blob, name);
  };
  return (
    <section aria-labelledby="download-heading">
      <h2 class="govuk-heading-m" id="download-heading">
        Download the definitions
      </h2>
      <p class="govuk-body">
        The live measures and planned work, one row each, with a <code>target &lt;period&gt;</code> column for each
        period that has a target.
      </p>
      <PlanSelect id="download-plan" plans={plans} value={plan} onChange={setPlan} all />
      {failed && (
        <p class="govuk-error-message" role="alert">
          {failed}
        </p>
      )}
      <div class="govuk-button-group">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => download('xlsx')}>
          Download spreadsheet (XLSX)
        </button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => download('csv', 'measures')}>
          Download measures (CSV)
        </button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => download('csv', 'actions')}>
          Download planned work (CSV)
        </button>
      </div>
    </section>
  );
}

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
    const local: FieldError[] = [];
    if (!file) local.push({ field: fileField, message: 'Select a definitions file' });
    else if (file.size > maxBytes)
      local.push({
        field: fileField,
        message: 'The file is larger than 256 KB. Split it, or import one plan at a time.',
      });
    else if (!isXlsx(file) && !/\.csv$/i.test(file.name))
      local.push({ field: fileField, message: 'The file must be an .xlsx workbook or a .csv file' });
    else if (!isXlsx(file) && !kind) local.push({ field: kindField, message: 'Select what the CSV file holds' });
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
        `Rolled forward ${roll.plan} from ${from} to ${to}: ${c.rolledForward} measures given ${from}'s targets, ${c.alreadySet} already had targets for ${to}, ${c.noTargets} had no targets for ${from}.`,
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
