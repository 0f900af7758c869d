import fc from 'fast-check';
import { safeParse } from 'zod/mini';
import { isMonthId, isQuarterId, isYearId } from '../../../lambdas/domain/periods';
import { withoutNonXml } from '../../../lambdas/domain/text';
import { maxBodyBytes } from '../../../lambdas/http/middleware';
import { catchAllRoute, type RouteDef, routes } from '../../../lambdas/http/routes';
import { type J, Obj, raw } from './json';

// Building blocks for malformed requests. Every arbitrary named `bad…`/`not…`/`invalid…`
// yields only values the API must refuse; the route models combine them so that each
// generated request is invalid by construction, never an accidental valid write.

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Any string that survives percent-encoding (lone surrogates become U+FFFD). */
export const wellFormed = (s: string) => s.replace(loneSurrogate, '\uFFFD');

/** Unicode, control characters, emoji, RTL overrides, lone surrogates: for free text. */
export const anyText = (maxLength = 30) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({
      unit: fc.constantFrom(
        '\u0000',
        '\u0007',
        '\u001b',
        '\u007f',
        '\u202e',
        '\u200b',
        '\ufeff',
        '\ud800',
        '😀',
        'é',
        '"',
        '\\',
        '\n',
        '\r',
        '\t',
        'x',
      ),
      maxLength,
    }),
  );

/** anyText without what XML 1.0 cannot hold: text a valid request may carry (domain/text.ts). */
export const storableText = (maxLength = 30) => anyText(maxLength).map(withoutNonXml);

// ---- JSON values of the wrong kind ----
const specialNumberText = fc.constantFrom(
  '-0',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '1E+308',
  '5e-324',
  '0.1e-400',
);
const infiniteNumberText = fc.constantFrom('1e400', '-1e400', '1E999', '-123e456');
const jsonNumber: fc.Arbitrary<J> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  specialNumberText.map(raw),
);
const stringsThatLookNumeric = fc.constantFrom(
  'NaN',
  '-NaN',
  'Infinity',
  '+Infinity',
  '-Infinity',
  '-0',
  '0',
  '1',
  '1e400',
  '0x10',
  '1_000',
  '١٢',
  '',
  ' ',
);
const deepArray = fc.integer({ min: 50, max: 20_000 }).map((n) => raw('['.repeat(n) + ']'.repeat(n)));
const deepObject = fc.integer({ min: 50, max: 5_000 }).map((n) => raw(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`));
const smallObject: fc.Arbitrary<J> = fc
  .array(
    fc.tuple(
      fc.oneof(anyText(8), fc.constantFrom('__proto__', 'constructor', 'prototype')),
      fc.oneof(fc.constant(null), fc.integer(), anyText(8)),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => new Obj(pairs));

export const notString: fc.Arbitrary<J> = fc.oneof(
  jsonNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.array(anyText(5), { minLength: 1, maxLength: 3 }),
  smallObject,
  deepArray,
  deepObject,
);
export const notNumber: fc.Arbitrary<J> = fc.oneof(
  stringsThatLookNumeric,
  anyText(10),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.array(fc.integer(), { minLength: 1, maxLength: 2 }),
  smallObject,
  infiniteNumberText.map(raw),
  deepArray,
);
export const notBoolean: fc.Arbitrary<J> = fc.oneof(
  fc.constantFrom('true', 'false', 'yes', ''),
  fc.constantFrom(0, 1),
  fc.constant(null),
  fc.constant([]),
  smallObject,
);
export const notArray: fc.Arbitrary<J> = fc.oneof(
  anyText(10),
  jsonNumber,
  fc.boolean(),
  fc.constant(null),
  smallObject,
);
export const notObject: fc.Arbitrary<J> = fc.oneof(
  anyText(10),
  jsonNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  deepArray,
);
/** Any JSON value at all (for extra keys). */
export const anyJson: fc.Arbitrary<J> = fc.oneof(notString, anyText(10));

/** Longer than `max` even after trimming; sometimes enormous (but under the body limit). */
export const tooLong = (max: number) =>
  fc
    .tuple(
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 50 }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 150_000 }) },
      ),
      anyText(5),
    )
    .map(([extra, noise]) => `x${noise}${'y'.repeat(max + extra)}`);
/** Empty once trimmed, as zod's `.trim()` sees it. */
export const blank = fc.constantFrom('', ' ', '   ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\ufeff', ' \u2028 ');
export const badText = (max: number, required: boolean) =>
  required ? fc.oneof(notString, tooLong(max), blank) : fc.oneof(notString, tooLong(max));
export const badEnum = (words: readonly string[]) =>
  fc
    .oneof(
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(...words).map((w) => ` ${w}`),
      fc.constantFrom(...words).map((w) => `${w}\u0000`),
      fc.constantFrom(...words).map((w) => w.replace(/e/g, 'е')), // Cyrillic е
      anyText(10),
    )
    .filter((w) => !words.includes(w))
    .map((w): J => w);
export const badEnumValue = (words: readonly string[]): fc.Arbitrary<J> => fc.oneof(badEnum(words), notString);

/** Strings that are not quarter ids, many of them nearly so. */
export const notQuarterId = fc
  .oneof(
    fc.constantFrom(
      '2017-18-Q5',
      '2017-18-Q0',
      '2017-19-Q1',
      '2017-18-q1',
      '2017-18',
      '2018-03',
      '0999-00-Q4',
      '9999-00-Q1',
      '2017-18-Q1 ',
      ' 2017-18-Q1',
      '2017-18-Q1\n',
      '2017\u201318-Q1',
      '\uff12\uff10\uff11\uff17-18-Q1',
      '2017-18-Q\u0661',
      '2017-18-Q01',
      '17-18-Q1',
      '2017-2018-Q1',
      '2017/18-Q1',
      '__proto__',
      'constructor',
      'NaN',
      'Infinity',
      '-0',
      '2017-18-Q1%00',
      '2017-18-Q1;',
      'Q1',
      '2017-18-Q-1',
      '+2017-18-Q1',
    ),
    fc.stringMatching(/^\d{4}-\d{2}-Q\d$/),
    anyText(15),
  )
  .filter((q) => !isQuarterId(q));
/** Neither a year, a quarter nor a month. */
export const notPeriodId = fc
  .oneof(
    notQuarterId,
    fc.constantFrom('2018-13', '2018-00', '2017-17', '0999-00', '2018-3', '2018-003', 'March 2018', '2018-03-01'),
    fc.stringMatching(/^\d{4}-\d{2}$/),
  )
  .filter((p) => !isQuarterId(p) && !isMonthId(p) && !isYearId(p));
/** Valid period ids that are not quarters (a quarterly measure refuses them). */
export const nonQuarterPeriod = fc.constantFrom('2017-18', '2018-02', '2017-04', '2011-12', '2016-17');

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const badId = fc
  .oneof(
    fc.constantFrom(
      '',
      '.',
      '..',
      '...',
      '_x',
      '-x',
      '.x',
      '__proto__',
      'a b',
      'a/b',
      '../settings',
      '..\\..\\etc\\passwd',
      'x%00',
      'x\u0000',
      '\u00e9',
      'x\u202e',
      '\u{1F600}',
      'x?y',
      'x#y',
      'x;y',
      'x:y',
      'x@y',
      "x'y",
      'x"y',
      'x<y>',
      'x\ny',
      'x\ty',
      '%2e%2e',
      '$default',
      'x*',
    ),
    anyText(30),
    fc.integer({ min: 101, max: 400 }).map((n) => 'a'.repeat(n)),
  )
  .map(wellFormed)
  .filter((id) => !idPattern.test(id));
/** Well-formed ids that name nothing in the fixture (including JavaScript's built-in names). */
export const unknownId = (known: readonly string[]) =>
  fc
    .oneof(
      fc.constantFrom(
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'prototype',
        'nope',
        'PLANNING',
        'planning.',
        'ldp-',
      ),
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/),
    )
    .filter((id) => idPattern.test(id) && !known.includes(id));

export const badSlug = fc
  .oneof(
    fc.constantFrom('', 'CIP', 'c i p', 'cip_', '\u00e7ip', 'a'.repeat(41), '__proto__', 'cip\n'),
    anyText(12),
    notString,
  )
  .filter((s) => typeof s !== 'string' || !/^[a-z0-9-]{1,40}$/.test(s));
export const badEmail = fc
  .oneof(
    fc.constantFrom(
      '',
      'emt',
      '@localhost',
      'emt@',
      'emt@@localhost',
      'emt@-localhost',
      'e mt@localhost',
      'emt@localhost.',
      '<emt@localhost>',
      'emt@localhost, x@localhost',
      `${'a'.repeat(250)}@localhost`,
    ),
    notString,
  )
  .filter(
    (s) =>
      typeof s !== 'string' ||
      !/^[^\s@<>,;:"()[\]]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(s) ||
      s.length > 254,
  );

// ---- whole bodies ----
/** Texts JSON.parse refuses. */
export const malformedJson = (validText: string) =>
  fc
    .oneof(
      fc.integer({ min: 0, max: Math.max(0, validText.length - 1) }).map((n) => validText.slice(0, n)),
      fc.constantFrom(
        '',
        ' ',
        '{',
        '}',
        '{"value":}',
        '{value:1}',
        "{'value':1}",
        '{"value":1,}',
        '{"value":NaN}',
        '{"value":Infinity}',
        '{"value":-Infinity}',
        '{"value":undefined}',
        '{"value":0x10}',
        '{"value":+1}',
        '{"value":.5}',
        '{"value":01}',
        '{"value":1}}',
        '{"value":1} x',
        '/*c*/{"value":1}',
        '\ufeff{"value":1}',
        'null null',
        '"\u0000"',
        '{"a":"\u0001"}',
        '{"a":"\\x41"}',
        '{"a":"\\u12"}',
        '[1,2',
        'tru',
        'nul',
        '\u0000',
      ),
      fc.integer({ min: 2, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n - 1)),
      anyText(40),
      fc
        .tuple(fc.integer({ min: 1, max: Math.max(1, validText.length - 1) }), anyText(3))
        .map(([at, junk]) => `${validText.slice(0, at) + junk}\u0000${validText.slice(at)}`),
    )
    .filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    });

export const wrongJsonContentType = fc.constantFrom<string | undefined>(
  undefined,
  '',
  'text/plain',
  'text/plain; charset=utf-8',
  'text/json',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/jsonp',
  'application/javascript',
  'json',
  'text/csv',
  'application/json5',
);
export const wrongCsvContentType = fc.constantFrom<string | undefined>(
  undefined,
  '',
  'text/plain',
  'application/json',
  'text/csvx',
  'text/tab-separated-values',
  'application/octet-stream',
  'multipart/form-data; boundary=x',
  'csv',
);
/** Bodies (and content types) for a route that takes none; never empty, since an empty body is no body. */
export const unwantedBody = fc.tuple(
  fc.oneof(
    fc.constant('{}'),
    fc.constant('null'),
    anyText(40).filter((s) => s.length > 0),
    fc.constant('measureId,period,value\nx,2017-18-Q1,1\n'),
  ),
  fc.constantFrom<string | undefined>(
    undefined,
    'application/json',
    'text/plain',
    'text/csv',
    'application/octet-stream',
  ),
);

export type OversizeKind = 'json' | 'malformed' | 'csv' | 'binary';
/** Bodies just over the limit up to a few times it: JSON-ish, malformed, CSV or binary (described; see oversizeBytes). */
export const oversizeBody = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 3 * maxBodyBytes })),
    fc.constantFrom<OversizeKind>('json', 'malformed', 'csv', 'binary'),
  )
  .map(([over, kind]) => ({
    kind,
    bytes: maxBodyBytes + over,
    contentType:
      kind === 'json' || kind === 'malformed'
        ? 'application/json'
        : kind === 'csv'
          ? 'text/csv'
          : 'application/octet-stream',
  }));

/** The body an oversize description stands for: exactly `bytes` long. */
export function oversizeBytes(kind: OversizeKind, bytes: number): Buffer {
  const fill = (head: string, unit: string, tail: string) => {
    const n = Math.max(0, bytes - head.length - tail.length);
    return Buffer.from(head + unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + tail, 'utf8');
  };
  if (kind === 'json') return fill('{"value":1,"commentary":"', 'x', '"}');
  if (kind === 'malformed') return fill('{"value": ', '9', '');
  if (kind === 'csv') return fill('measureId,period,value,commentary\n', 'planning,2017-18-Q1,90,ok\n', '');
  return Buffer.alloc(bytes, 0xa7);
}

// ---- paths ----
const compiled = routes.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{([^}]+)\}/g, (_m, n: string) => {
    names.push(n);
    return '([^/]+)';
  });
  return { route, names, pattern: new RegExp(`^${source}$`) };
});

/** Which route the local server (and API Gateway) would give this method and raw path, as api-server.ts does. */
export function routeOf(method: string, rawPath: string): { route: RouteDef; params: Record<string, string> } {
  let pathname: string;
  try {
    pathname = new URL(rawPath, 'http://localhost').pathname;
  } catch {
    return { route: catchAllRoute, params: {} };
  }
  for (const c of compiled) {
    if (c.route.method !== method.toUpperCase()) continue;
    const m = c.pattern.exec(pathname);
    if (!m) continue;
    try {
      return { route: c.route, params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
    } catch {
      return { route: catchAllRoute, params: {} };
    }
  }
  return { route: catchAllRoute, params: {} };
}

/** True when the request would reach a write route with path parameters its schema accepts. */
export function reachesWrite(method: string, rawPath: string): boolean {
  const { route, params } = routeOf(method, rawPath);
  if (route === catchAllRoute || route.method === 'GET') return false;
  return !route.params || safeParse(route.params(), params).success;
}

export const seg = (s: string) => encodeURIComponent(wellFormed(s));

/** Unknown and traversal-like variants of a valid path (filtered later so none reaches a write route). */
export const mangledPath = (validPath: string) => {
  const parts = validPath.split('/').filter(Boolean);
  return fc.oneof(
    fc.constantFrom(
      `${validPath}/`,
      `${validPath}/extra`,
      `${validPath}.json`,
      `${validPath};x=1`,
      `${validPath}/..`,
      `${validPath}/%2e%2e`,
      `/${validPath}`,
      validPath.toUpperCase(),
      `/${parts.slice(0, -1).join('/')}`,
      `${validPath}/../..`,
      `${validPath}%2F..%2F..`,
      `/..${validPath}`,
      `/%2e%2e${validPath}`,
      `${validPath}%00`,
      `${validPath}%`,
      `${validPath}%E0%A4%A`,
      `${validPath}%zz`,
      `${validPath}\\..\\..`,
      `/api${validPath}`,
      `/v1${validPath}`,
      validPath.replace(/\//g, '//'),
      validPath.replace(/\//g, '/./'),
      `/${validPath.slice(1).replace(/\//g, '%2F')}`,
      `/${[...parts].reverse().join('/')}`,
    ),
    fc
      .tuple(
        fc.integer({ min: 0, max: parts.length }),
        fc.constantFrom('..', '%2e%2e', '.', '..%2F..', '%252e%252e', '..;', '~', '*', '%00'),
      )
      .map(([at, s]) => {
        const copy = [...parts];
        copy.splice(at, 0, s);
        return `/${copy.join('/')}`;
      }),
    fc
      .array(
        fc.oneof(
          fc.constantFrom('measures', 'results', 'actions', 'updates', 'reports', 'settings', 'imports', '..'),
          fc.stringMatching(/^[a-z0-9-]{1,8}$/),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((xs) => `/${xs.join('/')}`),
  );
};

/** A method other than the route's (and never GET/HEAD, which would be reads). */
export const otherMethod = (method: string) =>
  fc.constantFrom(...['PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'].filter((m) => m !== method));

/** Authorization headers API Gateway's JWT authorizer refuses (401). */
/** (`<admin>` stands for the admin's valid token, `<admin.h>` `<admin.p>` `<admin.s>` for its three parts.) */
export const badAuthorization = fc.oneof(
  fc.constantFrom<string | undefined>(
    undefined,
    '',
    'Bearer',
    'Bearer ',
    `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    'bearer<admin>',
    '<admin>',
    'Bearer <admin>x',
    'Bearer x<admin>',
    'Bearer <admin.h>.<admin.p>.',
    'Bearer <admin.h>.<admin.p>',
    'Bearer <admin.p>.<admin.h>.<admin.s>',
    'Bearer <admin> <admin>',
    'Token <admin>',
  ),
  anyText(20).map((x) => `Bearer ${wellFormed(x).replace(/[^\x21-\x7e]/g, '')}x`),
);
