// Request, parameter and response schemas in one place: they validate requests and
// generate `/openapi.json`, so the documented contract is the enforced one.
import * as z from 'zod';
import { isMonthId, isQuarterId, isYearId } from '../domain/periods';

export const slug = z.string().regex(/^[a-z0-9-]{1,40}$/, 'a slug of 1-40 characters a-z, 0-9 and -');
export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'an id of 1-100 letters, digits, . _ - (starting with a letter or digit)');
const name = z.string().trim().min(1).max(200);
const finite = z.number().finite();
const percent = finite.min(0).max(1000);
/** An address SES accepts; local mode uses hosts without a dot (`emt@localhost`). */
export const emailAddress = z.string().max(254).regex(/^[^\s@<>,;:"()[\]]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/, 'an email address');

export const quarterIdSchema = z.string().refine(isQuarterId, 'a quarter id like 2017-18-Q4');
export const periodIdSchema = z
  .string()
  .refine((p) => isMonthId(p) || isQuarterId(p) || isYearId(p), 'a period id: year 2017-18, quarter 2017-18-Q4 or month 2018-03');

// ---- path parameters ----
export const idParams = z.strictObject({ id: idSchema });
export const resultParams = z.strictObject({ id: idSchema, period: periodIdSchema });
export const updateParams = z.strictObject({ id: idSchema, quarter: quarterIdSchema });
export const quarterParams = z.strictObject({ quarter: quarterIdSchema });
export const remedialParams = z.strictObject({ quarter: quarterIdSchema, itemId: idSchema });

// ---- query strings ----
export const reportQuery = z.strictObject({
  format: z.enum(['json', 'html', 'md', 'csv']).default('json'),
  plan: slug.optional(),
});
export const listQuery = z.strictObject({
  plan: slug.optional(),
  programme: z.string().max(200).optional(),
  directorate: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  next: z.string().max(2000).optional(),
});

// ---- bodies ----
const targetValue = z.union([finite, z.strictObject({ min: finite, max: finite })]);
const targets = z.record(z.string().refine((k) => isQuarterId(k) || isYearId(k), 'a quarter or year id'), targetValue);

export const measureDefinitionSchema = z
  .strictObject({
    plan: slug,
    programme: name,
    title: z.string().trim().min(1).max(500),
    unit: z.string().trim().max(100).default(''),
    polarity: z.enum(['higher', 'lower', 'within']),
    frequency: z.enum(['monthly', 'quarterly', 'annual']),
    aggregation: z.enum(['latest', 'sum', 'mean']).optional(),
    tolerancePercent: percent.optional(),
    greenTolerancePercent: percent.optional(),
    toleranceAbsolute: finite.min(0).optional(),
    improvementSoftensRed: z.boolean().optional(),
    directorates: z.array(name).max(50).default([]),
    ownerDirectorate: name,
    targets: targets.default({}),
    directorateTargets: z.record(z.string(), targets).optional(),
  })
  .superRefine((m, ctx) => {
    const bands = [...Object.entries(m.targets), ...Object.values(m.directorateTargets ?? {}).flatMap((t) => Object.entries(t))];
    for (const [period, target] of bands) {
      const isBand = typeof target === 'object';
      if (isBand !== (m.polarity === 'within')) {
        ctx.addIssue({ code: 'custom', path: ['targets', period], message: m.polarity === 'within' ? 'a {min, max} band for a within measure' : 'a number (bands are for within measures)' });
      } else if (isBand && target.min > target.max) {
        ctx.addIssue({ code: 'custom', path: ['targets', period], message: 'min must not exceed max' });
      }
    }
    for (const d of Object.keys(m.directorateTargets ?? {})) {
      if (!m.directorates.includes(d)) ctx.addIssue({ code: 'custom', path: ['directorateTargets', d], message: 'not one of the measure’s directorates' });
    }
    if (m.aggregation && m.frequency !== 'monthly') {
      ctx.addIssue({ code: 'custom', path: ['aggregation'], message: 'only monthly measures aggregate' });
    }
  })
  .describe('A measure definition (SPEC §3)');

export const resultSchema = z
  .strictObject({
    value: finite,
    commentary: z.string().max(4000).optional(),
    breakdown: z.record(z.string(), finite).optional(),
  })
  .describe("A measure's result for one period");

export const actionDefinitionSchema = z
  .strictObject({
    plan: slug,
    programme: name,
    title: z.string().trim().min(1).max(500),
    ownerDirectorate: name,
    startQuarter: quarterIdSchema.optional(),
    dueQuarter: quarterIdSchema.optional(),
  })
  .refine((a) => !a.startQuarter || !a.dueQuarter || a.startQuarter <= a.dueQuarter, { message: 'startQuarter must not be after dueQuarter', path: ['dueQuarter'] })
  .describe('An item of planned work');

export const actionUpdateSchema = z
  .strictObject({
    status: z.enum(['blue', 'green', 'amber', 'red']),
    commentary: z.string().max(4000).optional(),
  })
  .describe("An action's BRAG update for a quarter");

export const remedialActionSchema = z
  .strictObject({
    text: z.string().trim().min(1).max(4000),
    owner: z.string().trim().min(1).max(200).optional(),
    dueDate: z.iso.date().optional(),
  })
  .describe("EMT's remedial action for a critical item");

export const settingsSchema = z
  .strictObject({
    reportTitle: z.string().trim().min(1).max(200),
    planNames: z.record(slug, z.string().max(200)),
    tolerancePercent: percent,
    greenTolerancePercent: percent,
    toleranceAbsolute: finite.min(0),
    improvementSoftensRed: z.boolean(),
    overallGreenAtLeastPercent: percent,
    overallRedBelowPercent: percent,
    criticalRules: z.strictObject({
      red: z.boolean(),
      'all-directorates-off': z.boolean(),
      'red-consecutive': z.boolean(),
      'declining-despite-target': z.boolean(),
      'action-red': z.boolean(),
    }),
    emtRecipients: z.array(emailAddress).min(1).max(50),
    directorates: z.record(
      z.string().min(1).max(200),
      z.strictObject({ contacts: z.array(emailAddress).max(20), heads: z.array(emailAddress).max(20).default([]) }),
    ),
    reminderDays: z.array(z.number().int().min(0).max(60)).max(10),
  })
  .refine((s) => s.greenTolerancePercent <= s.tolerancePercent, { message: 'the green band must not be wider than the amber band', path: ['greenTolerancePercent'] })
  .refine((s) => s.overallRedBelowPercent <= s.overallGreenAtLeastPercent, { message: 'must not exceed overallGreenAtLeastPercent', path: ['overallRedBelowPercent'] })
  .describe('Settings admins change without a redeploy');
export type Settings = z.output<typeof settingsSchema>;

// ---- responses (documentation; handlers build these shapes) ----
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');
export const gatewayMessageSchema = z.object({ message: z.string() }).describe("API Gateway's own answer (401, 429)");
export const healthSchema = z.object({ status: z.literal('ok') });

const measureStatus = z.enum(['green', 'amber', 'red', 'no-data', 'not-due', 'info-only']);
const actionStatus = z.enum(['blue', 'green', 'amber', 'red', 'no-update']);
const trend = z.enum(['improving', 'declining', 'unchanged', 'no-comparison']);
const overall = z.enum(['green', 'amber', 'red']);
const target = z.union([z.number(), z.object({ min: z.number(), max: z.number() })]).nullable();

export const measureResponseSchema = z.looseObject({ id: z.string(), plan: z.string(), title: z.string(), retiredFrom: z.string().optional() });
export const measureListSchema = z.object({ measures: z.array(measureResponseSchema), next: z.string().nullable() });
export const resultResponseSchema = z.object({
  measureId: z.string(), period: z.string(), quarter: z.string(), version: z.number().int(), value: z.number(),
  commentary: z.string().nullable(), breakdown: z.record(z.string(), z.number()).nullable(), status: measureStatus, amendment: z.boolean(),
});
export const historySchema = z.object({
  versions: z.array(z.object({
    version: z.number().int(), value: z.number(), commentary: z.string().optional(), breakdown: z.record(z.string(), z.number()).optional(),
    by: z.string(), at: z.string(), amendment: z.boolean().optional(),
  })),
});
export const measureDetailSchema = z.object({
  measure: measureResponseSchema,
  results: z.array(z.looseObject({ period: z.string(), value: z.number(), version: z.number().int() })),
  quarters: z.array(z.object({ quarter: z.string(), status: measureStatus, actual: z.number().nullable(), target, trend: z.object({ previousQuarter: trend, sameQuarterLastYear: trend }) })),
});
export const actionResponseSchema = z.looseObject({ id: z.string(), plan: z.string(), title: z.string() });
export const actionListSchema = z.object({ actions: z.array(actionResponseSchema), next: z.string().nullable() });
export const actionDetailSchema = z.object({ action: actionResponseSchema, updates: z.array(z.looseObject({ quarter: z.string(), status: actionStatus, version: z.number().int() })) });
export const actionUpdateResponseSchema = z.object({ actionId: z.string(), quarter: z.string(), status: actionStatus, commentary: z.string().nullable(), version: z.number().int(), amendment: z.boolean() });
const summary = z.object({
  plannedWork: z.object({ total: z.number(), blueOrGreen: z.number(), amberOrRed: z.number(), noUpdate: z.number(), blueOrGreenPercent: z.number(), amberOrRedPercent: z.number(), noUpdatePercent: z.number() }),
  measures: z.object({ total: z.number(), met: z.number(), offTarget: z.number(), offTargetBeyondTolerance: z.number(), noData: z.number(), metPercent: z.number(), offTargetPercent: z.number(), offTargetBeyondTolerancePercent: z.number(), noDataPercent: z.number() }),
  sentences: z.array(z.string()),
});
export const remedialActionResponseSchema = z.object({ text: z.string(), owner: z.string().optional(), dueDate: z.string().optional(), by: z.string().optional(), at: z.string().optional() });
export const reportSchema = z
  .object({
    quarter: z.string(), plan: z.string().nullable(), closed: z.boolean(), closedAt: z.string().nullable(), overall,
    revision: z.number().int().optional(),
    summary,
    programmes: z.array(z.object({ name: z.string(), overall, summary })),
    directorates: z.array(z.object({ name: z.string(), overall, summary })),
    measures: z.array(z.looseObject({
      id: z.string(), title: z.string(), programme: z.string(), status: measureStatus, actual: z.number().nullable(), target,
      shortfallPercent: z.number().nullable(), trend: z.object({ previousQuarter: trend, sameQuarterLastYear: trend }),
      directorates: z.array(z.object({ name: z.string(), status: measureStatus, actual: z.number().nullable(), target })),
    })),
    actions: z.array(z.looseObject({ id: z.string(), title: z.string(), programme: z.string(), status: actionStatus, commentary: z.string().nullable() })),
    criticalItems: z.array(z.looseObject({
      id: z.string(), kind: z.enum(['measure', 'action']), subjectId: z.string(), title: z.string(),
      rules: z.array(z.enum(['red', 'all-directorates-off', 'red-consecutive', 'declining-despite-target', 'action-red'])),
      issue: z.string(), remedialAction: remedialActionResponseSchema.nullable(),
    })),
    amendments: z.array(z.object({ measureId: z.string(), period: z.string(), frozenVersion: z.number().nullable(), version: z.number(), value: z.number() })).optional(),
  })
  .describe('A quarter report (SPEC §5.1)');
export const importResponseSchema = z.object({ imported: z.number().int(), alreadyStored: z.number().int().optional() });
