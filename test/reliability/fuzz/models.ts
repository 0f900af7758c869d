import fc from 'fast-check';
import { actionReadOnly, measureReadOnly } from '../../../lambdas/domain/definition-schemas';
import { xlsxMediaType as xlsxType } from '../../../lambdas/domain/media-types';
import { personReadOnly } from '../../../lambdas/domain/people';
import { isQuarterId } from '../../../lambdas/domain/periods';
import { settingsReadOnly } from '../../../lambdas/domain/settings';
import { type RouteDef, type RouteName, routeTable } from '../../../lambdas/http/routes';
import {
  actionDefinitionSchema,
  actionUpdateSchema,
  measureDefinitionSchema,
  myLanguageSchema,
  personSchema,
  remedialActionSchema,
  resultSchema,
  settingsChangeSchema,
  signOffSchema,
} from '../../../lambdas/http/schemas';
import {
  anyJson,
  anyText,
  badAuthorization,
  badEmail,
  badEnumValue,
  badId,
  badSlug,
  badText,
  blank,
  malformedJson,
  mangledPath,
  nonQuarterPeriod,
  notArray,
  notBoolean,
  notNumber,
  notObject,
  notPeriodId,
  notQuarterId,
  type OversizeKind,
  otherMethod,
  oversizeBody,
  reachesWrite,
  routeOf,
  seg,
  storableText,
  unknownId,
  unwantedBody,
  wellFormed,
  wrongCsvContentType,
  wrongJsonContentType,
} from './arbitraries';
import { fromPlain, type J, jsonText, Obj, raw } from './json';
import { buildXlsx, type XlsxCell } from './xlsx';

// One model of malformed requests per write route of the route table. Each case names why
// it must be refused and, where the contract fixes it, the status it must get.

export interface FuzzCase {
  why: string;
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  /** Text, bytes (a workbook), or a body over the size limit, built when sent (so counterexamples stay short). */
  body?: string | { base64: string } | { oversize: OversizeKind; bytes: number };
  /** The statuses the contract allows for this case (every case: some 4xx). */
  expect?: readonly number[];
}

export type TokenName = keyof FuzzTokens;

export interface FuzzTokens {
  admin: string;
  emt: string;
  /** An officer of Place, which owns the fixture's measure and action. */
  officer: string;
  /** An officer of People, which owns nothing. */
  otherOfficer: string;
}

// ---- the fixture every fuzz stack holds (writes only refused requests could change) ----
export const fixture = {
  measure: {
    plan: 'cip',
    programme: 'Developing the economy',
    title: 'Planning applications determined in time (%)',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    directorates: ['Place', 'People'],
    ownerDirectorate: 'Place',
    targets: { '2017-18': 80, '2018-19': 80 },
  },
  action: {
    plan: 'cip',
    programme: 'Developing the economy',
    title: 'Adopt the LDP',
    ownerDirectorate: 'Place',
    startQuarter: '2016-17-Q1',
    dueQuarter: '2018-19-Q4',
  },
  measureId: 'planning',
  actionId: 'ldp',
  directorates: ['Place', 'People'],
  /** Closed at setup: officers get 409, admins may amend (so never an admin write there). */
  closedQuarter: '2016-17-Q4',
  /** Open quarters in the action's range, each with the measure's target. */
  openQuarters: ['2017-18-Q1', '2017-18-Q2', '2017-18-Q3', '2017-18-Q4', '2018-19-Q1'],
  /** Quarters outside the action's range. */
  outsideAction: ['1000-01-Q1', '2015-16-Q4', '2019-20-Q1', '2030-31-Q2'],
  /** A result and an update exist here at version 1 (If-Match "2" and up never match). */
  versionedQuarter: '2017-18-Q2',
} as const;

const knownIds = [fixture.measureId, fixture.actionId];
const openQuarter = fc.constantFrom(...fixture.openQuarters);
const ifMatchPattern = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/;
/** If-Match values that can never match: malformed, or a version no fixture item has. */
const badIfMatch = fc.oneof(
  fc.integer({ min: 2, max: 999_999_999 }).chain((v) => fc.constantFrom(`"${v}"`, `W/"${v}"`, String(v))),
  fc
    .oneof(
      fc.constantFrom(
        'abc',
        '"x"',
        '"-1"',
        '""',
        '1.5',
        'W/"x"',
        '"1234567890"',
        '"1", "2"',
        'W/ "1"',
        '"\u0661"',
        'null',
        '**',
        '"*"',
        '0x1',
        '1e1',
      ),
      anyText(10),
    )
    .map((s) => wellFormed(s).replace(/[^\x20-\x7e]/g, '?'))
    .filter((s) => !ifMatchPattern.test(s) && s.trim() !== '*'),
);

// ---- bodies: mutations that each make an object invalid, so any mix of them is too ----
interface Field {
  key: string;
  required: boolean;
  bad: fc.Arbitrary<J>;
}
type Mutation = { label: string; apply: (body: J) => J };

const objectOnly = (f: (o: Obj) => Obj) => (body: J) => (body instanceof Obj ? f(body) : body);

/** Keys the schemas accept that no Field here models: an "extra key" mutation must not pick them. */
const measureUnmodelled = ['titleCy', 'valueRange'];
const settingsUnmodelled = ['signOff', 'unsignedAtClose', 'reportLanguages', 'namesCy', 'cabinetReport'];

/**
 * `readOnly`: the fields GET answers and PUT accepts and ignores, and keys accepted but not modelled (domain/read-only.ts: read-modify-write), so as
 * extra keys they make no body of that model invalid.
 */
function mutations(
  fields: readonly Field[],
  nested: readonly fc.Arbitrary<Mutation>[] = [],
  readOnly: readonly string[] = [],
): fc.Arbitrary<Mutation[]> {
  const names = fields.map((f) => f.key);
  const extraKey = fc
    .oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'toString',
        'pk',
        'sk',
        'id',
        'version',
        'gsi1pk',
        'by',
        'at',
        'amendment',
        '',
        ' ',
        'Value',
      ),
      anyText(10),
    )
    .filter((k) => !names.includes(k) && !readOnly.includes(k));
  const required = fields.filter((f) => f.required);
  const one: fc.Arbitrary<Mutation>[] = [
    fc
      .constantFrom(...fields)
      .chain((f) => f.bad.map((v): Mutation => ({ label: `bad ${f.key}`, apply: objectOnly((o) => o.set(f.key, v)) }))),
    fc
      .tuple(extraKey, anyJson)
      .map(([k, v]): Mutation => ({ label: `extra key ${JSON.stringify(k)}`, apply: objectOnly((o) => o.set(k, v)) })),
    notObject.map((v): Mutation => ({ label: 'not an object', apply: () => v })),
    ...nested,
  ];
  if (required.length > 0) {
    one.push(
      fc
        .constantFrom(...required)
        .map((f): Mutation => ({ label: `missing ${f.key}`, apply: objectOnly((o) => o.drop(f.key)) })),
    );
  }
  return fc.array(fc.oneof(...one), { minLength: 1, maxLength: 3 });
}

function mutated(
  base: fc.Arbitrary<Obj>,
  muts: fc.Arbitrary<Mutation[]>,
): fc.Arbitrary<{ labels: string; text: string }> {
  return fc.tuple(base, muts).map(([b, ms]) => ({
    labels: ms.map((m) => m.label).join(' + '),
    text: jsonText(ms.reduce<J>((body, m) => m.apply(body), b)),
  }));
}

const name = (required: boolean) => badText(200, required);
const finiteNumber = notNumber;
const percent: fc.Arbitrary<J> = fc.oneof(
  notNumber,
  fc.constantFrom(-0.0001, -1, 1000.5, 1e6, -1e9),
  fc.double({ min: 1000.000001, max: 1e300, noNaN: true }),
);
const directorateKeyBad = fc
  .oneof(
    fc.constantFrom('Resources', 'place', 'PLACE', 'Place ', 'constructor', 'toString', '__proto__', ''),
    anyText(10),
  )
  .filter((k) => !fixture.directorates.includes(k as never));
const quarterOrYearBad = fc.oneof(
  notPeriodId,
  fc.constantFrom('2018-02', '2017-04', '__proto__', 'constructor', 'toString'),
);

// ---- the measure definition ----
const measureFields: Field[] = [
  { key: 'plan', required: true, bad: badSlug },
  { key: 'programme', required: true, bad: name(true) },
  { key: 'title', required: true, bad: badText(500, true) },
  { key: 'unit', required: false, bad: fc.oneof(notString(), badTextOnlyLong(100)) },
  { key: 'polarity', required: true, bad: badEnumValue(['higher', 'lower', 'within']) },
  { key: 'frequency', required: true, bad: badEnumValue(['monthly', 'quarterly', 'annual']) },
  { key: 'aggregation', required: false, bad: badEnumValue(['latest', 'sum', 'mean']) },
  { key: 'tolerancePercent', required: false, bad: percent },
  { key: 'greenTolerancePercent', required: false, bad: percent },
  { key: 'toleranceAbsolute', required: false, bad: fc.oneof(notNumber, fc.constantFrom(-0.5, -1e9)) },
  { key: 'improvementSoftensRed', required: false, bad: notBoolean },
  {
    key: 'directorates',
    required: false,
    bad: fc.oneof(
      notArray,
      fc.tuple(name(true)).map((xs): J => xs),
      fc.integer({ min: 51, max: 80 }).map((n): J => Array.from({ length: n }, (_, i) => `D${i}`)),
    ),
  },
  { key: 'ownerDirectorate', required: true, bad: name(true) },
  {
    key: 'targets',
    required: false,
    bad: fc.oneof(
      notObject.filter((v) => !(Array.isArray(v) && v.length === 0)),
      fc.tuple(quarterOrYearBad, fc.integer()).map(([k, v]) => new Obj([[k, v]])),
      fc.tuple(fc.constantFrom('2017-18', '2017-18-Q4'), finiteNumber).map(([k, v]) => new Obj([[k, v]])),
    ),
  },
  {
    key: 'directorateTargets',
    required: false,
    bad: fc.oneof(
      notObject.filter((v) => !(Array.isArray(v) && v.length === 0)),
      fc.tuple(directorateKeyBad, fc.constant(new Obj([['2017-18', 80]]))).map(([k, v]) => new Obj([[k, v]])),
    ),
  },
];
function notString(): fc.Arbitrary<J> {
  return badText(0, false).filter((v) => typeof v !== 'string');
}
function badTextOnlyLong(max: number): fc.Arbitrary<J> {
  return badText(max, false).filter((v) => typeof v === 'string');
}
const measureBase = fc
  .record({
    title: storableText(40).filter((s) => s.trim().length > 0 && s.trim().length <= 500),
    programme: fc.constantFrom('Developing the economy', 'Corporate Measures', 'Ymgysylltu \u00e2 chymunedau'),
  })
  .map(({ title, programme }) => fromPlain({ ...fixture.measure, title, programme }) as Obj);
const measureSemantic: fc.Arbitrary<{ labels: string; text: string }> = fc.oneof(
  fc.constant({
    labels: 'within with a number target',
    text: JSON.stringify({ ...fixture.measure, polarity: 'within' }),
  }),
  fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([min, w]) => ({
    labels: 'band for a higher measure',
    text: JSON.stringify({ ...fixture.measure, targets: { '2017-18': { min, max: min + w } } }),
  })),
  fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 100 })).map(([min, w]) => ({
    labels: 'band with min > max',
    text: JSON.stringify({
      ...fixture.measure,
      polarity: 'within',
      targets: { '2017-18': { min: min + w, max: min } },
    }),
  })),
  fc.constantFrom('Resources', 'constructor', '__proto__').map((d) => ({
    labels: `directorate target for ${d}`,
    text: `{"plan":"cip","programme":"P","title":"T","polarity":"higher","frequency":"quarterly","directorates":["Place"],"ownerDirectorate":"Place","directorateTargets":{${JSON.stringify(d)}:{"2017-18":1}}}`,
  })),
  fc.constantFrom('quarterly', 'annual').map((f) => ({
    labels: `aggregation for a ${f} measure`,
    text: JSON.stringify({ ...fixture.measure, frequency: f, aggregation: 'sum' }),
  })),
  fc.constantFrom('__proto__', 'constructor').map((k) => ({
    labels: `raw ${k} target key`,
    text: `{"plan":"cip","programme":"P","title":"T","polarity":"higher","frequency":"quarterly","ownerDirectorate":"Place","targets":{${JSON.stringify(k)}:{"min":1}}}`,
  })),
);

// ---- planned work ----
const actionFields: Field[] = [
  { key: 'plan', required: true, bad: badSlug },
  { key: 'programme', required: true, bad: name(true) },
  { key: 'title', required: true, bad: badText(500, true) },
  { key: 'ownerDirectorate', required: true, bad: name(true) },
  {
    key: 'startQuarter',
    required: false,
    bad: fc.oneof(
      notQuarterId.map((q): J => q),
      notString(),
    ),
  },
  {
    key: 'dueQuarter',
    required: false,
    bad: fc.oneof(
      notQuarterId.map((q): J => q),
      notString(),
    ),
  },
];
const actionBase = storableText(40)
  .filter((s) => s.trim().length > 0)
  .map((title) => fromPlain({ ...fixture.action, title }) as Obj);
const actionSemantic = fc
  .tuple(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 40 }))
  .map(([y, q, back]) => {
    const id = (i: number) =>
      `${Math.floor(i / 4)}-${String((Math.floor(i / 4) + 1) % 100).padStart(2, '0')}-Q${(i % 4) + 1}`;
    const start = y * 4 + q - 1;
    return {
      labels: 'startQuarter after dueQuarter',
      text: JSON.stringify({ ...fixture.action, startQuarter: id(start), dueQuarter: id(start - back) }),
    };
  });

// ---- a result ----
const breakdownBad: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(directorateKeyBad, fc.integer({ min: 0, max: 100 })).map(
    ([k, v]): Mutation => ({
      label: `breakdown for ${JSON.stringify(k)}`,
      apply: objectOnly((o) =>
        o.set(
          'breakdown',
          new Obj([
            ['Place', 90],
            [k, v],
          ]),
        ),
      ),
    }),
  ),
  finiteNumber.map(
    (v): Mutation => ({
      label: 'breakdown value not a number',
      apply: objectOnly((o) => o.set('breakdown', new Obj([['People', v]]))),
    }),
  ),
);
const resultFields: Field[] = [
  { key: 'value', required: true, bad: finiteNumber },
  { key: 'commentary', required: false, bad: badText(4000, false) },
  { key: 'breakdown', required: false, bad: notObject.filter((v) => !(Array.isArray(v) && v.length === 0)) },
];
/** Green (at or above target 80), so no commentary is needed; commentary and breakdown vary. */
const resultBase = fc
  .record({
    value: fc.oneof(fc.double({ min: 80, max: 1e12, noNaN: true }), fc.constantFrom(80, 100, 2 ** 53 - 1)),
    commentary: fc.option(storableText(60), { nil: undefined }),
    breakdown: fc.option(fc.record({ Place: fc.integer({ min: 0, max: 100 }) }, { requiredKeys: [] }), {
      nil: undefined,
    }),
  })
  .map(({ value, commentary, breakdown }) => {
    let o = new Obj([['value', value]]);
    if (commentary !== undefined) o = o.set('commentary', commentary);
    if (breakdown !== undefined) o = o.set('breakdown', fromPlain(breakdown));
    return o;
  });
const redWithoutCommentary = fc
  .tuple(
    fc.oneof(fc.double({ min: -1e12, max: 79, noNaN: true }), fc.constantFrom(0, -0, 79.99)),
    fc.option(blank, { nil: undefined }),
  )
  .map(([value, commentary]) => ({
    labels: 'below target without commentary',
    text: jsonText(
      commentary === undefined
        ? new Obj([['value', Object.is(value, -0) ? raw('-0') : value]])
        : new Obj([
            ['value', value],
            ['commentary', commentary],
          ]),
    ),
  }));

// ---- an action update ----
const updateFields: Field[] = [
  { key: 'status', required: true, bad: badEnumValue(['blue', 'green', 'amber', 'red']) },
  { key: 'commentary', required: false, bad: badText(4000, false) },
];
const updateBase = fc
  .tuple(
    fc.constantFrom('blue', 'green', 'amber', 'red'),
    storableText(60).filter((s) => s.trim().length > 0),
  )
  .map(
    ([status, commentary]) =>
      new Obj([
        ['status', status],
        ['commentary', commentary],
      ]),
  );
// ---- a sign-off decision (docs/sign-off.md; the fuzz stacks run with sign-off off: 409) ----
const signOffFields: Field[] = [
  { key: 'decision', required: true, bad: badEnumValue(['approve', 'return']) },
  { key: 'reason', required: false, bad: badText(4000, false) },
];
const signOffBase = fc
  .tuple(
    fc.constantFrom('approve', 'return'),
    storableText(60).filter((s) => s.trim().length > 0),
  )
  .map(
    ([decision, reason]) =>
      new Obj([
        ['decision', decision],
        ['reason', reason],
      ]),
  );
const amberWithoutCommentary = fc
  .tuple(fc.constantFrom('amber', 'red'), fc.option(blank, { nil: undefined }))
  .map(([status, commentary]) => ({
    labels: `${status} without commentary`,
    text: JSON.stringify(commentary === undefined ? { status } : { status, commentary }),
  }));

// ---- a remedial action ----
const remedialFields: Field[] = [
  { key: 'text', required: true, bad: badText(4000, true) },
  { key: 'owner', required: false, bad: badText(200, true) },
  {
    key: 'dueDate',
    required: false,
    bad: fc.oneof(
      fc.constantFrom(
        '2018-13-01',
        '2018-02-30',
        '2018-2-1',
        'tomorrow',
        '01/02/2018',
        '2018-02-01T00:00:00Z',
        '',
        '20180201',
        '+2018-02-01',
      ),
      notString(),
    ),
  },
];
const remedialBase = fc
  .record({
    text: storableText(80).filter((s) => s.trim().length > 0),
    owner: fc.option(fc.constantFrom('Head of Planning', 'Chief Executive'), { nil: undefined }),
    dueDate: fc.option(fc.constantFrom('2018-06-30', '2024-02-29'), { nil: undefined }),
  })
  .map((r) => fromPlain(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))) as Obj);

// ---- roll forward ----
const notYear: fc.Arbitrary<J> = fc.oneof(
  fc.constantFrom(
    '2017-19',
    '2017',
    '2017-18-Q1',
    '2018-03',
    '',
    '0999-00',
    ' 2017-18',
    '2017-18 ',
    '2017/18',
    '9999-00',
  ),
  notString(),
);
const rollForwardFields: Field[] = [
  { key: 'from', required: true, bad: notYear },
  { key: 'to', required: true, bad: notYear },
];
const rollForwardBase = fc
  .constantFrom(['2017-18', '2018-19'], ['2016-17', '2017-18'], ['2018-19', '2019-20'])
  .map(([from, to]) => fromPlain({ from, to }) as Obj);
const sameYear = fc.constantFrom('2017-18', '2018-19').map((y) => ({
  labels: 'from and to the same year',
  text: jsonText(fromPlain({ from: y, to: y })),
}));

// ---- people ----
const personFields: Field[] = [
  {
    key: 'roles',
    required: true,
    bad: fc.oneof(
      notArray,
      fc.constantFrom<J[]>(['superuser'], ['Officer'], ['admin', 'admin'], ['officer', ''], [1], [null]),
      fc.constantFrom<J>('admin', 'officer approver'),
    ),
  },
  {
    key: 'directorate',
    required: false,
    bad: fc.oneof(badText(200, true), fc.constantFrom<J>('Nowhere', 'place', 'constructor', '__proto__')),
  },
  { key: 'name', required: false, bad: badText(200, true) },
  { key: 'language', required: false, bad: badEnumValue(['en', 'cy']) },
];
const personBase = fc
  .constantFrom<Record<string, unknown>>(
    { roles: ['officer'], directorate: 'Place' },
    { roles: ['approver', 'officer'], directorate: 'People' },
    { roles: ['emt'] },
    { roles: ['admin', 'emt'] },
    { roles: [] },
  )
  .map((p) => fromPlain(p) as Obj);
/** Officers and approvers without a directorate: valid JSON of the right shape, refused. */
const personWithoutDirectorate = fc.constantFrom('officer', 'approver').map((role) => ({
  labels: `${role} without a directorate`,
  text: jsonText(fromPlain({ roles: [role] })),
}));
const personPath = (email: string) => `/people/${email}`;
const fuzzPeople = fc.constantFrom('fuzz.person@example.org', 'Fuzz.Other@Example.org', 'constructor@example.org');

// ---- the caller's own language (PUT /me/language) ----
const myLanguageFields: Field[] = [{ key: 'language', required: true, bad: badEnumValue(['en', 'cy']) }];
const myLanguageBase = fc.constantFrom('en', 'cy').map((language) => fromPlain({ language }) as Obj);

// ---- the settings ----
const settingsFields: Field[] = [
  { key: 'reportTitle', required: true, bad: badText(200, true) },
  { key: 'planNames', required: true, bad: notObject.filter((v) => !(Array.isArray(v) && v.length === 0)) },
  { key: 'tolerancePercent', required: true, bad: percent },
  { key: 'greenTolerancePercent', required: true, bad: percent },
  { key: 'toleranceAbsolute', required: true, bad: fc.oneof(notNumber, fc.constantFrom(-1, -0.001)) },
  { key: 'improvementSoftensRed', required: true, bad: notBoolean },
  { key: 'overallGreenAtLeastPercent', required: true, bad: percent },
  { key: 'overallRedBelowPercent', required: true, bad: percent },
  { key: 'criticalRules', required: true, bad: notObject },
  {
    key: 'emtRecipients',
    required: true,
    bad: fc.oneof(
      notArray,
      fc.constant([]),
      badEmail.map((e): J => ['emt@localhost', e]),
      fc.constant(Array.from({ length: 51 }, (_, i) => `emt${i}@localhost`)),
    ),
  },
  { key: 'directorates', required: true, bad: notObject.filter((v) => !(Array.isArray(v) && v.length === 0)) },
  {
    key: 'reminderDays',
    required: true,
    bad: fc.oneof(
      notArray,
      fc.constantFrom<J>([1.5], [-1], [61], ['5'], [null], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
      finiteNumber.map((v): J => [v]),
    ),
  },
];
const settingsNested: fc.Arbitrary<Mutation>[] = [
  fc
    .tuple(
      badSlug.filter((k): k is string => typeof k === 'string'),
      fc.constant('A plan'),
    )
    .map(
      ([k, v]): Mutation => ({
        label: `planNames key ${JSON.stringify(k)}`,
        apply: objectOnly((o) => o.set('planNames', new Obj([[k, v]]))),
      }),
    ),
  badText(200, false).map(
    (v): Mutation => ({
      label: 'planNames value',
      apply: objectOnly((o) => o.set('planNames', new Obj([['cip', v]]))),
    }),
  ),
  fc.constantFrom('__proto__').map(
    (k): Mutation => ({
      label: `directorates key ${k}`,
      apply: objectOnly((o) => o.set('directorates', new Obj([[k, new Obj([['contacts', []]])]]))),
    }),
  ),
  fc.oneof(fc.constant(''), fc.constant('D'.repeat(201))).map(
    (k): Mutation => ({
      label: 'directorates key length',
      apply: objectOnly((o) => o.set('directorates', new Obj([[k, new Obj([['contacts', []]])]]))),
    }),
  ),
  fc
    .oneof(
      notObject,
      badEmail.map((e) => new Obj([['contacts', [e]]])),
      anyJson.map(
        (v) =>
          new Obj([
            ['contacts', []],
            ['extra', v],
          ]),
      ),
      fc.constant(new Obj([['heads', []]])),
    )
    .map(
      (v): Mutation => ({
        label: 'a directorate entry',
        apply: objectOnly((o) => o.set('directorates', new Obj([['Place', v]]))),
      }),
    ),
  fc
    .tuple(
      fc.constantFrom('red', 'all-directorates-off', 'red-consecutive', 'declining-despite-target', 'action-red'),
      fc.oneof(notBoolean, fc.constant(undefined)),
    )
    .map(
      ([rule, v]): Mutation => ({
        label: `criticalRules.${rule}`,
        apply: objectOnly((o) => {
          const rules = new Obj(
            ['red', 'all-directorates-off', 'red-consecutive', 'declining-despite-target', 'action-red'].map(
              (r) => [r, true] as const,
            ),
          );
          return o.set('criticalRules', v === undefined ? rules.drop(rule) : rules.set(rule, v));
        }),
      }),
    ),
];

// ---- one route's cases ----
interface JsonRoute {
  route: RouteDef;
  /** Paths where a valid body would be written (by the writer token). */
  validPath: fc.Arbitrary<string>;
  validBody: fc.Arbitrary<Obj>;
  schemaInvalid: fc.Arbitrary<{ labels: string; text: string }>;
  /** Cases refused for a reason beyond the schema. */
  semantic?: fc.Arbitrary<FuzzCase>;
  /** Paths with parameters that are invalid, or valid but naming nothing: [path, intended params]. */
  badParams: fc.Arbitrary<{ path: string; params?: Record<string, string>; expect: readonly number[] }>;
  forbidden: readonly TokenName[];
  ifMatch?: boolean;
}

/** Headers with the token as a placeholder (`<admin>`), resolved when sent, so counterexamples stay short. */
const jsonHeaders = (token: TokenName, contentType: string | undefined, extra: Record<string, string> = {}) => ({
  authorization: `Bearer <${token}>`,
  ...(contentType !== undefined && { 'content-type': contentType }),
  ...extra,
});

/** Keep a path only if it reaches no write route with acceptable parameters, or exactly the one intended. */
function stillInvalid(method: string, path: string, route: RouteDef, params?: Record<string, string>): boolean {
  if (!reachesWrite(method, path)) return true;
  if (!params) return false;
  const reached = routeOf(method, path);
  return reached.route === route && JSON.stringify(reached.params) === JSON.stringify(params);
}

function authCases(
  route: RouteDef,
  forbidden: readonly TokenName[],
  request: fc.Arbitrary<{ path: string; body?: string; contentType?: string }>,
): fc.Arbitrary<FuzzCase> {
  const denied = fc.oneof(
    badAuthorization.map((authorization) => ({ authorization, expect: [401] as const, who: 'bad token' })),
    ...(forbidden.length
      ? [
          fc
            .constantFrom(...forbidden)
            .map((t) => ({ authorization: `Bearer <${t}>`, expect: [403] as const, who: `${t} (forbidden)` })),
        ]
      : []),
  );
  return fc.tuple(request, denied).map(([r, d]) => ({
    why: d.who,
    method: route.method,
    path: r.path,
    headers: { authorization: d.authorization, ...(r.contentType && { 'content-type': r.contentType }) },
    body: r.body,
    expect: d.expect,
  }));
}

function jsonRouteCases(spec: JsonRoute): fc.Arbitrary<FuzzCase> {
  const { route } = spec;
  const valid = fc.tuple(spec.validPath, spec.validBody.map(jsonText));
  const cases: fc.WeightedArbitrary<FuzzCase>[] = [
    {
      weight: 2,
      arbitrary: fc.tuple(spec.validPath, spec.validBody.map(jsonText)).chain(([path, text]) =>
        malformedJson(text).map(
          (body): FuzzCase => ({
            why: 'malformed JSON',
            method: route.method,
            path,
            headers: jsonHeaders('admin', 'application/json'),
            body,
            expect: [400],
          }),
        ),
      ),
    },
    {
      weight: 5,
      arbitrary: fc.tuple(spec.validPath, spec.schemaInvalid).map(
        ([path, b]): FuzzCase => ({
          why: `schema: ${b.labels}`,
          method: route.method,
          path,
          headers: jsonHeaders('admin', 'application/json'),
          body: b.text,
          expect: [422],
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(spec.badParams, spec.validBody.map(jsonText))
        .filter(([p]) => stillInvalid(route.method, p.path, route, p.params))
        .map(
          ([p, body]): FuzzCase => ({
            why: 'bad path parameters',
            method: route.method,
            path: p.path,
            headers: jsonHeaders('admin', 'application/json'),
            body,
            expect: p.expect,
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(spec.validPath.chain(mangledPath), spec.validBody.map(jsonText))
        .filter(([path]) => !reachesWrite(route.method, path))
        .map(
          ([path, body]): FuzzCase => ({
            why: 'unknown or traversal path',
            method: route.method,
            path,
            headers: jsonHeaders('admin', 'application/json'),
            body,
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(otherMethod(route.method), valid)
        .filter(([m, [path]]) => !reachesWrite(m, path))
        .map(
          ([method, [path, body]]): FuzzCase => ({
            why: 'wrong method',
            method,
            path,
            headers: jsonHeaders('admin', 'application/json'),
            body,
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, wrongJsonContentType).map(
        ([[path, body], ct]): FuzzCase => ({
          why: `content type ${JSON.stringify(ct)}`,
          method: route.method,
          path,
          headers: jsonHeaders('admin', ct),
          body,
          // POST close takes an optional {"early": true} (docs/rules.md): a body it accepts is left out here.
          expect: route.optionalBody ? [400, 409, 415, 422] : [415],
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(spec.validPath, oversizeBody).map(
        ([path, o]): FuzzCase => ({
          why: `over 256 KB (${o.kind})`,
          method: route.method,
          path,
          headers: jsonHeaders('admin', o.contentType),
          body: { oversize: o.kind, bytes: o.bytes },
          expect: [413],
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: authCases(
        route,
        spec.forbidden,
        valid.map(([path, body]) => ({ path, body, contentType: 'application/json' })),
      ),
    },
  ];
  if (spec.semantic) cases.push({ weight: 2, arbitrary: spec.semantic });
  if (spec.ifMatch) {
    cases.push({
      weight: 1,
      arbitrary: fc.tuple(valid, badIfMatch).map(
        ([[path, body], ifMatch]): FuzzCase => ({
          why: `If-Match ${ifMatch}`,
          method: route.method,
          path,
          headers: jsonHeaders('admin', 'application/json', { 'if-match': ifMatch }),
          body,
          expect: [412],
        }),
      ),
    });
  }
  return fc.oneof(...cases);
}

/** Routes that take no body (POST close an optional one): POST close/reissue and DELETE a measure, planned work or a person. */
function noBodyRouteCases(
  route: RouteDef,
  validPath: fc.Arbitrary<string>,
  badParams: fc.Arbitrary<{ path: string; params?: Record<string, string>; expect: readonly number[] }>,
  forbidden: readonly TokenName[],
): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: badParams
        .filter((p) => stillInvalid(route.method, p.path, route, p.params))
        .map(
          (p): FuzzCase => ({
            why: 'bad path parameters',
            method: route.method,
            path: p.path,
            headers: jsonHeaders('admin', undefined),
            expect: p.expect,
          }),
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(validPath, unwantedBody)
        .filter(([, [body]]) => !(route.optionalBody && acceptedOptionalBody(body)))
        .map(
          ([path, [body, ct]]): FuzzCase => ({
            why: `a body (${ct ?? 'no content type'})`,
            method: route.method,
            path,
            headers: jsonHeaders('admin', ct),
            body,
            // POST close takes an optional {"early": true} (docs/rules.md): a body it accepts is left out here.
            expect: route.optionalBody ? [400, 409, 415, 422] : [415],
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(validPath, oversizeBody).map(
        ([path, o]): FuzzCase => ({
          why: `over 256 KB (${o.kind})`,
          method: route.method,
          path,
          headers: jsonHeaders('admin', o.contentType),
          body: { oversize: o.kind, bytes: o.bytes },
          expect: [413],
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: validPath
        .chain(mangledPath)
        .filter((path) => !reachesWrite(route.method, path))
        .map(
          (path): FuzzCase => ({
            why: 'unknown or traversal path',
            method: route.method,
            path,
            headers: jsonHeaders('admin', undefined),
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(otherMethod(route.method), validPath)
        .filter(([m, path]) => !reachesWrite(m, path))
        .map(
          ([method, path]): FuzzCase => ({
            why: 'wrong method',
            method,
            path,
            headers: jsonHeaders('admin', undefined),
          }),
        ),
    },
    {
      weight: 2,
      arbitrary: authCases(
        route,
        forbidden,
        validPath.map((path) => ({ path })),
      ),
    },
  );
}

// ---- CSV import ----
const csvDecimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
type CsvRow = { measureId: string; period: string; value: string; commentary: string };
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

function csvText(
  header: readonly (keyof CsvRow)[],
  rows: readonly CsvRow[],
  options: { bom: boolean; crlf: boolean },
): string {
  const nl = options.crlf ? '\r\n' : '\n';
  return (
    (options.bom ? '\ufeff' : '') +
    [header.join(','), ...rows.map((r) => header.map((h) => quote(r[h])).join(','))].join(nl) +
    nl
  );
}

const csvHeader = fc.constantFrom<(keyof CsvRow)[]>(
  ['measureId', 'period', 'value', 'commentary'],
  ['period', 'measureId', 'commentary', 'value'],
  ['value', 'period', 'measureId', 'commentary'],
);
/** Rows an admin could store: the fixture measure, green values, distinct open quarters. */
const goodRows = fc
  .subarray([...fixture.openQuarters], { minLength: 0, maxLength: 4 })
  .chain((quarters) =>
    fc.tuple(...quarters.map((q) => fc.tuple(fc.constant(q), fc.integer({ min: 80, max: 1000 }), storableText(20)))),
  )
  .map((rows) =>
    rows.map(
      ([period, value, commentary]): CsvRow => ({
        measureId: fixture.measureId,
        period,
        value: String(value),
        commentary: wellFormed(commentary),
      }),
    ),
  );
const badRow: fc.Arbitrary<{ label: string; row: CsvRow; alsoDuplicate?: boolean }> = fc.oneof(
  badId
    .filter((id) => !idPattern.test(id.trim()))
    .map((measureId) => ({
      label: 'bad measureId',
      row: { measureId, period: '2018-19-Q2', value: '90', commentary: '' },
    })),
  fc
    .oneof(notPeriodId, nonQuarterPeriod)
    .map((p) => wellFormed(p))
    .filter((p) => !isQuarterId(p.trim()))
    .map((period) => ({
      label: 'bad period',
      row: { measureId: fixture.measureId, period, value: '90', commentary: '' },
    })),
  fc
    .oneof(
      fc.constantFrom(
        'NaN',
        'Infinity',
        '-Infinity',
        '1e400',
        '-1e400',
        '',
        'abc',
        '0x10',
        '1,5',
        '--1',
        '1e',
        '\u0661',
        '1 000',
        '+-1',
        '.',
        'e5',
        'null',
        'true',
      ),
      anyText(6),
    )
    .map(wellFormed)
    .filter((v) => !(csvDecimal.test(v.trim()) && Number.isFinite(Number(v.trim()))))
    .map((value) => ({
      label: 'bad value',
      row: { measureId: fixture.measureId, period: '2018-19-Q2', value, commentary: 'c' },
    })),
  fc.integer({ min: 1, max: 20_000 }).map((extra) => ({
    label: 'commentary too long',
    row: {
      measureId: fixture.measureId,
      period: '2018-19-Q2',
      value: '90',
      commentary: `x${'y'.repeat(4000 + extra)}`,
    },
  })),
  unknownId(knownIds).map((measureId) => ({
    label: 'unknown measure',
    row: { measureId, period: '2018-19-Q2', value: '90', commentary: '' },
  })),
  fc.integer({ min: -1000, max: 79 }).map((v) => ({
    label: 'below target without commentary',
    row: { measureId: fixture.measureId, period: '2018-19-Q2', value: String(v), commentary: '' },
  })),
  fc.constantFrom(...fixture.openQuarters).map((period) => ({
    label: 'duplicate row',
    row: { measureId: fixture.measureId, period, value: '95', commentary: '' },
    alsoDuplicate: true,
  })),
);

function importCases(): fc.Arbitrary<FuzzCase> {
  const route = routeTable.importResults;
  const path = '/imports/results';
  const csv = (token: TokenName, ct: string | undefined) => ({
    authorization: `Bearer <${token}>`,
    ...(ct !== undefined && { 'content-type': ct }),
  });
  const validCsv = fc
    .tuple(
      csvHeader,
      goodRows.filter((r) => r.length > 0),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([h, rows, bom, crlf]) => csvText(h, rows, { bom, crlf }));
  const withBadRows = fc
    .tuple(csvHeader, goodRows, fc.array(badRow, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), fc.nat())
    .map(([h, good, bad, bom, crlf, seed]) => {
      const rows = [...good];
      for (const b of bad) {
        rows.splice(seed % (rows.length + 1), 0, b.row);
        if (b.alsoDuplicate) rows.push({ ...b.row, value: '96' });
      }
      return { labels: bad.map((b) => b.label).join(' + '), text: csvText(h, rows, { bom, crlf }) };
    });
  const badHeader = fc
    .oneof(
      fc.constantFrom(
        'measureId,period',
        'measureId,period,commentary',
        'MeasureId,period,value',
        'measureId,period,value,value',
        'measureId,period,value,notes',
        'id,period,value',
        '',
        'measureId;period;value',
        '"measureId,period,value"',
        '__proto__,period,value',
      ),
      anyText(20)
        .map(wellFormed)
        .filter(
          (h) =>
            !h
              .split(',')
              .map((x) => x.trim())
              .includes('value'),
        ),
    )
    .map((h) => `${h}\nplanning,2018-19-Q2,90,x\n`)
    .filter((text) => !/^\s*\ufeff?\s*measureId\s*,\s*period\s*,\s*value\s*(,\s*commentary\s*)?\n/.test(text));
  const malformedCsv = fc.constantFrom(
    'measureId,period,value,commentary\n"planning,2018-19-Q2,90,x\n',
    'measureId,period,value,commentary\nplan"ning,2018-19-Q2,90,x\n',
    'measureId,period,value,commentary\nplanning,2018-19-Q2,90,x,extra\n',
    'measureId,period,value,commentary\nplanning,2018-19-Q2\n',
    'measureId,period,value,commentary\n"planning"x,2018-19-Q2,90,\n',
  );
  const tooManyRows = fc.constant(
    `measureId,period,value\n${Array.from({ length: 5001 }, (_, i) => `m${i},2018-19-Q2,90`).join('\n')}\n`,
  );
  // One cell of 250 KB (the body stays under 256 KB) in any column, of every shape a
  // pattern could choke on: refused (422) on its length before any pattern runs.
  const cellBytes = 250 * 1024;
  const fill = (unit: string) => unit.repeat(Math.floor(cellBytes / Buffer.byteLength(unit)));
  const hugeCell = fc
    .tuple(
      fc.constantFrom<[string, () => string]>(
        ['digits then a letter', () => `${fill('1').slice(1)}x`],
        ['digits', () => fill('7')],
        [
          'digits, a point, digits, a letter',
          () => `${fill('1').slice(cellBytes / 2 + 2)}.${fill('1').slice(cellBytes / 2)}x`,
        ],
        ['exponent digits then a letter', () => `1e${fill('1').slice(3)}x`],
        ['points', () => fill('.')],
        ['signs', () => fill('+-')],
        // Between letters: cells are trimmed (a padded spreadsheet cell is the same text), so edge spaces would vanish.
        ['spaces between letters', () => `x${fill(' ').slice(2)}x`],
        ['letters', () => fill('m')],
        ['id characters', () => fill('a._-')],
        ['period-like', () => fill('2017-18-Q4')],
        ['quotes, commas and newlines', () => '",\n'.repeat(cellBytes / 4)], // 4 bytes a unit once quoted
        ['multi-byte text', () => fill('é€😀')],
        ['an email-like run', () => `a@${fill('a.').slice(2)}!`],
      ),
      fc.constantFrom<keyof CsvRow>('measureId', 'period', 'value', 'commentary'),
    )
    .map(([[shape, make], column]) => {
      const row: CsvRow = { measureId: fixture.measureId, period: '2018-19-Q2', value: '90', commentary: 'c' };
      row[column] = make();
      return {
        why: `a 250 KB cell: ${column}, ${shape}`,
        text: csvText(['measureId', 'period', 'value', 'commentary'], [row], { bom: false, crlf: false }),
      };
    });
  // The 5,001-row case is costly to parse, so it is the rarest (weight 1 of 38).
  return fc.oneof(
    {
      weight: 2,
      arbitrary: hugeCell.map(
        (c): FuzzCase => ({
          why: c.why,
          method: 'POST',
          path,
          headers: csv('admin', 'text/csv'),
          body: c.text,
          expect: [422],
        }),
      ),
    },
    {
      weight: 16,
      arbitrary: withBadRows.map(
        (b): FuzzCase => ({
          why: `rows: ${b.labels}`,
          method: 'POST',
          path,
          headers: csv('admin', 'text/csv'),
          body: b.text,
          expect: [422],
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: badHeader.map(
        (text): FuzzCase => ({
          why: 'bad header',
          method: 'POST',
          path,
          headers: csv('admin', 'text/csv'),
          body: text,
          expect: [400, 422],
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: malformedCsv.map(
        (text): FuzzCase => ({
          why: 'malformed CSV',
          method: 'POST',
          path,
          headers: csv('admin', 'text/csv'),
          body: text,
          // A short or long line, or a stray quote, is one of the file's listed mistakes (422).
          expect: [400, 422],
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom('', 'measureId,period,value,commentary\n', '\ufeff', '\n\n').map(
        (text): FuzzCase => ({
          why: 'no rows',
          method: 'POST',
          path,
          headers: csv('admin', 'text/csv'),
          body: text,
          expect: [422],
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: tooManyRows.map(
        (text): FuzzCase => ({
          why: 'over 5,000 rows',
          method: 'POST',
          path,
          headers: csv('admin', 'text/csv'),
          body: text,
          expect: [422],
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(validCsv, wrongCsvContentType).map(
        ([text, ct]): FuzzCase => ({
          why: `content type ${JSON.stringify(ct)}`,
          method: 'POST',
          path,
          headers: csv('admin', ct),
          body: text,
          expect: [415],
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: oversizeBody.map(
        (o): FuzzCase => ({
          why: `over 256 KB (${o.kind})`,
          method: 'POST',
          path,
          headers: csv('admin', o.kind === 'binary' ? o.contentType : 'text/csv'),
          body: { oversize: o.kind, bytes: o.bytes },
          expect: [413],
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.integer({ min: 0, max: 1000 }), goodRows).map(
        ([value, good]): FuzzCase => ({
          why: 'rows for a closed quarter (officer)',
          method: 'POST',
          path,
          headers: csv('officer', 'text/csv'),
          body: csvText(
            ['measureId', 'period', 'value', 'commentary'],
            [
              ...good,
              { measureId: fixture.measureId, period: fixture.closedQuarter, value: String(value), commentary: 'late' },
            ],
            { bom: false, crlf: false },
          ),
          expect: [422],
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: authCases(
        route,
        ['emt', 'otherOfficer'],
        validCsv.map((body) => ({ path, body, contentType: 'text/csv' })),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            '/imports/results/',
            '/imports/results/x',
            '/imports/Results',
            '/imports',
            '/import/results',
            '/imports/results/..',
            '/imports/%2e%2e/imports/results/x',
            '/imports/results.csv',
          ),
          validCsv,
        )
        .filter(([p]) => !reachesWrite('POST', p))
        .map(
          ([p, text]): FuzzCase => ({
            why: 'unknown path',
            method: 'POST',
            path: p,
            headers: csv('admin', 'text/csv'),
            body: text,
            expect: [404],
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(otherMethod('POST'), validCsv).map(
        ([method, text]): FuzzCase => ({
          why: 'wrong method',
          method,
          path,
          headers: csv('admin', 'text/csv'),
          body: text,
          expect: [404],
        }),
      ),
    },
  );
}

// ---- POST /imports/definitions: CSV of one kind, or an .xlsx with both sheets ----
const measureSheetHeader = [
  'id',
  'plan',
  'programme',
  'title',
  'unit',
  'polarity',
  'frequency',
  'ownerDirectorate',
  'directorates',
  'tolerancePercent',
  'greenTolerancePercent',
  'toleranceAbsolute',
  'aggregation',
  'target 2018-19',
];
const actionSheetHeader = ['id', 'plan', 'programme', 'title', 'ownerDirectorate', 'startQuarter', 'dueQuarter'];
/** A valid new measure's cells (ids the fixture never holds). */
const goodMeasureCells = fc
  .tuple(fc.stringMatching(/^fz[a-z0-9]{1,8}$/), fc.integer({ min: 0, max: 100 }))
  .map(([id, target]): XlsxCell[] => [
    id,
    'cip',
    'Learning',
    `Measure ${id}`,
    '%',
    'higher',
    'quarterly',
    'Place',
    'Place;People',
    null,
    null,
    null,
    null,
    target,
  ]);
const goodActionCells = fc
  .stringMatching(/^fz[a-z0-9]{1,8}$/)
  .map((id): XlsxCell[] => [id, 'cip', 'Learning', `Action ${id}`, 'Place', '2018-19-Q1', null]);
/** One cell that no measure row may hold, and the column it goes in. */
const badMeasureCell: fc.Arbitrary<{ label: string; column: number; cell: XlsxCell }> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 13 }), fc.constantFrom('80', 'SUM(A1:A3)', 'HYPERLINK("http://x","y")', '1+1'))
    .map(([column, formula]) => ({ label: 'a formula', column, cell: { formula } })),
  fc
    .tuple(fc.constantFrom(9, 10, 11, 13), fc.integer({ min: 1, max: 60_000 }))
    .map(([column, date]) => ({ label: 'a date where a number belongs', column, cell: { date } })),
  fc
    .tuple(fc.integer({ min: 0, max: 13 }), fc.constantFrom('#DIV/0!', '#REF!', '#N/A', '#VALUE!'))
    .map(([column, error]) => ({ label: 'an error value', column, cell: { error } })),
  fc
    .tuple(
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 4001, max: 250_000 }),
      fc.constantFrom('x', '9', ' ', '=', 'é'),
    )
    .map(([column, length, ch]) => ({ label: 'a cell over 4,000 characters', column, cell: ch.repeat(length) })),
  fc
    .tuple(
      fc.constantFrom(9, 10, 11, 13),
      fc.constantFrom('eighty', '1,5', 'NaN', 'Infinity', '1e400', '0x10', '--1', '1..', '5..1x'),
    )
    .map(([column, text]) => ({ label: 'not a number', column, cell: text })),
  fc
    .tuple(fc.constantFrom(5, 6, 12), fc.constantFrom('sideways', 'Higher', 'weekly', 'median'))
    .map(([column, text]) => ({ label: 'not an allowed word', column, cell: text })),
  fc
    .constantFrom('constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty')
    .map((id) => ({ label: `${id} id with a bad plan`, column: 1, cell: `${id}!` })),
  badId
    .filter((id) => typeof id === 'string' && id !== '' && !idPattern.test(id.trim()))
    .map((id) => ({ label: 'a bad id', column: 0, cell: id })),
);

function definitionImportCases(): fc.Arbitrary<FuzzCase> {
  const route = routeTable.importDefinitions;
  const path = '/imports/definitions';
  const headers = (token: TokenName, ct: string | undefined) => ({
    authorization: `Bearer <${token}>`,
    ...(ct !== undefined && { 'content-type': ct }),
  });
  const xlsx = (why: string, bytes: Buffer, expect: readonly number[], token: TokenName = 'admin'): FuzzCase => ({
    why,
    method: 'POST',
    path,
    headers: headers(token, xlsxType),
    body: { base64: bytes.toString('base64') },
    expect,
  });
  const goodSheets = fc
    .tuple(fc.array(goodMeasureCells, { maxLength: 4 }), fc.array(goodActionCells, { maxLength: 3 }))
    .map(([m, a]): [string, XlsxCell[][]][] => [
      ['Measures', [measureSheetHeader, ...m]],
      ['Planned work', [actionSheetHeader, ...a]],
    ]);
  const withBadCell = fc.tuple(goodSheets, goodMeasureCells, badMeasureCell, fc.nat()).map(([sheets, row, bad, at]) => {
    const bent = [...row];
    bent[bad.column] = bad.cell;
    const measures = [...sheets[0]![1]];
    measures.splice(1 + (at % measures.length), 0, bent);
    return { label: bad.label, sheets: [['Measures', measures], sheets[1]!] as [string, XlsxCell[][]][] };
  });
  const csvOf = (rows: XlsxCell[][]) =>
    rows
      .map((r) =>
        r
          .map((c) => (c === null ? '' : typeof c === 'object' ? '=1+1' : String(c)))
          .map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
          .join(','),
      )
      .join('\n');
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.uint8Array({ minLength: 1, maxLength: 3000 }), fc.boolean())
        .map(([bytes, pk]) =>
          xlsx('a broken zip', Buffer.concat([pk ? Buffer.from('PK\u0003\u0004') : Buffer.alloc(0), bytes]), [400]),
        ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(goodSheets, fc.double({ min: 0.05, max: 0.95, noNaN: true })).map(([sheets, cut]) => {
        const whole = buildXlsx(sheets);
        return xlsx('a truncated workbook', whole.subarray(0, Math.floor(whole.length * cut)), [400]);
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          goodSheets,
          fc.oneof(
            fc.constantFrom('Measure', 'measures', 'MEASURES', 'Measures ', 'Sheet1', 'Planned Work', 'Planned-work'),
            anyText(12).map((n) => wellFormed(n).replace(/[\\/?*[\]:]/g, '') || 'x'),
          ),
          fc.boolean(),
        )
        .filter(([, name]) => name !== 'Measures' && name !== 'Planned work')
        .map(([sheets, name, first]) => {
          const renamed = sheets.map(([n, rows], i): [string, XlsxCell[][]] => [(i === 0) === first ? name : n, rows]);
          // Two sheets of one name is a different refusal; keep the names distinct.
          if (renamed[0]![0] === renamed[1]![0]) renamed[1]![0] = `${renamed[1]![0]}2`;
          // A name Excel forbids (? : [ ] …) makes the workbook unreadable: 400.
          return xlsx('wrong sheet names', buildXlsx(renamed), [400, 422]);
        }),
    },
    {
      weight: 6,
      arbitrary: withBadCell.map(({ label, sheets }) => xlsx(`cells: ${label}`, buildXlsx(sheets), [413, 422])),
    },
    {
      weight: 1,
      arbitrary: goodSheets.map((sheets) =>
        xlsx(
          'a macro (VBA project)',
          buildXlsx(sheets, { 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) }),
          [422],
        ),
      ),
    },
    {
      weight: 3,
      arbitrary: withBadCell.chain(({ label, sheets }) =>
        fc.boolean().map((crlf): FuzzCase => {
          const text = csvOf(sheets[0]![1]);
          return {
            why: `CSV cells: ${label}`,
            method: 'POST',
            path: `${path}?kind=measures`,
            headers: headers('admin', 'text/csv'),
            body: crlf ? text.replace(/\n/g, '\r\n') : text,
            // A long cell of multi-byte text can put the body over 256 KB: 413.
            expect: [400, 413, 422],
          };
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: goodSheets.map(
        (sheets): FuzzCase => ({
          why: 'CSV without ?kind=',
          method: 'POST',
          path,
          headers: headers('admin', 'text/csv'),
          body: csvOf(sheets[0]![1]),
          expect: [422],
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(goodSheets, wrongCsvContentType).map(
        ([sheets, ct]): FuzzCase => ({
          why: `content type ${JSON.stringify(ct)}`,
          method: 'POST',
          path: `${path}?kind=measures`,
          headers: headers('admin', ct),
          body: csvOf(sheets[0]![1]),
          expect: [415],
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: oversizeBody.map(
        (o): FuzzCase => ({
          why: `over 256 KB (${o.kind})`,
          method: 'POST',
          path: `${path}?kind=measures`,
          headers: headers('admin', o.kind === 'binary' ? xlsxType : 'text/csv'),
          body: { oversize: o.kind, bytes: o.bytes },
          expect: [413],
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: authCases(
        route,
        ['emt', 'officer', 'otherOfficer'],
        goodSheets.map((sheets) => ({
          path: `${path}?kind=measures`,
          body: csvOf(sheets[0]![1]),
          contentType: 'text/csv',
        })),
      ),
    },
  );
}

// ---- the models, one per write route ----
export function fuzzModels(): Record<WriteRouteName, fc.Arbitrary<FuzzCase>> {
  const resultPath = (q: string) => `/measures/${fixture.measureId}/results/${q}`;
  const updatePath = (q: string) => `/actions/${fixture.actionId}/updates/${q}`;
  const remedialPath = (q: string, item: string) => `/reports/${q}/critical-items/${item}/remedial-action`;
  const anyQuarter = fc.constantFrom(...fixture.openQuarters, '2016-17-Q4', '1000-01-Q1', '9998-99-Q4');
  return {
    putMeasure: jsonRouteCases({
      route: routeTable.putMeasure,
      validPath: fc.oneof(
        fc.constantFrom('/measures/planning', '/measures/new-measure'),
        // m…, a…: measures and planned work share one id namespace, so the two never draw the same id.
        fc.stringMatching(/^[A-Za-z0-9._-]{0,20}$/).map((id) => `/measures/m${id}`),
      ),
      validBody: measureBase,
      schemaInvalid: fc.oneof(
        {
          weight: 4,
          arbitrary: mutated(measureBase, mutations(measureFields, [], [...measureReadOnly, ...measureUnmodelled])),
        },
        { weight: 1, arbitrary: measureSemantic },
      ),
      badParams: badId.map((id) => ({ path: `/measures/${seg(id)}`, expect: [404, 422] })),
      forbidden: ['emt', 'officer', 'otherOfficer'],
    }),
    retireMeasure: noBodyRouteCases(
      routeTable.retireMeasure,
      fc.constant('/measures/planning'),
      fc.oneof(
        badId.map((id) => ({ path: `/measures/${seg(id)}`, expect: [404, 422] as const })),
        unknownId(knownIds).map((id) => ({ path: `/measures/${id}`, params: { id }, expect: [404] as const })),
        fc.constant({ path: '/measures/ldp', params: { id: 'ldp' }, expect: [404] as const }), // an action, not a measure
      ),
      ['emt', 'officer', 'otherOfficer'],
    ),
    putResult: jsonRouteCases({
      route: routeTable.putResult,
      validPath: openQuarter.map(resultPath),
      validBody: resultBase,
      schemaInvalid: fc.oneof(
        { weight: 5, arbitrary: mutated(resultBase, mutations(resultFields, [breakdownBad])) },
        { weight: 1, arbitrary: redWithoutCommentary },
      ),
      semantic: fc.oneof(
        resultBase.map(jsonText).map(
          (body): FuzzCase => ({
            why: 'closed quarter (officer)',
            method: 'PUT',
            path: resultPath(fixture.closedQuarter),
            headers: jsonHeaders('officer', 'application/json'),
            body,
            expect: [409],
          }),
        ),
        fc.tuple(openQuarter, resultBase.map(jsonText)).map(
          ([q, body]): FuzzCase => ({
            why: 'another directorate (officer)',
            method: 'PUT',
            path: resultPath(q),
            headers: jsonHeaders('otherOfficer', 'application/json'),
            body,
            expect: [403],
          }),
        ),
      ),
      badParams: fc.oneof(
        fc
          .tuple(badId, openQuarter)
          .map(([id, q]) => ({ path: `/measures/${seg(id)}/results/${q}`, expect: [404, 422] as const })),
        notPeriodId.map((p) => ({ path: resultPath(seg(p)), expect: [404, 422] as const })),
        nonQuarterPeriod.map((p) => ({
          path: resultPath(p),
          params: { id: fixture.measureId, period: p },
          expect: [422] as const,
        })),
        fc.tuple(unknownId(knownIds), openQuarter).map(([id, q]) => ({
          path: `/measures/${id}/results/${q}`,
          params: { id, period: q },
          expect: [404] as const,
        })),
      ),
      forbidden: ['emt'],
      ifMatch: true,
    }),
    signOffResult: jsonRouteCases({
      route: routeTable.signOffResult,
      validPath: openQuarter.map((q) => `${resultPath(q)}/sign-off`),
      validBody: signOffBase,
      schemaInvalid: mutated(signOffBase, mutations(signOffFields)),
      semantic: fc.tuple(openQuarter, signOffBase.map(jsonText)).map(
        ([q, body]): FuzzCase => ({
          why: 'sign-off is off',
          method: 'POST',
          path: `${resultPath(q)}/sign-off`,
          headers: jsonHeaders('admin', 'application/json', { 'if-match': '"1"' }),
          body,
          expect: [409],
        }),
      ),
      badParams: fc.oneof(
        fc.tuple(unknownId(knownIds), openQuarter).map(([id, q]) => ({
          path: `/measures/${id}/results/${q}/sign-off`,
          params: { id, period: q },
          expect: [404] as const,
        })),
        notPeriodId.map((p) => ({ path: `${resultPath(seg(p))}/sign-off`, expect: [404, 422] as const })),
      ),
      forbidden: ['emt', 'officer', 'otherOfficer'],
    }),
    signOffActionUpdate: jsonRouteCases({
      route: routeTable.signOffActionUpdate,
      validPath: openQuarter.map((q) => `${updatePath(q)}/sign-off`),
      validBody: signOffBase,
      schemaInvalid: mutated(signOffBase, mutations(signOffFields)),
      badParams: fc.tuple(unknownId(knownIds), openQuarter).map(([id, q]) => ({
        path: `/actions/${id}/updates/${q}/sign-off`,
        params: { id, quarter: q },
        expect: [404] as const,
      })),
      forbidden: ['emt', 'officer', 'otherOfficer'],
    }),
    putAction: jsonRouteCases({
      route: routeTable.putAction,
      validPath: fc.oneof(
        fc.constantFrom('/actions/ldp', '/actions/new-action'),
        fc.stringMatching(/^[A-Za-z0-9._-]{0,20}$/).map((id) => `/actions/a${id}`),
      ),
      validBody: actionBase,
      schemaInvalid: fc.oneof(
        { weight: 5, arbitrary: mutated(actionBase, mutations(actionFields, [], [...actionReadOnly, 'titleCy'])) },
        { weight: 1, arbitrary: actionSemantic },
      ),
      badParams: badId.map((id) => ({ path: `/actions/${seg(id)}`, expect: [404, 422] })),
      forbidden: ['emt', 'officer', 'otherOfficer'],
    }),
    retireAction: noBodyRouteCases(
      routeTable.retireAction,
      fc.constant('/actions/ldp'),
      fc.oneof(
        badId.map((id) => ({ path: `/actions/${seg(id)}`, expect: [404, 422] as const })),
        unknownId(knownIds).map((id) => ({ path: `/actions/${id}`, params: { id }, expect: [404] as const })),
        fc.constant({ path: '/actions/planning', params: { id: 'planning' }, expect: [404] as const }), // a measure, not planned work
      ),
      ['emt', 'officer', 'otherOfficer'],
    ),
    putActionUpdate: jsonRouteCases({
      route: routeTable.putActionUpdate,
      validPath: openQuarter.map(updatePath),
      validBody: updateBase,
      schemaInvalid: fc.oneof(
        { weight: 5, arbitrary: mutated(updateBase, mutations(updateFields)) },
        { weight: 1, arbitrary: amberWithoutCommentary },
      ),
      semantic: fc.oneof(
        updateBase.map(jsonText).map(
          (body): FuzzCase => ({
            why: 'closed quarter (officer)',
            method: 'PUT',
            path: updatePath(fixture.closedQuarter),
            headers: jsonHeaders('officer', 'application/json'),
            body,
            expect: [409],
          }),
        ),
        fc.tuple(openQuarter, updateBase.map(jsonText)).map(
          ([q, body]): FuzzCase => ({
            why: 'another directorate (officer)',
            method: 'PUT',
            path: updatePath(q),
            headers: jsonHeaders('otherOfficer', 'application/json'),
            body,
            expect: [403],
          }),
        ),
        fc.tuple(fc.constantFrom(...fixture.outsideAction), updateBase.map(jsonText)).map(
          ([q, body]): FuzzCase => ({
            why: 'quarter outside the action',
            method: 'PUT',
            path: updatePath(q),
            headers: jsonHeaders('admin', 'application/json'),
            body,
            expect: [422],
          }),
        ),
      ),
      badParams: fc.oneof(
        fc
          .tuple(badId, openQuarter)
          .map(([id, q]) => ({ path: `/actions/${seg(id)}/updates/${q}`, expect: [404, 422] as const })),
        notQuarterId.map((q) => ({ path: updatePath(seg(q)), expect: [404, 422] as const })),
        fc.tuple(unknownId(knownIds), openQuarter).map(([id, q]) => ({
          path: `/actions/${id}/updates/${q}`,
          params: { id, quarter: q },
          expect: [404] as const,
        })),
      ),
      forbidden: ['emt'],
      ifMatch: true,
    }),
    closeReport: noBodyRouteCases(
      routeTable.closeReport,
      anyQuarter.map((q) => `/reports/${q}/close`),
      notQuarterId.map((q) => ({ path: `/reports/${seg(q)}/close`, expect: [404, 422] as const })),
      ['emt', 'officer', 'otherOfficer'],
    ),
    reissueReport: noBodyRouteCases(
      routeTable.reissueReport,
      fc.constant(`/reports/${fixture.closedQuarter}/reissue`),
      fc.oneof(
        notQuarterId.map((q) => ({ path: `/reports/${seg(q)}/reissue`, expect: [404, 422] as const })),
        openQuarter.map((q) => ({ path: `/reports/${q}/reissue`, params: { quarter: q }, expect: [409] as const })), // never closed
      ),
      ['emt', 'officer', 'otherOfficer'],
    ),
    sendCloseEmailAgain: noBodyRouteCases(
      routeTable.sendCloseEmailAgain,
      fc.constant(`/reports/${fixture.closedQuarter}/email`),
      fc.oneof(
        notQuarterId.map((q) => ({ path: `/reports/${seg(q)}/email`, expect: [404, 422] as const })),
        openQuarter.map((q) => ({ path: `/reports/${q}/email`, params: { quarter: q }, expect: [409] as const })), // never closed
      ),
      ['emt', 'officer', 'otherOfficer'],
    ),
    putRemedialAction: jsonRouteCases({
      route: routeTable.putRemedialAction,
      validPath: fc.tuple(anyQuarter, fc.constantFrom(...knownIds)).map(([q, item]) => remedialPath(q, item)),
      validBody: remedialBase,
      schemaInvalid: mutated(remedialBase, mutations(remedialFields)),
      badParams: fc.oneof(
        fc
          .tuple(notQuarterId, fc.constantFrom(...knownIds))
          .map(([q, item]) => ({ path: remedialPath(seg(q), item), expect: [404, 422] as const })),
        fc
          .tuple(openQuarter, badId)
          .map(([q, item]) => ({ path: remedialPath(q, seg(item)), expect: [404, 422] as const })),
        fc.tuple(openQuarter, unknownId(knownIds)).map(([q, item]) => ({
          path: remedialPath(q, item),
          params: { quarter: q, itemId: item },
          expect: [404] as const,
        })),
      ),
      forbidden: ['officer', 'otherOfficer'],
    }),
    putSettings: jsonRouteCases({
      route: routeTable.putSettings,
      validPath: fc.constant('/settings'),
      validBody: settingsBase,
      schemaInvalid: fc.oneof(
        {
          weight: 5,
          arbitrary: mutated(
            settingsBase,
            mutations(settingsFields, settingsNested, [...settingsReadOnly, ...settingsUnmodelled]),
          ),
        },
        {
          weight: 1,
          arbitrary: settingsBase.chain((base) =>
            fc.oneof(
              fc.double({ min: 10.5, max: 1000, noNaN: true }).map((g) => ({
                labels: 'green band wider than amber',
                text: jsonText(base.set('greenTolerancePercent', g)),
              })),
              fc.double({ min: 80.5, max: 1000, noNaN: true }).map((r) => ({
                labels: 'red threshold above green',
                text: jsonText(base.set('overallRedBelowPercent', r)),
              })),
            ),
          ),
        },
      ),
      badParams: fc.constant({ path: '/settings/x', expect: [404] }),
      forbidden: ['emt', 'officer', 'otherOfficer'],
    }),
    putPerson: jsonRouteCases({
      route: routeTable.putPerson,
      validPath: fuzzPeople.map(personPath),
      validBody: personBase,
      schemaInvalid: fc.oneof(
        { weight: 5, arbitrary: mutated(personBase, mutations(personFields, [], personReadOnly)) },
        { weight: 1, arbitrary: personWithoutDirectorate },
      ),
      badParams: badEmail
        .filter((e): e is string => typeof e === 'string')
        .map((e) => ({ path: personPath(seg(e)), expect: [404, 422] as const })),
      forbidden: ['emt', 'officer', 'otherOfficer'],
    }),
    putMyLanguage: jsonRouteCases({
      route: routeTable.putMyLanguage,
      validPath: fc.constant('/me/language'),
      validBody: myLanguageBase,
      schemaInvalid: mutated(myLanguageBase, mutations(myLanguageFields)),
      badParams: fc.constantFrom('/me/language/x', '/me/languages', '/me/language/cy').map((path) => ({
        path,
        expect: [404] as const,
      })),
      // Anyone signed in may choose their own language: only a bad token is refused.
      forbidden: [],
    }),
    deletePerson: noBodyRouteCases(
      routeTable.deletePerson,
      fuzzPeople.map(personPath),
      fc.oneof(
        badEmail
          .filter((e): e is string => typeof e === 'string')
          .map((e) => ({ path: personPath(seg(e)), expect: [404, 422] as const })),
        fc.constantFrom('nobody@example.org', '__proto__@example.org').map((email) => ({
          path: personPath(email),
          params: { email },
          expect: [404] as const,
        })),
      ),
      ['emt', 'officer', 'otherOfficer'],
    ),
    importResults: importCases(),
    importDefinitions: definitionImportCases(),
    rollForward: jsonRouteCases({
      route: routeTable.rollForward,
      validPath: fc.constant('/plans/cip/roll-forward'),
      validBody: rollForwardBase,
      schemaInvalid: fc.oneof(
        { weight: 5, arbitrary: mutated(rollForwardBase, mutations(rollForwardFields)) },
        { weight: 1, arbitrary: sameYear },
      ),
      badParams: badSlug
        .filter((p): p is string => typeof p === 'string')
        .map((p) => ({ path: `/plans/${seg(p)}/roll-forward`, expect: [404, 422] as const })),
      forbidden: ['emt', 'officer', 'otherOfficer'],
    }),
  };
}

/** The stored settings at fixture time (tolerance 10, green band 0, overall green ≥ 80, red < 50). */
let settingsJson: Record<string, unknown> | undefined;
export function useSettings(settings: Record<string, unknown>) {
  settingsJson = settings;
}
const settingsBase = fc.constant(null).map(() => {
  if (!settingsJson) throw new Error('call useSettings() with the stored settings first');
  return fromPlain(settingsJson) as Obj;
});

export const writeRouteNames = [
  'putMeasure',
  'retireMeasure',
  'putResult',
  'putAction',
  'retireAction',
  'putActionUpdate',
  'signOffResult',
  'signOffActionUpdate',
  'closeReport',
  'reissueReport',
  'sendCloseEmailAgain',
  'putRemedialAction',
  'putSettings',
  'putPerson',
  'putMyLanguage',
  'deletePerson',
  'importResults',
  'importDefinitions',
  'rollForward',
] as const;
export type WriteRouteName = (typeof writeRouteNames)[number];
// Every write route of the table has a model: a new one fails to compile here until it does.
type MissingWriteRoutes = Exclude<
  { [K in RouteName]: (typeof routeTable)[K]['method'] extends 'GET' ? never : K }[RouteName],
  WriteRouteName
>;
const _allWriteRoutesCovered: MissingWriteRoutes extends never ? true : false = true;
void _allWriteRoutesCovered;

/** The zod schema (its getter) behind each JSON model, for the offline check that schema cases really break it. */
export const bodySchemas = {
  putMeasure: measureDefinitionSchema,
  putResult: resultSchema,
  putAction: actionDefinitionSchema,
  putActionUpdate: actionUpdateSchema,
  signOffResult: signOffSchema,
  signOffActionUpdate: signOffSchema,
  putRemedialAction: remedialActionSchema,
  putSettings: settingsChangeSchema,
  putPerson: personSchema,
  putMyLanguage: myLanguageSchema,
} as const;

/** Just the bodies the schema cases send, per JSON route (for that offline check). */
export function schemaInvalidBodies(
  settings: Record<string, unknown>,
): Record<keyof typeof bodySchemas, fc.Arbitrary<{ labels: string; text: string }>> {
  useSettings(settings);
  return {
    putMeasure: fc.oneof(
      mutated(measureBase, mutations(measureFields, [], [...measureReadOnly, ...measureUnmodelled])),
      measureSemantic,
    ),
    putResult: fc.oneof(mutated(resultBase, mutations(resultFields, [breakdownBad])), redWithoutCommentary),
    putAction: fc.oneof(
      mutated(actionBase, mutations(actionFields, [], [...actionReadOnly, 'titleCy'])),
      actionSemantic,
    ),
    putActionUpdate: fc.oneof(mutated(updateBase, mutations(updateFields)), amberWithoutCommentary),
    signOffResult: mutated(signOffBase, mutations(signOffFields)),
    signOffActionUpdate: mutated(signOffBase, mutations(signOffFields)),
    putRemedialAction: mutated(remedialBase, mutations(remedialFields)),
    putSettings: mutated(
      settingsBase,
      mutations(settingsFields, settingsNested, [...settingsReadOnly, ...settingsUnmodelled]),
    ),
    putPerson: fc.oneof(mutated(personBase, mutations(personFields, [], personReadOnly)), personWithoutDirectorate),
    putMyLanguage: mutated(myLanguageBase, mutations(myLanguageFields)),
  };
}

/** The valid bodies the models start from (the offline check proves its oracle accepts them). */
export function validBodies(settings: Record<string, unknown>): Record<keyof typeof bodySchemas, fc.Arbitrary<string>> {
  useSettings(settings);
  return {
    putMeasure: measureBase.map(jsonText),
    putResult: resultBase.map(jsonText),
    putAction: actionBase.map(jsonText),
    putActionUpdate: updateBase.map(jsonText),
    signOffResult: signOffBase.map(jsonText),
    signOffActionUpdate: signOffBase.map(jsonText),
    putRemedialAction: remedialBase.map(jsonText),
    putSettings: settingsBase.map(jsonText),
    putPerson: personBase.map(jsonText),
    putMyLanguage: myLanguageBase.map(jsonText),
  };
}

/** A body POST close accepts: a JSON object with at most a boolean `early`. */
function acceptedOptionalBody(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    return Object.entries(value).every(([k, v]) => k === 'early' && typeof v === 'boolean');
  } catch {
    return false;
  }
}
