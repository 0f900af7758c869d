import { recordedWho } from '../domain/display-name';
// Measure and action definitions: every change is a version with who, when and which
// fields changed; a write that alters nothing adds none. The one way PUT, the
// spreadsheet import and the roll forward write definitions. docs/plan-administration.md
import { Conflict } from '../domain/errors';
import { own } from '../domain/own';
import { recordTargetChanges, sameTarget } from '../domain/target-changes';
import type { ActionDefinition, MeasureDefinition, Targets } from '../domain/types';
import { batchGet, keyId } from '../store/batch';
import {
  headBookkeeping,
  readDefinitionHead,
  readDefinitionVersions,
  versionOfHead,
  writeDefinitionVersion,
} from '../store/definition-history';
import { readDefinitions } from '../store/definitions';
import type { Item } from '../store/item';
import { actionSk, definitionsPk, measureSk } from '../store/keys';
import { peopleNames } from './names';
import type { Writer } from './writer';

/** Kept by the service, not given by the writer: never compared, carried or recomputed. */
const derived = ['targetsChangedAt', 'rolledForward', 'sample'];
const bookkeeping = new Set<string>(headBookkeeping);
const notDefinition = new Set<string>([...headBookkeeping, ...derived]);

/** Every field a definition may hold, so a replace removes what the new one lacks (store/definition-history.ts). */
const measureFieldNames = [
  'id',
  'plan',
  'programme',
  'title',
  'titleCy',
  'unit',
  'polarity',
  'frequency',
  'aggregation',
  'tolerancePercent',
  'greenTolerancePercent',
  'toleranceAbsolute',
  'improvementSoftensRed',
  'directorates',
  'ownerDirectorate',
  'targets',
  'directorateTargets',
  'valueRange',
  'retiredFrom',
  'sample',
  'targetsChangedAt',
  'rolledForward',
];
const actionFieldNames = [
  'id',
  'plan',
  'programme',
  'title',
  'titleCy',
  'ownerDirectorate',
  'startQuarter',
  'dueQuarter',
  'retiredFrom',
  'sample',
];

/** The definition a head holds, without bookkeeping. */
export function definitionOf<T>(head: Item): T {
  return Object.fromEntries(Object.entries(head).filter(([k]) => !notDefinition.has(k))) as T;
}

/** JSON with object keys sorted, so that equal definitions compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Item)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** The fields whose values differ, sorted. */
export function changedFields(before: Item, after: Item): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !notDefinition.has(k) && canonical(before[k]) !== canonical(after[k]))
    .sort();
}

export interface SavedDefinition {
  created: boolean;
  /** The version written; null: nothing changed, nothing written. */
  version: number | null;
}

export { type Writer, writerOf } from './writer';

/** The writer's fields of a head: each set or removed, so a version never keeps an earlier writer's name. */
const writtenBy = (writer: Writer) => ({ by: writer.by, byName: writer.byName, byEmail: writer.byEmail });

function measureHead(
  head: Item | null,
  measure: MeasureDefinition,
  writer: Writer,
  at: string,
  rolledForward?: string[],
): Item | null {
  const before = head ? definitionOf<Item>(head) : {};
  const changed = changedFields(before, measure as unknown as Item);
  if (head && changed.length === 0) return null;
  const previous = head ? (head as unknown as MeasureDefinition) : null;
  const oldTargets: Targets = previous?.targets ?? {};
  // A rolled-forward target stays marked until its value changes.
  const stillRolled = (previous?.rolledForward ?? []).filter((mark) => {
    const { key, directorate } = rolledMark(mark);
    const before = directorate === undefined ? oldTargets : own(previous?.directorateTargets, directorate);
    const after = directorate === undefined ? measure.targets : own(measure.directorateTargets, directorate);
    return !!before && !!after && Object.hasOwn(after, key) && sameTarget(before[key], after[key]);
  });
  const marks = [...new Set([...stillRolled, ...(rolledForward ?? [])])].sort();
  return {
    ...measure,
    ...writtenBy(writer),
    at,
    changed,
    targetsChangedAt: recordTargetChanges(
      previous && { targets: oldTargets, targetsChangedAt: previous.targetsChangedAt },
      measure.targets,
      at,
    ),
    rolledForward: marks.length > 0 ? marks : undefined,
  };
}

function actionHead(head: Item | null, action: ActionDefinition, writer: Writer, at: string): Item | null {
  const changed = changedFields(head ? definitionOf<Item>(head) : {}, action as unknown as Item);
  if (head && changed.length === 0) return null;
  return { ...action, ...writtenBy(writer), at, changed };
}

export async function saveMeasure(measure: MeasureDefinition, writer: Writer, head?: Item | null) {
  const at = writer.at ?? new Date().toISOString();
  const out = await writeDefinitionVersion(
    measureSk(measure.id),
    (h) => measureHead(h, measure, writer, at),
    measureFieldNames,
    head,
  );
  return { created: out.created, version: out.version } satisfies SavedDefinition;
}

export async function saveAction(action: ActionDefinition, writer: Writer, head?: Item | null) {
  const at = writer.at ?? new Date().toISOString();
  const out = await writeDefinitionVersion(
    actionSk(action.id),
    (h) => actionHead(h, action, writer, at),
    actionFieldNames,
    head,
  );
  return { created: out.created, version: out.version } satisfies SavedDefinition;
}

/** Measures and planned work share one id namespace (SPEC §5 "One truth"): the words a refusal names the other with. */
export const otherKindWords = { measure: 'planned work', action: 'a measure' } as const;

/**
 * PUT /measures/{id} or /actions/{id}: creates or replaces the definition, honouring
 * If-Match (`expectedVersion`, 412 when stale). A new id that the other kind already
 * uses is a Conflict naming it; a pair that shares an id from before keeps working.
 * Answers whether it was created and the version now current (its ETag).
 */
export async function putDefinition(
  kind: 'measure' | 'action',
  definition: MeasureDefinition | ActionDefinition,
  writer: Writer,
  expectedVersion?: number,
): Promise<{ created: boolean; version: number }> {
  const [ownSk, otherSk] =
    kind === 'measure'
      ? [measureSk(definition.id), actionSk(definition.id)]
      : [actionSk(definition.id), measureSk(definition.id)];
  const found = await batchGet(
    [ownSk, otherSk].map((sk) => ({ pk: definitionsPk, sk })),
    { consistent: true },
  );
  const head = found.get(keyId({ pk: definitionsPk, sk: ownSk })) ?? null;
  const other = found.get(keyId({ pk: definitionsPk, sk: otherSk }));
  if (!head && other)
    throw new Conflict(
      `The id ${definition.id} is already used by ${otherKindWords[kind]} ("${String(other.title)}"): measures and planned work share one set of ids.`,
    );
  const at = writer.at ?? new Date().toISOString();
  const out =
    kind === 'measure'
      ? await writeDefinitionVersion(
          ownSk,
          (h) => measureHead(h, definition as MeasureDefinition, writer, at),
          measureFieldNames,
          head,
          expectedVersion,
        )
      : await writeDefinitionVersion(
          ownSk,
          (h) => actionHead(h, definition as ActionDefinition, writer, at),
          actionFieldNames,
          head,
          expectedVersion,
        );
  return { created: out.created, version: out.version ?? versionOfHead(head) };
}

/**
 * Retires a measure or planned work from a quarter on as a version of its own (who, when,
 * `retiredFrom`); retiring it again changes nothing. Null when there is no such definition.
 */
async function retireAsVersion<T>(
  sk: string,
  fieldNames: readonly string[],
  id: string,
  retiredFrom: string,
  writer: Writer,
): Promise<T | null> {
  const head = await readDefinitionHead(sk);
  if (!head) return null;
  const at = writer.at ?? new Date().toISOString();
  let retired: Item | null = null;
  await writeDefinitionVersion(
    sk,
    (current) => {
      if (!current) return null;
      const { pk: _pk, sk: _sk, version: _v, lastWriteKey: _w, ...fields } = current;
      retired = fields;
      if (current.retiredFrom !== undefined) return null;
      retired = { ...fields, retiredFrom, ...writtenBy(writer), at, changed: ['retiredFrom'] };
      return retired;
    },
    fieldNames,
    head,
  );
  return retired ? definitionOf<T>({ ...(retired as Item), id }) : null;
}

export const retireMeasureAsVersion = (id: string, retiredFrom: string, writer: Writer) =>
  retireAsVersion<MeasureDefinition>(measureSk(id), measureFieldNames, id, retiredFrom, writer);

export const retireActionAsVersion = (id: string, retiredFrom: string, writer: Writer) =>
  retireAsVersion<ActionDefinition>(actionSk(id), actionFieldNames, id, retiredFrom, writer);

export interface DefinitionVersion {
  version: number;
  by: string | null;
  /** Who, in words (SPEC §12), and their address when known. */
  byName: string;
  byEmail: string | null;
  at: string | null;
  changed: string[];
  definition: Item;
}

async function history(sk: string): Promise<DefinitionVersion[] | null> {
  const [versions, names] = await Promise.all([readDefinitionVersions(sk), peopleNames()]);
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return (
    versions?.map((v) => ({
      version: Number(v.version),
      by: text(v.by),
      ...whoInWords(v, names),
      at: typeof v.at === 'string' ? v.at : null,
      changed: Array.isArray(v.changed) ? (v.changed as string[]) : [],
      // As stored, the fields the service derives (`rolledForward`, `targetsChangedAt`) included:
      // the newest version is then the definition as GET /measures/{id} answers it, which is all
      // the web app's editors load besides the history (docs/web-app.md).
      definition: Object.fromEntries(Object.entries(v).filter(([k]) => !bookkeeping.has(k))),
    })) ?? null
  );
}

/** A version's author in words: the seeded plan's (no author) is the sample plan's. */
function whoInWords(v: Item, names: ReadonlyMap<string, string>) {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const by = text(v.by) ?? (v.sample === true ? 'sample-data' : null);
  const { name, email } = recordedWho({ by, byName: text(v.byName), byEmail: text(v.byEmail) }, names);
  return { byName: name, byEmail: email };
}

export const measureHistory = (id: string) => history(measureSk(id));
export const actionHistory = (id: string) => history(actionSk(id));

/** The current heads of these definitions (BatchGetItem, 100 keys a request), by sk. */
export async function readHeads(sks: readonly string[]): Promise<Map<string, Item>> {
  const heads = new Map<string, Item>();
  const keys = [...new Set(sks)].map((sk) => ({ pk: definitionsPk, sk }));
  for (let i = 0; i < keys.length; i += 100) {
    const found = await batchGet(keys.slice(i, i + 100));
    for (const key of keys.slice(i, i + 100)) {
      const item = found.get(keyId(key));
      if (item) heads.set(key.sk, item);
    }
  }
  return heads;
}

export { versionOfHead };

// ---- roll forward ----

export interface RollForwardCounts {
  /** Measures whose `from` targets were copied to `to`. */
  rolledForward: number;
  /** Measures that already had targets for `to`: left as they are. */
  alreadySet: number;
  /** Measures with no target for `from`: nothing to copy. */
  noTargets: number;
}

const yearKeys = (year: string) => [year, `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`];

/**
 * A roll-forward mark: a target key (`2018-19`), or a directorate's target as the export
 * names its column without `target ` (`2018-19 People`; a period has no space, so the
 * directorate is everything after the first).
 */
function rolledMark(mark: string): { key: string; directorate?: string } {
  const space = mark.indexOf(' ');
  return space < 0 ? { key: mark } : { key: mark.slice(0, space), directorate: mark.slice(space + 1) };
}

/** The measure's own targets and each directorate's, with the mark prefix their copies get. */
const targetSets = (m: MeasureDefinition): { targets: Targets; directorate?: string }[] => [
  { targets: m.targets ?? {} },
  ...Object.entries(m.directorateTargets ?? {}).map(([directorate, targets]) => ({ targets, directorate })),
];

/**
 * Copies each live measure's targets of year `from` (the year's and its quarters') to
 * `to` where `to` has none, marked as rolled forward until changed. Idempotent: a
 * second run finds `to` set and copies nothing.
 */
export async function rollForward(plan: string, from: string, to: string, writer: Writer): Promise<RollForwardCounts> {
  const { measures } = await readDefinitions();
  const counts: RollForwardCounts = { rolledForward: 0, alreadySet: 0, noTargets: 0 };
  const fromKeys = yearKeys(from);
  const toKeys = yearKeys(to);
  const work: MeasureDefinition[] = [];
  for (const m of measures) {
    // Live: not retired (a retired measure is not carried into a new year).
    if (m.plan !== plan || m.retiredFrom !== undefined) continue;
    // A measure with any target for `to` (its own or a directorate's) is already set up for it.
    const sets = targetSets(m);
    if (sets.some(({ targets }) => toKeys.some((k) => Object.hasOwn(targets, k)))) counts.alreadySet++;
    else if (!sets.some(({ targets }) => fromKeys.some((k) => Object.hasOwn(targets, k)))) counts.noTargets++;
    else work.push(m);
  }
  const at = writer.at ?? new Date().toISOString();
  for (let i = 0; i < work.length; i += 16) {
    await Promise.all(
      work.slice(i, i + 16).map(async (m) => {
        const out = await writeDefinitionVersion(
          measureSk(m.id),
          (head) => {
            if (!head) return null;
            const current = definitionOf<MeasureDefinition>(head);
            const sets = targetSets(current);
            // Re-checked on the head just read: a concurrent roll forward or edit wins.
            if (sets.some(({ targets }) => toKeys.some((k) => Object.hasOwn(targets, k)))) return null;
            const marks: string[] = [];
            const copy = (targets: Targets, directorate?: string): Targets => {
              const copied: Targets = {};
              fromKeys.forEach((k, j) => {
                if (!Object.hasOwn(targets, k)) return;
                copied[toKeys[j]!] = targets[k]!;
                marks.push(directorate === undefined ? toKeys[j]! : `${toKeys[j]} ${directorate}`);
              });
              return { ...targets, ...copied };
            };
            const next: MeasureDefinition = { ...current, targets: copy(current.targets ?? {}) };
            if (current.directorateTargets)
              next.directorateTargets = Object.fromEntries(
                Object.entries(current.directorateTargets).map(([d, targets]) => [d, copy(targets, d)]),
              );
            return measureHead(head, next, writer, at, marks);
          },
          measureFieldNames,
        );
        if (out.version !== null) counts.rolledForward++;
        else counts.alreadySet++;
      }),
    );
  }
  return counts;
}
