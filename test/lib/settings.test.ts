import { describe, expect, it } from 'vitest';
import { parseEnvironment } from '../../lambdas/config/environment';
import {
  parseSettings,
  type RagtimeSettings,
  SettingsError,
  scheduleTimes,
  settingsDefaultsJson,
} from '../../lib/settings';

const required = { senderEmail: 'performance@example.gov.uk', emtRecipients: 'emt@example.gov.uk' };
const parse = (context: Record<string, unknown>): RagtimeSettings => parseSettings((key) => context[key]);
const failure = (context: Record<string, unknown>): string => {
  try {
    parse(context);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('expected parseSettings to throw');
};

describe('parseSettings', () => {
  it('applies the documented defaults', () => {
    expect(parse(required)).toEqual({
      stage: 'prod',
      region: 'eu-west-2',
      senderEmail: 'performance@example.gov.uk',
      emtRecipients: ['emt@example.gov.uk'],
      allowedRecipientDomains: ['example.gov.uk'],
      reportTitle: 'Corporate Improvement Plan',
      planNames: { cip: 'Corporate Improvement Plan' },
      directorateContacts: {},
      closeDay: 10,
      closeHour: 7,
      reminderDays: [5, 1],
      signOff: 'off',
      unsignedAtClose: 'count-flagged',
      allowedOrigins: [],
      throttleRate: 50,
      throttleBurst: 100,
      logRetentionDays: 365,
      wafRateLimit: 3000,
      wafRateWindowSeconds: 300,
    });
  });

  it('accepts strings from -c and JSON values from cdk.json alike', () => {
    const fromCli = parse({
      ...required,
      emtRecipients: 'a@example.gov.uk, b@example.gov.uk',
      directorateContacts: '{"People":{"contacts":["p@example.gov.uk"],"heads":["h@example.gov.uk"]}}',
      closeDay: '12',
      closeHour: '6',
      reminderDays: '7,2',
      allowedOrigins: 'https://ragtime.example.gov.uk,http://localhost:5173',
      throttleRate: '20',
      throttleBurst: '40',
      logRetentionDays: '90',
      alarmEmail: 'ops@example.gov.uk',
      tolerancePercent: '5',
    });
    const fromJson = parse({
      ...required,
      emtRecipients: ['a@example.gov.uk', 'b@example.gov.uk'],
      directorateContacts: { People: { contacts: ['p@example.gov.uk'], heads: ['h@example.gov.uk'] } },
      closeDay: 12,
      closeHour: 6,
      reminderDays: [7, 2],
      allowedOrigins: ['https://ragtime.example.gov.uk', 'http://localhost:5173'],
      throttleRate: 20,
      throttleBurst: 40,
      logRetentionDays: 90,
      alarmEmail: 'ops@example.gov.uk',
      tolerancePercent: 5,
    });
    expect(fromCli).toEqual(fromJson);
    expect(fromCli.emtRecipients).toEqual(['a@example.gov.uk', 'b@example.gov.uk']);
    expect(fromCli.reminderDays).toEqual([7, 2]);
    expect(fromCli.directorateContacts.People).toEqual({ contacts: ['p@example.gov.uk'], heads: ['h@example.gov.uk'] });
  });

  it.each([
    ['senderEmail', { emtRecipients: 'emt@example.gov.uk' }],
    ['senderEmail', { ...required, senderEmail: '  ' }],
    ['emtRecipients', { senderEmail: 'performance@example.gov.uk' }],
    ['emtRecipients', { ...required, emtRecipients: [] }],
  ])('a missing %s throws naming it', (name, context) => {
    expect(failure(context)).toMatch(new RegExp(`^Missing context setting "${name}"`));
  });

  it.each([
    ['senderEmail', { senderEmail: 'not-an-address' }],
    ['emtRecipients', { emtRecipients: 'emt@example.gov.uk,nobody' }],
    ['emtRecipients', { emtRecipients: 42 }],
    ['directorateContacts', { directorateContacts: '{"People":' }],
    ['directorateContacts', { directorateContacts: '{"People":{"contacts":["x"]}}' }],
    ['directorateContacts', { directorateContacts: '{"People":{"contacts":[],"deputies":[]}}' }],
    ['closeDay', { closeDay: '31' }],
    ['closeDay', { closeDay: '1' }],
    ['closeDay', { closeDay: 'ten' }],
    ['closeDay', { closeDay: 4 }], // the default reminders (5 and 1 days before) no longer fit
    ['closeHour', { closeHour: '23' }],
    ['reminderDays', { reminderDays: '5,10' }],
    ['reminderDays', { reminderDays: '0' }],
    ['reminderDays', { reminderDays: '3,3' }],
    ['reminderDays', { reminderDays: 'soon' }],
    ['alarmEmail', { alarmEmail: 'ops' }],
    ['allowedOrigins', { allowedOrigins: 'ragtime.example.gov.uk' }],
    ['throttleRate', { throttleRate: '-1' }],
    ['throttleBurst', { throttleBurst: '1.5' }],
    ['logRetentionDays', { logRetentionDays: '100' }],
    ['stage', { stage: 'Prod!' }],
    ['senderDomain', { senderDomain: 'other.gov.uk' }],
    ['planNames', { planNames: '{"CIP":"x"}' }],
    ['reportTitle', { reportTitle: 7 }],
    ['tolerancePercent', { tolerancePercent: 'lots' }],
    ['existingTableName', { existingTableName: 'a b' }],
    ['region', { region: 'London' }],
    ['region', { region: 'eu-west-2; rm' }],
    ['allowedRecipientDomains', { allowedRecipientDomains: 'example' }],
    ['allowedRecipientDomains', { allowedRecipientDomains: '*.gov.uk' }],
    ['allowedRecipientDomains', { allowedRecipientDomains: [] }],
    ['emtRecipients', { emtRecipients: 'emt@example.gov.uk,boss@gmail.com' }],
    ['emtRecipients', { allowedRecipientDomains: 'partner.gov.uk' }],
    ['directorateContacts', { directorateContacts: { People: { contacts: [], heads: ['h@elsewhere.org'] } } }],
  ])('a malformed %s throws naming it', (name, context) => {
    expect(failure({ ...required, ...context })).toMatch(new RegExp(`^Malformed context setting "${name}"`));
  });

  it('deploys to eu-west-2 unless context names another region', () => {
    expect(parse(required).region).toBe('eu-west-2');
    expect(parse({ ...required, region: 'eu-west-1' }).region).toBe('eu-west-1');
  });

  it("allows recipients at the sender's domain by default, or at the domains context lists", () => {
    expect(
      parse({ ...required, senderEmail: 'Perf@Council.GOV.uk', emtRecipients: 'emt@council.gov.uk' })
        .allowedRecipientDomains,
    ).toEqual(['council.gov.uk']);
    const listed = parse({
      ...required,
      allowedRecipientDomains: 'Example.gov.uk, partner.gov.uk',
      emtRecipients: 'emt@example.gov.uk,chief@PARTNER.gov.uk',
    });
    expect(listed.allowedRecipientDomains).toEqual(['example.gov.uk', 'partner.gov.uk']);
    expect(listed.emtRecipients).toEqual(['emt@example.gov.uk', 'chief@PARTNER.gov.uk']);
  });

  it('names the address outside the allowed domains', () => {
    expect(failure({ ...required, emtRecipients: 'emt@example.gov.uk,boss@gmail.com' })).toContain(
      'boss@gmail.com is not at an allowed recipient domain (example.gov.uk',
    );
  });

  it('accepts a sender domain the sender address is at', () => {
    expect(parse({ ...required, senderDomain: 'Example.gov.uk' }).senderDomain).toBe('example.gov.uk');
  });
});

describe('settingsDefaultsJson', () => {
  it('takes signOff and unsignedAtClose from context, and names a wrong word', () => {
    expect(parse({ ...required, signOff: 'on', unsignedAtClose: 'no-data' })).toMatchObject({
      signOff: 'on',
      unsignedAtClose: 'no-data',
    });
    expect(() => parse({ ...required, signOff: 'yes' })).toThrow(/signOff/);
  });

  it("seeds RAGTIME_SETTINGS_DEFAULTS with keys the Lambdas' settings schema accepts", () => {
    const settings = parse({
      ...required,
      emtRecipients: 'a@example.gov.uk,b@example.gov.uk',
      directorateContacts: { People: { contacts: ['p@example.gov.uk'] } },
      reminderDays: '5,1',
      tolerancePercent: 7.5,
    });
    const defaults = settingsDefaultsJson(settings);
    expect(defaults).toEqual({
      reportTitle: 'Corporate Improvement Plan',
      planNames: { cip: 'Corporate Improvement Plan' },
      emtRecipients: ['a@example.gov.uk', 'b@example.gov.uk'],
      directorates: { People: { contacts: ['p@example.gov.uk'], heads: [] } },
      reminderDays: [5, 1],
      signOff: 'off',
      unsignedAtClose: 'count-flagged',
      tolerancePercent: 7.5,
    });
    // The Lambdas parse it with their strict schema: an unknown key would fail every call.
    const parsed = parseEnvironment({ RAGTIME_SETTINGS_DEFAULTS: JSON.stringify(defaults) });
    expect(parsed.settingsDefaults).toMatchObject(defaults);
  });
});

describe('scheduleTimes', () => {
  it('puts the watchdog an hour after the close and each reminder n days before it', () => {
    expect(scheduleTimes({ closeDay: 10, closeHour: 7, reminderDays: [5, 1] })).toEqual({
      close: { day: 10, hour: 7 },
      watchdog: { day: 10, hour: 8 },
      reminders: [
        { daysBeforeClose: 5, day: 5, hour: 7 },
        { daysBeforeClose: 1, day: 9, hour: 7 },
      ],
    });
  });
});
