// `Download a template` on `Upload results` (SPEC §12 "Words, not data"): an officer's own
// returns for a quarter, ids, titles, target and last value filled in, as rows that
// POST /imports/results takes back. Pure: the CSV writer (services) and the XLSX writer
// and reader (render-document function) only move these grids. Each sheet's columns are
// one declarative table, so a column (or a Welsh one) is one entry.
import type { ActionStatus, TargetValue } from '../domain/types';
import { type CellValue, targetCell } from './definition-sheets';

export { notesSheet } from './definition-sheets';

export const resultsSheet = 'Results';
export const plannedWorkSheet = 'Planned work';
export type TemplateSheetName = typeof resultsSheet | typeof plannedWorkSheet;
export type TemplateKind = 'results' | 'actions';

export interface TemplateMeasureRow {
  measureId: string;
  title: string;
  unit: string;
  period: string;
  target: TargetValue | null;
  /** The measure's value for the quarter before (what the result form calls "Last quarter"). */
  lastValue: number | null;
}
export interface TemplateActionRow {
  actionId: string;
  title: string;
  quarter: string;
  /** The status last quarter, for reference. */
  lastStatus: ActionStatus | null;
}
export interface ResultsTemplate {
  quarter: string;
  measures: TemplateMeasureRow[];
  actions: TemplateActionRow[];
}

export const actionStatuses: readonly ActionStatus[] = ['blue', 'green', 'amber', 'red'];

export interface TemplateColumn<R> {
  name: string;
  /** What the column holds and what to do with it, for the Notes sheet. */
  words: string;
  cell(row: R): CellValue;
  /** The import reads it (else it is there for the person and ignored when read back). */
  imported?: true;
  /** Filled in by the template and not to be changed: locked in the workbook. */
  locked?: true;
  /** The values a dropdown offers (data validation). */
  list?: readonly string[];
}

const targetWords = (target: TargetValue | null): CellValue => (target === null ? null : targetCell(target));

export const resultColumns: readonly TemplateColumn<TemplateMeasureRow>[] = [
  {
    name: 'measureId',
    words: "The measure's id, filled in. Leave it as it is.",
    cell: (r) => r.measureId,
    imported: true,
    locked: true,
  },
  {
    name: 'period',
    words: 'The period the result is for (a quarter like 2017-18-Q4, a month like 2018-03, or a year), filled in.',
    cell: (r) => r.period,
    imported: true,
    locked: true,
  },
  {
    name: 'value',
    words:
      'Enter the result: a number like 12.5, with a full stop for decimals and no units. Leave it empty to upload nothing for this line.',
    cell: () => null,
    imported: true,
  },
  {
    name: 'commentary',
    words:
      'Why the result is what it is, and what is being done about it. Needed when the result is AMBER or RED; at most 4,000 characters.',
    cell: () => null,
    imported: true,
  },
  { name: 'title', words: "The measure's title, for reference.", cell: (r) => r.title, locked: true },
  { name: 'unit', words: 'The unit the value is in, for reference.', cell: (r) => r.unit, locked: true },
  {
    name: 'target',
    words: 'The target for the period, for reference (a range is written like between -2 and 2).',
    cell: (r) => targetWords(r.target),
    locked: true,
  },
  {
    name: 'last value',
    words: "Last quarter's value, for reference.",
    cell: (r) => r.lastValue,
    locked: true,
  },
];

export const actionColumns: readonly TemplateColumn<TemplateActionRow>[] = [
  {
    name: 'actionId',
    words: "The planned work's id, filled in. Leave it as it is.",
    cell: (r) => r.actionId,
    imported: true,
    locked: true,
  },
  {
    name: 'quarter',
    words: 'The quarter the update is for, filled in.',
    cell: (r) => r.quarter,
    imported: true,
    locked: true,
  },
  {
    name: 'status',
    words:
      'Choose blue (complete), green (on track), amber (at risk) or red (off track). Leave it empty to upload nothing for this line.',
    cell: () => null,
    imported: true,
    list: actionStatuses,
  },
  {
    name: 'commentary',
    words: 'What has happened this quarter. Needed when the status is amber or red; at most 4,000 characters.',
    cell: () => null,
    imported: true,
  },
  { name: 'title', words: "The planned work's title, for reference.", cell: (r) => r.title, locked: true },
  {
    name: 'last status',
    words: "Last quarter's status, for reference.",
    cell: (r) => r.lastStatus,
    locked: true,
  },
];

/** The columns the import reads, and the ones it ignores, of each kind. */
export const importedColumns = (columns: readonly TemplateColumn<never>[]) =>
  columns.filter((c) => c.imported).map((c) => c.name);
export const referenceColumns = (columns: readonly TemplateColumn<never>[]) =>
  columns.filter((c) => !c.imported).map((c) => c.name);

export interface TemplateGrid {
  name: TemplateSheetName;
  columns: readonly TemplateColumn<never>[];
  /** The header row first. */
  rows: CellValue[][];
}

function grid<R>(name: TemplateSheetName, columns: readonly TemplateColumn<R>[], rows: readonly R[]): TemplateGrid {
  return {
    name,
    columns: columns as readonly TemplateColumn<never>[],
    rows: [columns.map((c) => c.name), ...rows.map((r) => columns.map((c) => c.cell(r)))],
  };
}

export const templateGrids = (template: ResultsTemplate): { results: TemplateGrid; actions: TemplateGrid } => ({
  results: grid(resultsSheet, resultColumns, template.measures),
  actions: grid(plannedWorkSheet, actionColumns, template.actions),
});

/** The Notes sheet: how to fill the workbook in, then each column of each sheet in words. */
export function templateNotes(template: ResultsTemplate): CellValue[][] {
  const { results, actions } = templateGrids(template);
  return [
    ['Sheet', 'Column', 'What it holds'],
    [
      null,
      null,
      `Your returns for ${template.quarter.replace(/-Q/, ' Q')}. Fill in the value (and commentary) of each result and the status (and commentary) of each piece of planned work, then upload this file on Upload results. Lines left empty upload nothing; if any line is wrong, nothing is stored and every wrong line is listed.`,
    ],
    ...[results, actions].flatMap((g) => g.columns.map((c): CellValue[] => [g.name, c.name, c.words])),
  ];
}
