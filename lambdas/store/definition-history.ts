import { VersionConflict } from '../domain/errors';
import { definitionsPk } from './keys';
import { appendVersion, headVersion, putVersionItem, readHead, readVersions } from './versioned';

// Definitions (measures, actions) with their every version (docs/plan-administration.md
// "Definition history"), by the store's one versioning mechanism (versioned.ts): the
// head item (DEF, MEASURE#<id>) holds the live definition and its version number, and
// each version is sealed as an item of its own before the head moves on, outside the
// definitions partition the report reads, so no history is bounded by the 400 KB item
// limit. Heads written before versioning (the sample plan) are version 1.

type Item = Record<string, unknown>;

/** Fields of a head that are bookkeeping, not the definition. */
export const headBookkeeping = [
  'pk',
  'sk',
  'version',
  'lastWriteKey',
  'by',
  'byName',
  'byEmail',
  'at',
  'changed',
] as const;

const keyOf = (headSk: string) => ({ pk: definitionsPk, sk: headSk });

/** A version's entry: the head less its keys and counters. */
function entryOf(head: Item): Item {
  const { pk: _pk, sk: _sk, version: _v, lastWriteKey: _w, ...entry } = head;
  return entry;
}

/** A head as read (consistently): null when the definition does not exist. */
export const readDefinitionHead = (headSk: string) => readHead(keyOf(headSk));

export const versionOfHead = headVersion;

/**
 * Writes the head computed by `next` from the current head (null: none yet) as a new
 * version, replacing the definition: every field in `fieldNames` or the old head that
 * the new one lacks is removed, so a writer that loses the commit to another and tries
 * again still leaves exactly its own definition. `next` answers null when nothing would
 * change, and nothing is written. Answers the version written (null: unchanged) and
 * whether it is the first.
 */
export async function writeDefinitionVersion(
  headSk: string,
  next: (head: Item | null) => Item | null,
  fieldNames: readonly string[],
  head?: Item | null,
  expectedVersion?: number,
): Promise<{ version: number | null; created: boolean }> {
  const current = head === undefined ? await readDefinitionHead(headSk) : head;
  // If-Match: refused even when nothing would change, so a stale editor always learns it is stale.
  if (expectedVersion !== undefined && headVersion(current) !== expectedVersion)
    throw new VersionConflict(undefined, headVersion(current));
  const fields = next(current);
  if (!fields) return { version: null, created: false };
  const replaced: Item = {};
  for (const name of [...fieldNames, ...Object.keys(current ?? {})])
    if (!(headBookkeeping as readonly string[]).includes(name)) replaced[name] = undefined;
  const key = keyOf(headSk);
  const version = await appendVersion({
    key,
    fields: { ...replaced, ...fields },
    entryOf,
    head: current,
    expectedVersion,
  });
  // Seal the new version at once (best effort: the next writer seals it anyway before the
  // head moves on), so that a later write refused after its retries (a retire throttled,
  // say) finds the head's version already sealed and leaves the table exactly as it was.
  const committed = entryOf(
    Object.fromEntries(Object.entries({ ...current, ...replaced, ...fields }).filter(([, v]) => v !== undefined)),
  );
  await putVersionItem(key, version, committed).catch(() => undefined);
  return { version, created: version === 1 };
}

/** Every version of a definition, oldest first, each with its number; null when it never existed. */
export const readDefinitionVersions = (headSk: string) => readVersions<Item>(keyOf(headSk), entryOf);
