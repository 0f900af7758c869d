import { useState } from 'preact/hooks';
import type { MeasureDefinition } from '../../../lambdas/domain/types';
import type { MeasureBody } from '../api';
import { ErrorSummary, Loading, ProblemPage, useFocusHeading } from '../components';
import { DefinitionConflict } from '../components/conflict';
import { type EditorProps, IdentityFields } from '../components/definition-fields';
import { DefinitionHistory } from '../components/definition-history';
import { planChoices, programmeChoices } from '../definition-choices';
import { useDefinitionEditor } from '../hooks/use-definition-editor';
import { checked, periodsOffered, refusedErrors, type Typed, targetHistory, typedFrom } from '../measure-editor/form';
import { AboutMeasure, BandFields, RetireConfirm } from '../measure-editor/sections';
import { TargetsSection } from '../measure-editor/target-rows';
import { periodLabel } from '../words';

// The admin's measure editor (docs/web-app.md "Admin: measures and planned work"): every
// field of a definition in words, targets per period, bands. It sends exactly what
// PUT /measures/{id} validates, checked first with the same schema (lambdas/domain), and
// maps the API's field paths (/targets/2017-18-Q4) to the inputs in the error summary
// (the form as data: web/src/measure-editor/form.ts; its sections beside it).

export function MeasureEditor({ api, id, directorates, plans }: EditorProps) {
  const [typed, setTyped] = useState<Typed>(() => typedFrom(null));
  const editor = useDefinitionEditor<MeasureDefinition>({
    id,
    word: 'measure',
    idLabel: 'Measure ID',
    listPath: '/app/admin/measures',
    load: (measureId) => api.measure(measureId).then((m) => (m.ok ? { ...m, data: m.data.measure } : m)),
    inUse: () => api.listMeasures({ limit: '500' }).then((r) => (r.ok ? r.data.measures : [])),
    history: (measureId) => api.measureHistory(measureId),
    quartersInUse: () => api.returns({}),
    fill: (measure) => setTyped(typedFrom(measure)),
    deps: [api, id],
  });
  const { errors, setErrors, busy } = editor;
  const loaded = editor.loaded.data;
  const [confirmRetire, setConfirmRetire] = useState(false);
  const title = id === null ? 'Add a measure' : (loaded?.definition?.title ?? 'Measure');
  const heading = useFocusHeading(loaded !== undefined, title);

  const failed = editor.loaded.failed;
  if (failed)
    return failed.status === 404 ? (
      <ProblemPage title="Page not found" detail={`There is no measure ${id}.`} />
    ) : (
      <ProblemPage title="Sorry, the measure could not be loaded" detail={failed.problem.detail ?? 'Try again.'} />
    );
  if (!loaded) return <Loading />;
  const measure = loaded.definition;
  const set = (change: Partial<Typed>) => setTyped((t) => ({ ...t, ...change }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const choices = [
    ...new Set([...directorates, ...typed.directorates, ...(measure ? [measure.ownerDirectorate] : [])]),
  ];
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const programmes = programmeChoices(loaded.inUse, '', '');
    const { body, errors: local } = checked(typed, id === null, programmes);
    if (local.length) return setErrors(local);
    await editor.save(
      id ?? typed.id.trim(),
      (measureId, ifMatch) => api.putMeasure(measureId, body as unknown as MeasureBody, ifMatch),
      (problem) => refusedErrors(problem, typed),
    );
  };

  const retire = async () => {
    if (!measure) return;
    const answer = await editor.run(() => api.retireMeasure(measure.id));
    if (!answer) return;
    if (answer.ok) {
      editor.done(
        `Measure “${answer.data.title}” retired from ${answer.data.retiredFrom ? periodLabel(answer.data.retiredFrom) : 'now'}.`,
      );
    } else {
      setConfirmRetire(false);
      setErrors([{ field: 'retire', message: answer.problem.detail ?? 'The measure could not be retired.' }]);
    }
  };

  return (
    <>
      <a href="/app/admin/measures" class="govuk-back-link">
        Measures
      </a>
      <ErrorSummary errors={errors} />
      {id !== null && <span class="govuk-caption-l">Change a measure</span>}
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <DefinitionConflict conflict={editor.conflict} word="measure" />
      {measure && (
        <p class="govuk-body">
          <a class="govuk-link" href={`/app/measures/${encodeURIComponent(measure.id)}`}>
            Open the measure page
          </a>
        </p>
      )}
      {measure?.retiredFrom && (
        <div class="govuk-inset-text">
          Retired from {periodLabel(measure.retiredFrom)}. Saving it brings it back into that quarter and every later
          one.
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <IdentityFields
          id={id}
          idLabel="Measure ID"
          idHint="Stable across years, so history and trends survive a new plan year: letters, digits, . _ - such as sickness-absence"
          typed={typed}
          plans={planChoices(plans, loaded.inUse, measure?.plan ?? '')}
          inUse={loaded.inUse}
          kind="measures"
          errorOf={errorOf}
          set={set}
        />
        <AboutMeasure typed={typed} directorates={choices} errorOf={errorOf} set={set} />
        <BandFields typed={typed} errorOf={errorOf} set={set} />
        <TargetsSection
          typed={typed}
          measure={measure}
          history={targetHistory(loaded.versions)}
          periods={periodsOffered(measure, loaded.quartersInUse)}
          errorOf={errorOf}
          set={set}
        />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
            Save
          </button>
          {measure && !measure.retiredFrom && !confirmRetire && (
            <button
              type="button"
              id="retire"
              class="govuk-button govuk-button--warning"
              onClick={() => setConfirmRetire(true)}
            >
              Retire measure
            </button>
          )}
        </div>
      </form>
      {measure && confirmRetire && (
        <RetireConfirm title={measure.title} busy={busy} retire={retire} cancel={() => setConfirmRetire(false)} />
      )}
      {loaded.versions.length > 0 && (
        <div class="app-table-wrap">
          <DefinitionHistory versions={loaded.versions} />
        </div>
      )}
    </>
  );
}
