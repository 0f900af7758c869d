// Request, parameter and settings schemas in one place: they validate requests and
// generate `/openapi.json`, so the documented contract is the enforced one. zod/mini:
// the same validation as classic zod at a fraction of the bundle and start-up cost.
// The settings schema is the domain's (domain/settings.ts), which also sets zod's English messages.
// Each is a getter built on its first call (domain/lazily.ts): a function parses one to three
// of them, and building them all at import was ~20 ms of every cold start.
import * as z from 'zod/mini';
import { idDescription, idPattern, isPeriodId } from '../domain/ids';
import { lazily } from '../domain/lazily';
import { personEmail } from '../domain/people';
import { isQuarterId, isYearId } from '../domain/periods';
import { maxTrendQuarters } from '../domain/quarter-trend';
import { slug, text } from '../domain/settings';
import { decisions } from '../domain/sign-off';
import { storableNumber } from '../domain/storable-number';
import { plainText, xmlText } from '../domain/text';
import { commentaryMaxLength } from '../domain/write-rules';

export { personSchema } from '../domain/people';

export const idSchema = lazily(() => z.string().check(z.regex(idPattern, idDescription)));
const name = lazily(() => text(200));

export const quarterIdSchema = lazily(() => z.string().check(z.refine(isQuarterId, 'a quarter id like 2017-18-Q4')));
export const periodIdSchema = lazily(() =>
  z.string().check(z.refine(isPeriodId, 'a period id: year 2017-18, quarter 2017-18-Q4 or month 2018-03')),
);

// ---- path parameters ----
export const idParams = lazily(() => z.strictObject({ id: idSchema() }));
export const resultParams = lazily(() => z.strictObject({ id: idSchema(), period: periodIdSchema() }));
export const updateParams = lazily(() => z.strictObject({ id: idSchema(), quarter: quarterIdSchema() }));
export const quarterParams = lazily(() => z.strictObject({ quarter: quarterIdSchema() }));
export const planParams = lazily(() => z.strictObject({ plan: slug() }));
/** A person's email, lowercased: the key of their record whatever case it is typed in. */
export const personParams = lazily(() => z.strictObject({ email: personEmail() }));
export const remedialParams = lazily(() => z.strictObject({ quarter: quarterIdSchema(), itemId: idSchema() }));
export const remedialQuery = lazily(() =>
  z.strictObject({
    kind: z.optional(
      z
        .enum(['measure', 'action'])
        .check(z.describe("the critical item's kind: needed only when a measure and planned work share the id")),
    ),
  }),
);

// ---- query strings ----
export const reportQuery = lazily(() =>
  z.strictObject({
    format: z._default(z.enum(['json', 'html', 'md', 'csv', 'docx', 'xlsx']), 'json'),
    plan: z.optional(slug()),
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
  }),
);
export const definitionsQuery = lazily(() =>
  z.strictObject({
    format: z._default(z.enum(['xlsx', 'csv']), 'xlsx'),
    kind: z.optional(z.enum(['measures', 'actions'])),
    plan: z.optional(slug()),
  }),
);
export const resultsTemplateQuery = lazily(() =>
  z.strictObject({
    quarter: z.optional(quarterIdSchema()),
    format: z._default(z.enum(['xlsx', 'csv']), 'xlsx'),
    kind: z.optional(z.enum(['results', 'actions'])),
  }),
);
export const definitionsImportQuery = lazily(() =>
  z.strictObject({ kind: z.optional(z.enum(['measures', 'actions'])) }),
);
/** The quarter the person chose on Upload results: a row of another quarter is a mistake of its line. */
export const resultsImportQuery = lazily(() => z.strictObject({ quarter: z.optional(quarterIdSchema()) }));
export const returnsQuery = lazily(() =>
  z.strictObject({
    directorate: z.optional(name()),
    quarter: z.optional(quarterIdSchema()),
  }),
);
/** GET /measures/{id} and /actions/{id}: the quarter a form is for, so the answer says whether it is closed. */
export const detailQuery = lazily(() =>
  z.strictObject({
    quarter: z.optional(quarterIdSchema()),
  }),
);
export const signOffsQuery = lazily(() =>
  z.strictObject({
    directorate: z.optional(name()),
    quarter: z.optional(quarterIdSchema()),
  }),
);
export const listQuery = lazily(() =>
  z.strictObject({
    plan: z.optional(slug()),
    programme: z.optional(plainText(200)),
    directorate: z.optional(plainText(200)),
    limit: z._default(z.coerce.number().check(z.refine(Number.isInteger, 'a whole number'), z.gte(1), z.lte(500)), 100),
    next: z.optional(z.string().check(z.maxLength(2000))),
  }),
);

// ---- bodies ----
/** The language the caller works in (PUT /me/language, docs/cymraeg.md). */
export const myLanguageSchema = lazily(() =>
  z
    .strictObject({ language: z.enum(['en', 'cy']) })
    .check(z.describe('The web app and your emails in English (en) or Welsh (cy)')),
);

/** An approver's decision on the version named in If-Match (docs/sign-off.md); a return's reason is checked by the domain. */
export const signOffSchema = lazily(() =>
  z
    .strictObject({
      decision: z.enum(decisions),
      reason: z.optional(plainText(4000)),
    })
    .check(z.describe('approve, or return with a reason')),
);

// Every number a client sends is storable (SPEC §5 "One truth").
export const resultSchema = lazily(() =>
  z
    .strictObject({
      value: storableNumber(),
      commentary: z.optional(plainText(commentaryMaxLength)),
      breakdown: z.optional(z.record(z.string().check(xmlText()), storableNumber())),
    })
    .check(z.describe("A measure's result for one period")),
);

export const rollForwardSchema = lazily(() =>
  z
    .strictObject({
      from: z.string().check(z.refine(isYearId, 'a year id like 2017-18')),
      to: z.string().check(z.refine(isYearId, 'a year id like 2018-19')),
    })
    .check(
      z.refine((r) => r.from !== r.to, { message: 'to must be another year than from', path: ['to'] }),
      z.describe("Copy a plan's targets of one year to another where it has none"),
    ),
);

export const actionUpdateSchema = lazily(() =>
  z
    .strictObject({
      status: z.enum(['blue', 'green', 'amber', 'red']),
      commentary: z.optional(plainText(commentaryMaxLength)),
    })
    .check(z.describe("An action's BRAG update for a quarter")),
);

export const remedialActionSchema = lazily(() =>
  z
    .strictObject({
      text: text(4000),
      owner: z.optional(text(200)),
      dueDate: z.optional(z.iso.date()),
    })
    .check(z.describe("EMT's remedial action for a critical item")),
);

export const closeRequestSchema = lazily(() =>
  z
    .strictObject({ early: z.optional(z.boolean()) })
    .check(
      z.describe(
        'Optional. `early: true` closes a quarter whose end (Europe/London) has not passed; without it that is 409',
      ),
    ),
);

export { actionDefinitionSchema, measureDefinitionSchema } from '../domain/definition-schemas';
export { type Settings, settingsChangeSchema, settingsSchema } from '../domain/settings';
