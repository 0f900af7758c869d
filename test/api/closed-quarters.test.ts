import { beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { placeAction, placeMeasure } from '../support/route-samples';

// A closed quarter looks closed (SPEC §12 "Words, not data"): GET /measures/{id} and
// GET /actions/{id} say which of the item's quarters, and of the one a form asks about
// (?quarter=), are closed and when, so the web app's form of one is read-only before
// anyone types. The writes decide as before: an officer's is refused, an admin's is an amendment.

const t = useTestStack({ tokens: { admin: 'admin', officer: { role: 'officer', directorate: 'Place' } } });
const closed = '2015-16-Q2';
const open = '2015-16-Q3';

beforeAll(async () => {
  const res = await t.call('POST', `/reports/${closed}/close`, { token: t.tokens.admin });
  expect(res.status, await res.clone().text()).toBe(200);
});

interface Detail {
  closedQuarters: { quarter: string; closedAt: string }[];
}

const detail = async (path: string): Promise<Detail> => {
  const res = await t.call('GET', path, { token: t.tokens.officer });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Detail;
};

describe('closed quarters on GET /measures/{id} and GET /actions/{id}', () => {
  it("a measure's: its own quarters and the one asked about, each closed one with when it closed", async () => {
    const id = freshId('closed');
    const body = { ...placeMeasure, targets: { [closed]: 80, [open]: 80 } };
    expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body })).status).toBe(201);
    const { closedQuarters } = await detail(`/measures/${id}`);
    expect(closedQuarters).toEqual([{ quarter: closed, closedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    // A quarter it has no target in, asked about by its form.
    expect((await detail(`/measures/${id}?quarter=2015-16-Q1`)).closedQuarters.map((c) => c.quarter)).toEqual([closed]);
    expect((await detail(`/measures/${id}?quarter=${open}`)).closedQuarters).toEqual(closedQuarters);

    // What the API does with a write is unchanged: the officer is refused, the admin amends.
    const put = (token: string) =>
      t.call('PUT', `/measures/${id}/results/${closed}`, {
        token,
        body: { value: 90 },
        headers: { 'if-match': '"0"' },
      });
    const refused = await put(t.tokens.officer);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/is closed; ask the performance team/);
    const amended = await put(t.tokens.admin);
    expect(amended.status).toBe(201);
    expect(await amended.json()).toMatchObject({ amendment: true });
  });

  it("planned work's: a closed quarter with no update yet is known when the form asks about it", async () => {
    const id = freshId('closed-work');
    const { startQuarter: _none, ...body } = placeAction;
    expect((await t.call('PUT', `/actions/${id}`, { token: t.tokens.admin, body })).status).toBe(201);
    expect((await detail(`/actions/${id}`)).closedQuarters).toEqual([]);
    expect((await detail(`/actions/${id}?quarter=${closed}`)).closedQuarters).toEqual([
      { quarter: closed, closedAt: expect.any(String) },
    ]);
    const refused = await t.call('PUT', `/actions/${id}/updates/${closed}`, {
      token: t.tokens.officer,
      body: { status: 'green' },
    });
    expect(refused.status).toBe(409);
  });

  it('refuses a quarter that is not one', async () => {
    const res = await t.call('GET', '/actions/any?quarter=2015-16', { token: t.tokens.officer });
    expect(res.status).toBe(422);
  });
});
