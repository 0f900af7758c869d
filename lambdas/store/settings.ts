import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { defaultStatusSettings } from '../domain/types';
import { type Settings, settingsSchema } from '../http/schemas';
import { db, tableName } from './client';
import { definitionsPk, settingsSk } from './keys';

const builtInDefaults: Settings = {
  reportTitle: 'Corporate Improvement Plan',
  planNames: { cip: 'Corporate Improvement Plan' },
  ...defaultStatusSettings,
  emtRecipients: ['emt@localhost'],
  directorates: {},
  reminderDays: [5, 1],
};

/**
 * The first values of the settings: CDK context (in AWS) or the local defaults, passed
 * as JSON in RAGTIME_SETTINGS_DEFAULTS. Admins change them later with PUT /settings.
 */
let parsedDefaults: { raw: string | undefined; settings: Settings } | undefined;
export function defaultSettings(): Settings {
  const raw = process.env.RAGTIME_SETTINGS_DEFAULTS;
  if (!parsedDefaults || parsedDefaults.raw !== raw) {
    parsedDefaults = {
      raw,
      settings: raw ? settingsSchema.parse({ ...builtInDefaults, ...JSON.parse(raw) }) : builtInDefaults,
    };
  }
  return parsedDefaults.settings;
}

/** Stored settings over the defaults; a field never stored keeps its default. */
export function settingsFromItem(item: Record<string, unknown> | undefined): Settings {
  const defaults = defaultSettings();
  if (!item) return defaults;
  const { pk: _pk, sk: _sk, ...stored } = item;
  const merged = settingsSchema.safeParse({ ...defaults, ...stored });
  return merged.success ? merged.data : defaults;
}

export async function putSettings(settings: Settings): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { pk: definitionsPk, sk: settingsSk, ...settings } }));
}
