// What the admin's measure and planned-work pages share (docs/web-app.md, "Admin: measures
// and planned work"): the period picker's choices, the definition history table, the
// success banner carried back to a list, the lists' plan filter, and turning a 422's field
// paths into the error summary's links.
import { useState } from 'preact/hooks';
import { isQuarterId, isYearId, londonWallClock, yearOfPeriod } from '../../lambdas/domain';
import type { Answer, DefinitionVersion, Problem } from './api';
import { type FieldError, Select, TextInput } from './components';
import { navigate } from './router';
import { formatDateTime, formatNumber, periodLabel } from './words';

/** Every page of a list, at most `pages` requests (each page page holds up to 500). */
export async function readPages<T>(
  load: (next?: string) => Promise<Answer<{ next: string | null } & T>>,
  pages: number,
): Promise<Answer<{ pages: T[]; more: boolean }>> {
  const out: T[] = [];
  let next: string | undefined;
  for (let i = 0; i < pages; i++) {
    const answer = await load(next);
    if (!answer.ok) return answer;
    out.push(answer.data);
    if (!answer.data.next) return { ok: true, status: 200, data: { pages: out, more: false }, etag: null };
    next = answer.data.next;
  }
  return { ok: true, status: 200, data: { pages: out, more: true }, etag: null };
}

// ---- periods offered by the pickers ----

const startOf = (year: string) => Number(year.slice(0, 4));
const yearAfter = (year: string) => {
  const start = startOf(year) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

/** The financial year under way now (Europe/London). */
export function yearNow(now = new Date()): string {
  const { year, month } = londonWallClock(now);
  return yearOfPeriod(`${year}-${String(month).padStart(2, '0')}`);
}

/**
 * The years a picker offers: the years of the periods in use (a definition's own targets
 * and quarters), each one's next year, and the year under way and the next; oldest first.
 */
export function yearsAround(periods: Iterable<string>, now = new Date()): string[] {
  const years = new Set<string>();
  for (const p of periods) {
    if (isYearId(p)) years.add(p);
    else if (isQuarterId(p)) years.add(yearOfPeriod(p));
  }
  for (const y of [...years]) years.add(yearAfter(y));
  const current = yearNow(now);
  years.add(current);
  years.add(yearAfter(current));
  return [...years].sort();
}

/** A quarter picker's choices: each year's four quarters. */
export const quartersOf = (years: string[]): string[] => years.flatMap((y) => [1, 2, 3, 4].map((n) => `${y}-Q${n}`));

/** A target period picker's choices: each year's quarters, then the year itself. */
export const targetPeriodsOf = (years: string[]): string[] => years.flatMap((y) => [...quartersOf([y]), y]);

/** "2017-18 Q4"; a year is "2017-18 (whole year)". */
export const periodChoiceLabel = (period: string) =>
  isYearId(period) && !isQuarterId(period) ? `${period} (whole year)` : periodLabel(period);

// ---- the definition history ----

const fieldWords: Record<string, string> = {
  id: 'ID',
  plan: 'Plan',
  programme: 'Programme',
  title: 'Title',
  unit: 'Unit',
  polarity: 'Polarity',
  frequency: 'Frequency',
  aggregation: 'How months make a quarter',
  tolerancePercent: 'Amber tolerance (%)',
  greenTolerancePercent: 'Green tolerance (%)',
  toleranceAbsolute: 'Absolute tolerance',
  improvementSoftensRed: 'Improvement on last year softens red',
  directorates: 'Directorates',
  ownerDirectorate: 'Owner directorate',
  targets: 'Targets',
  directorateTargets: 'Directorate targets',
  retiredFrom: 'Retired',
  startQuarter: 'Start quarter',
  dueQuarter: 'Due quarter',
};
export const fieldWord = (field: string) => fieldWords[field] ?? field;

type TargetsMap = Record<string, number | { min: number; max: number }>;
const targetWords = (t: TargetsMap[string] | undefined) =>
  t === undefined
    ? 'none'
    : typeof t === 'number'
      ? formatNumber(t)
      : `${formatNumber(t.min)} to ${formatNumber(t.max)}`;

/** "2017-18 Q4: 2.5 → 2.2" for each target period that differs between two versions. */
export function targetChanges(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as TargetsMap;
  const b = (after ?? {}) as TargetsMap;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((k) => targetWords(a[k]) !== targetWords(b[k]))
    .map((k) => `${periodChoiceLabel(k)}: ${targetWords(a[k])} → ${targetWords(b[k])}`);
}

const when = (at: string | null) => (at ? formatDateTime(at) : 'Unknown');

/** Who changed which fields when, newest first (docs/plan-administration.md "Definition history"). */
export function DefinitionHistory({ versions }: { versions: DefinitionVersion[] }) {
  const rows = versions.map((v, i) => {
    const before = i > 0 ? versions[i - 1]!.definition : null;
    const what =
      i === 0
        ? ['Created']
        : v.changed.map((field) => {
            if (field === 'targets' && before) {
              const changes = targetChanges(before.targets, v.definition.targets);
              return changes.length ? `Targets: ${changes.join('; ')}` : 'Targets';
            }
            if (field === 'retiredFrom' && typeof v.definition.retiredFrom === 'string')
              return `Retired from ${periodLabel(v.definition.retiredFrom)}`;
            return fieldWord(field);
          });
    return { ...v, what };
  });
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">Definition history</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Version
          </th>
          <th scope="col" class="govuk-table__header">
            When
          </th>
          <th scope="col" class="govuk-table__header">
            Who
          </th>
          <th scope="col" class="govuk-table__header">
            What changed
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.reverse().map((v) => (
          <tr class="govuk-table__row" key={v.version}>
            <td class="govuk-table__cell">{v.version}</td>
            <td class="govuk-table__cell">{when(v.at)}</td>
            <td class="govuk-table__cell app-break-anywhere">{v.by ?? 'Unknown'}</td>
            <td class="govuk-table__cell">
              {v.what.length === 1 ? (
                v.what[0]
              ) : (
                <ul class="govuk-list">
                  {v.what.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---- errors ----

/** Errors by the field a JSON Pointer (the API's `/targets/2017-18-Q4`) names, through `fieldOf`. */
export function fieldErrors(
  problem: Problem,
  fieldOf: (pointer: string) => { field: string; label: string },
  fallbackField: string,
): FieldError[] {
  const errors = (problem.errors ?? []).map((e) => {
    const { field, label } = fieldOf(e.path);
    return { field, message: `${label}: ${e.message}` };
  });
  return errors.length
    ? errors
    : [{ field: fallbackField, message: problem.detail ?? 'The change was refused. Try again.' }];
}

// ---- GOV.UK fields the editors share ----

/** The editors' text field: ids, titles and targets are never the browser's to autofill. */
export function TextField(props: Omit<Parameters<typeof TextInput>[0], 'autocomplete'>) {
  return <TextInput {...props} autocomplete="off" />;
}

/** The lists' `Plan` filter: the plan in the URL, so a filtered list can be shared or reloaded. */
export function PlanFilter(props: { label: string; listPath: string; plans: string[]; plan: string }) {
  const [chosen, setChosen] = useState(props.plan);
  return (
    <form
      class="app-filters"
      aria-label={props.label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        navigate(chosen ? `${props.listPath}?plan=${encodeURIComponent(chosen)}` : props.listPath);
      }}
    >
      <Select
        id="filter-plan"
        name="plan"
        label="Plan"
        groupClass="app-filter"
        value={chosen}
        empty="All"
        choices={props.plans.map((p) => ({ value: p, label: p }))}
        onChange={setChosen}
      />
      <button type="submit" class="govuk-button govuk-button--secondary">
        Apply filter
      </button>
    </form>
  );
}

/** After a 412: someone else saved the definition meanwhile; what was typed stays below (as the result form's panel). */
export function DefinitionConflict({ conflict, word }: { conflict: DefinitionVersion | null; word: string }) {
  if (!conflict) return null;
  return (
    <div class="govuk-inset-text app-conflict" id="conflict">
      <h2 class="govuk-heading-m">Someone else changed this {word}</h2>
      <p class="govuk-body">
        {conflict.by ?? 'Someone'} saved version {conflict.version}
        {conflict.at ? ` on ${when(conflict.at)}` : ''} while you were editing it: see the definition history below.
        What you typed is kept: check it, then select Save to replace their version with yours.
      </p>
    </div>
  );
}
