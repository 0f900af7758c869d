// The settings admins change without a redeploy: their schema validates PUT /settings,
// the stored item and the deployed defaults alike, so it lives with the rules that read them.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { lazily } from './lazily';
import { readOnlyShape, withoutReadOnly } from './read-only';
import { signOffSettings, unsignedAtCloseSettings } from './sign-off';
import { storableNumber } from './storable-number';
import { plainText, xmlText } from './text';

// zod/mini ships no messages by default: English, for the problem details' field errors.
z.config(en());

export const slug = lazily(() =>
  z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'a slug of 1-40 characters a-z, 0-9 and -')),
);
/** Required user text: trimmed, 1 to `max` characters, XML 1.0 characters only (text.ts). */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max), xmlText());
export const percent = lazily(() => storableNumber().check(z.gte(0), z.lte(1000)));
/** An address SES accepts; local mode uses hosts without a dot (`emt@localhost`). */
export const emailAddress = lazily(() =>
  z
    .string()
    .check(
      z.maxLength(254),
      xmlText(),
      z.regex(/^[^\s@<>,;:"()[\]]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/, 'an email address'),
    ),
);

const nameKey = lazily(() => z.string().check(z.minLength(1), z.maxLength(200), xmlText()));

/** The plan's names in Welsh (docs/cymraeg.md): plans by id, programmes and directorates by their English name. */
const namesCySchema = lazily(() =>
  z.strictObject({
    /** `reportTitle` in Welsh. */
    reportTitle: z.optional(text(200)),
    plans: z._default(z.record(slug(), text(200)), {}),
    programmes: z._default(z.record(nameKey(), text(200)), {}),
    directorates: z._default(z.record(nameKey(), text(200)), {}),
  }),
);
export const noNamesCy = () => ({ plans: {}, programmes: {}, directorates: {} });

/** The Cabinet report's frame in one language: who writes it, for which meeting (docs/documents.md). */
const cabinetFrameSchema = lazily(() =>
  z.strictObject({
    council: z.optional(text(200)),
    meeting: z.optional(text(200)),
    author: z.optional(text(200)),
    portfolio: z.optional(text(200)),
  }),
);
const cabinetReportSchema = lazily(() =>
  z.strictObject({
    en: z._default(cabinetFrameSchema(), {}),
    cy: z._default(cabinetFrameSchema(), {}),
    /** The meeting's date (`YYYY-MM-DD`); absent: the draft leaves it to be written. */
    meetingDate: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2018-07-10'))),
  }),
);
export const noCabinetReport = () => ({ en: {}, cy: {} });

/** Settings that came after the first clients: a PUT that omits one keeps what is in force. */
const laterShape = {
  signOff: lazily(() => z.enum(signOffSettings)),
  unsignedAtClose: lazily(() => z.enum(unsignedAtCloseSettings)),
  reportLanguages: lazily(() => z.enum(['en', 'cy', 'cy+en'])),
  namesCy: namesCySchema,
  cabinetReport: cabinetReportSchema,
};
export const laterSettings = Object.keys(laterShape) as (keyof typeof laterShape)[];

const settingsShape = lazily(() => ({
  reportTitle: text(200),
  planNames: z.record(slug(), plainText(200)),
  tolerancePercent: percent(),
  greenTolerancePercent: percent(),
  toleranceAbsolute: storableNumber().check(z.gte(0)),
  improvementSoftensRed: z.boolean(),
  overallGreenAtLeastPercent: percent(),
  overallRedBelowPercent: percent(),
  criticalRules: z.strictObject({
    red: z.boolean(),
    'all-directorates-off': z.boolean(),
    'red-consecutive': z.boolean(),
    'declining-despite-target': z.boolean(),
    'action-red': z.boolean(),
  }),
  emtRecipients: z.array(emailAddress()).check(z.minLength(1), z.maxLength(50)),
  directorates: z.record(
    z.string().check(z.minLength(1), z.maxLength(200), xmlText()),
    z.strictObject({
      contacts: z.array(emailAddress()).check(z.maxLength(20)),
      heads: z._default(z.array(emailAddress()).check(z.maxLength(20)), []),
      /** Who signs off the directorate's returns, emailed what awaits them (docs/sign-off.md). */
      approvers: z._default(z.array(emailAddress()).check(z.maxLength(20)), []),
    }),
  ),
  reminderDays: z.array(z.int().check(z.gte(0), z.lte(60))).check(z.maxLength(10)),
}));

// Both checks compare fields every settings body has.
const settingsChecks = () =>
  [
    z.refine<{ greenTolerancePercent: number; tolerancePercent: number }>(
      (s) => s.greenTolerancePercent <= s.tolerancePercent,
      {
        message: 'the green band must not be wider than the amber band',
        path: ['greenTolerancePercent'],
      },
    ),
    z.refine<{ overallRedBelowPercent: number; overallGreenAtLeastPercent: number }>(
      (s) => s.overallRedBelowPercent <= s.overallGreenAtLeastPercent,
      {
        message: 'must not exceed overallGreenAtLeastPercent',
        path: ['overallRedBelowPercent'],
      },
    ),
  ] as const;

/** The settings as stored and in force (the deployed defaults fill what an old item lacks). */
export const settingsSchema = lazily(() =>
  z
    .strictObject({
      ...settingsShape(),
      signOff: z._default(laterShape.signOff(), 'off'),
      unsignedAtClose: z._default(laterShape.unsignedAtClose(), 'count-flagged'),
      reportLanguages: z._default(laterShape.reportLanguages(), 'en'),
      namesCy: z._default(laterShape.namesCy(), noNamesCy),
      cabinetReport: z._default(laterShape.cabinetReport(), noCabinetReport),
    })
    .check(...settingsChecks(), z.describe('Settings admins change without a redeploy')),
);

/** What GET /settings/history answers beside the settings (a client may send a version back): accepted on PUT, ignored. */
export const settingsReadOnly = ['version', 'by', 'byName', 'byEmail', 'at'] as const;

/**
 * PUT /settings' body: the sign-off settings came after the others, so a client written
 * before them (which omits them) keeps what is in force instead of resetting it
 * (docs/sign-off.md).
 */
export const settingsChangeSchema = lazily(() =>
  z.pipe(
    z
      .strictObject({
        ...settingsShape(),
        signOff: z.optional(laterShape.signOff()),
        unsignedAtClose: z.optional(laterShape.unsignedAtClose()),
        reportLanguages: z.optional(laterShape.reportLanguages()),
        namesCy: z.optional(laterShape.namesCy()),
        cabinetReport: z.optional(laterShape.cabinetReport()),
        ...readOnlyShape(settingsReadOnly),
      })
      .check(
        ...settingsChecks(),
        z.describe(
          'Settings admins change without a redeploy; signOff, unsignedAtClose, reportLanguages, namesCy and cabinetReport, when omitted, keep their current values',
        ),
      ),
    z.transform(withoutReadOnly(settingsReadOnly)),
  ),
);
export type SettingsChange = z.output<ReturnType<typeof settingsChangeSchema>>;

export type Settings = z.output<ReturnType<typeof settingsSchema>>;
