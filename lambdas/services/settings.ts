import { environment } from '../config/environment';
import { Invalid } from '../domain/errors';
import { recipientsOutside } from '../domain/recipients';
import type { Settings } from '../domain/settings';
import { putSettings, readSettings } from '../store/settings';

/** The stored settings over the deployment's defaults. */
export const currentSettings = (): Promise<Settings> => readSettings();

/**
 * Replaces the settings. Every recipient must be at an allowed domain (the SES policy
 * would refuse to send to any other): else Invalid, naming each address, nothing stored.
 */
export async function replaceSettings(settings: Settings): Promise<void> {
  const outside = recipientsOutside(settings, environment().allowedRecipientDomains);
  if (outside.length > 0)
    throw new Invalid('Email may go only to addresses at the allowed recipient domains.', outside);
  await putSettings(settings);
}
