import { describe, expect, it } from 'vitest';
import { formatDate } from '../../lambdas/domain/words';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { placeAction, placeMeasure } from '../support/route-samples';

// Definition history (docs/plan-administration.md): each change of a measure or action
// definition is a version with who, when and which fields changed; a PUT that alters
// nothing adds none; and the roll forward.

const t = useTestStack({ tokens: { admin: 'admin', officer: { role: 'officer', directorate: 'Place' } } });

interface Version {
  version: number;
  by: string | null;
  at: string | null;
  changed: string[];
  definition: Record<string, unknown>;
}
const history = async (path: string): Promise<Version[]> => {
  const res = await t.call('GET', `${path}/history`, { token: t.tokens.officer });
  expect(res.status).toBe(200);
  return ((await res.json()) as { versions: Version[] }).versions;
};

describe('measure definition history', () => {
  it('each change is a version with who, when and which fields changed', async () => {
    const id = freshId('hist');
    expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: placeMeasure })).status).toBe(201);
    const changed = { ...placeMeasure, title: 'Renamed', targets: { '2017-18': 85 } };
    expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: changed })).status).toBe(200);
    const versions = await history(`/measures/${id}`);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]!.changed).toEqual(['targets', 'title']);
    expect(versions[0]!.definition.title).toBe(placeMeasure.title);
    expect(versions[1]!.definition.title).toBe('Renamed');
    expect(versions[1]!.by).toMatch(/\S/);
    expect(Date.parse(versions[1]!.at!)).toBeGreaterThan(Date.parse(versions[0]!.at!) - 1);
  });

  it('a PUT that alters nothing adds no version (key order and defaults aside)', async () => {
    const id = freshId('same');
    await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: placeMeasure });
    const reordered = Object.fromEntries(Object.entries(placeMeasure).reverse());
    expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: reordered })).status).toBe(200);
    expect(await history(`/measures/${id}`)).toHaveLength(1);
  });

  it('keeps 60 versions, all readable in order', async () => {
    const id = freshId('many');
    for (let i = 0; i < 60; i++)
      await t.call('PUT', `/measures/${id}`, {
        token: t.tokens.admin,
        body: { ...placeMeasure, targets: { '2017-18': i } },
      });
    const versions = await history(`/measures/${id}`);
    expect(versions.map((v) => v.definition.targets)).toEqual(Array.from({ length: 60 }, (_, i) => ({ '2017-18': i })));
  });

  it('concurrent changes each get their own version', async () => {
    const id = freshId('race');
    await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: placeMeasure });
    const titles = Array.from({ length: 8 }, (_, i) => `Title ${i}`);
    const answers = await Promise.all(
      titles.map((title) =>
        t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: { ...placeMeasure, title } }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(titles.map(() => 200));
    const versions = await history(`/measures/${id}`);
    expect(versions).toHaveLength(9);
    expect(new Set(versions.slice(1).map((v) => v.definition.title))).toEqual(new Set(titles));
  });

  it('a target changed after its quarter began is flagged in the report with the date', async () => {
    const plan = freshId('goal');
    const id = freshId('goalposts');
    // The quarter under way today began before this change (and the definition's first version is its baseline).
    const quarter = currentQuarter();
    const body = { ...placeMeasure, plan, targets: { [quarter]: 80 } };
    await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body });
    let report = await (await t.call('GET', `/reports/${quarter}?plan=${plan}`, { token: t.tokens.admin })).json();
    expect(report.measures[0].targetChangedAfterStart).toBeUndefined();
    await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: { ...body, targets: { [quarter]: 70 } } });
    report = await (await t.call('GET', `/reports/${quarter}?plan=${plan}`, { token: t.tokens.admin })).json();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect(report.measures[0].targetChangedAfterStart).toBe(today);
    expect(report.summary.targetsChangedAfterStart).toBe(1);
    const html = await (
      await t.call('GET', `/reports/${quarter}?plan=${plan}&format=html`, { token: t.tokens.admin })
    ).text();
    expect(html).toContain(`target changed on ${formatDate(today, 'en')}`);
  });

  it('retiring is a version of its own; retiring again adds none', async () => {
    const id = freshId('retire');
    await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: placeMeasure });
    expect((await t.call('DELETE', `/measures/${id}`, { token: t.tokens.admin })).status).toBe(200);
    expect((await t.call('DELETE', `/measures/${id}`, { token: t.tokens.admin })).status).toBe(200);
    const versions = await history(`/measures/${id}`);
    expect(versions.map((v) => v.changed)).toEqual([expect.any(Array), ['retiredFrom']]);
    expect(versions[1]!.definition.retiredFrom).toMatch(/^\d{4}-\d{2}-Q\d$/);
    expect(versions[1]!.definition.title).toBe(placeMeasure.title);
  });

  it('an unknown measure has no history (404)', async () => {
    const res = await t.call('GET', `/measures/${freshId('none')}/history`, { token: t.tokens.officer });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('action definition history', () => {
  it('each change is a version; a PUT that alters nothing adds none', async () => {
    const id = freshId('act');
    await t.call('PUT', `/actions/${id}`, { token: t.tokens.admin, body: placeAction });
    await t.call('PUT', `/actions/${id}`, { token: t.tokens.admin, body: placeAction });
    await t.call('PUT', `/actions/${id}`, {
      token: t.tokens.admin,
      body: { ...placeAction, dueQuarter: '2018-19-Q4' },
    });
    const versions = await history(`/actions/${id}`);
    expect(versions.map((v) => v.changed)).toEqual([expect.arrayContaining(['title']), ['dueQuarter']]);
  });
});

describe('roll forward', () => {
  it("copies each live measure's targets of one year to the next where it has none, once", async () => {
    const plan = freshId('roll');
    const [a, b, c, retired] = ['a', 'b', 'c', 'r'].map((p) => freshId(p));
    const put = (id: string, targets: Record<string, unknown>) =>
      t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: { ...placeMeasure, plan, targets } });
    await put(a!, { '2017-18': 80, '2017-18-Q4': 85 });
    await put(b!, { '2017-18': 80, '2018-19': 90 });
    await put(c!, { '2016-17': 70 });
    await put(retired!, { '2017-18': 60 });
    await t.call('DELETE', `/measures/${retired}`, { token: t.tokens.admin });
    const roll = () =>
      t.call('POST', `/plans/${plan}/roll-forward`, {
        token: t.tokens.admin,
        body: { from: '2017-18', to: '2018-19' },
      });
    const first = await roll();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ rolledForward: 1, alreadySet: 1, noTargets: 1 });
    const measure = (await (await t.call('GET', `/measures/${a}`, { token: t.tokens.admin })).json()).measure;
    expect(measure.targets).toEqual({ '2017-18': 80, '2017-18-Q4': 85, '2018-19': 80, '2018-19-Q4': 85 });
    expect(measure.rolledForward).toEqual(['2018-19', '2018-19-Q4']);
    expect(await (await roll()).json()).toEqual({ rolledForward: 0, alreadySet: 2, noTargets: 1 });
    expect(await history(`/measures/${a}`)).toHaveLength(2);
  });

  it('a rolled-forward target stays marked until its value changes', async () => {
    const plan = freshId('mark');
    const id = freshId('m');
    await t.call('PUT', `/measures/${id}`, {
      token: t.tokens.admin,
      body: { ...placeMeasure, plan, targets: { '2017-18': 80, '2017-18-Q4': 85 } },
    });
    await t.call('POST', `/plans/${plan}/roll-forward`, {
      token: t.tokens.admin,
      body: { from: '2017-18', to: '2018-19' },
    });
    const edit = { '2017-18': 80, '2017-18-Q4': 85, '2018-19': 80, '2018-19-Q4': 88 };
    await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: { ...placeMeasure, plan, targets: edit } });
    const measure = (await (await t.call('GET', `/measures/${id}`, { token: t.tokens.admin })).json()).measure;
    expect(measure.rolledForward).toEqual(['2018-19']);
  });

  it("copies the directorates' targets of the year too, each marked until its value changes", async () => {
    const plan = freshId('dir');
    const [id, onlyDirectorate] = [freshId('d'), freshId('o')];
    const body = (targets: Record<string, unknown>, directorateTargets: Record<string, unknown>) => ({
      ...placeMeasure,
      plan,
      directorates: ['Place', 'People'],
      targets,
      directorateTargets,
    });
    await t.call('PUT', `/measures/${id}`, {
      token: t.tokens.admin,
      body: body({ '2017-18': 80 }, { People: { '2017-18': 70, '2017-18-Q4': 72 } }),
    });
    // Only a directorate has a target for the year: that is still something to roll forward.
    await t.call('PUT', `/measures/${onlyDirectorate}`, {
      token: t.tokens.admin,
      body: body({}, { People: { '2017-18': 60 } }),
    });
    const roll = () =>
      t.call('POST', `/plans/${plan}/roll-forward`, {
        token: t.tokens.admin,
        body: { from: '2017-18', to: '2018-19' },
      });
    expect(await (await roll()).json()).toEqual({ rolledForward: 2, alreadySet: 0, noTargets: 0 });
    const measure = async (m: string) =>
      (await (await t.call('GET', `/measures/${m}`, { token: t.tokens.admin })).json()).measure;
    const rolled = await measure(id);
    expect(rolled.targets).toEqual({ '2017-18': 80, '2018-19': 80 });
    expect(rolled.directorateTargets).toEqual({
      People: { '2017-18': 70, '2017-18-Q4': 72, '2018-19': 70, '2018-19-Q4': 72 },
    });
    expect(rolled.rolledForward).toEqual(['2018-19', '2018-19 People', '2018-19-Q4 People']);
    expect((await measure(onlyDirectorate)).directorateTargets.People).toEqual({ '2017-18': 60, '2018-19': 60 });
    expect(await (await roll()).json()).toEqual({ rolledForward: 0, alreadySet: 2, noTargets: 0 });

    // Changing People's Q4 target clears only that mark.
    const edited = body(
      { '2017-18': 80, '2018-19': 80 },
      { People: { '2017-18': 70, '2017-18-Q4': 72, '2018-19': 70, '2018-19-Q4': 75 } },
    );
    expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: edited })).status).toBe(200);
    expect((await measure(id)).rolledForward).toEqual(['2018-19', '2018-19 People']);
  });

  it('from and to the same year is a 422', async () => {
    const res = await t.call('POST', '/plans/cip/roll-forward', {
      token: t.tokens.admin,
      body: { from: '2017-18', to: '2017-18' },
    });
    expect(res.status).toBe(422);
  });
});

/** The quarter under way in London now. */
function currentQuarter(): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  const q = m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}-Q${q}`;
}
