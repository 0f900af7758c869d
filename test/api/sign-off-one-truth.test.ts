// Sign-off, one truth (SPEC §13 "One truth", issue #22): "nobody signs off their own
// version" is about the person, not the account (finding 7); sign-off never changes a
// figure by itself: a correction of a version saved before sign-off leaves the old figure
// counting until it is approved (finding 2).
import { describe, expect, it } from 'vitest';
import { signLocalToken } from '../../lambdas/local/jwt';
import { samplePlan } from '../../lambdas/local/sample-plan';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { placeAction, placeMeasure } from '../support/route-samples';

const t = useTestStack({ seed: true, settings: { signOff: 'on' }, tokens: { admin: 'admin' } });

const decide = (path: string, token: string, body: unknown, version = 1) =>
  t.call('POST', `${path}/sign-off`, { token, body, headers: { 'if-match': `"${version}"` } });

describe('the own-return rule compares the person', () => {
  // Pat has two accounts: a break-glass Cognito user (an officer) and a federated one (an approver).
  const officerPat = () =>
    signLocalToken(t.stack.keys, {
      role: 'officer',
      directorate: 'Place',
      sub: 'cognito-pat',
      email: 'pat@council.example',
    });
  const approverPat = () =>
    signLocalToken(t.stack.keys, {
      role: 'approver',
      directorate: 'Place',
      sub: 'federated-pat',
      email: 'Pat@Council.Example',
    });

  it('403 when the decider’s email is the submitter’s, whatever its case, on a result and an action update', async () => {
    const id = freshId('pat');
    expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: placeMeasure })).status).toBe(201);
    const result = `/measures/${id}/results/2017-18-Q4`;
    expect((await t.call('PUT', result, { token: await officerPat(), body: { value: 85 } })).status).toBe(201);
    const own = await decide(result, await approverPat(), { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(((await own.json()) as { detail: string }).detail).toMatch(/they submitted/);

    const action = freshId('pat-work');
    expect((await t.call('PUT', `/actions/${action}`, { token: t.tokens.admin, body: placeAction })).status).toBe(201);
    const update = `/actions/${action}/updates/2017-18-Q4`;
    expect((await t.call('PUT', update, { token: await officerPat(), body: { status: 'green' } })).status).toBe(201);
    expect((await decide(update, await approverPat(), { decision: 'approve' })).status).toBe(403);

    // Another person of the same directorate may.
    const other = await signLocalToken(t.stack.keys, {
      role: 'approver',
      directorate: 'Place',
      sub: 'federated-sam',
      email: 'sam@council.example',
    });
    expect((await decide(result, other, { decision: 'approve' })).status).toBe(200);
    expect((await decide(update, other, { decision: 'approve' })).status).toBe(200);
  });
});

describe('a correction with sign-off on', () => {
  interface ReportMeasure {
    id: string;
    status: string;
    actual: number | null;
    signOff?: string;
  }
  const report = async () =>
    (await (await t.call('GET', '/reports/2017-18-Q4', { token: t.tokens.admin })).json()) as {
      measures: ReportMeasure[];
      summary: { measures: Record<string, number> };
    };

  it('keeps the sample plan’s figure counting, not NO DATA, while the correction awaits sign-off', async () => {
    const before = await report();
    const quarterly = new Set(samplePlan.measures.filter((m) => m.frequency === 'quarterly').map((m) => m.id));
    const rated = before.measures.filter((m) => quarterly.has(m.id) && m.actual !== null && m.status !== 'no-data');
    expect(rated.length).toBeGreaterThan(2);
    for (const m of rated.slice(0, 3)) {
      const owner = samplePlan.measures.find((d) => d.id === m.id)!.ownerDirectorate;
      const officer = await t.token('officer', owner);
      const res = await t.call('PUT', `/measures/${m.id}/results/2017-18-Q4`, {
        token: officer,
        body: { value: (m.actual ?? 0) + 1, commentary: 'Corrected figure.' },
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const after = await report();
    for (const m of rated.slice(0, 3)) {
      const now = after.measures.find((x) => x.id === m.id)!;
      expect(now, m.id).toMatchObject({ status: m.status, actual: m.actual, signOff: 'awaiting' });
    }
    expect(after.summary.measures).toEqual(before.summary.measures);
  });
});

describe('an amendment with sign-off on', () => {
  it('counts as it is saved: nobody can decide on a closed quarter, so the reissue freezes the amended figure and status', async () => {
    const quarter = '2015-16-Q1'; // long ended, before the sample plan's quarters
    const officer = await t.token('officer', 'Place');
    const approver = await t.token('approver', 'Place');
    const id = freshId('amended');
    const measure = { ...placeMeasure, targets: { '2015-16': 80 } };
    expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body: measure })).status).toBe(201);
    const result = `/measures/${id}/results/${quarter}`;
    expect((await t.call('PUT', result, { token: officer, body: { value: 50, commentary: 'Short.' } })).status).toBe(
      201,
    );
    expect((await decide(result, approver, { decision: 'approve' })).status).toBe(200);
    const work = freshId('amended-work');
    const action = { ...placeAction, startQuarter: quarter, dueQuarter: quarter };
    expect((await t.call('PUT', `/actions/${work}`, { token: t.tokens.admin, body: action })).status).toBe(201);
    const update = `/actions/${work}/updates/${quarter}`;
    expect((await t.call('PUT', update, { token: officer, body: { status: 'red', commentary: 'Late.' } })).status).toBe(
      201,
    );
    expect((await decide(update, approver, { decision: 'approve' })).status).toBe(200);
    const closed = await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin });
    expect(closed.status, await closed.clone().text()).toBe(200);

    // The admin amends both; neither awaits a decision (an approver's would be 409 on a closed quarter).
    const amended = await t.call('PUT', result, { token: t.tokens.admin, body: { value: 90 } });
    expect(amended.status, await amended.clone().text()).toBe(200);
    const amendedWork = await t.call('PUT', update, { token: t.tokens.admin, body: { status: 'green' } });
    expect(amendedWork.status, await amendedWork.clone().text()).toBe(200);
    const history = (await (await t.call('GET', `${result}/history`, { token: t.tokens.admin })).json()) as {
      versions: { version: number; amendment?: boolean; submitted?: boolean }[];
    };
    expect(history.versions.at(-1)).toMatchObject({ version: 2, amendment: true });
    expect(history.versions.at(-1)?.submitted).toBeUndefined();

    interface Frozen {
      measures: { id: string; status: string; actual: number | null }[];
      actions: { id: string; status: string }[];
      criticalItems: { id: string }[];
    }
    const preview = (await (
      await t.call('GET', `/reports/${quarter}/reissue-preview`, { token: t.tokens.admin })
    ).json()) as Frozen;
    const reissue = await t.call('POST', `/reports/${quarter}/reissue`, { token: t.tokens.admin });
    expect(reissue.status, await reissue.clone().text()).toBe(200);
    const reissued = (await reissue.json()) as Frozen;
    for (const frozen of [preview, reissued]) {
      expect(frozen.measures.find((m) => m.id === id)).toMatchObject({ status: 'green', actual: 90 });
      expect(frozen.actions.find((a) => a.id === work)).toMatchObject({ status: 'green' });
      expect(frozen.criticalItems.map((c) => c.id)).not.toContain(work);
    }
  });
});
