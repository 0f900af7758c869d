import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { placeAction, placeMeasure } from '../support/route-samples';

// Planned work is retired as a measure is (SPEC §5 `DELETE /actions/{id}`): it leaves the
// quarter under way and every later one, earlier quarters keep it, its history stays.

const t = useTestStack({ tokens: { admin: 'admin', officer: { role: 'officer', directorate: 'Place' } } });

const reportActionIds = async (quarter: string): Promise<string[]> => {
  const res = await t.call('GET', `/reports/${quarter}`, { token: t.tokens.admin });
  expect(res.status).toBe(200);
  return ((await res.json()) as { actions: { id: string }[] }).actions.map((a) => a.id);
};

describe('retiring planned work', () => {
  it('takes it out of the quarter under way and later ones, keeps it in earlier reports with its updates', async () => {
    const id = freshId('retire-work');
    expect((await t.call('PUT', `/actions/${id}`, { token: t.tokens.admin, body: placeAction })).status).toBe(201);
    const update = { token: t.tokens.officer, body: { status: 'green', commentary: 'On track.' } };
    expect((await t.call('PUT', `/actions/${id}/updates/2017-18-Q2`, update)).status).toBe(201);

    const res = await t.call('DELETE', `/actions/${id}`, { token: t.tokens.admin });
    expect(res.status).toBe(200);
    const retired = (await res.json()) as { id: string; title: string; retiredFrom: string };
    expect(retired).toMatchObject({ id, title: placeAction.title });
    expect(retired.retiredFrom).toMatch(/^\d{4}-\d{2}-Q[1-4]$/);

    expect(await reportActionIds('2017-18-Q2')).toContain(id);
    expect(await reportActionIds(retired.retiredFrom)).not.toContain(id);
    // Its updates stay.
    const detail = await t.call('GET', `/actions/${id}`, { token: t.tokens.officer });
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as { action: { retiredFrom?: string }; updates: { quarter: string }[] };
    expect(body.action.retiredFrom).toBe(retired.retiredFrom);
    expect(body.updates.map((u) => u.quarter)).toEqual(['2017-18-Q2']);
    // No update for a quarter it has left (409, as for a retired measure's results).
    const late = await t.call('PUT', `/actions/${id}/updates/${retired.retiredFrom}`, update);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { detail: string }).detail).toContain('retired');
  });

  it('is a version of its own; retiring again adds none', async () => {
    const id = freshId('retire-twice');
    await t.call('PUT', `/actions/${id}`, { token: t.tokens.admin, body: placeAction });
    expect((await t.call('DELETE', `/actions/${id}`, { token: t.tokens.admin })).status).toBe(200);
    expect((await t.call('DELETE', `/actions/${id}`, { token: t.tokens.admin })).status).toBe(200);
    const res = await t.call('GET', `/actions/${id}/history`, { token: t.tokens.officer });
    const { versions } = (await res.json()) as {
      versions: { changed: string[]; by: string | null; definition: Record<string, unknown> }[];
    };
    expect(versions.map((v) => v.changed)).toEqual([expect.any(Array), ['retiredFrom']]);
    expect(versions[1]!.definition.title).toBe(placeAction.title);
    expect(versions[1]!.by).toEqual(expect.any(String));
  });

  it('answers 404 for planned work that never was, and for a measure id', async () => {
    expect((await t.call('DELETE', `/actions/${freshId('never')}`, { token: t.tokens.admin })).status).toBe(404);
    const measure = freshId('a-measure');
    await t.call('PUT', `/measures/${measure}`, { token: t.tokens.admin, body: placeMeasure });
    const res = await t.call('DELETE', `/actions/${measure}`, { token: t.tokens.admin });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('is for admins only', async () => {
    const id = freshId('not-yours');
    await t.call('PUT', `/actions/${id}`, { token: t.tokens.admin, body: placeAction });
    expect((await t.call('DELETE', `/actions/${id}`, { token: t.tokens.officer })).status).toBe(403);
    const detail = (await (await t.call('GET', `/actions/${id}`, { token: t.tokens.officer })).json()) as {
      action: { retiredFrom?: string };
    };
    expect(detail.action.retiredFrom).toBeUndefined();
  });
});
