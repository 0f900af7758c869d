import type { DefinitionVersion } from './api';
import { periodChoiceLabel } from './period-choices';
import { formatNumber, periodLabel } from './words';

// What changed between two versions of a measure or planned-work definition, in words
// (docs/plan-administration.md "Definition history"). Pure: unit-tested in
// test/web/period-choices.unit.test.ts.

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

/** For each version, oldest first, what it changed in words: `Created`, a field's name, `Targets: 2017-18 Q4: 100 → 110`. */
export function changesOf(versions: readonly DefinitionVersion[]): string[][] {
  return versions.map((v, i) => {
    const before = i > 0 ? versions[i - 1]!.definition : null;
    if (i === 0) return ['Created'];
    return v.changed.map((field) => {
      if (field === 'targets' && before) {
        const changes = targetChanges(before.targets, v.definition.targets);
        return changes.length ? `Targets: ${changes.join('; ')}` : 'Targets';
      }
      if (field === 'retiredFrom' && typeof v.definition.retiredFrom === 'string')
        return `Retired from ${periodLabel(v.definition.retiredFrom)}`;
      return fieldWord(field);
    });
  });
}
