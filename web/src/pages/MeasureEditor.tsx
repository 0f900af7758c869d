import { useState } from 'preact/hooks';
import type { MeasureDefinition } from '../../../lambdas/domain/types';
import type { MeasureBody } from '../api';
import { DefinitionEditorPage } from '../components/definition-editor';
import { type EditorProps, IdentityFields } from '../components/definition-fields';
import { planChoices, programmeChoices } from '../definition-choices';
import { useDefinitionEditor } from '../hooks/use-definition-editor';
import { useWords } from '../i18n';
import { checked, periodsOffered, refusedErrors, type Typed, targetHistory, typedFrom } from '../measure-editor/form';
import { AboutMeasure, BandFields, ValueRangeFields } from '../measure-editor/sections';
import { TargetsSection } from '../measure-editor/target-rows';

// The admin's measure editor (docs/web-app.md "Admin: measures and planned work"): every
// field of a definition in words, targets per period, bands. It sends exactly what
// PUT /measures/{id} validates, checked first with the same schema (lambdas/domain), and
// maps the API's field paths (/targets/2017-18-Q4) to the inputs in the error summary
// (the form as data: web/src/measure-editor/form.ts; its sections beside it).

export function MeasureEditor({ api, id, directorates, plans }: EditorProps) {
  const w = useWords().t.editors;
  const [typed, setTyped] = useState<Typed>(() => typedFrom(null));
  const editor = useDefinitionEditor<MeasureDefinition>({
    id,
    kind: 'measure',
    listPath: '/app/admin/measures',
    load: (measureId) => api.measure(measureId).then((m) => (m.ok ? { ...m, data: m.data.measure } : m)),
    inUse: () => api.listMeasures({ limit: '500' }).then((r) => (r.ok ? r.data.measures : [])),
    history: (measureId) => api.measureHistory(measureId),
    quartersInUse: () => api.returns({}),
    fill: (measure) => setTyped(typedFrom(measure)),
    deps: [api, id],
  });
  const set = (change: Partial<Typed>) => setTyped((t) => ({ ...t, ...change }));
  const errorOf = (field: string) => editor.errors.find((e) => e.field === field)?.message;
  const loaded = editor.loaded.data;
  const measure = loaded?.definition ?? null;

  /** Checks, asks before bringing a retired measure back, then saves. */
  const submit = async (bringBack = false) => {
    if (editor.busy || !loaded) return;
    const programmes = programmeChoices(loaded.inUse, '', '');
    const { body, errors: local } = checked(typed, id === null, programmes, w);
    if (local.length) {
      editor.ask(null);
      return editor.setErrors(local);
    }
    if (measure?.retiredFrom && !bringBack) return editor.ask('bring-back');
    await editor.save(
      id ?? typed.id.trim(),
      (measureId, ifMatch) => api.putMeasure(measureId, body as unknown as MeasureBody, ifMatch),
      (problem) => refusedErrors(problem, typed, w),
    );
  };

  return (
    <DefinitionEditorPage
      id={id}
      kind="measure"
      listPath="/app/admin/measures"
      editor={editor}
      intro={(m) => (
        <p class="govuk-body">
          <a class="govuk-link" href={`/app/measures/${encodeURIComponent(m.id)}`}>
            {w.measure.openPage}
          </a>
        </p>
      )}
      submit={(bringBack) => void submit(bringBack)}
      retire={(m) => api.retireMeasure(m.id)}
      fields={(l) => (
        <>
          <IdentityFields
            id={id}
            kind={w.measure}
            typed={typed}
            plans={planChoices(plans, l.inUse, measure?.plan ?? '')}
            inUse={l.inUse}
            errorOf={errorOf}
            set={set}
          />
          <AboutMeasure
            typed={typed}
            directorates={[
              ...new Set([...directorates, ...typed.directorates, ...(measure ? [measure.ownerDirectorate] : [])]),
            ]}
            errorOf={errorOf}
            set={set}
          />
          <ValueRangeFields typed={typed} errorOf={errorOf} set={set} />
          <BandFields typed={typed} errorOf={errorOf} set={set} />
          <TargetsSection
            typed={typed}
            measure={measure}
            history={targetHistory(l.versions)}
            periods={periodsOffered(measure, l.quartersInUse)}
            errorOf={errorOf}
            set={set}
          />
        </>
      )}
    />
  );
}
