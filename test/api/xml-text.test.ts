// The one text rule (docs/rules.md "Text", SPEC §5): user text holds only XML 1.0
// characters, so every output (HTML, Word, Excel) can carry what was accepted. A fuzz
// through real HTTP: characters XML cannot hold, in every text field of every JSON body,
// the text query strings and path, and every cell of both importers (CSV and .xlsx).
// Every answer is 422 (naming the field) or 2xx; afterwards every Word and Excel file
// the API makes parses as XML, the close email's Word draft included.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { xlsxMediaType } from '../../lambdas/domain/media-types';
import { buildXlsx } from '../reliability/fuzz/xlsx';
import { useTestStack } from '../support/api-test';
import { malformedXmlParts } from '../support/office';
import { placeAction, placeMeasure } from '../support/route-samples';

const t = useTestStack({
  throttleRate: 1e6,
  throttleBurst: 1e6,
  tokens: {
    admin: 'admin',
    emt: 'emt',
    officer: { role: 'officer', directorate: 'Place' },
    approver: { role: 'approver', directorate: 'Place' },
  },
});
const quarter = '2017-18-Q2';

beforeAll(async () => {
  expect((await t.call('PUT', '/measures/planning', { token: t.tokens.admin, body: placeMeasure })).status).toBe(201);
  expect((await t.call('PUT', '/actions/ldp', { token: t.tokens.admin, body: placeAction })).status).toBe(201);
  // Red, so the measure is a critical item with a remedial action to record.
  const red = await t.call('PUT', `/measures/planning/results/${quarter}`, {
    token: t.tokens.officer,
    body: { value: 40, commentary: 'Two planners left.' },
  });
  expect(red.status).toBe(201);
  expect(
    (await t.call('PUT', `/actions/ldp/updates/${quarter}`, { token: t.tokens.officer, body: { status: 'green' } }))
      .status,
  ).toBe(201);
});

// Characters XML 1.0 cannot hold: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates.
const controls = [...Array(32).keys()]
  .filter((c) => c !== 9 && c !== 10 && c !== 13)
  .map((c) => String.fromCharCode(c));
const nonXml = [...controls, '\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff'];
/** Those a URL or a UTF-8 body can carry (a lone surrogate cannot be encoded: it arrives as U+FFFD). */
const encodable = nonXml.filter((c) => !/[\ud800-\udfff]/.test(c));
/** Every field gets these; fast-check then tries the others at random. */
const everyField = ['\u0000', '\u000b', '\ufffe', '\ud800'];

const pointerSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const insert = (text: string, bad: string, at: number) => {
  const i = Math.min(text.length, Math.floor(at * (text.length + 1)));
  return `${text.slice(0, i)}${bad}${text.slice(i)}`;
};

interface TextField {
  /** JSON Pointer of the value, or of the object whose key is changed. */
  pointer: string;
  key: boolean;
  with(bad: string, at: number): unknown;
}

/** Every string value and every object key inside `body`, each with a way to put a character in it. */
function textFields(body: unknown): TextField[] {
  const fields: TextField[] = [];
  const walk = (node: unknown, pointer: string, rebuild: (value: unknown) => unknown) => {
    if (typeof node === 'string') {
      fields.push({ pointer, key: false, with: (bad, at) => rebuild(insert(node, bad, at)) });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => {
        walk(item, `${pointer}/${i}`, (value) => rebuild(node.map((x, j) => (j === i ? value : x))));
      });
    } else if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node);
      entries.forEach(([key, item], i) => {
        fields.push({
          pointer,
          key: true,
          with: (bad, at) =>
            rebuild(Object.fromEntries(entries.map(([k, v], j) => (j === i ? [insert(k, bad, at), v] : [k, v])))),
        });
        walk(item, `${pointer}/${pointerSegment(key)}`, (value) =>
          rebuild(Object.fromEntries(entries.map(([k, v], j) => (j === i ? [k, value] : [k, v])))),
        );
      });
    }
  };
  walk(body, '', (value) => value);
  return fields;
}

/** Whitespace to String.prototype.trim (U+000B, U+000C) at the start or end of the text: trimmed fields drop it. */
function trimmable(field: TextField, bad: string, at: number): boolean {
  if (bad.trim() !== '') return false;
  const probe = JSON.stringify(field.with('\u0001', at));
  const i = probe.indexOf('\\u0001');
  // In the JSON text, the probe sits right after a string's opening quote or right before its closing one.
  return probe.slice(0, i).endsWith('"') || probe.slice(i + 6).startsWith('"');
}

interface JsonRoute {
  name: string;
  method: string;
  path: string;
  token: keyof typeof t.tokens;
  body: unknown;
  headers?: Record<string, string>;
}

/** A valid request for every route that takes a JSON body, each text field filled in. */
async function jsonRoutes(): Promise<JsonRoute[]> {
  const settings = await (await t.call('GET', '/settings', { token: t.tokens.admin })).json();
  return [
    {
      name: 'put-measure',
      method: 'PUT',
      path: '/measures/planning',
      token: 'admin',
      body: { ...placeMeasure, directorateTargets: { Place: { '2017-18': 80 } } },
    },
    { name: 'put-action', method: 'PUT', path: '/actions/ldp', token: 'admin', body: placeAction },
    {
      name: 'put-result',
      method: 'PUT',
      path: `/measures/planning/results/${quarter}`,
      token: 'officer',
      body: { value: 41, commentary: 'Still two planners short.', breakdown: { Place: 41 } },
    },
    {
      name: 'put-action-update',
      method: 'PUT',
      path: `/actions/ldp/updates/${quarter}`,
      token: 'officer',
      body: { status: 'amber', commentary: 'Consultation late.' },
    },
    {
      name: 'sign-off-result',
      method: 'POST',
      path: `/measures/planning/results/${quarter}/sign-off`,
      token: 'approver',
      body: { decision: 'return', reason: 'Check the figure.' },
      headers: { 'if-match': '"1"' },
    },
    {
      name: 'sign-off-action-update',
      method: 'POST',
      path: `/actions/ldp/updates/${quarter}/sign-off`,
      token: 'approver',
      body: { decision: 'return', reason: 'Say what is late.' },
      headers: { 'if-match': '"1"' },
    },
    {
      name: 'put-remedial-action',
      method: 'PUT',
      path: `/reports/${quarter}/critical-items/planning/remedial-action`,
      token: 'emt',
      body: { text: 'Recruit two planning officers.', owner: 'Head of Planning', dueDate: '2018-03-31' },
    },
    {
      name: 'put-person',
      method: 'PUT',
      path: '/people/planning.officer@example.org',
      token: 'admin',
      body: { roles: ['officer'], directorate: 'Place' },
    },
    { name: 'put-settings', method: 'PUT', path: '/settings', token: 'admin', body: settings },
    {
      name: 'roll-forward',
      method: 'POST',
      path: '/plans/no-such-plan/roll-forward',
      token: 'admin',
      body: { from: '2017-18', to: '2018-19' },
    },
  ];
}

interface Answer {
  status: number;
  errors: { path: string; message: string }[];
  text: string;
}
async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let errors: Answer['errors'] = [];
  try {
    errors = (JSON.parse(text) as { errors?: Answer['errors'] }).errors ?? [];
  } catch {}
  return { status: res.status, errors, text };
}

/** 422 naming `pointer` (or a field inside it, or the object holding it), or 2xx. */
function expectRefusedOrStored(a: Answer, label: string, pointer?: string) {
  const ok = (a.status >= 200 && a.status < 300) || a.status === 422;
  expect(ok, `${label}: ${a.status} ${a.text.slice(0, 300)}`).toBe(true);
  if (a.status === 422 && pointer !== undefined) {
    const named = a.errors.some(
      (e) => e.path === pointer || e.path.startsWith(`${pointer}/`) || pointer.startsWith(`${e.path}/`),
    );
    expect(named, `${label}: the 422 names ${pointer}: ${a.text.slice(0, 300)}`).toBe(true);
  }
}

const counts = { json: 0, query: 0, csv: 0, xlsx: 0, refused: 0 };
const tally = (a: Answer) => {
  if (a.status === 422) counts.refused++;
};

// Hundreds of requests each: generous under a loaded CI machine (no timing is asserted).
describe('characters XML cannot hold', { timeout: 300_000 }, () => {
  it('in every text field (values and keys) of every JSON body: 422 naming the field', async () => {
    for (const route of await jsonRoutes()) {
      const base = await answer(
        await t.call(route.method, route.path, {
          token: t.tokens[route.token],
          body: route.body,
          headers: route.headers,
        }),
      );
      // The request as it stands is no schema error: a refusal below is about the character.
      expect(base.status, `${route.name} as it stands: ${base.text.slice(0, 300)}`).not.toBe(422);
      expect(base.status).toBeLessThan(500);
      for (const field of textFields(route.body)) {
        // Inside the text, and at either end (where trimmed fields may drop a vertical tab or form feed: 2xx).
        const tries = [...everyField.map((bad) => [bad, 0.5] as const), ['\u0000', 0] as const, ['\uffff', 1] as const];
        for (const [bad, at] of tries) {
          const body = field.with(bad, at);
          const a = await answer(
            await t.call(route.method, route.path, { token: t.tokens[route.token], body, headers: route.headers }),
          );
          const label = `${route.name} ${field.key ? 'a key of' : ''} ${field.pointer || '/'} with U+${bad.charCodeAt(0).toString(16).padStart(4, '0')} at ${at}`;
          expectRefusedOrStored(a, label, field.pointer);
          // Unless a trimmed field dropped a vertical tab or form feed at its end, it is refused.
          if (!trimmable(field, bad, at)) expect(a.status, `${label}: ${a.text.slice(0, 300)}`).toBe(422);
          counts.json++;
          tally(a);
        }
      }
    }
  });

  it('fast-check: any such character, anywhere in any text field of any JSON body, is refused', async () => {
    const routes = await jsonRoutes();
    const fields = routes.flatMap((route) => textFields(route.body).map((field) => ({ route, field })));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields),
        fc.constantFrom(...nonXml),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async ({ route, field }, bad, at) => {
          const a = await answer(
            await t.call(route.method, route.path, {
              token: t.tokens[route.token],
              body: field.with(bad, at),
              headers: route.headers,
            }),
          );
          expectRefusedOrStored(a, `${route.name} ${field.pointer}`, field.pointer);
          counts.json++;
          tally(a);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('in the text query strings and the person path: 422', async () => {
    for (const bad of encodable) {
      const e = encodeURIComponent(`Pl${bad}ace`);
      for (const [path, token] of [
        [`/measures?programme=${e}`, 'officer'],
        [`/measures?directorate=${e}`, 'officer'],
        [`/actions?programme=${e}`, 'officer'],
        [`/actions?directorate=${e}`, 'officer'],
        [`/returns?directorate=${e}&quarter=${quarter}`, 'officer'],
        [`/sign-offs?directorate=${e}&quarter=${quarter}`, 'approver'],
        [`/people/${encodeURIComponent(`a${bad}b@example.org`)}`, 'admin'],
      ] as const) {
        const a = await answer(await t.call('GET', path, { token: t.tokens[token] }));
        expect(a.status, `${path}: ${a.text.slice(0, 300)}`).toBe(422);
        counts.query++;
        tally(a);
      }
    }
  });

  it('in every cell of a results CSV: 422 naming the line and column, nothing stored', async () => {
    const history = async () =>
      (await t.call('GET', '/measures/planning/results/2017-18-Q3/history', { token: t.tokens.admin })).text();
    const before = await history();
    const row = ['planning', '2017-18-Q3', '90', 'On track'];
    for (const bad of encodable) {
      for (let column = 0; column < row.length; column++) {
        const cells = row.map((cell, i) => (i === column ? insert(cell, bad, 0.5) : cell));
        const a = await answer(
          await t.call('POST', '/imports/results', {
            token: t.tokens.officer,
            body: `measureId,period,value,commentary\n${cells.join(',')}\n`,
            headers: { 'content-type': 'text/csv' },
          }),
        );
        const field = ['measureId', 'period', 'value', 'commentary'][column]!;
        expect(a.status, `results CSV ${field} U+${bad.charCodeAt(0).toString(16)}: ${a.text.slice(0, 300)}`).toBe(422);
        expectRefusedOrStored(a, `results CSV ${field}`, `/line/2/${field}`);
        counts.csv++;
        tally(a);
      }
    }
    expect(await history()).toBe(before);
  });

  const measureColumns = ['id', 'plan', 'programme', 'title', 'unit', 'polarity', 'frequency', 'ownerDirectorate'];
  const measureRow = ['planning', 'cip', 'Developing the economy', 'Planning in time (%)', '%', 'higher', 'quarterly'];
  const header = [...measureColumns, 'directorates', 'target 2017-18'];
  const row = [...measureRow, 'Place', 'Place', '80'];

  it('in every cell of a definitions CSV: 422 naming the sheet, row and column', async () => {
    for (const bad of encodable) {
      for (let column = 0; column < header.length; column++) {
        const cells = row.map((cell, i) => (i === column ? insert(cell, bad, 0.5) : cell));
        const a = await answer(
          await t.call('POST', '/imports/definitions?kind=measures', {
            token: t.tokens.admin,
            body: `${header.join(',')}\n${cells.join(',')}\n`,
            headers: { 'content-type': 'text/csv' },
          }),
        );
        expect(a.status, `definitions CSV ${header[column]}: ${a.text.slice(0, 300)}`).toBe(422);
        expectRefusedOrStored(a, `definitions CSV ${header[column]}`, `/Measures/row/2/${header[column]}`);
        counts.csv++;
        tally(a);
      }
    }
  });

  it('in every cell of a definitions workbook (exceljs reads _xHHHH_ as that character): 422 naming the cell', async () => {
    const escapes = ['_x0000_', '_x0001_', '_x000B_', '_x001F_', '_xFFFE_', '_xFFFF_', '_xD800_', '_xDC00_'];
    for (const shared of escapes) {
      for (let column = 0; column < header.length; column++) {
        const cells = row.map((cell, i) => (i === column ? `${cell}${shared}` : cell));
        const xlsx = buildXlsx(
          [
            ['Measures', [header, cells]],
            ['Planned work', [['id', 'plan', 'programme', 'title', 'ownerDirectorate']]],
          ],
          {},
          { sharedStrings: true },
        );
        const res = await fetch(`${t.url}/imports/definitions?kind=measures`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${t.tokens.admin}`,
            'content-type': xlsxMediaType,
          },
          body: new Uint8Array(xlsx),
        });
        const a = await answer(res);
        expect(a.status, `definitions xlsx ${header[column]} ${shared}: ${a.text.slice(0, 300)}`).toBe(422);
        expectRefusedOrStored(a, `definitions xlsx ${header[column]}`, `/Measures/row/2/${header[column]}`);
        counts.xlsx++;
        tally(a);
      }
    }
  });

  it('while text XML can hold is stored as typed (tab, line breaks, Welsh, emoji, U+FFFD, U+10FFFF)', async () => {
    const commentary = 'Dal\tar y trywydd iawn 👍\r\nŵ ŷ \ufffd \u{10ffff} end';
    const res = await t.call('PUT', `/measures/planning/results/${quarter}`, {
      token: t.tokens.officer,
      body: { value: 42, commentary },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).commentary).toBe(commentary);
  });

  it('afterwards every Word and Excel file the API makes is well-formed XML, the close email’s Word draft included', async () => {
    // The review's own request, and the same in a title and a remedial action: refused, or else stored and in the files below.
    const finding = 'ctl\u0000nul\u0001soh\u000bvt\ufffeend';
    for (const [path, token, body] of [
      [`/measures/planning/results/${quarter}`, 'officer', { value: 43, commentary: finding }],
      ['/actions/ldp', 'admin', { ...placeAction, title: `Adopt the LDP ${finding}` }],
      [`/reports/${quarter}/critical-items/planning/remedial-action`, 'emt', { text: finding }],
    ] as const) {
      expectRefusedOrStored(await answer(await t.call('PUT', path, { token: t.tokens[token], body })), path);
    }
    const files: [string, Uint8Array][] = [];
    for (const format of ['docx', 'xlsx']) {
      const res = await t.call('GET', `/reports/${quarter}?format=${format}`, { token: t.tokens.admin });
      expect(res.status).toBe(200);
      files.push([`report ${format}`, new Uint8Array(await res.arrayBuffer())]);
    }
    const definitions = await t.call('GET', '/definitions?format=xlsx', { token: t.tokens.admin });
    expect(definitions.status).toBe(200);
    files.push(['definitions xlsx', new Uint8Array(await definitions.arrayBuffer())]);
    expect((await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin })).status).toBe(200);
    let drafts: { filename: string; content: string }[] = [];
    for (let i = 0; i < 100 && drafts.length === 0; i++) {
      drafts = (await t.emails()).flatMap((e) => e.attachments).filter((a) => /\.(docx|xlsx)$/.test(a.filename));
      if (drafts.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(drafts.map((d) => d.filename)).toContain(`ragtime-${quarter}.docx`);
    for (const d of drafts) files.push([`email ${d.filename}`, Buffer.from(d.content, 'base64')]);
    for (const [what, bytes] of files) expect(malformedXmlParts(bytes), what).toEqual([]);
    // Every request above but a few trimmed at an end was refused.
    expect(counts.json).toBeGreaterThan(500);
    expect(counts.refused).toBeGreaterThan(0.9 * (counts.json + counts.query + counts.csv + counts.xlsx));
  });
});
