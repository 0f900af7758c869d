import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { environment } from '../config/environment';
import { type Settings, settingsSchema } from '../domain/settings';
import { db, tableName } from './client';
import { definitionsPk, settingsSk } from './keys';

/**
 * Stored settings over the deployment's defaults (environment.ts); a field never
 * stored keeps its default. Admins change them with PUT /settings.
 */
export function settingsFromItem(item: Record<string, unknown> | undefined): Settings {
  const defaults = environment().settingsDefaults;
  if (!item) return defaults;
  const { pk: _pk, sk: _sk, ...stored } = item;
  const merged = settingsSchema.safeParse({ ...defaults, ...stored });
  return merged.success ? merged.data : defaults;
}

export async function putSettings(settings: Settings): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { pk: definitionsPk, sk: settingsSk, ...settings } }));
}

export async function readSettings(): Promise<Settings> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: { pk: definitionsPk, sk: settingsSk } }));
  return settingsFromItem(out.Item);
}
