import { safeParse } from 'zod/mini';
import { isQuarterId, targetChangedAfterStart } from '../../../lambdas/domain';
import { measureDefinitionSchema } from '../../../lambdas/domain/definition-schemas';
import { isId } from '../../../lambdas/domain/ids';
import type {
  Aggregation,
  Frequency,
  MeasureDefinition,
  Polarity,
  Targets,
  TargetValue,
} from '../../../lambdas/domain/types';
import { fill } from '../../../lambdas/domain/words';
import type { DefinitionVersion, Problem } from '../api';
import type { Choice, FieldError } from '../components';
import { parseDecimal } from '../decimal';
import { type Identity, identityFrom, newProgramme, newProgrammeProblem, programmeOf } from '../definition-choices';
import { en } from '../i18n/en';
import { pointerSegment } from '../json-pointer';
import { periodChoiceLabel, targetPeriodsOf, yearsAround } from '../period-choices';
import { formatDate } from '../words';

// The measure editor's form as data (docs/web-app.md "Admin: measures and planned work"):
// what was typed, from and to a definition; the body PUT /measures/{id} takes, checked with
// the API's own schema (lambdas/domain); the API's field paths (/targets/2017-18-Q4) as the
// inputs the error summary links to; the marks beside a target. Pure: unit-tested in
// test/web/measure-form.unit.test.ts. Its words (`w`) are the catalogue's `editors`, in
// the language shown (English when not given).

type EditorWords = typeof en.editors;

/** Choices whose labels are the sections' words of the same names. */
const choicesOf = <V extends keyof EditorWords['sections']>(values: readonly V[], w: EditorWords): Choice<V>[] =>
  values.map((value) => ({ value, label: w.sections[value] }));
export const polarityChoices = (w: EditorWords): Choice<Polarity>[] =>
  choicesOf(['higher', 'lower', 'within'] as const, w);
export const frequencyChoices = (w: EditorWords): Choice<Frequency>[] =>
  choicesOf(['monthly', 'quarterly', 'annual'] as const, w);
export const aggregationChoices = (w: EditorWords): Choice<Aggregation>[] =>
  choicesOf(['latest', 'sum', 'mean'] as const, w);

export interface TargetRow {
  key: number;
  period: string;
  value: string;
  min: string;
  max: string;
}

export interface Typed extends Identity {
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
  /** The values the measure can possibly take (`valueRange`); empty: no limit that end. */
  valueMin: string;
  valueMax: string;
  targets: TargetRow[];
  directorateTargets: Record<string, TargetRow[]>;
}

let rowKeys = 0;
export const newRow = (period = '', target?: TargetValue): TargetRow => ({
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

export function typedFrom(m: MeasureDefinition | null): Typed {
  return {
    ...identityFrom(m),
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
    valueMin: text(m?.valueRange?.min),
    valueMax: text(m?.valueRange?.max),
    targets: m ? rowsOf(m.targets) : [newRow()],
    directorateTargets: Object.fromEntries(Object.entries(m?.directorateTargets ?? {}).map(([d, t]) => [d, rowsOf(t)])),
  };
}

// ---- field ids, shared by the inputs, the error summary and the API's paths ----
export const rowField = (scope: string, row: TargetRow, part: 'period' | 'value' | 'min' | 'max') =>
  `${scope}-${row.key}-${part}`;
export const dirScope = (directorate: string, typed: Typed) =>
  `dtarget-${Math.max(0, typed.directorates.indexOf(directorate))}`;
/** Each top-level field of the body: its input, and the field's name among the catalogue's `fields`. */
const topFields: Record<string, { field: string; word: keyof EditorWords['fields'] }> = {
  id: { field: 'id', word: 'id' },
  plan: { field: 'plan', word: 'plan' },
  programme: { field: 'programme', word: 'programme' },
  title: { field: 'title', word: 'title' },
  titleCy: { field: 'title-cy', word: 'titleCy' },
  unit: { field: 'unit', word: 'unit' },
  polarity: { field: 'polarity-higher', word: 'polarity' },
  frequency: { field: 'frequency-monthly', word: 'frequency' },
  aggregation: { field: 'aggregation-latest', word: 'aggregation' },
  ownerDirectorate: { field: 'owner-directorate', word: 'ownerDirectorate' },
  directorates: { field: 'directorates-0', word: 'directorates' },
  tolerancePercent: { field: 'tolerance-percent', word: 'tolerancePercent' },
  greenTolerancePercent: { field: 'green-tolerance-percent', word: 'greenTolerancePercent' },
  toleranceAbsolute: { field: 'tolerance-absolute', word: 'toleranceAbsolute' },
  improvementSoftensRed: { field: 'improvement-default', word: 'improvement' },
  valueRange: { field: 'value-min', word: 'valueRange' },
};

/** A target's name: `The target for 2017-18 Q4`, `People's target for 2017-18 Q4`. */
const targetName = (period: string, directorate: string | undefined, w: EditorWords) =>
  directorate === undefined
    ? fill(w.targets.theTarget, { period })
    : fill(w.targets.dirTarget, { directorate, period });

/** The input a JSON Pointer names: `/targets/2017-18-Q4` → that target row's value (or Minimum). */
function fieldOfPointer(pointer: string, typed: Typed, w: EditorWords): { field: string; label: string } {
  const [head = '', second, third] = pointer.split('/').slice(1).map(pointerSegment);
  const targetField = (scope: string, rows: TargetRow[], period: string | undefined, who?: string) => {
    const row = rows.find((r) => r.period === period);
    if (!row) return null;
    const part = typed.polarity === 'within' ? 'min' : 'value';
    return { field: rowField(scope, row, part), label: targetName(periodChoiceLabel(row.period, w), who, w) };
  };
  if (head === 'targets') {
    const found =
      targetField('target', typed.targets, second) ??
      // The schema names a directorate's band by its period alone (definition-schemas.ts).
      typed.directorates
        .map((d) => targetField(dirScope(d, typed), typed.directorateTargets[d] ?? [], second, d))
        .find((f) => f !== null);
    return (
      found ?? {
        field: typed.targets[0] ? rowField('target', typed.targets[0], 'period') : 'add-target',
        label: w.fields.targets,
      }
    );
  }
  if (head === 'directorateTargets' && second) {
    const found = targetField(dirScope(second, typed), typed.directorateTargets[second] ?? [], third, second);
    return found ?? { field: 'directorates-0', label: fill(w.targets.forDirectorate, { directorate: second }) };
  }
  if (head === 'valueRange') return { field: second === 'max' ? 'value-max' : 'value-min', label: w.fields.valueRange };
  if (head === 'programme' && typed.programme === newProgramme)
    return { field: 'new-programme', label: w.editor.newProgramme };
  if (head === 'id') return { field: 'id', label: w.measure.idLabel };
  const top = topFields[head];
  return top ? { field: top.field, label: w.fields[top.word] } : { field: 'title', label: head || w.fields.theMeasure };
}

/** Words a person would say for the schema's commonest refusals; otherwise the schema's own, after the label. */
function friendly(pointer: string, typed: Typed, w: EditorWords): string | null {
  const head = pointer.split('/')[1];
  const e = w.editor;
  if (head === 'title' && !typed.title.trim()) return e.enterTitle;
  if (head === 'programme' && !programmeOf(typed))
    return typed.programme === newProgramme ? e.enterNewProgramme : e.chooseProgramme;
  if (head === 'plan') return typed.plan ? null : e.choosePlan;
  if (head === 'ownerDirectorate' && !typed.ownerDirectorate) return e.selectOwner;
  if (head === 'polarity' && !typed.polarity) return e.selectPolarity;
  if (head === 'frequency' && !typed.frequency) return e.selectFrequency;
  return null;
}

export function errorsOf(
  issues: { path: string; message: string }[],
  typed: Typed,
  w: EditorWords = en.editors,
): FieldError[] {
  return issues.map((issue) => {
    const { field, label: named } = fieldOfPointer(issue.path, typed, w);
    const label = `${named.charAt(0).toUpperCase()}${named.slice(1)}`;
    const message =
      friendly(issue.path, typed, w) ??
      (issue.message === 'min must not exceed max'
        ? fill(w.editor.minAboveMax, { label })
        : fill(w.editor.labelled, { label, message: issue.message }));
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
export function schemaIssues(body: Record<string, unknown>): { path: string; message: string }[] {
  const parsed = safeParse(measureDefinitionSchema(), body);
  if (parsed.success) return [];
  const issues = parsed.error.issues.map(pointerOf);
  const targetsAlone = safeParse(measureDefinitionSchema(), {
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

/** `valueRange` from its two ends; undefined when both are open. */
const rangeOf = (min: number | undefined, max: number | undefined) =>
  min === undefined && max === undefined
    ? undefined
    : { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };

/** The body PUT takes, and what could not even be read (a target that is not a number). */
export function bodyOf(
  typed: Typed,
  w: EditorWords = en.editors,
): { body: Record<string, unknown>; unreadable: FieldError[] } {
  const unreadable: FieldError[] = [];
  const t = w.targets;
  const number = (raw: string, field: string, label: string): number | undefined => {
    if (!raw.trim()) return undefined;
    const n = parseDecimal(raw);
    if (n === null) unreadable.push({ field, message: fill(w.editor.notANumber, { label }) });
    return n ?? undefined;
  };
  const targetsOf = (rows: TargetRow[], scope: string, directorate?: string): Targets => {
    const out: Targets = {};
    for (const row of rows) {
      const typedAny = row.period || row.value.trim() || row.min.trim() || row.max.trim();
      if (!typedAny) continue;
      if (!row.period) {
        const message = directorate ? fill(t.selectDirPeriod, { directorate }) : t.selectPeriod;
        unreadable.push({ field: rowField(scope, row, 'period'), message });
        continue;
      }
      const period = periodChoiceLabel(row.period, w);
      if (Object.hasOwn(out, row.period)) {
        const message = directorate ? fill(t.dirTwice, { directorate, period }) : fill(t.twice, { period });
        unreadable.push({ field: rowField(scope, row, 'period'), message });
        continue;
      }
      const ends = typed.polarity === 'within' ? (['min', 'max'] as const) : (['value'] as const);
      const named = { min: t.theMinimum, max: t.theMaximum, value: t.theTarget };
      const enter = { min: t.enterMinimum, max: t.enterMaximum, value: t.enterTarget };
      const read = ends.map((end) => number(row[end], rowField(scope, row, end), fill(named[end], { period })));
      ends.forEach((end, i) => {
        if (read[i] === undefined && !row[end].trim())
          unreadable.push({ field: rowField(scope, row, end), message: fill(enter[end], { period }) });
      });
      const [first, second] = read;
      if (read.every((n) => n !== undefined))
        out[row.period] = ends.length === 2 ? { min: first!, max: second! } : first!;
    }
    return out;
  };
  const directorateTargets = Object.fromEntries(
    typed.directorates
      .map((d) => [d, targetsOf(typed.directorateTargets[d] ?? [], dirScope(d, typed), d)] as const)
      .filter(([, t]) => Object.keys(t).length > 0),
  );
  const f = w.fields;
  const body: Record<string, unknown> = {
    plan: typed.plan.trim(),
    programme: programmeOf(typed),
    title: typed.title,
    titleCy: typed.titleCy.trim() || undefined,
    unit: typed.unit,
    polarity: typed.polarity || undefined,
    frequency: typed.frequency || undefined,
    aggregation: typed.frequency === 'monthly' && typed.aggregation ? typed.aggregation : undefined,
    tolerancePercent: number(typed.tolerancePercent, 'tolerance-percent', f.tolerancePercent),
    greenTolerancePercent: number(typed.greenTolerancePercent, 'green-tolerance-percent', f.greenTolerancePercent),
    toleranceAbsolute: number(typed.toleranceAbsolute, 'tolerance-absolute', f.toleranceAbsolute),
    improvementSoftensRed:
      typed.improvementSoftensRed === 'default' ? undefined : typed.improvementSoftensRed === 'yes',
    directorates: typed.directorates,
    ownerDirectorate: typed.ownerDirectorate,
    valueRange: rangeOf(
      number(typed.valueMin, 'value-min', w.sections.theLowest),
      number(typed.valueMax, 'value-max', w.sections.theHighest),
    ),
    targets: targetsOf(typed.targets, 'target'),
    directorateTargets: Object.keys(directorateTargets).length ? directorateTargets : undefined,
  };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return { body, unreadable };
}

/** A directorate's rolled-forward periods: its marks are `2018-19 People` (docs/plan-administration.md). */
export const directorateRolled = (marks: string[], directorate: string) =>
  marks
    .filter((m) => m.slice(m.indexOf(' ') + 1) === directorate && m.includes(' '))
    .map((m) => m.slice(0, m.indexOf(' ')));

/** A target's history: each definition version's time and targets, oldest first. */
export type TargetHistory = { at: string; targets: Targets }[];

/**
 * The tags beside a target row: `Rolled forward` while a copied target is unchanged;
 * `Target changed on <date>` when one of the row's quarters had its target set or changed
 * after it began (docs/plan-administration.md). `stored` is the definition's targets the row
 * came from, `rolled` the periods rolled forward into them, `history` the measure's target
 * history (given only for the measure's own targets, not a directorate's).
 */
export function targetMarks(
  row: TargetRow,
  stored: Targets | undefined,
  rolled: readonly string[],
  history: TargetHistory | null,
  w: EditorWords = en.editors,
): string[] {
  const out: string[] = [];
  const original = stored?.[row.period];
  const same =
    original !== undefined &&
    (typeof original === 'number'
      ? parseDecimal(row.value) === original
      : parseDecimal(row.min) === original.min && parseDecimal(row.max) === original.max);
  if (same && rolled.includes(row.period)) out.push(w.targets.rolledForward);
  if (same && history && history.length > 1) {
    const quarters = isQuarterId(row.period) ? [row.period] : [1, 2, 3, 4].map((n) => `${row.period}-Q${n}`);
    const dates = quarters
      .map((q) => targetChangedAfterStart(history, q)?.date)
      .filter((d): d is string => d !== undefined)
      .sort();
    if (dates.length) out.push(fill(w.targets.changedOn, { date: formatDate(dates[dates.length - 1]!) }));
  }
  return out;
}

/**
 * The body to send, or every mistake the browser can already see (the id of a new measure
 * included, and a new programme that is one of `programmes`, the existing ones, typed again).
 */
export function checked(
  typed: Typed,
  isNew: boolean,
  programmes: readonly string[] = [],
  w: EditorWords = en.editors,
): { body: Record<string, unknown>; errors: FieldError[] } {
  const { body, unreadable } = bodyOf(typed, w);
  const errors = [...unreadable];
  const badId = idProblem(typed.id, isNew, w.measure, w);
  if (badId) errors.unshift({ field: 'id', message: badId });
  const programmeProblem = newProgrammeProblem(typed, programmes, w.editor);
  if (programmeProblem) errors.push({ field: 'new-programme', message: programmeProblem });
  for (const issue of schemaIssues(body))
    for (const e of errorsOf([issue], typed, w)) if (!errors.some((l) => l.field === e.field)) errors.push(e);
  return { body, errors };
}

/** The API's refusal as links to the inputs; without field errors, its detail on the title. */
export function refusedErrors(problem: Problem, typed: Typed, w: EditorWords = en.editors): FieldError[] {
  const fields = errorsOf(problem.errors ?? [], typed, w);
  return fields.length ? fields : [{ field: 'title', message: problem.detail ?? w.measure.refused }];
}

/** Why a new definition's id cannot be used (`Enter a measure ID`, `Measure ID: an id of …`), or null. */
export function idProblem(
  id: string,
  isNew: boolean,
  kind: { idLabel: string; enterId: string },
  w: EditorWords = en.editors,
): string | null {
  if (!isNew || isId(id.trim())) return null;
  return id.trim() ? fill(w.editor.badId, { label: kind.idLabel, description: w.editor.idDescription }) : kind.enterId;
}

/** The periods the target pickers offer: the years around those of the measure's targets and the quarters in use. */
export function periodsOffered(measure: MeasureDefinition | null, quartersInUse: readonly string[]): string[] {
  return targetPeriodsOf(
    yearsAround([
      ...Object.keys(measure?.targets ?? {}),
      ...Object.values(measure?.directorateTargets ?? {}).flatMap((t) => Object.keys(t)),
      ...(measure?.retiredFrom ? [measure.retiredFrom] : []),
      ...quartersInUse,
    ]),
  );
}

/** The measure's targets version by version, for `Target changed on <date>`. */
export const targetHistory = (versions: readonly DefinitionVersion[]): TargetHistory =>
  versions.map((v) => ({ at: v.at ?? '', targets: (v.definition.targets ?? {}) as Targets }));
