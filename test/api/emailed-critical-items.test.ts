import { describe, expect, it } from 'vitest';
import { quarterCloseInstant } from '../../lambdas/domain';
import { useTestStack } from '../support/api-test';
import { freshId, freshYear } from '../support/fresh';

// What the EMT email said about each critical item, beside what EMT have recorded since
// (the critical item page shows both), and when a live quarter's close is due.

const t = useTestStack({ tokens: { admin: 'admin', emt: 'emt' } });

interface Remedial {
  text: string;
}
interface ReportBody {
  closed: boolean;
  closeDue?: string;
  emailedAt?: string | null;
  criticalItems: { id: string; remedialAction: Remedial | null; emailedRemedialAction?: Remedial | null }[];
}

/** A quarter of its own with one red measure: a critical item whose id is the measure's. */
async function redQuarter(): Promise<{ quarter: string; id: string }> {
  const { year, q } = freshYear();
  const id = freshId('emailed');
  const put = await t.call('PUT', `/measures/${id}`, {
    token: t.tokens.admin,
    body: {
      plan: 'cip',
      programme: 'Learning',
      title: 'Red one',
      unit: 'schools',
      polarity: 'lower',
      frequency: 'quarterly',
      directorates: ['People'],
      ownerDirectorate: 'People',
      targets: { [year]: 1 },
    },
  });
  expect(put.status).toBe(201);
  const result = await t.call('PUT', `/measures/${id}/results/${q(3)}`, {
    token: t.tokens.admin,
    body: { value: 5, commentary: 'High' },
  });
  expect(result.status).toBe(201);
  return { quarter: q(3), id };
}
const remedial = (quarter: string, id: string, text: string) =>
  t.call('PUT', `/reports/${quarter}/critical-items/${id}/remedial-action`, { token: t.tokens.emt, body: { text } });
const report = async (quarter: string) =>
  (await (await t.call('GET', `/reports/${quarter}`, { token: t.tokens.emt })).json()) as ReportBody;

describe('what the email said', () => {
  it('a live report says when the scheduled close is due, and nothing was emailed yet', async () => {
    const { quarter } = await redQuarter();
    const live = await report(quarter);
    expect(live.closed).toBe(false);
    expect(live.closeDue).toBe(quarterCloseInstant(quarter, 10, 7).toISOString());
    expect(live).not.toHaveProperty('emailedAt');
    expect(live.criticalItems[0]).not.toHaveProperty('emailedRemedialAction');
  });

  it('after close, gives the remedial action the email carried beside the one recorded since', async () => {
    const { quarter, id } = await redQuarter();
    expect((await remedial(quarter, id, 'Cut costs.')).status).toBe(200);
    expect((await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin })).status).toBe(200);
    expect((await remedial(quarter, id, 'Cut costs; review in June.')).status).toBe(200);
    await t.stack.outbox.drain();
    const closed = await report(quarter);
    expect(closed.emailedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    expect(closed).not.toHaveProperty('closeDue');
    expect(closed.criticalItems.find((i) => i.id === id)).toMatchObject({
      remedialAction: { text: 'Cut costs; review in June.' },
      emailedRemedialAction: { text: 'Cut costs.' },
    });
  });

  it("after close, an item emailed without a remedial action says so (null: 'remedial action needed')", async () => {
    const { quarter, id } = await redQuarter();
    expect((await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin })).status).toBe(200);
    expect((await remedial(quarter, id, 'Recorded after the email.')).status).toBe(200);
    const item = (await report(quarter)).criticalItems.find((i) => i.id === id);
    expect(item?.emailedRemedialAction).toBeNull();
    expect(item?.remedialAction?.text).toBe('Recorded after the email.');
  });
});
