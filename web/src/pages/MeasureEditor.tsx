import { useState } from 'preact/hooks';
import type { MeasureDefinition } from '../../../lambdas/domain/types';
import type { MeasureBody } from '../api';
import { ErrorSummary, Loading, ProblemPage, useFocusHeading } from '../components';
import { DefinitionConflict } from '../components/conflict';
import { bringBackWords, DefinitionQuestion } from '../components/definition-confirm';
import { type EditorProps, IdentityFields } from '../components/definition-fields';
import { DefinitionHistory } from '../components/definition-history';
import { planChoices, programmeChoices } from '../definition-choices';
import { useDefinitionEditor } from '../hooks/use-definition-editor';
import { checked, periodsOffered, refusedErrors, type Typed, targetHistory, typedFrom } from '../measure-editor/form';
import { AboutMeasure, BandFields, ValueRangeFields } from '../measure-editor/sections';
import { TargetsSection } from '../measure-editor/target-rows';

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
  /** Checks, asks before bringing a retired measure back, then saves. */
  const submit = async (bringBack = false) => {
    if (busy) return;
    const programmes = programmeChoices(loaded.inUse, '', '');
    const { body, errors: local } = checked(typed, id === null, programmes);
    if (local.length) {
      editor.ask(null);
      return setErrors(local);
    }
    if (measure?.retiredFrom && !bringBack) return editor.ask('bring-back');
    await editor.save(
      id ?? typed.id.trim(),
      (measureId, ifMatch) => api.putMeasure(measureId, body as unknown as MeasureBody, ifMatch),
      (problem) => refusedErrors(problem, typed),
    );
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
      {measure?.retiredFrom && <div class="govuk-inset-text">{bringBackWords('measure', measure.retiredFrom)}</div>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
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
        <ValueRangeFields typed={typed} errorOf={errorOf} set={set} />
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
          {measure && !measure.retiredFrom && editor.question !== 'retire' && (
            <button
              type="button"
              id="retire"
              class="govuk-button govuk-button--warning"
              onClick={() => editor.ask('retire')}
            >
              Retire measure
            </button>
          )}
        </div>
      </form>
      {measure && (
        <DefinitionQuestion
          question={editor.question}
          word="measure"
          title={measure.title}
          retiredFrom={measure.retiredFrom}
          kept="Its results, the quarters already ended and its history stay."
          busy={busy}
          retire={() => editor.retire(() => api.retireMeasure(measure.id))}
          save={() => submit(true)}
          cancel={() => editor.ask(null)}
        />
      )}
      {loaded.versions.length > 0 && (
        <div class="app-table-wrap">
          <DefinitionHistory versions={loaded.versions} />
        </div>
      )}
    </>
  );
}
