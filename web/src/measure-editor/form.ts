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
import type { DefinitionVersion, Problem } from '../api';
import type { Choice, FieldError } from '../components';
import { parseDecimal } from '../decimal';
import { newProgramme, newProgrammeProblem, programmeOf } from '../definition-choices';
import { pointerSegment } from '../json-pointer';
import { periodChoiceLabel, targetPeriodsOf, yearsAround } from '../period-choices';
import { formatDate } from '../words';

// The measure editor's form as data (docs/web-app.md "Admin: measures and planned work"):
// what was typed, from and to a definition; the body PUT /measures/{id} takes, checked with
// the API's own schema (lambdas/domain); the API's field paths (/targets/2017-18-Q4) as the
// inputs the error summary links to; the marks beside a target. Pure: unit-tested in
// test/web/measure-form.unit.test.ts.

export const polarityChoices: Choice<Polarity>[] = [
  { value: 'higher', label: 'Higher is better' },
  { value: 'lower', label: 'Lower is better' },
  { value: 'within', label: 'Within a range' },
];
export const frequencyChoices: Choice<Frequency>[] = [
  { value: 'monthly', label: 'Monthly' },
  { value: 'quarterly', label: 'Quarterly' },
  { value: 'annual', label: 'Annual' },
];
export const aggregationChoices: Choice<Aggregation>[] = [
  { value: 'latest', label: 'The latest month' },
  { value: 'sum', label: 'The sum of the months' },
  { value: 'mean', label: 'The mean of the months' },
];

export interface TargetRow {
  key: number;
  period: string;
  value: string;
  min: string;
  max: string;
}

export interface Typed {
  id: string;
  plan: string;
  /** The programme chosen, or `newProgramme` (web/src/definition-choices.ts) with its name below. */
  programme: string;
  newProgramme: string;
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
    id: m?.id ?? '',
    plan: m?.plan ?? '',
    programme: m?.programme ?? '',
    newProgramme: '',
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
  valueRange: { field: 'value-min', label: 'Possible values' },
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
  if (head === 'valueRange') return { field: second === 'max' ? 'value-max' : 'value-min', label: 'Possible values' };
  if (head === 'programme' && typed.programme === newProgramme)
    return { field: 'new-programme', label: 'The new programme' };
  return topFields[head] ?? { field: 'title', label: head || 'The measure' };
}

/** Words a person would say for the schema's commonest refusals; otherwise the schema's own, after the label. */
function friendly(pointer: string, typed: Typed): string | null {
  const head = pointer.split('/')[1];
  if (head === 'title' && !typed.title.trim()) return 'Enter a title';
  if (head === 'programme' && !programmeOf(typed))
    return typed.programme === newProgramme ? 'Enter the name of the new programme' : 'Choose the programme';
  if (head === 'plan') return typed.plan ? null : 'Choose the plan';
  if (head === 'ownerDirectorate' && !typed.ownerDirectorate) return 'Select the owner directorate';
  if (head === 'polarity' && !typed.polarity) return 'Select the polarity';
  if (head === 'frequency' && !typed.frequency) return 'Select the frequency';
  return null;
}

export function errorsOf(issues: { path: string; message: string }[], typed: Typed): FieldError[] {
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
export function schemaIssues(body: Record<string, unknown>): { path: string; message: string }[] {
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

/** `valueRange` from its two ends; undefined when both are open. */
const rangeOf = (min: number | undefined, max: number | undefined) =>
  min === undefined && max === undefined
    ? undefined
    : { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };

/** The body PUT takes, and what could not even be read (a target that is not a number). */
export function bodyOf(typed: Typed): { body: Record<string, unknown>; unreadable: FieldError[] } {
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
    programme: programmeOf(typed),
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
    valueRange: rangeOf(
      number(typed.valueMin, 'value-min', 'The lowest possible value'),
      number(typed.valueMax, 'value-max', 'The highest possible value'),
    ),
    targets: targetsOf(typed.targets, 'target', 'the '),
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
): string[] {
  const out: string[] = [];
  const original = stored?.[row.period];
  const same =
    original !== undefined &&
    (typeof original === 'number'
      ? parseDecimal(row.value) === original
      : parseDecimal(row.min) === original.min && parseDecimal(row.max) === original.max);
  if (same && rolled.includes(row.period)) out.push('Rolled forward');
  if (same && history && history.length > 1) {
    const quarters = isQuarterId(row.period) ? [row.period] : [1, 2, 3, 4].map((n) => `${row.period}-Q${n}`);
    const dates = quarters
      .map((q) => targetChangedAfterStart(history, q)?.date)
      .filter((d): d is string => d !== undefined)
      .sort();
    if (dates.length) out.push(`Target changed on ${formatDate(dates[dates.length - 1]!)}`);
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
): { body: Record<string, unknown>; errors: FieldError[] } {
  const { body, unreadable } = bodyOf(typed);
  const errors = [...unreadable];
  if (isNew && !isId(typed.id.trim()))
    errors.unshift({ field: 'id', message: typed.id.trim() ? `Measure ID: ${idDescription}` : 'Enter a measure ID' });
  const programmeProblem = newProgrammeProblem(typed, programmes);
  if (programmeProblem) errors.push({ field: 'new-programme', message: programmeProblem });
  for (const issue of schemaIssues(body))
    for (const e of errorsOf([issue], typed)) if (!errors.some((l) => l.field === e.field)) errors.push(e);
  return { body, errors };
}

/** The API's refusal as links to the inputs; without field errors, its detail on the title. */
export function refusedErrors(problem: Problem, typed: Typed): FieldError[] {
  const fields = errorsOf(problem.errors ?? [], typed);
  return fields.length ? fields : [{ field: 'title', message: problem.detail ?? 'The change was refused. Try again.' }];
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
