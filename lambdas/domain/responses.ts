// What the routes answer: one contract for /openapi.json (http/openapi.ts), the web app's
// types (web/src/api.ts infers them) and the API tests, which check every 2xx body against
// its route's schema (test/api/api-contract.test.ts). The handlers build these shapes; of
// the functions only openapi loads this module. In the domain so web/src may import it.
import * as z from 'zod/mini';
import { actionFields, measureFields } from './definition-schemas';
import { settingsSchema } from './settings';

const int = z.int();
const str = z.string();
const num = z.number();
const opt = z.optional;
const nullable = z.nullable;

export const problemSchema = z
  .object({
    type: str,
    title: str,
    status: int,
    detail: str,
    errors: opt(z.array(z.object({ path: str, message: str }))),
  })
  .check(z.describe('RFC 9457 problem details'));
export const gatewayMessageSchema = z.object({ message: str }).check(z.describe("API Gateway's own answer (401, 429)"));

const measureStatus = z.enum(['green', 'amber', 'red', 'no-data', 'not-due', 'info-only']);
/** A planned-work update's BRAG status as saved; the report says `no-update` where none was. */
const updateStatus = z.enum(['blue', 'green', 'amber', 'red']);
const actionStatus = z.enum(['blue', 'green', 'amber', 'red', 'no-update']);
const returnState = z.enum(['not-started', 'saved', 'needs-commentary', 'awaiting-sign-off', 'returned']);
const trend = z.enum(['improving', 'declining', 'unchanged', 'no-comparison']);
const trends = z.object({ previousQuarter: trend, sameQuarterLastYear: trend });
const overall = z.enum(['green', 'amber', 'red']);
const target = nullable(z.union([num, z.object({ min: num, max: num })]));
/** A measure's status in each of its directorates. */
const directorates = z.array(z.object({ name: str, status: measureStatus, actual: nullable(num), target }));
/** A return's sign-off in the report (docs/sign-off.md): absent with sign-off off. */
const signOffState = z.enum(['approved', 'awaiting', 'returned', 'not-signed-off']);
/** Who made a version, in words (SPEC §12 "Words, not data"), beside `by` (the token's sub): never a sub or a local id. */
const who = {
  byName: opt(str).check(
    z.describe("Who, in words: their People name, else their token's name, else their email's local part"),
  ),
  byEmail: opt(nullable(str)).check(z.describe('Their email address when known (the web app shows it on hover)')),
};
const signOffDecision = z.object({
  decision: z.enum(['approve', 'return']),
  by: str,
  ...who,
  at: str,
  reason: opt(str),
});
/**
 * A field GET answers that PUT ignores (read-modify-write, SPEC §5 "Edits"): marked
 * `readOnly` in /openapi.json, as the PUT bodies mark it (read-only.ts), so a client
 * generated from it knows not to set it. The lists of such fields are the PUT schemas'
 * (`measureReadOnly`, `actionReadOnly`, `personReadOnly`, `settingsReadOnly`).
 */
const readOnly = <T extends z.ZodMiniType>(schema: T): T =>
  schema.check(z.meta({ readOnly: true, description: 'Read-only: set by the service, ignored on PUT' })) as T;
/** `who` on a thing PUT takes back (a definition, a person): read-only there, as PUT ignores it. */
const whoReadOnly = { byName: readOnly(who.byName), byEmail: readOnly(who.byEmail) };
/** Who saved a definition's current version, when, and what it changed (the ETag is its version). */
const definitionVersion = {
  version: opt(readOnly(int)),
  by: opt(readOnly(str)),
  ...whoReadOnly,
  at: opt(readOnly(str)),
  changed: opt(readOnly(z.array(str))),
};
/** A measure as GET answers it: the fields PUT takes (definition-schemas.ts) and what the service keeps. */
const measure = z.object({
  id: readOnly(str),
  ...measureFields(),
  ...definitionVersion,
  retiredFrom: opt(readOnly(str)),
  sample: opt(readOnly(z.boolean())),
  targetsChangedAt: opt(readOnly(z.record(str, str))),
  rolledForward: opt(readOnly(z.array(str))),
});
/** Planned work as GET answers it: the fields PUT takes and what the service keeps. */
const action = z.object({
  id: readOnly(str),
  ...actionFields(),
  ...definitionVersion,
  retiredFrom: opt(readOnly(str)),
  sample: opt(readOnly(z.boolean())),
});
const summary = z.object({
  plannedWork: z.object({
    total: int,
    blueOrGreen: int,
    amberOrRed: int,
    noUpdate: int,
    blueOrGreenPercent: int,
    amberOrRedPercent: int,
    noUpdatePercent: int,
  }),
  measures: z.object({
    total: int,
    met: int,
    offTarget: int,
    offTargetBeyondTolerance: int,
    noData: int,
    metPercent: int,
    offTargetPercent: int,
    offTargetBeyondTolerancePercent: int,
    noDataPercent: int,
  }),
  sentences: z.array(str),
  sentencesCy: opt(z.array(str).check(z.describe('The sentences in Welsh, from the same figures (docs/cymraeg.md)'))),
  targetsChangedAfterStart: opt(int),
  notSignedOff: opt(
    int.check(z.describe('The whole report only, with sign-off on: returns without an approval at the close')),
  ),
});
const person = z.object({
  email: readOnly(str),
  name: opt(str),
  roles: z.array(z.enum(['officer', 'approver', 'emt', 'admin'])),
  directorate: nullable(str),
  language: opt(z.enum(['en', 'cy'])),
  version: readOnly(int),
  by: readOnly(str),
  ...whoReadOnly,
  at: readOnly(str),
});
const remedialAction = z.object({
  text: str,
  owner: opt(str),
  dueDate: opt(str),
  by: opt(str),
  byName: opt(str),
  byEmail: opt(str),
  at: opt(str),
});
const result = z.object({
  measureId: str,
  period: str,
  quarter: str,
  version: int,
  value: num,
  commentary: nullable(str),
  breakdown: nullable(z.record(str, num)),
  status: measureStatus,
  amendment: z.boolean(),
});

/** A write to a closed quarter after its snapshot froze the figures. */
const amendment = z.object({
  kind: z.enum(['result', 'action-update']),
  id: str,
  period: str,
  frozenVersion: nullable(int),
  version: int,
  value: opt(num),
  status: opt(str),
  /** What the snapshot froze (null: no return then), and who amended it when. */
  frozenValue: opt(nullable(num)),
  frozenStatus: opt(nullable(str)),
  by: opt(str),
  ...who,
  at: opt(str),
});
/** The EMT email's subject by language (docs/cymraeg.md), Welsh first: joined by " / ", the subject. */
const subjectParts = z
  .array(z.object({ language: z.enum(['en', 'cy']), text: str }))
  .check(
    z.describe(
      'The subject in each of the report\'s languages, Welsh first (joined by " / " they are `subject`); absent for an email stored before the parts were: its languages unknown',
    ),
  );
/** The EMT email of a closed quarter's revision (the outbox, docs/architecture.md). */
const emailState = z
  .object({
    state: z.enum(['queued', 'sent', 'failed']),
    subject: str,
    subjectParts: opt(subjectParts),
    to: z.array(str),
    recipients: z.array(str),
    sentAt: nullable(str),
    error: opt(str),
    gaveUp: opt(z.boolean()),
  })
  .check(
    z.describe(
      "The revision's EMT email: queued by the close, sent by the mailer (sentAt: when SES accepted it), or failed (retried; an admin may Send again)",
    ),
  );

/** The report's fields (docs/rules.md#the-report): GET /reports answers them, and close and reissue with the email. */
const reportShape = {
  quarter: str,
  plan: nullable(str),
  closed: z.boolean(),
  closedAt: nullable(str),
  overall,
  revision: opt(int),
  emailedAt: opt(
    nullable(str).check(z.describe("A closed quarter: when this revision's email was sent (null: not yet)")),
  ),
  closeDue: opt(str.check(z.describe('A live quarter: when the scheduled close is due (an ISO 8601 instant)'))),
  summary,
  programmes: z.array(z.object({ name: str, overall, summary })),
  directorates: z.array(z.object({ name: str, overall, summary })),
  measures: z.array(
    z.object({
      id: str,
      plan: str,
      title: str,
      titleCy: opt(str),
      programme: str,
      ownerDirectorate: str,
      unit: str,
      polarity: z.enum(['higher', 'lower', 'within']),
      status: measureStatus,
      actual: nullable(num),
      target,
      shortfallPercent: nullable(num),
      commentary: nullable(str),
      trend: trends,
      directorates,
      targetChangedAfterStart: opt(z.iso.date()),
      signOff: opt(signOffState),
      unapprovedActual: opt(nullable(num)),
      quarters: opt(
        z
          .array(z.object({ quarter: str, status: measureStatus, actual: nullable(num), target }))
          .check(
            z.describe(
              "With ?trend=N: the last N quarters ending at the report's, oldest first; the last is the row itself (docs/rules.md#trend-lines)",
            ),
          ),
      ),
    }),
  ),
  actions: z.array(
    z.object({
      id: str,
      plan: str,
      title: str,
      titleCy: opt(str),
      programme: str,
      ownerDirectorate: str,
      status: actionStatus,
      commentary: nullable(str),
      signOff: opt(signOffState),
      unapprovedStatus: opt(updateStatus),
    }),
  ),
  criticalItems: z.array(
    z.object({
      id: str,
      kind: z.enum(['measure', 'action']),
      subjectId: str,
      title: str,
      programme: str,
      ownerDirectorate: str,
      rules: z.array(
        z.enum(['red', 'all-directorates-off', 'red-consecutive', 'declining-despite-target', 'action-red']),
      ),
      issue: str,
      issueCy: opt(str.check(z.describe('The issue in Welsh (docs/cymraeg.md)'))),
      titleCy: opt(str),
      remedialAction: nullable(remedialAction),
      emailedRemedialAction: opt(
        nullable(remedialAction).check(
          z.describe(
            "A closed quarter: the remedial action as this revision's email said it (null: 'remedial action needed')",
          ),
        ),
      ),
    }),
  ),
  amendments: opt(z.array(amendment)),
};

/** What a close's or reissue's answer adds to the report. */
const frozenShape = {
  alreadyClosed: z
    .boolean()
    .check(
      z.describe('The quarter was closed before this close (reissue) or preview: a close then freezes nothing new'),
    ),
  endsOn: z.iso.date().check(z.describe("The quarter's last day (Europe/London)")),
  closedEarly: z
    .boolean()
    .check(
      z.describe('Closed (a preview: would close) before the quarter ended, which a close needs {"early": true} for'),
    ),
  missingReturns: z
    .array(
      z.object({
        directorate: str,
        measures: z.array(z.object({ id: str, title: str, titleCy: opt(str) })),
        actions: z.array(z.object({ id: str, title: str, titleCy: opt(str) })),
      }),
    )
    .check(z.describe('The returns the snapshot froze as missing, by owner directorate (as the email lists them)')),
  included: opt(
    z
      .array(amendment)
      .check(z.describe('A reissue: the amendments since the revision it replaces, now in its figures')),
  ),
};

/** One version of a result, as its history lists it. */
const resultVersion = z.object({
  version: int,
  value: num,
  commentary: opt(str),
  breakdown: opt(z.record(str, num)),
  by: str,
  ...who,
  at: str,
  amendment: opt(z.boolean()),
  submitted: opt(z.boolean()),
  signOff: opt(signOffDecision),
});

/** A form's closed quarters and when each closed: an officer's form of one is read-only (SPEC §12). */
const closedQuarters = z
  .array(z.object({ quarter: str, closedAt: str }))
  .check(
    z.describe(
      "The closed quarters among the item's own (with targets, results or updates) and the one asked for (?quarter=), with when each closed",
    ),
  );

/** Response bodies by the names the route table gives them. */
export const responseSchemas = {
  health: z.object({ status: z.literal('ok') }),
  measure,
  measureList: z.object({ measures: z.array(measure), next: nullable(str) }),
  measureDetail: z.object({
    measure,
    results: z
      .array(
        z.object({
          measureId: str,
          period: str,
          value: num,
          commentary: opt(str),
          breakdown: opt(z.record(str, num)),
          version: int,
          by: str,
          at: str,
          amendment: opt(z.boolean()),
        }),
      )
      .check(z.describe("The latest version of each period's result")),
    quarters: z.array(
      z.object({
        quarter: str,
        status: measureStatus,
        actual: nullable(num),
        target,
        shortfallPercent: nullable(num),
        trend: trends,
        directorates,
      }),
    ),
    bands: z.object({
      tolerancePercent: num,
      greenTolerancePercent: num,
      toleranceAbsolute: num,
      improvementSoftensRed: z.boolean(),
    }),
    closedQuarters,
  }),
  result,
  history: z.object({ versions: z.array(resultVersion) }),
  measureResults: z.object({
    periods: z
      .array(z.object({ period: str, quarter: str, versions: z.array(resultVersion) }))
      .check(
        z.describe('Every period with a result, newest first, each with every version oldest first (docs/web-app.md)'),
      ),
  }),
  actionUpdateHistory: z.object({
    versions: z.array(
      z.object({
        version: int,
        status: updateStatus,
        commentary: opt(str),
        by: str,
        ...who,
        at: str,
        amendment: opt(z.boolean()),
        submitted: opt(z.boolean()),
        signOff: opt(signOffDecision),
      }),
    ),
  }),
  signOff: z.looseObject({ version: int, ...signOffDecision.shape }),
  signOffs: z.object({
    directorate: nullable(str),
    quarter: nullable(str),
    quarters: z.array(z.object({ quarter: str, closed: z.boolean() })),
    items: z.array(
      z.object({
        kind: z.enum(['measure', 'action']),
        id: str,
        title: str,
        titleCy: opt(str),
        unit: opt(str),
        programme: str,
        ownerDirectorate: str,
        period: str,
        version: int,
        value: opt(num),
        status: opt(
          z
            .enum(['green', 'amber', 'red', 'no-data', 'not-due', 'info-only', 'blue', 'no-update'])
            .check(z.describe("A measure's status if approved, or an action's BRAG")),
        ),
        commentary: nullable(str),
        by: str,
        ...who,
        at: str,
      }),
    ),
  }),
  definitionHistory: z
    .object({
      versions: z.array(
        z.object({
          version: readOnly(int),
          by: readOnly(nullable(str)),
          ...who,
          at: readOnly(nullable(str)),
          changed: readOnly(z.array(str)),
          definition: z.looseObject({ id: str }),
        }),
      ),
    })
    .check(z.describe('Every version of a definition, oldest first: who, when, which fields changed')),
  definitionsImport: z.object({
    created: int,
    replaced: int,
    unchanged: int,
    measures: z.object({ created: int, replaced: int, unchanged: int }),
    actions: z.object({ created: int, replaced: int, unchanged: int }),
  }),
  rollForward: z.object({ rolledForward: int, alreadySet: int, noTargets: int }),
  action,
  actionList: z.object({ actions: z.array(action), next: nullable(str) }),
  actionDetail: z.object({
    action,
    updates: z
      .array(
        z.object({
          actionId: str,
          quarter: str,
          status: updateStatus,
          commentary: opt(str),
          version: int,
          by: str,
          at: str,
          amendment: opt(z.boolean()),
          submitted: opt(z.boolean()),
        }),
      )
      .check(z.describe("The latest version of each quarter's update")),
    closedQuarters,
  }),
  actionUpdate: z.object({
    actionId: str,
    quarter: str,
    status: updateStatus,
    commentary: nullable(str),
    version: int,
    amendment: z.boolean(),
  }),
  remedialAction,
  settings: settingsSchema(),
  person,
  people: z.object({ people: z.array(person) }),
  personDetail: z.object({
    ...person.shape,
    versions: readOnly(z.array(z.object({ ...person.shape, removed: z.boolean() }))),
  }),
  me: z.object({
    email: nullable(str),
    name: opt(nullable(str)).check(
      z.describe('Their display name (SPEC §12): null when the token has neither a name nor an email'),
    ),
    roles: z.array(z.enum(['officer', 'approver', 'emt', 'admin'])),
    directorate: nullable(str),
    reportTitle: str,
    /** The report title in Welsh (settings `namesCy.reportTitle`), when there is one. */
    reportTitleCy: z.optional(str),
    directorates: z.array(str),
    /** The plans named in the settings (`planNames`), by id: what pages show a plan by and offer to choose. */
    plans: z.array(z.object({ id: str, name: str })),
    /** The Welsh names in the settings (`namesCy`: plans by id, programmes and directorates by English name), when there are any: the pages show them in Welsh. */
    namesCy: z.optional(
      z.object({
        plans: z.record(str, str),
        programmes: z.record(str, str),
        directorates: z.record(str, str),
      }),
    ),
    signOff: z.enum(['on', 'off']),
    /** The caller's People `language` (docs/cymraeg.md); absent: not chosen (the web app uses the token's locale or the browser's). */
    language: z.optional(z.enum(['en', 'cy'])),
    /** Whether the caller has a People record, on which PUT /me/language remembers their language (docs/cymraeg.md); always sent (optional for clients' fixtures). */
    languageRemembered: z.optional(z.boolean()),
  }),
  myLanguage: z.object({ language: z.enum(['en', 'cy']) }),
  returns: z.object({
    directorate: nullable(str),
    quarter: nullable(str),
    closed: z.boolean(),
    quarters: z.array(z.object({ quarter: str, closed: z.boolean() })),
    counts: z.object({
      'not-started': int,
      saved: int,
      'needs-commentary': int,
      'awaiting-sign-off': int,
      returned: int,
    }),
    measures: z.array(
      z.object({
        id: str,
        title: str,
        programme: str,
        unit: str,
        frequency: str,
        period: str,
        state: returnState,
        // A returned version's reason (sign-off); absent unless returned.
        reason: opt(nullable(str)),
        status: nullable(measureStatus),
        value: nullable(num),
      }),
    ),
    actions: z.array(
      z.object({
        id: str,
        title: str,
        programme: str,
        state: returnState,
        reason: opt(nullable(str)),
        status: nullable(actionStatus),
      }),
    ),
  }),
  settingsHistory: z.object({
    versions: z.array(
      z.object({
        version: readOnly(int),
        settings: settingsSchema(),
        // Absent for settings stored before changes were recorded.
        by: opt(readOnly(str)),
        ...who,
        at: opt(readOnly(str)),
      }),
    ),
  }),
  import: z.object({ imported: int, results: int, plannedWork: int, alreadyStored: opt(int) }),
  report: z.object(reportShape).check(z.describe('A quarter report (docs/rules.md#the-report)')),
  emailState,
  closeAnswer: z
    .object({
      ...reportShape,
      ...frozenShape,
      email: emailState,
    })
    .check(z.describe("The frozen report and the state of its revision's EMT email")),
  freezePreview: z
    .object({
      ...reportShape,
      ...frozenShape,
      email: z
        .object({ subject: str, subjectParts: opt(subjectParts), recipients: z.array(str) })
        .check(z.describe('The EMT email the close (reissue) would send')),
    })
    .check(
      z.describe(
        'What a close (reissue) now would freeze: equal to its answer but for timestamps (docs/rules.md "Quarter close")',
      ),
    ),
} as const;

export type ResponseSchemaName = keyof typeof responseSchemas;
