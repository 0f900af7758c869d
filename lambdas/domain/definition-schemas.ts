// The measure and action definition schemas: PUT /measures/{id}, PUT /actions/{id} and
// the spreadsheet import validate with these same ones (one schema), so they live in the
// domain like the settings schema. http/schemas.ts re-exports them for the route table.
import * as z from 'zod/mini';
import { lazily } from './lazily';
import { isQuarterId, isYearId } from './periods';
import { readOnlyShape, withoutReadOnly } from './read-only';
import { percent, slug, text } from './settings';
import { storableNumber } from './storable-number';
import { xmlText } from './text';
import { inValueRange, valueRangeWords } from './value-range';

const name = lazily(() => text(200));
const quarterIdSchema = lazily(() => z.string().check(z.refine(isQuarterId, 'a quarter id like 2017-18-Q4')));

export const valueRangeSchema = lazily(() =>
  z.strictObject({ min: z.optional(storableNumber()), max: z.optional(storableNumber()) }).check(
    z.refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
      message: 'the lowest possible value must not be more than the highest',
      path: ['max'],
    }),
    z.describe('The values the measure can possibly take (e.g. {min: 0, max: 100} for a percentage)'),
  ),
);

const targets = lazily(() =>
  z.record(
    z.string().check(z.refine((k) => isQuarterId(k) || isYearId(k), 'a quarter or year id')),
    z.union([storableNumber(), z.strictObject({ min: storableNumber(), max: storableNumber() })]),
  ),
);

/** What GET /actions/{id} answers in `action` beside the definition: accepted on PUT, ignored. */
export const actionReadOnly = [
  'id',
  'version',
  'by',
  'byName',
  'byEmail',
  'at',
  'changed',
  'sample',
  'retiredFrom',
] as const;
/** What GET /measures/{id} answers in `measure` beside the definition: accepted on PUT, ignored. */
export const measureReadOnly = [...actionReadOnly, 'targetsChangedAt', 'rolledForward'] as const;

/**
 * A measure's own fields: what PUT /measures/{id} takes (beside the read-only ones) and, with
 * those, what GET /measures/{id} answers (responses.ts), so the two cannot describe it apart.
 */
export const measureFields = lazily(() => ({
  plan: slug(),
  programme: name(),
  title: text(500),
  /** The title in Welsh (docs/cymraeg.md); where absent, Welsh outputs show the English. */
  titleCy: z.optional(text(500)),
  unit: z._default(z.string().check(z.trim(), z.maxLength(100), xmlText()), ''),
  polarity: z.enum(['higher', 'lower', 'within']),
  frequency: z.enum(['monthly', 'quarterly', 'annual']),
  aggregation: z.optional(z.enum(['latest', 'sum', 'mean'])),
  tolerancePercent: z.optional(percent()),
  greenTolerancePercent: z.optional(percent()),
  toleranceAbsolute: z.optional(storableNumber().check(z.gte(0))),
  improvementSoftensRed: z.optional(z.boolean()),
  directorates: z._default(z.array(name()).check(z.maxLength(50)), []),
  ownerDirectorate: name(),
  targets: z._default(targets(), {}),
  directorateTargets: z.optional(z.record(z.string().check(xmlText()), targets())),
  valueRange: z.optional(valueRangeSchema()),
}));
/** Planned work's own fields: what PUT /actions/{id} takes and GET /actions/{id} answers. */
export const actionFields = lazily(() => ({
  plan: slug(),
  programme: name(),
  title: text(500),
  titleCy: z.optional(text(500)),
  ownerDirectorate: name(),
  startQuarter: z.optional(quarterIdSchema()),
  dueQuarter: z.optional(quarterIdSchema()),
}));

export const measureDefinitionSchema = lazily(() =>
  z.pipe(
    z
      .strictObject({
        ...measureFields(),
        ...readOnlyShape(measureReadOnly),
      })
      .check(
        z.superRefine((m, ctx) => {
          const bands = [
            ...Object.entries(m.targets),
            ...Object.values(m.directorateTargets ?? {}).flatMap((t) => Object.entries(t)),
          ];
          for (const [period, target] of bands) {
            const isBand = typeof target === 'object';
            if (isBand !== (m.polarity === 'within')) {
              ctx.addIssue({
                code: 'custom',
                input: target,
                path: ['targets', period],
                message:
                  m.polarity === 'within'
                    ? 'a {min, max} band for a within measure'
                    : 'a number (bands are for within measures)',
              });
            } else if (isBand && target.min > target.max) {
              ctx.addIssue({
                code: 'custom',
                input: target,
                path: ['targets', period],
                message: 'min must not exceed max',
              });
            } else if (
              m.valueRange &&
              !(isBand ? [target.min, target.max] : [target]).every((v) => inValueRange(m.valueRange, v))
            ) {
              ctx.addIssue({
                code: 'custom',
                input: target,
                path: ['targets', period],
                message: `a target the measure can reach: a value ${valueRangeWords(m.valueRange)}`,
              });
            }
          }
          for (const d of Object.keys(m.directorateTargets ?? {})) {
            if (!m.directorates.includes(d))
              ctx.addIssue({
                code: 'custom',
                input: d,
                path: ['directorateTargets', d],
                message: 'not one of the measure’s directorates',
              });
          }
          if (m.aggregation && m.frequency !== 'monthly') {
            ctx.addIssue({
              code: 'custom',
              input: m.aggregation,
              path: ['aggregation'],
              message: 'only monthly measures aggregate',
            });
          }
        }),
        z.describe('A measure definition (docs/rules.md#measures-and-targets)'),
      ),
    z.transform(withoutReadOnly(measureReadOnly)),
  ),
);

export const actionDefinitionSchema = lazily(() =>
  z.pipe(
    z
      .strictObject({
        ...actionFields(),
        ...readOnlyShape(actionReadOnly),
      })
      .check(
        z.refine((a) => !a.startQuarter || !a.dueQuarter || a.startQuarter <= a.dueQuarter, {
          message: 'startQuarter must not be after dueQuarter',
          path: ['dueQuarter'],
        }),
        z.describe('An item of planned work'),
      ),
    z.transform(withoutReadOnly(actionReadOnly)),
  ),
);

/**
 * A definitions file as uploaded (a `spreadsheet` route's body): CSV text, or the bytes of
 * an .xlsx workbook. Here so the HTTP layer that reads it and the service that imports it
 * share it without either importing the other or the renderers.
 */
export type SpreadsheetBody = { type: 'csv'; text: string } | { type: 'xlsx'; bytes: Uint8Array };
