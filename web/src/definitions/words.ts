import type { DefinitionKind, DefinitionsImport, ImportCounts, Problem } from '../api';
import type { Choice, FieldError } from '../components';
import { pointerSegment } from '../json-pointer';

// The Definitions page's words and checks (docs/plan-administration.md "The Definitions
// page"): the fields the errors link to, what the browser refuses before sending a file, the
// API's refusals and counts in words. Pure: unit-tested in test/web/definitions-words.unit.test.ts.

const maxBytes = 256 * 1024;
export const fileField = 'definitions-file';
export const kindField = 'kind-measures';
export const kindChoices: Choice<DefinitionKind>[] = [
  { value: 'measures', label: 'Measures' },
  { value: 'actions', label: 'Planned work' },
];
export const rollFields = { plan: 'roll-plan', from: 'roll-from', to: 'roll-to' } as const;

/**
 * The API's errors on the file input: a row's message already says where in words
 * (`Measures row 3, target 2017-18: …`); a sheet's is prefixed with its name.
 */
export function importError(path: string, message: string): FieldError {
  if (/^\/[^/]+\/row\/\d+\//.test(path)) return { field: fileField, message };
  if (path.startsWith('/query/kind')) return { field: kindField, message: 'Select what the CSV file holds' };
  const sheet = /^\/([^/]+)$/.exec(path);
  if (sheet) return { field: fileField, message: `Sheet ${pointerSegment(sheet[1]!)}: ${message}` };
  return { field: fileField, message };
}

export const refusedFile = (problem: Problem): string => {
  if (problem.status === 413) return 'The file is larger than 256 KB. Split it, or import one plan at a time.';
  if (problem.status === 415) return 'The file must be an .xlsx workbook or a .csv file.';
  if (problem.status === 0) return problem.detail ?? 'The service could not be reached. Try again.';
  return problem.detail ?? 'The file was refused.';
};

const countWords = (c: ImportCounts) => `${c.created} created, ${c.replaced} replaced, ${c.unchanged} unchanged`;

export function importedMessage(name: string, counts: DefinitionsImport): string {
  return `Imported ${name}: ${countWords(counts)}. Measures: ${countWords(counts.measures)}. Planned work: ${countWords(counts.actions)}.`;
}

export const isXlsx = (file: File) => /\.xlsx$/i.test(file.name);

/** What the browser can refuse before sending a file: none chosen, too large, not .xlsx or .csv, a CSV of unknown kind. */
export function localFileErrors(file: File | undefined, kind: DefinitionKind | ''): FieldError[] {
  if (!file) return [{ field: fileField, message: 'Select a definitions file' }];
  if (file.size > maxBytes)
    return [{ field: fileField, message: 'The file is larger than 256 KB. Split it, or import one plan at a time.' }];
  if (!isXlsx(file) && !/\.csv$/i.test(file.name))
    return [{ field: fileField, message: 'The file must be an .xlsx workbook or a .csv file' }];
  if (!isXlsx(file) && !kind) return [{ field: kindField, message: 'Select what the CSV file holds' }];
  return [];
}
