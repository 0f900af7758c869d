// Deployment settings from CDK context, parsed and validated before any construct is
// built: a missing or malformed setting fails synth with a message naming it. Pure (no
// CDK imports) so it is unit-tested on its own.
//
// Context arrives either as strings (`-c closeDay=10`) or as JSON values (cdk.json
// `"closeDay": 10`); every parser accepts both.
import { defaultCloseDay, defaultCloseHour, defaultReminderDays, defaultReportTitle } from '../lambdas/domain/defaults';

export interface DirectorateContacts {
  contacts: string[];
  heads: string[];
}

export interface RagtimeSettings {
  /** Names the stack (`Ragtime-<stage>`), so several stages can share an account. */
  stage: string;
  /** The AWS region of the stack: eu-west-2 (London) unless context says otherwise (UK data residency). */
  region: string;
  /** The From address of every email (the SES identity unless `senderDomain` is set). */
  senderEmail: string;
  /** Verify this whole domain in SES (DKIM) instead of the single sender address. */
  senderDomain?: string;
  emtRecipients: string[];
  /** Email may go only to addresses at these domains (lower case): the SES policy and PUT /settings enforce it. */
  allowedRecipientDomains: string[];
  reportTitle: string;
  planNames: Record<string, string>;
  directorateContacts: Record<string, DirectorateContacts>;
  /** Day of the month (Jan, Apr, Jul, Oct) the quarter closes, 2..28. */
  closeDay: number;
  /** Hour of the close, Europe/London, 0..22 (the watchdog runs an hour later). */
  closeHour: number;
  /** Days before closeDay on which reminders go out, each 1..closeDay-1. */
  reminderDays: number[];
  tolerancePercent?: number;
  /** Sign-off (docs/sign-off.md): off by default in AWS. */
  signOff: 'off' | 'on';
  unsignedAtClose: 'count-flagged' | 'no-data';
  alarmEmail?: string;
  allowedOrigins: string[];
  throttleRate: number;
  throttleBurst: number;
  logRetentionDays: number;
  /** Use this existing DynamoDB table (restored from PITR) instead of the stack's own. */
  existingTableName?: string;
  existingTableStreamArn?: string;
  /** The web app's own domain (with certificateArn, an ACM certificate in us-east-1); default the CloudFront domain. */
  domainName?: string;
  certificateArn?: string;
  /** Cognito managed login's domain prefix: https://<prefix>.auth.<region>.amazoncognito.com. */
  authDomainPrefix?: string;
  /** An admin until someone writes their record on the People page (docs/people.md). */
  firstAdminEmail?: string;
  /** The council's identity provider (docs/people.md "Federation"); none: the user pool's own users. */
  federation?: Federation;
  /**
   * The API's own custom domain in API Gateway (with apiCertificateArn, an ACM certificate in the
   * stack's region): CloudFront's origin for the API, and then the execute-api endpoint is disabled.
   */
  apiDomainName?: string;
  apiCertificateArn?: string;
  /** AWS WAF on the distribution: requests one IP may make per window before it is blocked (429). */
  wafRateLimit: number;
  /** The rate-based rule's window in seconds: 60, 120, 300 or 600. */
  wafRateWindowSeconds: number;
}

/** OIDC (Microsoft Entra ID) with its client secret in Secrets Manager, or SAML by metadata URL. */
export type Federation = (
  | { kind: 'oidc'; issuer: string; clientId: string; clientSecretName: string }
  | { kind: 'saml'; metadataUrl: string }
) & {
  /** The provider's claim mapped to email_verified: without "true" there, a federated sign-in gets no role. */
  emailVerifiedClaim: string;
};

/** Reads one context value (`app.node.tryGetContext`). */
export type ContextReader = (key: string) => unknown;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** What each setting is, for error messages and docs/deploy.md. */
export const settingDescriptions = {
  stage: 'deployment stage name, lower-case letters, digits and - (default "prod")',
  region: 'the AWS region to deploy to, e.g. eu-west-1 (default "eu-west-2", London)',
  senderEmail: 'the address Ragtime sends email from, e.g. -c senderEmail=performance@example.gov.uk',
  senderDomain: 'a domain to verify in SES instead of the single sender address; senderEmail must be at it',
  emtRecipients: 'comma-separated EMT email addresses, e.g. -c emtRecipients=emt@example.gov.uk,chief@example.gov.uk',
  allowedRecipientDomains:
    "comma-separated domains email may be sent to, e.g. example.gov.uk,partner.gov.uk (default the sender's domain)",
  reportTitle: 'the report title (default "Corporate Improvement Plan")',
  planNames: 'JSON object of plan id to plan name (default {"cip": <reportTitle>})',
  directorateContacts:
    'JSON like {"People":{"contacts":["a@example.gov.uk"],"heads":["b@example.gov.uk"]}} (default {})',
  closeDay: 'day of the month the quarter closes, an integer from 2 to 28 (default 10)',
  closeHour: 'hour of the close in Europe/London, an integer from 0 to 22 (default 7)',
  reminderDays: 'comma-separated days before closeDay to send reminders, each from 1 to closeDay-1 (default "5,1")',
  tolerancePercent: 'default tolerance in percent for measures without their own, 0 to 1000 (default 10)',
  signOff: 'on or off: whether a return counts only once its directorate\'s approver agrees (default "off")',
  unsignedAtClose:
    'count-flagged or no-data: at close, a return with no approved version counts marked "not signed off", or counts as no data (default "count-flagged")',
  alarmEmail: 'an email address subscribed to the alarm topic (default none)',
  allowedOrigins: 'comma-separated browser origins allowed by CORS, e.g. https://ragtime.example.gov.uk (default none)',
  throttleRate: 'API steady-state requests per second (default 50)',
  throttleBurst: 'API burst capacity in requests (default 100)',
  logRetentionDays: 'days to keep Lambda and API access logs, one CloudWatch accepts (default 365)',
  existingTableName:
    "the name of an existing table (e.g. restored from point-in-time recovery) to use instead of the stack's own (default none)",
  existingTableStreamArn:
    "that table's stream ARN (enable a NEW_IMAGE stream on it first): the mailer reads the outbox from it (required with existingTableName)",
  domainName:
    "the web app's own domain, e.g. ragtime.example.gov.uk, with certificateArn (default the CloudFront domain)",
  certificateArn: 'the ARN of an ACM certificate in us-east-1 for domainName (required with domainName)',
  authDomainPrefix:
    'the Cognito managed login domain prefix, lower-case letters, digits and - (default "ragtime-<stage>-<account id>")',
  firstAdminEmail:
    'the email of the first admin, who then gives everyone else their roles on the People page (default none)',
  oidcIssuer:
    'the OpenID Connect issuer of the council identity provider, e.g. https://login.microsoftonline.com/<tenant id>/v2.0 (with oidcClientId and oidcClientSecretName)',
  oidcClientId: 'the application (client) id of the app registration at the OIDC identity provider',
  oidcClientSecretName: 'the name of the Secrets Manager secret holding that app registration client secret',
  samlMetadataUrl: 'the SAML metadata URL of the council identity provider (instead of OIDC)',
  federationEmailVerifiedClaim:
    'the identity provider claim that says the email address is verified, mapped to email_verified (default "email_verified" for OIDC; required for SAML); for Entra ID OIDC "xms_edov"',
  apiDomainName:
    "the API's own domain in API Gateway, e.g. api.ragtime.example.gov.uk, with apiCertificateArn: CloudFront reaches the API there and the execute-api endpoint is disabled (default none)",
  apiCertificateArn: "the ARN of an ACM certificate in the stack's region for apiDomainName",
  wafRateLimit:
    'requests one IP address may make in wafRateWindowSeconds before AWS WAF blocks it (429), an integer from 10 to 2000000000 (default 3000)',
  wafRateWindowSeconds: 'the window of wafRateLimit in seconds: 60, 120, 300 or 600 (default 300)',
} as const;

export type SettingName = keyof typeof settingDescriptions;

export const settingDefaults = {
  stage: 'prod',
  region: 'eu-west-2',
  reportTitle: defaultReportTitle,
  directorateContacts: {},
  closeDay: defaultCloseDay,
  closeHour: defaultCloseHour,
  reminderDays: defaultReminderDays,
  signOff: 'off',
  unsignedAtClose: 'count-flagged',
  allowedOrigins: [],
  throttleRate: 50,
  throttleBurst: 100,
  logRetentionDays: 365,
  wafRateLimit: 3000,
  wafRateWindowSeconds: 300,
} as const;

/** The retention periods CloudWatch Logs accepts. */
export const logRetentionChoices = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

// Close to what the Lambdas' settings schema and SES accept: no spaces, brackets or separators.
const emailPattern =
  /^[^\s@<>,;:"()[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const domainPattern =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const regionPattern = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const originPattern = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/;

function missing(name: SettingName): never {
  throw new SettingsError(`Missing context setting "${name}": ${settingDescriptions[name]}.`);
}

function malformed(name: SettingName, why: string, value: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  throw new SettingsError(
    `Malformed context setting "${name}": ${why}, got ${shown}. Expected ${settingDescriptions[name]}.`,
  );
}

/** The domain of an address, lower case (domains are case-insensitive). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** Absent, null and blank strings all mean "not set". */
function isUnset(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function parseEmail(name: SettingName, value: unknown): string {
  if (typeof value !== 'string' || !emailPattern.test(value.trim()) || value.trim().length > 254) {
    malformed(name, 'not an email address', value);
  }
  return value.trim();
}

/** A list from a comma-separated string, a JSON array string, or a JSON array. */
function parseList(name: SettingName, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (Array.isArray(parsed)) return parsed;
      } catch {
        // fall through
      }
      malformed(name, 'not a JSON array', value);
    }
    return trimmed === '' ? [] : trimmed.split(',').map((part) => part.trim());
  }
  return malformed(name, 'not a list', value);
}

function parseEmails(name: SettingName, value: unknown): string[] {
  const list = parseList(name, value);
  if (list.length > 50) malformed(name, 'more than 50 addresses', value);
  const emails = list.map((item) => {
    if (typeof item !== 'string' || !emailPattern.test(item.trim()))
      malformed(name, `${JSON.stringify(item)} is not an email address`, value);
    return item.trim();
  });
  return [...new Set(emails)];
}

function parseInteger(name: SettingName, value: unknown, min: number, max: number): number {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) malformed(name, `not an integer from ${min} to ${max}`, value);
  return n;
}

function parseNumber(name: SettingName, value: unknown, min: number, max: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < min || n > max) malformed(name, `not a number from ${min} to ${max}`, value);
  return n;
}

function parseJsonObject(name: SettingName, value: unknown): Record<string, unknown> {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      malformed(name, 'not valid JSON', value);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    malformed(name, 'not a JSON object', value);
  return parsed as Record<string, unknown>;
}

function parseText(name: SettingName, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.trim().length > max)
    malformed(name, `not a text of 1 to ${max} characters`, value);
  return value.trim();
}

function parseDirectorateContacts(value: unknown): Record<string, DirectorateContacts> {
  const name = 'directorateContacts';
  const object = parseJsonObject(name, value);
  const out: Record<string, DirectorateContacts> = {};
  for (const [directorate, entry] of Object.entries(object)) {
    if (directorate.trim() === '' || directorate.length > 200)
      malformed(name, `directorate name ${JSON.stringify(directorate)} is empty or too long`, value);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      malformed(name, `${directorate} is not an object with "contacts" and "heads"`, value);
    const { contacts, heads, ...rest } = entry as Record<string, unknown>;
    const unknownKeys = Object.keys(rest);
    if (unknownKeys.length > 0) malformed(name, `${directorate} has unknown keys ${unknownKeys.join(', ')}`, value);
    const emails = (list: unknown, what: string): string[] => {
      if (list === undefined) return [];
      if (!Array.isArray(list)) malformed(name, `${directorate}.${what} is not an array of email addresses`, value);
      if (list.length > 20) malformed(name, `${directorate}.${what} has more than 20 addresses`, value);
      return list.map((item) => {
        if (typeof item !== 'string' || !emailPattern.test(item.trim()))
          malformed(name, `${directorate}.${what} has ${JSON.stringify(item)}, not an email address`, value);
        return item.trim();
      });
    };
    out[directorate] = { contacts: emails(contacts, 'contacts'), heads: emails(heads, 'heads') };
  }
  return out;
}

function parsePlanNames(value: unknown): Record<string, string> {
  const name = 'planNames';
  const object = parseJsonObject(name, value);
  const out: Record<string, string> = {};
  for (const [plan, title] of Object.entries(object)) {
    if (!/^[a-z0-9-]{1,40}$/.test(plan))
      malformed(name, `plan id ${JSON.stringify(plan)} is not 1-40 of a-z, 0-9 and -`, value);
    if (typeof title !== 'string' || title.trim() === '' || title.length > 200)
      malformed(name, `the name of plan ${plan} is not a text of 1 to 200 characters`, value);
    out[plan] = title.trim();
  }
  return out;
}

/**
 * Every setting from context, validated, with defaults applied. Throws SettingsError
 * naming the first missing or malformed setting.
 */
export function parseSettings(read: ContextReader): RagtimeSettings {
  const get = (name: SettingName): unknown => {
    const value = read(name);
    return isUnset(value) ? undefined : value;
  };
  const optional = <T>(name: SettingName, parse: (value: unknown) => T): T | undefined => {
    const value = get(name);
    return value === undefined ? undefined : parse(value);
  };

  const rawSender = get('senderEmail');
  if (rawSender === undefined) missing('senderEmail');
  const senderEmail = parseEmail('senderEmail', rawSender);

  const rawEmt = get('emtRecipients');
  if (rawEmt === undefined) missing('emtRecipients');
  const emtRecipients = parseEmails('emtRecipients', rawEmt);
  if (emtRecipients.length === 0) missing('emtRecipients');

  const stage =
    optional('stage', (v) => {
      if (typeof v !== 'string' || !/^[a-z][a-z0-9-]{0,19}$/.test(v.trim()))
        malformed('stage', 'not 1-20 of a-z, 0-9 and - starting with a letter', v);
      return v.trim();
    }) ?? settingDefaults.stage;

  const senderDomain = optional('senderDomain', (v) => {
    if (typeof v !== 'string' || !domainPattern.test(v.trim())) malformed('senderDomain', 'not a domain name', v);
    return v.trim().toLowerCase();
  });
  if (senderDomain !== undefined && !senderEmail.toLowerCase().endsWith(`@${senderDomain}`)) {
    malformed('senderDomain', `senderEmail ${senderEmail} is not at this domain`, senderDomain);
  }

  const region =
    optional('region', (v) => {
      if (typeof v !== 'string' || !regionPattern.test(v.trim()))
        malformed('region', 'not an AWS region name like eu-west-2', v);
      return v.trim();
    }) ?? settingDefaults.region;

  const allowedRecipientDomains = optional('allowedRecipientDomains', (v) => {
    const list = parseList('allowedRecipientDomains', v);
    if (list.length === 0 || list.length > 20) malformed('allowedRecipientDomains', 'not 1 to 20 domains', v);
    const domains = list.map((item) => {
      if (typeof item !== 'string' || !domainPattern.test(item.trim()))
        malformed('allowedRecipientDomains', `${JSON.stringify(item)} is not a domain name`, v);
      return item.trim().toLowerCase();
    });
    return [...new Set(domains)];
  }) ?? [domainOf(senderEmail)];
  const outsideAllowed = (address: string) => !allowedRecipientDomains.includes(domainOf(address));
  const strayEmt = emtRecipients.find(outsideAllowed);
  if (strayEmt !== undefined) {
    malformed(
      'emtRecipients',
      `${strayEmt} is not at an allowed recipient domain (${allowedRecipientDomains.join(', ')}; see allowedRecipientDomains)`,
      get('emtRecipients'),
    );
  }

  const reportTitle = optional('reportTitle', (v) => parseText('reportTitle', v, 200)) ?? settingDefaults.reportTitle;
  const planNames = optional('planNames', parsePlanNames) ?? { cip: reportTitle };
  const directorateContacts = optional('directorateContacts', parseDirectorateContacts) ?? {};
  for (const [directorate, { contacts, heads }] of Object.entries(directorateContacts)) {
    const stray = [...contacts, ...heads].find(outsideAllowed);
    if (stray !== undefined) {
      malformed(
        'directorateContacts',
        `${directorate} has ${stray}, not at an allowed recipient domain (${allowedRecipientDomains.join(', ')}; see allowedRecipientDomains)`,
        get('directorateContacts'),
      );
    }
  }
  const closeDay = optional('closeDay', (v) => parseInteger('closeDay', v, 2, 28)) ?? settingDefaults.closeDay;
  const closeHour = optional('closeHour', (v) => parseInteger('closeHour', v, 0, 22)) ?? settingDefaults.closeHour;

  const reminderDays = optional('reminderDays', (v) => {
    const list = parseList('reminderDays', v);
    if (list.length > 10) malformed('reminderDays', 'more than 10 days', v);
    const days = list.map((item) => {
      const n =
        typeof item === 'number' ? item : typeof item === 'string' && /^\s*\d+\s*$/.test(item) ? Number(item) : NaN;
      if (!Number.isInteger(n) || n < 1 || n >= closeDay)
        malformed(
          'reminderDays',
          `${JSON.stringify(item)} is not a whole number of days from 1 to ${closeDay - 1} (closeDay - 1)`,
          v,
        );
      return n;
    });
    if (new Set(days).size !== days.length) malformed('reminderDays', 'a day is repeated', v);
    return days;
  }) ?? [...settingDefaults.reminderDays];
  if (get('reminderDays') === undefined && reminderDays.some((d) => d >= closeDay)) {
    malformed(
      'closeDay',
      `the default reminderDays ${reminderDays.join(',')} need closeDay above ${Math.max(...reminderDays)}; set reminderDays too`,
      closeDay,
    );
  }

  const tolerancePercent = optional('tolerancePercent', (v) => parseNumber('tolerancePercent', v, 0, 1000));
  const alarmEmail = optional('alarmEmail', (v) => parseEmail('alarmEmail', v));
  const oneOf =
    <T extends string>(name: SettingName, words: readonly T[]) =>
    (v: unknown): T => {
      const word = typeof v === 'string' ? v.trim() : v;
      if (!words.includes(word as T)) malformed(name, `not one of ${words.join(', ')}`, v);
      return word as T;
    };
  const signOff = optional('signOff', oneOf('signOff', ['off', 'on'] as const)) ?? settingDefaults.signOff;
  const unsignedAtClose =
    optional('unsignedAtClose', oneOf('unsignedAtClose', ['count-flagged', 'no-data'] as const)) ??
    settingDefaults.unsignedAtClose;
  const allowedOrigins =
    optional('allowedOrigins', (v) => {
      const origins = parseList('allowedOrigins', v).map((item) => {
        if (typeof item !== 'string' || !originPattern.test(item.trim()))
          malformed('allowedOrigins', `${JSON.stringify(item)} is not an origin like https://host[:port]`, v);
        return item.trim();
      });
      return [...new Set(origins)];
    }) ?? [];
  const throttleRate =
    optional('throttleRate', (v) => parseNumber('throttleRate', v, 1, 10000)) ?? settingDefaults.throttleRate;
  const throttleBurst =
    optional('throttleBurst', (v) => parseInteger('throttleBurst', v, 1, 5000)) ?? settingDefaults.throttleBurst;
  const logRetentionDays =
    optional('logRetentionDays', (v) => {
      const n = parseInteger('logRetentionDays', v, 1, 3653);
      if (!(logRetentionChoices as readonly number[]).includes(n))
        malformed('logRetentionDays', `not one of ${logRetentionChoices.join(', ')}`, v);
      return n;
    }) ?? settingDefaults.logRetentionDays;
  const existingTableName = optional('existingTableName', (v) => {
    if (typeof v !== 'string' || !/^[A-Za-z0-9_.-]{3,255}$/.test(v.trim()))
      malformed('existingTableName', 'not a DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -)', v);
    return v.trim();
  });
  const existingTableStreamArn = optional('existingTableStreamArn', (v) => {
    if (
      typeof v !== 'string' ||
      !/^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]+\/stream\/\S+$/.test(v.trim())
    )
      malformed('existingTableStreamArn', 'not a DynamoDB stream ARN', v);
    return v.trim();
  });
  if (existingTableName !== undefined && existingTableStreamArn === undefined)
    malformed(
      'existingTableStreamArn',
      'required with existingTableName (the mailer reads the outbox from the stream)',
      undefined,
    );

  const domainName = optional('domainName', (v) => {
    if (typeof v !== 'string' || !domainPattern.test(v.trim())) malformed('domainName', 'not a domain name', v);
    return v.trim().toLowerCase();
  });
  const certificateArn = optional('certificateArn', (v) => {
    if (typeof v !== 'string' || !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[A-Za-z0-9-]+$/.test(v.trim()))
      malformed('certificateArn', 'not an ACM certificate ARN in us-east-1 (CloudFront needs it there)', v);
    return v.trim();
  });
  if ((domainName === undefined) !== (certificateArn === undefined))
    malformed(
      domainName === undefined ? 'domainName' : 'certificateArn',
      'domainName and certificateArn go together',
      get(domainName === undefined ? 'domainName' : 'certificateArn'),
    );
  const authDomainPrefix = optional('authDomainPrefix', (v) => {
    if (
      typeof v !== 'string' ||
      !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(v.trim()) ||
      /aws|amazon|cognito/.test(v)
    )
      malformed(
        'authDomainPrefix',
        'not a prefix of lower-case letters, digits and - (without aws, amazon or cognito)',
        v,
      );
    return v.trim();
  });

  const firstAdminEmail = optional('firstAdminEmail', (v) => parseEmail('firstAdminEmail', v).toLowerCase());
  const federation = parseFederation(get);

  const apiDomainName = optional('apiDomainName', (v) => {
    if (typeof v !== 'string' || !domainPattern.test(v.trim())) malformed('apiDomainName', 'not a domain name', v);
    return v.trim().toLowerCase();
  });
  const apiCertificateArn = optional('apiCertificateArn', (v) => {
    const arn = typeof v === 'string' ? v.trim() : '';
    const match = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[A-Za-z0-9-]+$/.exec(arn);
    if (!match) malformed('apiCertificateArn', 'not an ACM certificate ARN', v);
    if (match[1] !== region)
      malformed('apiCertificateArn', `not in the stack's region ${region} (API Gateway needs it there)`, v);
    return arn;
  });
  if ((apiDomainName === undefined) !== (apiCertificateArn === undefined))
    malformed(
      apiDomainName === undefined ? 'apiDomainName' : 'apiCertificateArn',
      'apiDomainName and apiCertificateArn go together',
      get(apiDomainName === undefined ? 'apiDomainName' : 'apiCertificateArn'),
    );
  const wafRateLimit =
    optional('wafRateLimit', (v) => parseInteger('wafRateLimit', v, 10, 2_000_000_000)) ?? settingDefaults.wafRateLimit;
  const wafRateWindowSeconds =
    optional('wafRateWindowSeconds', (v) => {
      const n = parseInteger('wafRateWindowSeconds', v, 60, 600);
      if (![60, 120, 300, 600].includes(n)) malformed('wafRateWindowSeconds', 'not one of 60, 120, 300, 600', v);
      return n;
    }) ?? settingDefaults.wafRateWindowSeconds;

  return {
    stage,
    region,
    senderEmail,
    ...(senderDomain !== undefined ? { senderDomain } : {}),
    emtRecipients,
    allowedRecipientDomains,
    reportTitle,
    planNames,
    directorateContacts,
    closeDay,
    closeHour,
    reminderDays,
    ...(tolerancePercent !== undefined ? { tolerancePercent } : {}),
    signOff,
    unsignedAtClose,
    ...(alarmEmail !== undefined ? { alarmEmail } : {}),
    allowedOrigins,
    throttleRate,
    throttleBurst,
    logRetentionDays,
    ...(existingTableName !== undefined ? { existingTableName } : {}),
    ...(existingTableStreamArn !== undefined ? { existingTableStreamArn } : {}),
    ...(domainName !== undefined ? { domainName } : {}),
    ...(certificateArn !== undefined ? { certificateArn } : {}),
    ...(authDomainPrefix !== undefined ? { authDomainPrefix } : {}),
    ...(firstAdminEmail !== undefined ? { firstAdminEmail } : {}),
    ...(federation !== undefined ? { federation } : {}),
    ...(apiDomainName !== undefined ? { apiDomainName } : {}),
    ...(apiCertificateArn !== undefined ? { apiCertificateArn } : {}),
    wafRateLimit,
    wafRateWindowSeconds,
  };
}

/** OIDC needs all three of its settings; SAML its one; not both. */
function parseFederation(get: (name: SettingName) => unknown): Federation | undefined {
  const oidcNames = ['oidcIssuer', 'oidcClientId', 'oidcClientSecretName'] as const;
  const oidc = oidcNames.map((name) => get(name));
  const metadataUrl = get('samlMetadataUrl');
  const anyOidc = oidc.some((v) => v !== undefined);
  if (anyOidc && metadataUrl !== undefined)
    malformed('samlMetadataUrl', 'set either the oidc settings or samlMetadataUrl, not both', metadataUrl);
  const rawVerifiedClaim = get('federationEmailVerifiedClaim');
  if (!anyOidc && metadataUrl === undefined && rawVerifiedClaim !== undefined)
    malformed(
      'federationEmailVerifiedClaim',
      'given without federation (oidcIssuer or samlMetadataUrl)',
      rawVerifiedClaim,
    );
  const verifiedClaim = (fallback?: string): string => {
    if (rawVerifiedClaim === undefined) return fallback ?? missing('federationEmailVerifiedClaim');
    if (typeof rawVerifiedClaim !== 'string' || !/^[A-Za-z0-9_:/.#-]{1,256}$/.test(rawVerifiedClaim.trim()))
      malformed('federationEmailVerifiedClaim', 'not a claim name (letters, digits and _:/.#-)', rawVerifiedClaim);
    return rawVerifiedClaim.trim();
  };
  const https = (name: SettingName, v: unknown): string => {
    if (typeof v !== 'string' || !/^https:\/\/[^\s/]+(?:\/\S*)?$/.test(v.trim()))
      malformed(name, 'not an https URL', v);
    return v.trim();
  };
  if (anyOidc) {
    oidcNames.forEach((name, i) => {
      if (oidc[i] === undefined) missing(name);
    });
    const word = (name: SettingName, v: unknown): string => {
      if (typeof v !== 'string' || !/^[A-Za-z0-9/_+=.@-]{1,512}$/.test(v.trim()))
        malformed(name, 'not a name of letters, digits and /_+=.@-', v);
      return v.trim();
    };
    return {
      kind: 'oidc',
      issuer: https('oidcIssuer', oidc[0]),
      clientId: word('oidcClientId', oidc[1]),
      clientSecretName: word('oidcClientSecretName', oidc[2]),
      emailVerifiedClaim: verifiedClaim('email_verified'),
    };
  }
  if (metadataUrl !== undefined)
    return { kind: 'saml', metadataUrl: https('samlMetadataUrl', metadataUrl), emailVerifiedClaim: verifiedClaim() };
  return undefined;
}

/**
 * The first values of the settings admins later change with PUT /settings: the JSON in
 * RAGTIME_SETTINGS_DEFAULTS. Only keys of the Lambdas' settings schema (a strict object).
 */
export function settingsDefaultsJson(settings: RagtimeSettings): Record<string, unknown> {
  return {
    reportTitle: settings.reportTitle,
    planNames: settings.planNames,
    emtRecipients: settings.emtRecipients,
    directorates: settings.directorateContacts,
    reminderDays: settings.reminderDays,
    signOff: settings.signOff,
    unsignedAtClose: settings.unsignedAtClose,
    ...(settings.tolerancePercent !== undefined ? { tolerancePercent: settings.tolerancePercent } : {}),
  };
}

/** One schedule time, Europe/London, for the quarter-close months. */
export interface QuarterScheduleTime {
  day: number;
  hour: number;
}

/** Quarters close in the month after they end: April-March financial years. */
export const closeMonths = [1, 4, 7, 10] as const;

/** When the close, the watchdog and each reminder run. */
export function scheduleTimes(settings: Pick<RagtimeSettings, 'closeDay' | 'closeHour' | 'reminderDays'>): {
  close: QuarterScheduleTime;
  watchdog: QuarterScheduleTime;
  reminders: (QuarterScheduleTime & { daysBeforeClose: number })[];
} {
  return {
    close: { day: settings.closeDay, hour: settings.closeHour },
    watchdog: { day: settings.closeDay, hour: settings.closeHour + 1 },
    reminders: settings.reminderDays.map((n) => ({
      daysBeforeClose: n,
      day: settings.closeDay - n,
      hour: settings.closeHour,
    })),
  };
}
