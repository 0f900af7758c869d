import { useEffect, useRef, useState } from 'preact/hooks';
import { safeParse } from 'zod/mini';
import { isQuarterId, targetChangedAfterStart } from '../../../lambdas/domain';
import { measureDefinitionSchema } from '../../../lambdas/domain/definition-schemas';
import { idDescription, isId } from '../../../lambdas/domain/ids';
import type {
  Aggregation,
  Frequency,
  MeasureDefinition,
  Polarity,
  Targets,
  TargetValue,
} from '../../../lambdas/domain/types';
import type { Api, MeasureBody } from '../api';
import {
  Checkboxes,
  DecimalInput,
  ErrorSummary,
  type FieldError,
  Loading,
  ProblemPage,
  Radios,
  Select,
  useFocusHeading,
} from '../components';
import { parseDecimal } from '../decimal';
import {
  DefinitionConflict,
  DefinitionHistory,
  fieldErrors,
  periodChoiceLabel,
  TextField,
  targetPeriodsOf,
  yearsAround,
} from '../definition-admin';
import { useDefinitionEditor } from '../hooks/use-definition-editor';
import { pointerSegment } from '../json-pointer';
import { periodLabel } from '../words';

// The admin's measure editor (docs/web-app.md "Admin: measures and planned work"): every
// field of a definition in words, targets per period, bands. It sends exactly what
// PUT /measures/{id} validates, checked first with the same schema (lambdas/domain), and
// maps the API's field paths (/targets/2017-18-Q4) to the inputs in the error summary.

const polarityChoices: { value: Polarity; label: string }[] = [
  { value: 'higher', label: 'Higher is better' },
  { value: 'lower', label: 'Lower is better' },
  { value: 'within', label: 'Within a range' },
];
const frequencyChoices: { value: Frequency; label: string }[] = [
  { value: 'monthly', label: 'Monthly' },
  { value: 'quarterly', label: 'Quarterly' },
  { value: 'annual', label: 'Annual' },
];
const aggregationChoices: { value: Aggregation; label: string }[] = [
  { value: 'latest', label: 'The latest month' },
  { value: 'sum', label: 'The sum of the months' },
  { value: 'mean', label: 'The mean of the months' },
];

interface TargetRow {
  key: number;
  period: string;
  value: string;
  min: string;
  max: string;
}

interface Typed {
  id: string;
  plan: string;
  programme: string;
  title: string;
  unit: string;
  polarity: Polarity | '';
  frequency: Frequency | '';
  aggregation: Aggregation | '';
  ownerDirectorate: string;
  directorates: string[];
  tolerancePercent: string;
  greenTolerancePercent: string;
  toleranceAbsolute: string;
  improvementSoftensRed: 'default' | 'yes' | 'no';
  targets: TargetRow[];
  directorateTargets: Record<string, TargetRow[]>;
}

let rowKeys = 0;
const newRow = (period = '', target?: TargetValue): TargetRow => ({
  key: ++rowKeys,
  period,
  value: typeof target === 'number' ? String(target) : '',
  min: typeof target === 'object' ? String(target.min) : '',
  max: typeof target === 'object' ? String(target.max) : '',
});
const rowsOf = (targets: Targets | undefined) =>
  Object.keys(targets ?? {})
    .sort()
    .map((p) => newRow(p, targets![p]));
const text = (n: number | undefined) => (n === undefined ? '' : String(n));

function typedFrom(m: MeasureDefinition | null): Typed {
  return {
    id: m?.id ?? '',
    plan: m?.plan ?? '',
    programme: m?.programme ?? '',
    title: m?.title ?? '',
    unit: m?.unit ?? '',
    polarity: m?.polarity ?? '',
    frequency: m?.frequency ?? '',
    aggregation: m?.aggregation ?? '',
    ownerDirectorate: m?.ownerDirectorate ?? '',
    directorates: m?.directorates ?? [],
    tolerancePercent: text(m?.tolerancePercent),
    greenTolerancePercent: text(m?.greenTolerancePercent),
    toleranceAbsolute: text(m?.toleranceAbsolute),
    improvementSoftensRed: m?.improvementSoftensRed === undefined ? 'default' : m.improvementSoftensRed ? 'yes' : 'no',
    targets: m ? rowsOf(m.targets) : [newRow()],
    directorateTargets: Object.fromEntries(Object.entries(m?.directorateTargets ?? {}).map(([d, t]) => [d, rowsOf(t)])),
  };
}

// ---- field ids, shared by the inputs, the error summary and the API's paths ----
const rowField = (scope: string, row: TargetRow, part: 'period' | 'value' | 'min' | 'max') =>
  `${scope}-${row.key}-${part}`;
const dirScope = (directorate: string, typed: Typed) =>
  `dtarget-${Math.max(0, typed.directorates.indexOf(directorate))}`;
const topFields: Record<string, { field: string; label: string }> = {
  id: { field: 'id', label: 'Measure ID' },
  plan: { field: 'plan', label: 'Plan' },
  programme: { field: 'programme', label: 'Programme' },
  title: { field: 'title', label: 'Title' },
  unit: { field: 'unit', label: 'Unit' },
  polarity: { field: 'polarity-higher', label: 'Polarity' },
  frequency: { field: 'frequency-monthly', label: 'Frequency' },
  aggregation: { field: 'aggregation-latest', label: 'How months make a quarter' },
  ownerDirectorate: { field: 'owner-directorate', label: 'Owner directorate' },
  directorates: { field: 'directorates-0', label: 'Directorates' },
  tolerancePercent: { field: 'tolerance-percent', label: 'Amber tolerance (%)' },
  greenTolerancePercent: { field: 'green-tolerance-percent', label: 'Green tolerance (%)' },
  toleranceAbsolute: { field: 'tolerance-absolute', label: 'Absolute tolerance' },
  improvementSoftensRed: { field: 'improvement-default', label: 'Improvement softens red' },
};

/** The input a JSON Pointer names: `/targets/2017-18-Q4` → that target row's value (or Minimum). */
function fieldOfPointer(pointer: string, typed: Typed): { field: string; label: string } {
  const [head = '', second, third] = pointer.split('/').slice(1).map(pointerSegment);
  const targetField = (scope: string, rows: TargetRow[], period: string | undefined, who: string) => {
    const row = rows.find((r) => r.period === period);
    if (!row) return null;
    const part = typed.polarity === 'within' ? 'min' : 'value';
    return { field: rowField(scope, row, part), label: `${who}target for ${periodChoiceLabel(row.period)}` };
  };
  if (head === 'targets') {
    const found =
      targetField('target', typed.targets, second, 'The ') ??
      // The schema names a directorate's band by its period alone (definition-schemas.ts).
      typed.directorates
        .map((d) => targetField(dirScope(d, typed), typed.directorateTargets[d] ?? [], second, `${d}'s `))
        .find((f) => f !== null);
    return (
      found ?? {
        field: typed.targets[0] ? rowField('target', typed.targets[0], 'period') : 'add-target',
        label: 'Targets',
      }
    );
  }
  if (head === 'directorateTargets' && second) {
    const found = targetField(dirScope(second, typed), typed.directorateTargets[second] ?? [], third, `${second}'s `);
    return found ?? { field: 'directorates-0', label: `Targets for ${second}` };
  }
  return topFields[head] ?? { field: 'title', label: head || 'The measure' };
}

/** Words a person would say for the schema's commonest refusals; otherwise the schema's own, after the label. */
function friendly(pointer: string, typed: Typed): string | null {
  const head = pointer.split('/')[1];
  if (head === 'title' && !typed.title.trim()) return 'Enter a title';
  if (head === 'programme' && !typed.programme.trim()) return 'Enter the programme';
  if (head === 'plan') return 'Enter the plan: 1 to 40 lowercase letters, digits or hyphens, such as cip';
  if (head === 'ownerDirectorate' && !typed.ownerDirectorate) return 'Select the owner directorate';
  if (head === 'polarity' && !typed.polarity) return 'Select the polarity';
  if (head === 'frequency' && !typed.frequency) return 'Select the frequency';
  return null;
}

function errorsOf(issues: { path: string; message: string }[], typed: Typed): FieldError[] {
  return issues.map((issue) => {
    const { field, label } = fieldOfPointer(issue.path, typed);
    const message =
      friendly(issue.path, typed) ??
      (issue.message === 'min must not exceed max'
        ? `${label.charAt(0).toUpperCase()}${label.slice(1)}: the minimum must not be more than the maximum`
        : `${label.charAt(0).toUpperCase()}${label.slice(1)}: ${issue.message}`);
    return { field, message };
  });
}

const pointerOf = (issue: { path: PropertyKey[]; message: string }) => ({
  path: `/${issue.path.map(String).join('/')}`,
  message: issue.message,
});

/**
 * What the API's schema would refuse, by JSON Pointer. The schema checks the targets as a
 * whole (a band's min above its max) only once every field passes, so while some field is
 * still refused the targets are checked again alone, and every mistake shows at once.
 */
function schemaIssues(body: Record<string, unknown>): { path: string; message: string }[] {
  const parsed = safeParse(measureDefinitionSchema, body);
  if (parsed.success) return [];
  const issues = parsed.error.issues.map(pointerOf);
  const targetsAlone = safeParse(measureDefinitionSchema, {
    plan: 'x',
    programme: 'x',
    title: 'x',
    ownerDirectorate: 'x',
    polarity: typeof body.polarity === 'string' ? body.polarity : 'higher',
    frequency: typeof body.frequency === 'string' ? body.frequency : 'quarterly',
    directorates: body.directorates,
    targets: body.targets,
    directorateTargets: body.directorateTargets,
  });
  const isTargets = (path: string) => path.startsWith('/targets/') || path.startsWith('/directorateTargets/');
  if (!targetsAlone.success)
    for (const issue of targetsAlone.error.issues.map(pointerOf))
      if (isTargets(issue.path) && !issues.some((i) => i.path === issue.path)) issues.push(issue);
  return issues;
}

/** The body PUT takes, and what could not even be read (a target that is not a number). */
function bodyOf(typed: Typed): { body: Record<string, unknown>; unreadable: FieldError[] } {
  const unreadable: FieldError[] = [];
  const number = (raw: string, field: string, label: string): number | undefined => {
    if (!raw.trim()) return undefined;
    const n = parseDecimal(raw);
    if (n === null) unreadable.push({ field, message: `${label} must be a number` });
    return n ?? undefined;
  };
  const targetsOf = (rows: TargetRow[], scope: string, who: string): Targets => {
    const out: Targets = {};
    for (const row of rows) {
      const typedAny = row.period || row.value.trim() || row.min.trim() || row.max.trim();
      if (!typedAny) continue;
      const where = row.period ? periodChoiceLabel(row.period) : 'a target';
      if (!row.period) {
        unreadable.push({ field: rowField(scope, row, 'period'), message: `Select the period of ${who}target` });
        continue;
      }
      if (Object.hasOwn(out, row.period)) {
        unreadable.push({
          field: rowField(scope, row, 'period'),
          message: `${who}target for ${where} is given twice: choose each period once`,
        });
        continue;
      }
      if (typed.polarity === 'within') {
        const min = number(row.min, rowField(scope, row, 'min'), `The minimum for ${where}`);
        const max = number(row.max, rowField(scope, row, 'max'), `The maximum for ${where}`);
        if (min === undefined && !row.min.trim())
          unreadable.push({ field: rowField(scope, row, 'min'), message: `Enter the minimum for ${where}` });
        if (max === undefined && !row.max.trim())
          unreadable.push({ field: rowField(scope, row, 'max'), message: `Enter the maximum for ${where}` });
        if (min !== undefined && max !== undefined) out[row.period] = { min, max };
      } else {
        const value = number(row.value, rowField(scope, row, 'value'), `The target for ${where}`);
        if (value === undefined && !row.value.trim())
          unreadable.push({ field: rowField(scope, row, 'value'), message: `Enter the target for ${where}` });
        if (value !== undefined) out[row.period] = value;
      }
    }
    return out;
  };
  const directorateTargets = Object.fromEntries(
    typed.directorates
      .map((d) => [d, targetsOf(typed.directorateTargets[d] ?? [], dirScope(d, typed), `${d}'s `)] as const)
      .filter(([, t]) => Object.keys(t).length > 0),
  );
  const body: Record<string, unknown> = {
    plan: typed.plan.trim(),
    programme: typed.programme,
    title: typed.title,
    unit: typed.unit,
    polarity: typed.polarity || undefined,
    frequency: typed.frequency || undefined,
    aggregation: typed.frequency === 'monthly' && typed.aggregation ? typed.aggregation : undefined,
    tolerancePercent: number(typed.tolerancePercent, 'tolerance-percent', 'Amber tolerance (%)'),
    greenTolerancePercent: number(typed.greenTolerancePercent, 'green-tolerance-percent', 'Green tolerance (%)'),
    toleranceAbsolute: number(typed.toleranceAbsolute, 'tolerance-absolute', 'Absolute tolerance'),
    improvementSoftensRed:
      typed.improvementSoftensRed === 'default' ? undefined : typed.improvementSoftensRed === 'yes',
    directorates: typed.directorates,
    ownerDirectorate: typed.ownerDirectorate,
    targets: targetsOf(typed.targets, 'target', 'the '),
    directorateTargets: Object.keys(directorateTargets).length ? directorateTargets : undefined,
  };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return { body, unreadable };
}

// ---- small GOV.UK pieces ----

// ---- targets ----

function TargetRows(props: {
  scope: string;
  /** The directorate whose own targets these are; none: the measure's. */
  directorate?: string;
  who: string;
  rows: TargetRow[];
  periods: string[];
  within: boolean;
  marks(row: TargetRow): string[];
  errorOf(field: string): string | undefined;
  onChange(rows: TargetRow[]): void;
}) {
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    if (focusNext === 'add') addRef.current?.focus();
    else document.getElementById(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext]);
  const set = (row: TargetRow, change: Partial<TargetRow>) =>
    props.onChange(props.rows.map((r) => (r.key === row.key ? { ...r, ...change } : r)));
  const options = (row: TargetRow) => [...new Set([...props.periods, ...(row.period ? [row.period] : [])])].sort();
  return (
    <>
      {props.rows.map((row, i) => {
        const id = (part: 'period' | 'value' | 'min' | 'max') => rowField(props.scope, row, part);
        const number = (part: 'value' | 'min' | 'max', label: string) => (
          <DecimalInput
            id={id(part)}
            label={label}
            groupClass="app-target__field"
            width="govuk-input--width-5"
            value={row[part]}
            error={props.errorOf(id(part))}
            onInput={(value) => set(row, { [part]: value })}
          />
        );
        const marks = props.marks(row);
        return (
          <fieldset class="govuk-fieldset app-target" key={row.key}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              {props.who} {i + 1}
            </legend>
            <div class="app-target__fields">
              <Select
                id={id('period')}
                label="Period"
                groupClass="app-target__field"
                value={row.period}
                empty="Choose a period"
                choices={options(row).map((p) => ({ value: p, label: periodChoiceLabel(p) }))}
                error={props.errorOf(id('period'))}
                onChange={(period) => set(row, { period })}
              />
              {props.within ? (
                <>
                  {number('min', 'Minimum')}
                  {number('max', 'Maximum')}
                </>
              ) : (
                number('value', 'Target')
              )}
              <div class="govuk-form-group app-target__field">
                <button
                  type="button"
                  class="govuk-button govuk-button--secondary app-target__remove"
                  onClick={() => {
                    props.onChange(props.rows.filter((r) => r.key !== row.key));
                    setFocusNext('add');
                  }}
                >
                  Remove<span class="govuk-visually-hidden"> {`${props.who.toLowerCase()} ${i + 1}`}</span>
                </button>
              </div>
            </div>
            {marks.length > 0 && (
              <p class="govuk-body-s">
                {marks.map((m) => (
                  <strong class="govuk-tag app-tag--grey app-target__mark" key={m}>
                    {m}
                  </strong>
                ))}
              </p>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        id={props.scope === 'target' ? 'add-target' : `${props.scope}-add`}
        ref={addRef}
        onClick={() => {
          const row = newRow();
          props.onChange([...props.rows, row]);
          setFocusNext(rowField(props.scope, row, 'period'));
        }}
      >
        Add another target{props.directorate && <span class="govuk-visually-hidden"> for {props.directorate}</span>}
      </button>
    </>
  );
}

/** A directorate's rolled-forward periods: its marks are `2018-19 People` (docs/plan-administration.md). */
const directorateRolled = (marks: string[], directorate: string) =>
  marks
    .filter((m) => m.slice(m.indexOf(' ') + 1) === directorate && m.includes(' '))
    .map((m) => m.slice(0, m.indexOf(' ')));

// ---- the page ----

export function MeasureEditor({ api, id, directorates }: { api: Api; id: string | null; directorates: string[] }) {
  const [typed, setTyped] = useState<Typed>(() => typedFrom(null));
  const editor = useDefinitionEditor<MeasureDefinition>({
    id,
    word: 'measure',
    idLabel: 'Measure ID',
    listPath: '/app/admin/measures',
    load: (measureId) => api.measure(measureId).then((m) => (m.ok ? { ...m, data: m.data.measure } : m)),
    history: (measureId) => api.measureHistory(measureId),
    quartersInUse: () => api.returns({}),
    fill: (measure) => setTyped(typedFrom(measure)),
    deps: [api, id],
  });
  const { errors, setErrors, busy } = editor;
  const loaded = editor.loaded.data;
  const [confirmRetire, setConfirmRetire] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const title = id === null ? 'Add a measure' : (loaded?.definition?.title ?? 'Measure');
  const heading = useFocusHeading(loaded !== undefined, title);
  useEffect(() => {
    if (confirmRetire) confirmRef.current?.focus();
  }, [confirmRetire]);

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
  const targetKeys = [
    ...Object.keys(measure?.targets ?? {}),
    ...Object.values(measure?.directorateTargets ?? {}).flatMap((t) => Object.keys(t)),
    ...(measure?.retiredFrom ? [measure.retiredFrom] : []),
    ...loaded.quartersInUse,
  ];
  const periods = targetPeriodsOf(yearsAround(targetKeys));
  const history = loaded.versions.map((v) => ({
    at: v.at ?? '',
    targets: (v.definition.targets ?? {}) as Targets,
  }));
  // "Rolled forward" while a copied target is unchanged; "target changed on <date>" when a quarter's
  // target was set or changed after it began (docs/plan-administration.md).
  const marks = (row: TargetRow, stored: Targets | undefined, rolled: string[]) => {
    const out: string[] = [];
    const original = stored?.[row.period];
    const same =
      original !== undefined &&
      (typeof original === 'number'
        ? parseDecimal(row.value) === original
        : parseDecimal(row.min) === original.min && parseDecimal(row.max) === original.max);
    if (same && rolled.includes(row.period)) out.push('Rolled forward');
    if (same && stored === measure?.targets && history.length > 1) {
      const quarters = isQuarterId(row.period) ? [row.period] : [1, 2, 3, 4].map((n) => `${row.period}-Q${n}`);
      const dates = quarters
        .map((q) => targetChangedAfterStart(history, q)?.date)
        .filter((d): d is string => d !== undefined)
        .sort();
      if (dates.length) out.push(`Target changed on ${dates[dates.length - 1]}`);
    }
    return out;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const { body, unreadable } = bodyOf(typed);
    const local = [...unreadable];
    if (id === null && !isId(typed.id.trim()))
      local.unshift({ field: 'id', message: typed.id.trim() ? `Measure ID: ${idDescription}` : 'Enter a measure ID' });
    for (const issue of schemaIssues(body))
      for (const e of errorsOf([issue], typed)) if (!local.some((l) => l.field === e.field)) local.push(e);
    if (local.length) return setErrors(local);
    await editor.save(
      id ?? typed.id.trim(),
      (measureId, ifMatch) => api.putMeasure(measureId, body as unknown as MeasureBody, ifMatch),
      (problem, status) =>
        status === 422
          ? errorsOf(problem.errors ?? [], typed).concat(
              problem.errors?.length ? [] : [{ field: 'title', message: problem.detail ?? 'Refused' }],
            )
          : fieldErrors(problem, () => ({ field: 'title', label: '' }), 'title'),
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
        {id === null ? (
          <TextField
            id="id"
            label="Measure ID"
            hint="Stable across years, so history and trends survive a new plan year: letters, digits, . _ - such as sickness-absence"
            value={typed.id}
            error={errorOf('id')}
            width="govuk-input--width-20"
            onInput={(v) => set({ id: v })}
          />
        ) : (
          <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Measure ID</dt>
              <dd class="govuk-summary-list__value app-break-anywhere">{id}</dd>
            </div>
          </dl>
        )}
        <TextField
          id="plan"
          label="Plan"
          hint="The plan's short name: lowercase letters, digits and hyphens, such as cip"
          value={typed.plan}
          error={errorOf('plan')}
          width="govuk-input--width-10"
          onInput={(v) => set({ plan: v })}
        />
        <TextField
          id="programme"
          label="Programme"
          value={typed.programme}
          error={errorOf('programme')}
          onInput={(v) => set({ programme: v })}
        />
        <TextField
          id="title"
          label="Title"
          value={typed.title}
          error={errorOf('title')}
          onInput={(v) => set({ title: v })}
        />
        <TextField
          id="unit"
          label="Unit"
          hint="For example: days per FTE, %, households (optional)"
          value={typed.unit}
          error={errorOf('unit')}
          width="govuk-input--width-20"
          onInput={(v) => set({ unit: v })}
        />
        <Radios
          name="polarity"
          legend="Polarity"
          choices={polarityChoices}
          value={typed.polarity}
          error={errorOf('polarity-higher')}
          onChange={(v) => set({ polarity: v })}
        />
        <Radios
          name="frequency"
          legend="Frequency"
          hint="How often a result is given"
          choices={frequencyChoices}
          value={typed.frequency}
          error={errorOf('frequency-monthly')}
          onChange={(v) => set({ frequency: v })}
        />
        {typed.frequency === 'monthly' && (
          <Radios
            name="aggregation"
            legend="How months make a quarter"
            hint="If none is chosen: the latest month"
            choices={aggregationChoices}
            value={typed.aggregation}
            error={errorOf('aggregation-latest')}
            onChange={(v) => set({ aggregation: v })}
          />
        )}
        <Select
          id="owner-directorate"
          name="ownerDirectorate"
          label="Owner directorate"
          hint="Its officers enter the results"
          value={typed.ownerDirectorate}
          empty="Choose a directorate"
          choices={choices.map((d) => ({ value: d, label: d }))}
          error={errorOf('owner-directorate')}
          onChange={(ownerDirectorate) => set({ ownerDirectorate })}
        />
        <Checkboxes
          name="directorates"
          legend="Directorates"
          hint="Those a result is broken down by. Select all that apply."
          items={choices.map((d, i) => ({
            id: `directorates-${i}`,
            value: d,
            label: d,
            checked: typed.directorates.includes(d),
          }))}
          error={errorOf('directorates-0')}
          onToggle={(d) =>
            set({
              directorates: typed.directorates.includes(d)
                ? typed.directorates.filter((x) => x !== d)
                : choices.filter((x) => x === d || typed.directorates.includes(x)),
            })
          }
        />

        <h2 class="govuk-heading-m">Bands</h2>
        <p class="govuk-body">Leave a band empty to use the default in Settings.</p>
        <TextField
          id="tolerance-percent"
          label="Amber tolerance (%)"
          hint="How far off target, as a percentage of the target, is still amber rather than red"
          value={typed.tolerancePercent}
          error={errorOf('tolerance-percent')}
          width="govuk-input--width-5"
          inputMode="decimal"
          onInput={(v) => set({ tolerancePercent: v })}
        />
        <TextField
          id="green-tolerance-percent"
          label="Green tolerance (%)"
          hint="A shortfall still rated green, as a percentage of the target"
          value={typed.greenTolerancePercent}
          error={errorOf('green-tolerance-percent')}
          width="govuk-input--width-5"
          inputMode="decimal"
          onInput={(v) => set({ greenTolerancePercent: v })}
        />
        <TextField
          id="tolerance-absolute"
          label="Absolute tolerance"
          hint="The amber band, in the measure's unit, for targets of 0"
          value={typed.toleranceAbsolute}
          error={errorOf('tolerance-absolute')}
          width="govuk-input--width-5"
          inputMode="decimal"
          onInput={(v) => set({ toleranceAbsolute: v })}
        />
        <Radios
          name="improvement"
          legend="Rate a red as amber when it improved on the same quarter last year"
          choices={[
            { value: 'default', label: 'As in Settings' },
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={typed.improvementSoftensRed}
          error={errorOf('improvement-default')}
          onChange={(v) => set({ improvementSoftensRed: v })}
        />

        <h2 class="govuk-heading-m" id="targets-heading">
          Targets
        </h2>
        <p class="govuk-body">
          A year's target applies to each of its quarters without a target of its own. A period with no target is
          information only.
        </p>
        <TargetRows
          scope="target"
          who="Target"
          rows={typed.targets}
          periods={periods}
          within={typed.polarity === 'within'}
          marks={(row) => marks(row, measure?.targets, measure?.rolledForward ?? [])}
          errorOf={errorOf}
          onChange={(rows) => set({ targets: rows })}
        />
        {typed.directorates.length > 0 && (
          <>
            <h2 class="govuk-heading-m">Targets by directorate</h2>
            <p class="govuk-body">Optional: a directorate's own target, beside the measure's.</p>
            {typed.directorates.map((d) => (
              <section key={d} aria-labelledby={`${dirScope(d, typed)}-heading`}>
                <h3 class="govuk-heading-s" id={`${dirScope(d, typed)}-heading`}>
                  Targets for {d}
                </h3>
                <TargetRows
                  scope={dirScope(d, typed)}
                  directorate={d}
                  who={`${d} target`}
                  rows={typed.directorateTargets[d] ?? []}
                  periods={periods}
                  within={typed.polarity === 'within'}
                  marks={(row) =>
                    marks(row, measure?.directorateTargets?.[d], directorateRolled(measure?.rolledForward ?? [], d))
                  }
                  errorOf={errorOf}
                  onChange={(rows) => set({ directorateTargets: { ...typed.directorateTargets, [d]: rows } })}
                />
              </section>
            ))}
          </>
        )}
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
        <div class="app-confirm">
          <h2 class="govuk-heading-m" tabIndex={-1} ref={confirmRef}>
            Retire {measure.title}?
          </h2>
          <p class="govuk-body">
            It leaves the quarter under way and every later one. Its results, the quarters already ended and its history
            stay.
          </p>
          <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" disabled={busy} onClick={retire}>
              Yes, retire measure
            </button>
            <button type="button" class="govuk-button govuk-button--secondary" onClick={() => setConfirmRetire(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {loaded.versions.length > 0 && (
        <div class="app-table-wrap">
          <DefinitionHistory versions={loaded.versions} />
        </div>
      )}
    </>
  );
}
