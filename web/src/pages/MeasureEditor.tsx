import type { MeasureDefinition } from '../../../lambdas/domain/types';
import type { MeasureBody } from '../api';
import { DefinitionEditorPage } from '../components/definition-editor';
import type { EditorProps } from '../components/definition-fields';
import { programmeChoices } from '../definition-choices';
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
  const editor = useDefinitionEditor<MeasureDefinition, Typed>({ api, id, kind: 'measure', typedFrom });
  const { typed, set, errorOf } = editor;
  const loaded = editor.loaded.data;
  const measure = loaded?.definition ?? null;

  const submit = (bringBack: boolean) =>
    editor.submit(bringBack, {
      check: (l) => checked(typed, id === null, programmeChoices(l.inUse, '', ''), w),
      put: (measureId, body, ifMatch) => api.putMeasure(measureId, body as unknown as MeasureBody, ifMatch),
      refused: (problem) => refusedErrors(problem, typed, w),
    });

  return (
    <DefinitionEditorPage
      id={id}
      kind="measure"
      editor={editor}
      plans={plans}
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
