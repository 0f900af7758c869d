import { environment } from '../config/environment';
import type { Caller } from '../domain/caller';
import { recordedWho, stampOf } from '../domain/display-name';
import { Invalid } from '../domain/errors';
import { recipientsOutside } from '../domain/recipients';
import { laterSettings, type Settings, type SettingsChange } from '../domain/settings';
import {
  putSettings,
  readSettings,
  readSettingsHistory,
  readVersionedSettings,
  type SettingsVersion,
} from '../store/settings';
import { peopleNames } from './names';

/** The stored settings over the deployment's defaults. */
export const currentSettings = (): Promise<Settings> => readSettings();

/**
 * The settings' Welsh names of plans, programmes and directorates (docs/cymraeg.md), when
 * there are any: what GET /me hands the web app, so pages name them in Welsh.
 */
export function welshNames(
  settings: Settings,
): Pick<Settings['namesCy'], 'plans' | 'programmes' | 'directorates'> | undefined {
  const { plans, programmes, directorates } = settings.namesCy;
  const any = [plans, programmes, directorates].some((names) => Object.keys(names).length > 0);
  return any ? { plans, programmes, directorates } : undefined;
}

/** GET /settings: the settings in force and their version (the ETag an edit sends back in If-Match). */
export const currentSettingsVersioned = () => readVersionedSettings(true);

/**
 * Replaces the settings as a new version, recording who and when; returns the version and
 * the settings now in force. The settings that came after the first clients (`signOff`,
 * `unsignedAtClose`, `reportLanguages`, `namesCy`, `cabinetReport`), when omitted, keep
 * their current values (docs/sign-off.md, docs/cymraeg.md). Every recipient must be at an allowed domain (the SES
 * policy would refuse to send to any other): else Invalid, naming each address, nothing stored.
 */
export async function replaceSettings(
  change: SettingsChange,
  caller: Caller,
  now: Date,
  expectedVersion?: number,
): Promise<{ version: number; settings: Settings }> {
  const current = laterSettings.some((key) => change[key] === undefined) ? await readSettings() : undefined;
  const settings = { ...change } as Settings;
  for (const key of laterSettings) if (change[key] === undefined) Object.assign(settings, { [key]: current![key] });
  const outside = recipientsOutside(settings, environment().allowedRecipientDomains);
  if (outside.length > 0)
    throw new Invalid('Email may go only to addresses at the allowed recipient domains.', outside);
  return { version: await putSettings(settings, stampOf(caller), now.toISOString(), expectedVersion), settings };
}

/** GET /settings/history: every version of the settings, oldest first (none while only the defaults apply). */
export async function settingsHistory(): Promise<{
  versions: (Omit<SettingsVersion, 'byEmail'> & { byName?: string; byEmail?: string | null })[];
}> {
  const [versions, names] = await Promise.all([readSettingsHistory(), peopleNames()]);
  // Who, in words (SPEC §12); settings stored before changes were recorded say nobody.
  return {
    versions: versions.map((v) => {
      if (v.by === undefined) return v;
      const { name, email } = recordedWho(v, names);
      return { ...v, byName: name, byEmail: email };
    }),
  };
}
