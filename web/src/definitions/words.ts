import { fill } from '../../../lambdas/domain/words';
import type { DefinitionKind, DefinitionsImport, ImportCounts, Problem } from '../api';
import type { Choice, FieldError } from '../components';
import { en } from '../i18n/en';
import { pointerSegment } from '../json-pointer';

// The Definitions page's words and checks (docs/plan-administration.md "The Definitions
// page"): the fields the errors link to, what the browser refuses before sending a file, the
// API's refusals and counts in words. Pure: unit-tested in test/web/definitions-words.unit.test.ts.
// Its words (`w`) are the catalogue's `editors.definitions` in the language shown (English when not given).

type Words = typeof en.editors.definitions;

const maxBytes = 256 * 1024;
export const fileField = 'definitions-file';
export const kindField = 'kind-measures';
export const kindChoices = (w: Words = en.editors.definitions): Choice<DefinitionKind>[] => [
  { value: 'measures', label: w.measures },
  { value: 'actions', label: w.actions },
];
export const rollFields = { plan: 'roll-plan', from: 'roll-from', to: 'roll-to' } as const;

/**
 * The API's errors on the file input: a row's message already says where in words
 * (`Measures row 3, target 2017-18: …`); a sheet's is prefixed with its name.
 */
export function importError(path: string, message: string, w: Words = en.editors.definitions): FieldError {
  if (/^\/[^/]+\/row\/\d+\//.test(path)) return { field: fileField, message };
  if (path.startsWith('/query/kind')) return { field: kindField, message: w.selectKind };
  const sheet = /^\/([^/]+)$/.exec(path);
  if (sheet) return { field: fileField, message: fill(w.sheet, { sheet: pointerSegment(sheet[1]!), message }) };
  return { field: fileField, message };
}

export const refusedFile = (problem: Problem, w: Words = en.editors.definitions): string => {
  if (problem.status === 413) return w.tooLarge;
  if (problem.status === 415) return w.wrongTypeRefused;
  if (problem.status === 0) return problem.detail ?? w.unreachable;
  return problem.detail ?? w.refused;
};

const countWords = (c: ImportCounts, w: Words) => fill(w.counts, { ...c });

export function importedMessage(name: string, counts: DefinitionsImport, w: Words = en.editors.definitions): string {
  return fill(w.imported, {
    name,
    all: countWords(counts, w),
    measures: countWords(counts.measures, w),
    actions: countWords(counts.actions, w),
  });
}

export const isXlsx = (file: File) => /\.xlsx$/i.test(file.name);

/** What the browser can refuse before sending a file: none chosen, too large, not .xlsx or .csv, a CSV of unknown kind. */
export function localFileErrors(
  file: File | undefined,
  kind: DefinitionKind | '',
  w: Words = en.editors.definitions,
): FieldError[] {
  if (!file) return [{ field: fileField, message: w.selectFile }];
  if (file.size > maxBytes) return [{ field: fileField, message: w.tooLarge }];
  if (!isXlsx(file) && !/\.csv$/i.test(file.name)) return [{ field: fileField, message: w.wrongType }];
  if (!isXlsx(file) && !kind) return [{ field: kindField, message: w.selectKind }];
  return [];
}
