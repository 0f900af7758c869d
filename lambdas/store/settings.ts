import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { environment } from '../config/environment';
import { type Settings, settingsSchema } from '../domain/settings';
import { db, tableName } from './client';
import { definitionsPk, settingsSk } from './keys';
import { appendVersion, type EntryOf, headVersion, readVersions } from './versioned';

type Item = Record<string, unknown>;

/**
 * The settings a head item (or a version of it) holds: under `settings` since settings
 * are versioned; an item written before that holds them as top-level fields.
 */
function storedSettings(item: Item): Item {
  if (item.settings && typeof item.settings === 'object') return item.settings as Item;
  const { pk: _pk, sk: _sk, version: _v, by: _b, byName: _n, byEmail: _e, at: _a, lastWriteKey: _w, ...flat } = item;
  return flat;
}

/**
 * Stored settings over the deployment's defaults (environment.ts); a field never
 * stored keeps its default. Admins change them with PUT /settings.
 */
export function settingsFromItem(item: Item | undefined): Settings {
  const defaults = environment().settingsDefaults;
  if (!item) return defaults;
  const merged = settingsSchema().safeParse({ ...defaults, ...storedSettings(item) });
  return merged.success ? merged.data : defaults;
}

const settingsKey = { pk: definitionsPk, sk: settingsSk };
const settingsEntryOf: EntryOf = (item) => ({
  settings: storedSettings(item),
  ...(typeof item.by === 'string' && { by: item.by }),
  ...(typeof item.byName === 'string' && { byName: item.byName }),
  ...(typeof item.byEmail === 'string' && { byEmail: item.byEmail }),
  ...(typeof item.at === 'string' && { at: item.at }),
});

/** Who wrote a version: the token's sub, with their display name and email (domain/display-name.ts stampOf). */
export interface WrittenBy {
  by: string;
  byName?: string;
  byEmail?: string;
}

/**
 * Replaces the settings as a new version, recording who and when; returns the version.
 * `expectedVersion` (If-Match): only over that version (0: only the defaults so far), else VersionConflict.
 */
export async function putSettings(
  settings: Settings,
  who: WrittenBy,
  at: string,
  expectedVersion?: number,
): Promise<number> {
  // Each of who's fields set or removed, so a version never keeps an earlier writer's name.
  const fields = { settings, by: who.by, byName: who.byName, byEmail: who.byEmail, at };
  return appendVersion({ key: settingsKey, fields, entryOf: settingsEntryOf, expectedVersion });
}

export interface SettingsVersion {
  version: number;
  settings: Settings;
  /** Absent for settings stored before changes were recorded. */
  by?: string;
  byName?: string;
  byEmail?: string;
  at?: string;
}

/** Every version of the settings, oldest first; empty while only the defaults apply. */
export async function readSettingsHistory(): Promise<SettingsVersion[]> {
  const versions = await readVersions<{ settings: Item; by?: string; byName?: string; byEmail?: string; at?: string }>(
    settingsKey,
    settingsEntryOf,
  );
  return (versions ?? []).map(({ version, settings, by, byName, byEmail, at }) => ({
    version,
    settings: settingsFromItem({ settings }),
    ...(by !== undefined && { by }),
    ...(byName !== undefined && { byName }),
    ...(byEmail !== undefined && { byEmail }),
    ...(at !== undefined && { at }),
  }));
}

export async function readSettings(): Promise<Settings> {
  return (await readVersionedSettings()).settings;
}

/** The settings in force and the version they are (0: only the deployment's defaults), for GET's ETag. */
export async function readVersionedSettings(consistent = false): Promise<{ settings: Settings; version: number }> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: settingsKey, ConsistentRead: consistent }));
  return { settings: settingsFromItem(out.Item), version: headVersion(out.Item) };
}
