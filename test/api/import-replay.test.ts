import { beforeAll, expect, it } from 'vitest';
import { db } from '../../lambdas/store/client';
import { useTestStack } from '../support/api-test';
import { awsError, intercept } from '../support/sdk-faults';

// Without transactions an import writes row by row: if DynamoDB gives out part way,
// sending the same file again must finish it and repeat no row.

const t = useTestStack({ tokens: { admin: 'admin' } });

beforeAll(async () => {
  for (let i = 0; i < 5; i++) {
    await t.call('PUT', `/measures/imp-${i}`, {
      token: t.tokens.admin,
      body: {
        plan: 'cip',
        programme: 'Learning',
        title: `Import ${i}`,
        polarity: 'higher',
        frequency: 'quarterly',
        ownerDirectorate: 'People',
        targets: {},
      },
    });
  }
});

// 20 rows: 5 measures × 4 quarters.
const csv = [
  'measureId,period,value,commentary',
  ...Array.from({ length: 20 }, (_, i) => `imp-${i % 5},2017-18-Q${1 + Math.floor(i / 5)},${i},`),
];

it('finishes an interrupted import when the same file is sent again, repeating no row', async () => {
  const body = csv.join('\n');
  const rows = csv.length - 1;
  let updates = 0;
  // Persistent throttling after the first 7 writes (the SDK's retries exhausted).
  const remove = intercept(db(), {
    fault: (call) => {
      if (call.commandName === 'UpdateItemCommand' && ++updates > 7)
        throw awsError('ProvisionedThroughputExceededException', 400);
    },
  });
  const first = await t.call('POST', '/imports/results', {
    token: t.tokens.admin,
    body,
    headers: { 'content-type': 'text/csv' },
  });
  remove();
  expect(first.status).toBe(503);
  expect(first.headers.get('retry-after')).toBe('1');
  expect(((await first.json()) as { detail: string }).detail).toMatch(/Send the same file again/);

  const second = await t.call('POST', '/imports/results', {
    token: t.tokens.admin,
    body,
    headers: { 'content-type': 'text/csv' },
  });
  expect(second.status).toBe(201);
  const answer = (await second.json()) as { imported: number; alreadyStored: number };
  expect(answer.imported).toBe(rows);
  expect(answer.alreadyStored).toBeGreaterThan(0);
  for (const line of csv.slice(1)) {
    const [id, period, value] = line.split(',');
    const history = (await (
      await t.call('GET', `/measures/${id}/results/${period}/history`, { token: t.tokens.admin })
    ).json()) as { versions: { value: number }[] };
    expect(
      history.versions.map((v) => v.value),
      line,
    ).toEqual([Number(value)]);
  }

  // A later single write clears the import's mark: the same file imported again writes again.
  const [id, period] = csv[1]!.split(',');
  await t.call('PUT', `/measures/${id}/results/${period}`, { token: t.tokens.admin, body: { value: 999 } });
  const third = (await (
    await t.call('POST', '/imports/results', { token: t.tokens.admin, body, headers: { 'content-type': 'text/csv' } })
  ).json()) as { imported: number; alreadyStored: number };
  expect(third.alreadyStored).toBe(rows - 1);
  const history = (await (
    await t.call('GET', `/measures/${id}/results/${period}/history`, { token: t.tokens.admin })
  ).json()) as { versions: unknown[] };
  expect(history.versions).toHaveLength(3);
});

it('files an ambiguous period (2011-12: a financial year or December 2011) by its measure’s frequency', async () => {
  const base = { plan: 'cip', programme: 'Learning', polarity: 'higher', ownerDirectorate: 'People', targets: {} };
  await t.call('PUT', '/measures/yearly', {
    token: t.tokens.admin,
    body: { ...base, title: 'Yearly', frequency: 'annual' },
  });
  await t.call('PUT', '/measures/monthly', {
    token: t.tokens.admin,
    body: { ...base, title: 'Monthly', frequency: 'monthly' },
  });
  const res = await t.call('POST', '/imports/results', {
    token: t.tokens.admin,
    body: 'measureId,period,value\nyearly,2011-12,7\nmonthly,2011-12,3\n',
    headers: { 'content-type': 'text/csv' },
  });
  expect(res.status).toBe(201);
  // The annual result belongs to the year's Q4 report, the monthly one to Q3 (October–December).
  const q4 = (await (await t.call('GET', '/reports/2011-12-Q4', { token: t.tokens.admin })).json()) as {
    measures: { id: string; actual: number | null }[];
  };
  const q3 = (await (await t.call('GET', '/reports/2011-12-Q3', { token: t.tokens.admin })).json()) as {
    measures: { id: string; actual: number | null }[];
  };
  expect(q4.measures.find((m) => m.id === 'yearly')?.actual).toBe(7);
  expect(q3.measures.find((m) => m.id === 'monthly')?.actual).toBe(3);
  for (const id of ['yearly', 'monthly']) {
    const history = (await (
      await t.call('GET', `/measures/${id}/results/2011-12/history`, { token: t.tokens.admin })
    ).json()) as { versions: unknown[] };
    expect(history.versions, id).toHaveLength(1);
  }
});
