import { expect, it } from 'vitest';
import { putAction, putMeasure } from '../../lambdas/store/definitions';
import { useTestStack } from '../support/api-test';

// Measures and planned work share one id namespace (SPEC §5 "One truth", issue #22
// finding 6): a PUT or an import of an id the other kind uses is refused naming it, and a
// pair that already shares an id keeps working without sharing a remedial action.

const t = useTestStack({ tokens: { admin: 'admin' } });
const quarter = '2016-17-Q2';
const measure = {
  plan: 'cip',
  programme: 'Learning',
  title: 'Twin measure',
  polarity: 'higher',
  frequency: 'quarterly',
  ownerDirectorate: 'People',
  targets: { [quarter]: 100 },
};
const action = { plan: 'cip', programme: 'Learning', title: 'Twin work', ownerDirectorate: 'People' };

const problemOf = async (res: Response) =>
  (await res.json()) as { detail: string; errors?: { path: string; message: string }[] };

it('refuses a measure with an id planned work uses, and planned work with a measure’s id, naming it', async () => {
  expect((await t.call('PUT', '/measures/dup-id', { token: t.tokens.admin, body: measure })).status).toBe(201);
  const asAction = await t.call('PUT', '/actions/dup-id', { token: t.tokens.admin, body: action });
  expect(asAction.status).toBe(409);
  expect((await problemOf(asAction)).detail).toMatch(/dup-id.*a measure \("Twin measure"\)/);
  expect((await t.call('GET', '/actions/dup-id', { token: t.tokens.admin })).status).toBe(404);

  expect((await t.call('PUT', '/actions/work-id', { token: t.tokens.admin, body: action })).status).toBe(201);
  const asMeasure = await t.call('PUT', '/measures/work-id', { token: t.tokens.admin, body: measure });
  expect(asMeasure.status).toBe(409);
  expect((await problemOf(asMeasure)).detail).toMatch(/work-id.*planned work \("Twin work"\)/);
  expect((await t.call('GET', '/measures/work-id', { token: t.tokens.admin })).status).toBe(404);
});

it('refuses an import row whose id the other kind uses, in the file or stored, and stores nothing', async () => {
  const res = await t.call('POST', '/imports/definitions?kind=actions', {
    token: t.tokens.admin,
    body: 'id,plan,programme,title,ownerDirectorate\nfresh-work,cip,Learning,Fresh,People\ndup-id,cip,Learning,Twin,People\n',
    headers: { 'content-type': 'text/csv' },
  });
  expect(res.status).toBe(422);
  expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual(['/Planned work/row/3/id']);
  expect((await t.call('GET', '/actions/fresh-work', { token: t.tokens.admin })).status).toBe(404);
});

it('keeps a pair that already shares an id working, each critical item with its own remedial action', async () => {
  // As stored before one id namespace: written straight to the table.
  await putMeasure({ id: 'twin', ...measure } as never);
  await putAction({ id: 'twin', ...action } as never);
  expect(
    (await t.call('PUT', '/measures/twin', { token: t.tokens.admin, body: { ...measure, unit: '%' } })).status,
  ).toBe(200);
  expect(
    (await t.call('PUT', '/actions/twin', { token: t.tokens.admin, body: { ...action, title: 'Twin work!' } })).status,
  ).toBe(200);
  const result = await t.call('PUT', `/measures/twin/results/${quarter}`, {
    token: t.tokens.admin,
    body: { value: 10, commentary: 'Well short.' },
  });
  expect(result.status).toBe(201);
  const update = await t.call('PUT', `/actions/twin/updates/${quarter}`, {
    token: t.tokens.admin,
    body: { status: 'red', commentary: 'Stalled.' },
  });
  expect(update.status).toBe(201);

  const path = `/reports/${quarter}/critical-items/twin/remedial-action`;
  const ambiguous = await t.call('PUT', path, { token: t.tokens.admin, body: { text: 'Which one?' } });
  expect(ambiguous.status).toBe(409);
  expect((await problemOf(ambiguous)).detail).toMatch(/\?kind=measure or \?kind=action/);
  expect(
    (await t.call('PUT', `${path}?kind=measure`, { token: t.tokens.admin, body: { text: 'Fix the measure' } })).status,
  ).toBe(200);
  expect(
    (await t.call('PUT', `${path}?kind=action`, { token: t.tokens.admin, body: { text: 'Restart the work' } })).status,
  ).toBe(200);

  const report = (await (await t.call('GET', `/reports/${quarter}`, { token: t.tokens.admin })).json()) as {
    criticalItems: { kind: string; subjectId: string; remedialAction: { text: string } | null }[];
  };
  const twins = report.criticalItems.filter((i) => i.subjectId === 'twin');
  expect(twins.map((i) => [i.kind, i.remedialAction?.text])).toEqual([
    ['measure', 'Fix the measure'],
    ['action', 'Restart the work'],
  ]);
});
