import { fill } from '../../lambdas/domain/words';
import type { DefinitionVersion } from './api';
import { en } from './i18n/en';
import { periodChoiceLabel } from './period-choices';
import { formatNumber, periodLabel } from './words';

// What changed between two versions of a measure or planned-work definition, in words
// (docs/plan-administration.md "Definition history"). Pure: unit-tested in
// test/web/period-choices.unit.test.ts.

type EditorWords = typeof en.editors;

/** A field's name in words (`w`: the editors' words in the language shown); an unknown field as it is. */
export const fieldWord = (field: string, w: EditorWords = en.editors) =>
  Object.hasOwn(w.fields, field) ? w.fields[field as keyof EditorWords['fields']] : field;

type TargetsMap = Record<string, number | { min: number; max: number }>;
const targetWords = (t: TargetsMap[string] | undefined, w: EditorWords) =>
  t === undefined
    ? w.history.none
    : typeof t === 'number'
      ? formatNumber(t)
      : fill(w.history.range, { min: formatNumber(t.min), max: formatNumber(t.max) });

/** "2017-18 Q4: 2.5 → 2.2" for each target period that differs between two versions. */
export function targetChanges(before: unknown, after: unknown, w: EditorWords = en.editors): string[] {
  const a = (before ?? {}) as TargetsMap;
  const b = (after ?? {}) as TargetsMap;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((k) => targetWords(a[k], w) !== targetWords(b[k], w))
    .map((k) => `${periodChoiceLabel(k, w)}: ${targetWords(a[k], w)} → ${targetWords(b[k], w)}`);
}

/** For each version, oldest first, what it changed in words: `Created`, a field's name, `Targets: 2017-18 Q4: 100 → 110`. */
export function changesOf(versions: readonly DefinitionVersion[], w: EditorWords = en.editors): string[][] {
  return versions.map((v, i) => {
    const before = i > 0 ? versions[i - 1]!.definition : null;
    if (i === 0) return [w.history.created];
    return v.changed.map((field) => {
      if (field === 'targets' && before) {
        const changes = targetChanges(before.targets, v.definition.targets, w);
        return changes.length ? fill(w.history.targets, { changes: changes.join('; ') }) : w.fields.targets;
      }
      if (field === 'retiredFrom' && typeof v.definition.retiredFrom === 'string')
        return fill(w.history.retiredFrom, { quarter: periodLabel(v.definition.retiredFrom) });
      return fieldWord(field, w);
    });
  });
}
