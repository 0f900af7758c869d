import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { freshId, freshYear } from '../support/fresh';

// The two routes the web app's pages read (docs/web-app.md): GET /me and GET /returns.
const stack = useTestStack({ tokens: { admin: 'admin', officer: { role: 'officer', directorate: 'Place' } } });

async function measure(owner: string, targets: Record<string, number>, id = freshId('m')) {
  const res = await stack.call('PUT', `/measures/${id}`, {
    token: stack.tokens.admin,
    body: {
      plan: 'cip',
      programme: 'Developing the economy',
      title: `Measure ${id}`,
      unit: '%',
      polarity: 'higher',
      frequency: 'quarterly',
      directorates: [owner],
      ownerDirectorate: owner,
      targets,
    },
  });
  expect(res.status).toBe(201);
  return id;
}

type Returns = {
  quarter: string;
  directorate: string | null;
  closed: boolean;
  quarters: { quarter: string; closed: boolean }[];
  counts: Record<string, number>;
  measures: { id: string; state: string; status: string | null; period: string }[];
};
const returns = async (query: string, token = stack.tokens.officer) => {
  const res = await stack.call('GET', `/returns${query}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as Returns;
};

describe('GET /me', () => {
  it('says who the caller is (by name), with the report title, the directorates, the plans by name and whether sign-off is on', async () => {
    const res = await stack.call('GET', '/me', { token: stack.tokens.officer });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      email: 'officer.place@localhost',
      name: 'Olivia Jenkins',
      roles: ['officer'],
      directorate: 'Place',
      reportTitle: 'Corporate Improvement Plan',
      directorates: ['People', 'Place', 'Resources'],
      plans: [{ id: 'cip', name: 'Corporate Improvement Plan' }],
      signOff: 'off',
      // No People record for this token's email: PUT /me/language would answer 404.
      languageRemembered: false,
    });
  });
});

describe('GET /returns', () => {
  it("lists the caller's directorate's measures with their state: not started, or saved with the status", async () => {
    const { q } = freshYear();
    const quarter = q(2);
    const [empty, saved, other] = [
      await measure('Place', { [quarter]: 100 }),
      await measure('Place', { [quarter]: 100 }),
      await measure('People', { [quarter]: 100 }),
    ];
    const put = await stack.call('PUT', `/measures/${saved}/results/${quarter}`, {
      token: stack.tokens.officer,
      body: { value: 50, commentary: 'Short of staff.' },
    });
    expect(put.status).toBe(201);
    const r = await returns(`?quarter=${quarter}`);
    expect(r.directorate).toBe('Place');
    const byId = new Map(r.measures.map((m) => [m.id, m]));
    expect(byId.get(empty)).toMatchObject({ state: 'not-started', status: null, period: quarter });
    expect(byId.get(saved)).toMatchObject({ state: 'saved', status: 'red' });
    expect(byId.has(other)).toBe(false);
    expect(r.counts.saved).toBeGreaterThanOrEqual(1);
  });

  it("shows another directorate's returns when asked (reading is open to every signed-in role)", async () => {
    const { q } = freshYear();
    const id = await measure('People', { [q(1)]: 5 });
    const r = await returns(`?quarter=${q(1)}&directorate=People`);
    expect(r.directorate).toBe('People');
    expect(r.measures.map((m) => m.id)).toContain(id);
  });

  it('offers every quarter with a target, newest first, a year target covering its four quarters', async () => {
    const { year, q } = freshYear();
    await measure('Place', { [year]: 80 });
    const r = await returns(`?quarter=${q(1)}`);
    const offered = r.quarters.map((x) => x.quarter);
    const ours = offered.filter((x) => x.startsWith(year));
    expect(ours).toEqual([q(4), q(3), q(2), q(1)]);
    expect(offered.indexOf(q(4))).toBeLessThan(offered.indexOf(q(1)));
  });

  it('opens, without a quarter, on the latest closed quarter when the quarter after it has no targets (§12)', async () => {
    // The newest quarters of this file's stack (no other test uses years after 2090).
    await measure('Place', { '2090-91-Q3': 1, '2090-91-Q4': 1 });
    const close = await stack.call('POST', '/reports/2090-91-Q4/close', {
      token: stack.tokens.admin,
      body: { early: true },
    });
    expect(close.status).toBe(200);
    const r = await returns('');
    expect(r.quarter).toBe('2090-91-Q4');
    expect(r.closed).toBe(true);
    expect(r.quarters.slice(0, 2)).toEqual([
      { quarter: '2090-91-Q4', closed: true },
      { quarter: '2090-91-Q3', closed: false },
    ]);
  });

  it('refuses a malformed quarter with 422 and changes nothing', async () => {
    const res = await stack.call('GET', '/returns?quarter=2017-Q9', { token: stack.tokens.officer });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
