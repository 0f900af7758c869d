// If-Match everywhere a thing is edited, and read-modify-write as it is (SPEC §5 "One
// truth", issue #22 finding 8): what GET answers for a measure, planned work, the
// settings or a person can be changed and PUT back with its ETag; a stale ETag is 412
// with the current version, as for results, and changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { placeAction, placeMeasure } from '../support/route-samples';

const t = useTestStack({ tokens: { admin: 'admin' } });

beforeAll(async () => {
  expect((await t.call('PUT', '/measures/rmw-measure', { token: t.tokens.admin, body: placeMeasure })).status).toBe(
    201,
  );
  expect((await t.call('PUT', '/actions/rmw-work', { token: t.tokens.admin, body: placeAction })).status).toBe(201);
  const person = await t.call('PUT', '/people/rmw@localhost', {
    token: t.tokens.admin,
    body: { roles: ['officer'], directorate: 'Place' },
  });
  expect(person.status).toBe(201);
});

type Json = Record<string, unknown>;
interface Resource {
  path: string;
  /** The thing as GET answers it (for a definition, inside the detail). */
  read: (body: Json) => Json;
  change: (thing: Json) => Json;
  /** What must hold after the change was stored. */
  changed: (thing: Json) => unknown;
}

const resources: Record<string, Resource> = {
  measure: {
    path: '/measures/rmw-measure',
    read: (b) => b.measure as Json,
    change: (m) => ({ ...m, title: `${m.title} (revised)` }),
    changed: (m) => m.title,
  },
  action: {
    path: '/actions/rmw-work',
    read: (b) => b.action as Json,
    change: (a) => ({ ...a, title: `${a.title} (revised)` }),
    changed: (a) => a.title,
  },
  settings: {
    path: '/settings',
    read: (b) => b,
    change: (s) => ({ ...s, reportTitle: `${s.reportTitle} (revised)` }),
    changed: (s) => s.reportTitle,
  },
  person: {
    path: '/people/rmw@localhost',
    read: (b) => b,
    change: (p) => ({ ...p, roles: ['officer', 'emt'] }),
    changed: (p) => p.roles,
  },
};

const get = async (r: Resource) => {
  const res = await t.call('GET', r.path, { token: t.tokens.admin });
  expect(res.status).toBe(200);
  return { thing: r.read((await res.json()) as Json), etag: res.headers.get('etag') };
};

describe.each(Object.entries(resources))('%s', (name, r) => {
  it('GET, change, PUT back as it is with the ETag: stored, with the next ETag; a stale ETag is 412 and changes nothing', async () => {
    if (name === 'settings') t.putBackSettings();
    const first = await get(r);
    expect(first.etag).toMatch(/^"\d+"$/);
    const wanted = r.change(first.thing);
    const put = await t.call('PUT', r.path, {
      token: t.tokens.admin,
      body: wanted,
      headers: { 'if-match': first.etag! },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const next = `"${Number(JSON.parse(first.etag!)) + 1}"`;
    expect(put.headers.get('etag')).toBe(next);
    const second = await get(r);
    expect(second.etag).toBe(next);
    expect(r.changed(second.thing)).toEqual(r.changed(wanted));

    // Another admin still holding the first ETag.
    const stale = await t.call('PUT', r.path, {
      token: t.tokens.admin,
      body: r.change(second.thing),
      headers: { 'if-match': first.etag! },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(stale.headers.get('etag')).toBe(next);
    const after = await get(r);
    expect(after.etag).toBe(next);
    expect(r.changed(after.thing)).toEqual(r.changed(wanted));
  });

  it("marks readOnly in /openapi.json's GET answer exactly the fields its PUT ignores", async () => {
    type Props = Record<string, { readOnly?: boolean }>;
    const openapi = (await (await t.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, Json>>;
    };
    const template = r.path.replace(/rmw-measure|rmw-work/, '{id}').replace('rmw@localhost', '{email}');
    const schemaOf = (method: string) => {
      const op = openapi.paths[template]![method] as Json;
      const body = method === 'put' ? (op.requestBody as Json) : ((op.responses as Json)['200'] as Json);
      return ((body.content as Json)['application/json'] as Json).schema as { properties: Props };
    };
    const answer = schemaOf('get');
    // A definition's GET answers it inside the detail (`measure`, `action`).
    const inner = name === 'measure' || name === 'action' ? answer.properties[name] : answer;
    const got = (inner as { properties: Props }).properties;
    const put = schemaOf('put').properties;
    const { thing } = await get(r);
    const marks = (props: Props) => Object.keys(thing).filter((k) => props[k]?.readOnly === true);
    expect(marks(got), name).toEqual(marks(put));
    // The fields GET adds (id, email, version, sample…) are there to be marked.
    if (name !== 'settings') expect(marks(got).length, name).toBeGreaterThan(0);
  });

  it('marks what GET adds readOnly in /openapi.json, and ignores it on PUT', async () => {
    if (name === 'settings') t.putBackSettings();
    const openapi = (await (await t.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, { put: { requestBody: { content: { 'application/json': { schema: Json } } } } }>;
    };
    const template = r.path.replace(/rmw-measure|rmw-work/, '{id}').replace('rmw@localhost', '{email}');
    const schema = openapi.paths[template]!.put.requestBody.content['application/json'].schema as {
      properties: Record<string, { readOnly?: boolean }>;
    };
    const { thing } = await get(r);
    const readOnly = Object.keys(schema.properties).filter((k) => schema.properties[k]!.readOnly);
    // Every field GET answers is either writable or marked readOnly: none makes a 422.
    for (const key of Object.keys(thing)) expect(Object.keys(schema.properties), `${name}.${key}`).toContain(key);
    expect(readOnly.length).toBeGreaterThan(0);
    // Sent with nonsense in the read-only fields: ignored, not stored, not refused.
    const forged = Object.fromEntries(readOnly.map((k) => [k, k === 'sample' ? true : 'forged']));
    const put = await t.call('PUT', r.path, { token: t.tokens.admin, body: { ...thing, ...forged } });
    expect(put.status, await put.clone().text()).toBe(200);
    const { thing: stored } = await get(r);
    for (const k of readOnly) expect(stored[k], `${name}.${k}`).not.toBe(forged[k]);
  });
});

describe('the histories', () => {
  it('mark who, when, the version and what changed readOnly in /openapi.json, as the PUTs that ignore them', async () => {
    type Props = Record<string, { readOnly?: boolean }>;
    const openapi = (await (await t.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: Json }> }> } }>;
    };
    const versionOf = (path: string) => {
      const schema = openapi.paths[path]!.get.responses['200']!.content['application/json']!.schema as {
        properties: { versions: { items: { properties: Props } } };
      };
      const props = schema.properties.versions.items.properties;
      return Object.keys(props).filter((k) => props[k]!.readOnly === true);
    };
    expect(versionOf('/measures/{id}/history').sort()).toEqual(['at', 'by', 'changed', 'version']);
    expect(versionOf('/actions/{id}/history').sort()).toEqual(['at', 'by', 'changed', 'version']);
    expect(versionOf('/settings/history').sort()).toEqual(['at', 'by', 'version']);
  });
});
