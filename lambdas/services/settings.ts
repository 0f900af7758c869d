import type { Settings } from '../domain/settings';
import { putSettings, readSettings } from '../store/settings';

/** The stored settings over the deployment's defaults. */
export const currentSettings = (): Promise<Settings> => readSettings();

export const replaceSettings = (settings: Settings): Promise<void> => putSettings(settings);
