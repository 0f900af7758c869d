// Request, parameter and settings schemas in one place: they validate requests and
// generate `/openapi.json`, so the documented contract is the enforced one. zod/mini:
// the same validation as classic zod at a fraction of the bundle and start-up cost.
// The settings schema is the domain's (domain/settings.ts), which also sets zod's English messages.
import * as z from 'zod/mini';
import { idDescription, idPattern, isPeriodId } from '../domain/ids';
import { personEmail } from '../domain/people';
import { isQuarterId, isYearId } from '../domain/periods';
import { maxTrendQuarters } from '../domain/quarter-trend';
import { slug, text } from '../domain/settings';
import { decisions } from '../domain/sign-off';
import { storableNumber } from '../domain/storable-number';
import { plainText, xmlText } from '../domain/text';
import { commentaryMaxLength } from '../domain/write-rules';

export { personSchema } from '../domain/people';

export const idSchema = z.string().check(z.regex(idPattern, idDescription));
const name = text(200);
// Every number a client sends is storable (SPEC §5 "One truth").
const finite = storableNumber;

export const quarterIdSchema = z.string().check(z.refine(isQuarterId, 'a quarter id like 2017-18-Q4'));
export const periodIdSchema = z
  .string()
  .check(z.refine(isPeriodId, 'a period id: year 2017-18, quarter 2017-18-Q4 or month 2018-03'));

// ---- path parameters ----
export const idParams = z.strictObject({ id: idSchema });
export const resultParams = z.strictObject({ id: idSchema, period: periodIdSchema });
export const updateParams = z.strictObject({ id: idSchema, quarter: quarterIdSchema });
export const quarterParams = z.strictObject({ quarter: quarterIdSchema });
export const planParams = z.strictObject({ plan: slug });
/** A person's email, lowercased: the key of their record whatever case it is typed in. */
export const personParams = z.strictObject({ email: personEmail });
export const remedialParams = z.strictObject({ quarter: quarterIdSchema, itemId: idSchema });
export const remedialQuery = z.strictObject({
  kind: z.optional(
    z
      .enum(['measure', 'action'])
      .check(z.describe("the critical item's kind: needed only when a measure and planned work share the id")),
  ),
});

// ---- query strings ----
export const reportQuery = z.strictObject({
  format: z._default(z.enum(['json', 'html', 'md', 'csv', 'docx', 'xlsx']), 'json'),
  plan: z.optional(slug),
  trend: z.optional(
    z.coerce
      .number()
      .check(
        z.refine(Number.isInteger, 'a whole number'),
        z.gte(1),
        z.lte(maxTrendQuarters),
        z.describe(
          `JSON only: add to each measure its last N quarters (1 to ${maxTrendQuarters}) ending at this one, as \`quarters\` [{quarter, status, actual, target}], oldest first (docs/rules.md#trend-lines)`,
        ),
      ),
  ),
});
export const definitionsQuery = z.strictObject({
  format: z._default(z.enum(['xlsx', 'csv']), 'xlsx'),
  kind: z.optional(z.enum(['measures', 'actions'])),
  plan: z.optional(slug),
});
export const resultsTemplateQuery = z.strictObject({
  quarter: z.optional(quarterIdSchema),
  format: z._default(z.enum(['xlsx', 'csv']), 'xlsx'),
  kind: z.optional(z.enum(['results', 'actions'])),
});
export const definitionsImportQuery = z.strictObject({ kind: z.optional(z.enum(['measures', 'actions'])) });
/** The quarter the person chose on Upload results: a row of another quarter is a mistake of its line. */
export const resultsImportQuery = z.strictObject({ quarter: z.optional(quarterIdSchema) });
export const returnsQuery = z.strictObject({
  directorate: z.optional(name),
  quarter: z.optional(quarterIdSchema),
});
/** GET /measures/{id} and /actions/{id}: the quarter a form is for, so the answer says whether it is closed. */
export const detailQuery = z.strictObject({
  quarter: z.optional(quarterIdSchema),
});
export const signOffsQuery = z.strictObject({
  directorate: z.optional(name),
  quarter: z.optional(quarterIdSchema),
});
export const listQuery = z.strictObject({
  plan: z.optional(slug),
  programme: z.optional(plainText(200)),
  directorate: z.optional(plainText(200)),
  limit: z._default(z.coerce.number().check(z.refine(Number.isInteger, 'a whole number'), z.gte(1), z.lte(500)), 100),
  next: z.optional(z.string().check(z.maxLength(2000))),
});

// ---- bodies ----
/** The language the caller works in (PUT /me/language, docs/cymraeg.md). */
export const myLanguageSchema = z
  .strictObject({ language: z.enum(['en', 'cy']) })
  .check(z.describe('The web app and your emails in English (en) or Welsh (cy)'));

/** An approver's decision on the version named in If-Match (docs/sign-off.md); a return's reason is checked by the domain. */
export const signOffSchema = z
  .strictObject({
    decision: z.enum(decisions),
    reason: z.optional(plainText(4000)),
  })
  .check(z.describe('approve, or return with a reason'));

export const resultSchema = z
  .strictObject({
    value: finite,
    commentary: z.optional(plainText(commentaryMaxLength)),
    breakdown: z.optional(z.record(z.string().check(xmlText()), finite)),
  })
  .check(z.describe("A measure's result for one period"));

export const rollForwardSchema = z
  .strictObject({
    from: z.string().check(z.refine(isYearId, 'a year id like 2017-18')),
    to: z.string().check(z.refine(isYearId, 'a year id like 2018-19')),
  })
  .check(
    z.refine((r) => r.from !== r.to, { message: 'to must be another year than from', path: ['to'] }),
    z.describe("Copy a plan's targets of one year to another where it has none"),
  );

export const actionUpdateSchema = z
  .strictObject({
    status: z.enum(['blue', 'green', 'amber', 'red']),
    commentary: z.optional(plainText(commentaryMaxLength)),
  })
  .check(z.describe("An action's BRAG update for a quarter"));

export const remedialActionSchema = z
  .strictObject({
    text: text(4000),
    owner: z.optional(text(200)),
    dueDate: z.optional(z.iso.date()),
  })
  .check(z.describe("EMT's remedial action for a critical item"));

export const closeRequestSchema = z
  .strictObject({ early: z.optional(z.boolean()) })
  .check(
    z.describe(
      'Optional. `early: true` closes a quarter whose end (Europe/London) has not passed; without it that is 409',
    ),
  );

export { actionDefinitionSchema, measureDefinitionSchema } from '../domain/definition-schemas';
export { type Settings, settingsChangeSchema, settingsSchema } from '../domain/settings';
