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
import { fill, useWords } from '../i18n';
import { nameIn } from '../names';

// Definitions (admins, docs/plan-administration.md "The Definitions page"): the plan's
// measures and planned work out to a spreadsheet and back, and a year's targets rolled
// forward. The API checks every row and stores all or nothing; this page only says so.

export function Definitions({ api }: { api: Api }) {
  const { language, t } = useWords();
  const w = t.editors.definitions;
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
  const heading = useFocusHeading(plans !== null, w.heading);

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
    const local = localFileErrors(file, kind, w);
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
      show([], importedMessage(file.name, answer.data, w));
      input.value = '';
      return;
    }
    const cells = (answer.problem.errors ?? []).map((e) => importError(e.path, e.message, w));
    show(cells.length > 0 ? cells : [{ field: fileField, message: refusedFile(answer.problem, w) }], null, true);
  };

  const rollForward = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const local: FieldError[] = [];
    if (!roll.plan) local.push({ field: rollFields.plan, message: w.selectRollPlan });
    if (!isYearId(roll.from.trim())) local.push({ field: rollFields.from, message: w.enterFrom });
    if (!isYearId(roll.to.trim())) local.push({ field: rollFields.to, message: w.enterTo });
    else if (roll.to.trim() === roll.from.trim()) local.push({ field: rollFields.to, message: w.sameYear });
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
      const counts = { rolled: c.rolledForward, already: c.alreadySet, none: c.noTargets };
      show([], fill(w.rolled, { plan: nameIn(language, 'plan', roll.plan).text, from, to, ...counts }));
      return;
    }
    const field = (path: string) =>
      path.startsWith('/from') ? rollFields.from : path.startsWith('/to') ? rollFields.to : rollFields.plan;
    const fields = (answer.problem.errors ?? []).map((e) => ({ field: field(e.path), message: e.message }));
    show(
      fields.length > 0 ? fields : [{ field: rollFields.plan, message: answer.problem.detail ?? w.rollRefused }],
      null,
    );
  };

  if (settings.failed) return <p class="govuk-body">{settings.failed.problem.detail ?? w.plansNotLoaded}</p>;
  if (!plans) return <Loading />;
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const fileError = errorOf(fileField);
  return (
    <>
      <ErrorSummary errors={errors} description={nothingImported ? w.nothingImported : undefined} />
      {done && <SuccessBanner key={done} id="definitions-done" message={done} />}
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {w.heading}
      </h1>
      <p class="govuk-body">{w.intro}</p>
      <Downloads api={api} plans={plans} />

      <section aria-labelledby="upload-heading">
        <h2 class="govuk-heading-m" id="upload-heading">
          {w.upload}
        </h2>
        <form onSubmit={upload} noValidate>
          <FileUpload
            id={fileField}
            label={w.file}
            labelClass="govuk-label--s"
            hint={w.fileHint}
            accept={`.xlsx,.csv,text/csv,${xlsxContentType}`}
            error={fileError && (nothingImported ? w.listedAtTop : fileError)}
          />
          <Radios
            name="kind"
            legend={w.kind}
            hint={w.kindHint}
            choices={kindChoices(w)}
            value={kind}
            error={errorOf(kindField)}
            onChange={(k) => setKind(k)}
          />
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
            {w.uploadButton}
          </button>
        </form>
      </section>

      <section aria-labelledby="roll-heading">
        <h2 class="govuk-heading-m" id="roll-heading">
          {w.roll}
        </h2>
        <form onSubmit={rollForward} noValidate>
          <fieldset class="govuk-fieldset" aria-describedby="roll-hint">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{w.rollLegend}</legend>
            <div class="govuk-hint" id="roll-hint">
              {w.rollHint}
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
                ['from', w.fromYear, w.fromHint],
                ['to', w.toYear, w.toHint],
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
            {w.rollButton}
          </button>
        </form>
      </section>
    </>
  );
}
