// The one reader of process.env: what CDK sets on each function (lib/function.ts),
// parsed once per cold start. A variable set to '' counts as unset.
import * as z from 'zod/mini';
import { builtInSettings, defaultCloseDay, defaultCloseHour } from '../domain/defaults';
import { type Settings, settingsSchema } from '../domain/settings';

const optionalText = z.optional(z.string());
/** A whole number, or the default when absent or not one. */
const wholeOr = (fallback: number) => z.catch(z.coerce.number().check(z.refine((n) => Number.isInteger(n))), fallback);

const environmentSchema = z.object({
  TABLE_NAME: optionalText,
  SENDER_EMAIL: optionalText,
  API_URL: optionalText,
  APP_URL: optionalText,
  SES_CONFIGURATION_SET: optionalText,
  RAGTIME_SETTINGS_DEFAULTS: optionalText,
  RENDER_DOCUMENT_FUNCTION: optionalText,
  RAGTIME_ALLOWED_RECIPIENT_DOMAINS: optionalText,
  FIRST_ADMIN_EMAIL: optionalText,
  CLOSE_DAY: wholeOr(defaultCloseDay),
  CLOSE_HOUR: wholeOr(defaultCloseHour),
  POWERTOOLS_METRICS_NAMESPACE: z._default(z.string(), 'Ragtime'),
});

export interface Environment {
  /** The DynamoDB table; functions without table access have none. */
  tableName?: string;
  /** The verified SES sender; only emailing functions have one. */
  senderEmail?: string;
  /** The public API base URL. */
  apiUrl?: string;
  /** The web app's address (ending /app/), for every link in an email (SPEC §12): never the API. */
  appUrl?: string;
  sesConfigurationSet?: string;
  /** The Word and Excel writer's function name; only the functions that may invoke it have one. */
  renderDocumentFunction?: string;
  /** The first values of the settings (CDK context in AWS, the local defaults locally) over the built-in ones. */
  settingsDefaults: Settings;
  /**
   * Email may go only to these domains (lower case; CDK context allowedRecipientDomains).
   * Unset (local tooling that sets nothing): localhost only, the local defaults' domain.
   */
  allowedRecipientDomains: string[];
  /** The scheduled close: day of the month and hour (Europe/London). */
  closeDay: number;
  closeHour: number;
  metricsNamespace: string;
  /** CDK context firstAdminEmail (lower case): an admin until someone writes their record (docs/people.md). */
  firstAdminEmail: string | null;
}

export function parseEnvironment(env: Record<string, string | undefined>): Environment {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = z.parse(environmentSchema, set);
  const raw = parsed.RAGTIME_SETTINGS_DEFAULTS;
  return {
    tableName: parsed.TABLE_NAME,
    senderEmail: parsed.SENDER_EMAIL,
    apiUrl: parsed.API_URL,
    appUrl: parsed.APP_URL,
    sesConfigurationSet: parsed.SES_CONFIGURATION_SET,
    renderDocumentFunction: parsed.RENDER_DOCUMENT_FUNCTION,
    settingsDefaults: raw ? z.parse(settingsSchema(), { ...builtInSettings, ...JSON.parse(raw) }) : builtInSettings,
    allowedRecipientDomains: (parsed.RAGTIME_ALLOWED_RECIPIENT_DOMAINS ?? 'localhost')
      .split(',')
      .map((domain) => domain.trim().toLowerCase())
      .filter(Boolean),
    closeDay: parsed.CLOSE_DAY,
    closeHour: parsed.CLOSE_HOUR,
    metricsNamespace: parsed.POWERTOOLS_METRICS_NAMESPACE,
    firstAdminEmail: parsed.FIRST_ADMIN_EMAIL?.trim().toLowerCase() || null,
  };
}

let current: Environment | undefined;

export function environment(): Environment {
  current ??= parseEnvironment(process.env);
  return current;
}

/** Local tooling sets the environment after start-up (ports, table, API URL); Lambda never does. */
export function reloadEnvironment(): void {
  current = undefined;
}

export function tableName(): string {
  const name = environment().tableName;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

export function senderEmail(): string {
  const sender = environment().senderEmail;
  if (!sender) throw new Error('SENDER_EMAIL is not set');
  return sender;
}
