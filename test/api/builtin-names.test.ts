import { beforeAll, describe, expect, it } from 'vitest';
import { handler as reminderJob } from '../../lambdas/handlers/reminder-job';
import { useTestStack } from '../support/api-test';
import { freshYear } from '../support/fresh';
import { lambdaContext } from '../support/lambda-context';

// Names that are also Object.prototype's keys are just names (docs/deploy.md "Security
// baseline"): as ids, plans and directorates, on every route that looks them up. Before,
// `?plan=constructor` titled the report "function Object() { [native code] }" and a
// directorate named `constructor` stopped the reminder job.

const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'] as const;
/**
 * Ids must start with a letter or digit, and no object in a request may have a
 * `__proto__` key: that name is refused (422) as an id or a key before any lookup, and
 * is otherwise a name like the others (a directorate in a list, an owner).
 */
const ids = names.filter((n) => n !== '__proto__');
/** Planned work's ids: other Object.prototype keys (measures and planned work share one id namespace), owned by `ids` in turn. */
const actionIds = ['valueOf', 'isPrototypeOf', 'propertyIsEnumerable'] as const;

const t = useTestStack({ tokens: { admin: 'admin' } });
const { q } = freshYear();
const quarter = q(1);
const reminded = q(2);

const measure = (owner: string) => ({
  plan: 'constructor',
  programme: 'Prototype programme',
  title: `Measure owned by ${owner}`,
  polarity: 'higher',
  frequency: 'quarterly',
  directorates: [...names],
  ownerDirectorate: owner,
  targets: { [quarter]: 50, [reminded]: 50 },
  directorateTargets: Object.fromEntries(ids.map((n, i) => [n, { [quarter]: 40 + i }])),
});
const breakdown = Object.fromEntries(ids.map((n, i) => [n, 10 + i]));

const directoratesSetting = Object.fromEntries(
  ids.map((n) => [n, { contacts: [`${n.replace(/_/g, 'u').toLowerCase()}@localhost`], heads: [] }]),
);
let baseSettings: Record<string, unknown>;

// The fixture, which every test reads and none changes: settings naming all four
// directorates and the plan, a measure and an action per id, a result per measure.
beforeAll(async () => {
  const current = (await (await t.call('GET', '/settings', { token: t.tokens.admin })).json()) as Record<
    string,
    unknown
  >;
  baseSettings = {
    ...current,
    planNames: { cip: 'Corporate', constructor: 'Builder plan' },
    directorates: directoratesSetting,
  };
  const put = await t.call('PUT', '/settings', { token: t.tokens.admin, body: baseSettings });
  expect(put.status, await put.clone().text()).toBe(200);
  for (const [i, id] of ids.entries()) {
    expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: measure(id) })).status).toBe(201);
    const res = await t.call('PUT', `/measures/${id}/results/${quarter}`, {
      token: t.tokens.admin,
      body: { value: 30 + i, commentary: 'Below target.', breakdown },
    });
    expect(res.status).toBe(201);
    const action = {
      plan: 'constructor',
      programme: 'Prototype programme',
      title: `Action ${id}`,
      ownerDirectorate: id,
    };
    expect((await t.call('PUT', `/actions/${actionIds[i]}`, { token: t.tokens.admin, body: action })).status).toBe(201);
  }
  // __proto__ cannot be an id, but it can own one.
  const owned = {
    plan: 'constructor',
    programme: 'Prototype programme',
    title: 'Owned by __proto__',
    ownerDirectorate: '__proto__',
  };
  expect((await t.call('PUT', '/actions/proto-owned', { token: t.tokens.admin, body: owned })).status).toBe(201);
  const remedial = { text: 'Rebuild it.' };
  const path = `/reports/${quarter}/critical-items/constructor/remedial-action`;
  expect((await t.call('PUT', path, { token: t.tokens.admin, body: remedial })).status).toBe(200);
});

const json = async <T>(res: Response, status: number): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};

describe('names of built-in keys', () => {
  it('PUT /settings, GET /settings and /settings/history keep them as keys', async () => {
    const stored = await json<{ directorates: Record<string, unknown> }>(
      await t.call('PUT', '/settings', { token: t.tokens.admin, body: baseSettings }),
      200,
    );
    expect(Object.keys(stored.directorates).sort()).toEqual([...ids].sort());
    const read = await json<{ directorates: Record<string, unknown>; planNames: Record<string, string> }>(
      await t.call('GET', '/settings', { token: t.tokens.admin }),
      200,
    );
    expect(Object.keys(read.directorates).sort()).toEqual([...ids].sort());
    const proto = { ...baseSettings, directorates: JSON.parse('{"__proto__": {"contacts": [], "heads": []}}') };
    expect((await t.call('PUT', '/settings', { token: t.tokens.admin, body: proto })).status).toBe(422);
    expect(read.planNames.constructor).toBe('Builder plan');
    const history = await json<{ versions: { settings: { directorates: object } }[] }>(
      await t.call('GET', '/settings/history', { token: t.tokens.admin }),
      200,
    );
    expect(Object.keys(history.versions.at(-1)!.settings.directorates).sort()).toEqual([...ids].sort());
  });

  it('PUT /measures/{id}: ids, plan and directorates (and 422 for the id __proto__)', async () => {
    for (const id of ids) {
      const body = await json<{ id: string; plan: string; directorates: string[] }>(
        await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: measure(id) }),
        200,
      );
      expect(body).toMatchObject({ id, plan: 'constructor', directorates: [...names] });
    }
    expect((await t.call('PUT', '/measures/__proto__', { token: t.tokens.admin, body: measure('x') })).status).toBe(
      422,
    );
  });

  it('PUT /measures/{id}/results/{period}: officers of each directorate, with a breakdown over all four', async () => {
    for (const [i, id] of ids.entries()) {
      const officer = await t.token('officer', id);
      const body = await json<{ breakdown: Record<string, number> }>(
        await t.call('PUT', `/measures/${id}/results/${quarter}`, {
          token: officer,
          body: { value: 30 + i, commentary: 'Below target.', breakdown },
        }),
        200,
      );
      expect(body.breakdown).toEqual(breakdown);
    }
  });

  it('GET /measures filters by the plan and by each directorate', async () => {
    const byPlan = await json<{ measures: { id: string }[] }>(
      await t.call('GET', '/measures?plan=constructor', { token: t.tokens.admin }),
      200,
    );
    expect(byPlan.measures.map((m) => m.id).sort()).toEqual([...ids].sort());
    for (const n of names) {
      const res = await t.call('GET', `/measures?directorate=${encodeURIComponent(n)}`, { token: t.tokens.admin });
      expect((await json<{ measures: unknown[] }>(res, 200)).measures).toHaveLength(3);
    }
  });

  it('GET /measures/{id} and its history: each directorate with its own target', async () => {
    for (const id of ids) {
      const detail = await json<{
        measure: { id: string };
        quarters: { quarter: string; directorates: { name: string; target: number; actual: number }[] }[];
      }>(await t.call('GET', `/measures/${id}`, { token: t.tokens.admin }), 200);
      expect(detail.measure.id).toBe(id);
      const row = detail.quarters.find((x) => x.quarter === quarter)!;
      expect(row.directorates.map((d) => [d.name, d.actual, d.target]).sort()).toEqual(
        ids.map((n, i) => [n, 10 + i, 40 + i]).sort(),
      );
      const history = await json<{ versions: { version: number }[] }>(
        await t.call('GET', `/measures/${id}/results/${quarter}/history`, { token: t.tokens.admin }),
        200,
      );
      expect(history.versions[0]).toMatchObject({ version: 1, breakdown });
    }
    expect((await t.call('GET', '/measures/__proto__', { token: t.tokens.admin })).status).toBe(422);
  });

  it('PUT /actions/{id}, its updates, GET /actions and GET /actions/{id}', async () => {
    for (const [i, id] of ids.entries()) {
      const action = {
        plan: 'constructor',
        programme: 'Prototype programme',
        title: `Action ${id}`,
        ownerDirectorate: id,
      };
      const actionId = actionIds[i]!;
      await json(await t.call('PUT', `/actions/${actionId}`, { token: t.tokens.admin, body: action }), 200);
      const officer = await t.token('officer', id);
      const update = await t.call('PUT', `/actions/${actionId}/updates/${quarter}`, {
        token: officer,
        body: { status: 'green' },
      });
      expect(update.status).toBeLessThan(300);
      const detail = await json<{ action: { id: string; ownerDirectorate: string } }>(
        await t.call('GET', `/actions/${actionId}`, { token: t.tokens.admin }),
        200,
      );
      expect(detail.action).toMatchObject({ id: actionId, ownerDirectorate: id });
    }
    const listed = await json<{ actions: { id: string }[] }>(
      await t.call('GET', '/actions?plan=constructor&directorate=toString', { token: t.tokens.admin }),
      200,
    );
    expect(listed.actions.map((a) => a.id)).toEqual(['isPrototypeOf']);
  });

  it('PUT /reports/{quarter}/critical-items/{itemId}/remedial-action, and the report shows only what was recorded', async () => {
    // Recorded again (the fixture recorded it first): the same text either way.
    await json(
      await t.call('PUT', `/reports/${quarter}/critical-items/constructor/remedial-action`, {
        token: t.tokens.admin,
        body: { text: 'Rebuild it.' },
      }),
      200,
    );
    const report = await json<{ criticalItems: { id: string; remedialAction: { text: string } | null }[] }>(
      await t.call('GET', `/reports/${quarter}?plan=constructor`, { token: t.tokens.admin }),
      200,
    );
    const remedial = Object.fromEntries(report.criticalItems.map((c) => [c.id, c.remedialAction]));
    expect(Object.keys(remedial).sort()).toEqual([...ids].sort());
    expect(remedial.constructor).toMatchObject({ text: 'Rebuild it.' });
    expect([remedial.toString, remedial.hasOwnProperty]).toEqual([null, null]);
  });

  it('GET /reports/{quarter} in every form titles the plan by its name, and an unnamed plan by the report title', async () => {
    for (const format of ['json', 'html', 'md', 'csv']) {
      const res = await t.call('GET', `/reports/${quarter}?format=${format}&plan=constructor`, {
        token: t.tokens.admin,
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toContain('[native code]');
      if (format === 'html' || format === 'md') expect(text).toContain('Builder plan');
    }
    // Plans the settings do not name: the report title, not Object.prototype's functions.
    for (const plan of ['valueof', 'hasownproperty']) {
      const html = await (
        await t.call('GET', `/reports/${quarter}?format=html&plan=${plan}`, { token: t.tokens.admin })
      ).text();
      expect(html).not.toContain('native code');
      expect(html).toContain(String(baseSettings.reportTitle));
    }
  });

  it('POST /imports/results with these ids', async () => {
    const csv = ['measureId,period,value,commentary', ...ids.map((id) => `${id},${q(3)},60,`)].join('\n');
    const res = await t.call('POST', '/imports/results', {
      token: t.tokens.admin,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(await json(res, 201)).toEqual({ imported: 3, results: 3, plannedWork: 0 });
  });

  it('POST /reports/{quarter}/close and reissue keep each directorate by name', async () => {
    const closing = q(4);
    for (const id of ids)
      await json(
        await t.call('PUT', `/measures/${id}/results/${closing}`, {
          token: t.tokens.admin,
          body: { value: 60, breakdown },
        }),
        201,
      );
    await json(await t.call('POST', `/reports/${closing}/close`, { token: t.tokens.admin }), 200);
    const reissued = await json<{ directorates: { name: string }[]; revision: number }>(
      await t.call('POST', `/reports/${closing}/reissue`, { token: t.tokens.admin }),
      200,
    );
    expect(reissued.revision).toBe(2);
    expect(reissued.directorates.map((d) => d.name).sort()).toEqual([...names].sort());
  });

  it('the reminder job emails directorates named like built-in keys, and skips __proto__ (no contact can be set)', async () => {
    const out = (await reminderJob({ quarter: reminded, daysBeforeClose: 5 }, lambdaContext('reminders'))) as {
      sent: string[];
      skipped: { directorate: string; reason: string }[];
    };
    expect([...out.sent].sort()).toEqual([...ids].sort());
    expect(out.skipped).toEqual([{ directorate: '__proto__', reason: 'no contact configured' }]);
  });
});
