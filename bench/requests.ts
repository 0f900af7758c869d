// DynamoDB requests per API call, on the seeded sample plan (2017-18-Q4 open), counted
// on the handlers' own client while the call runs through the local API.
import { samplePlan } from '../lambdas/local/sample-plan';
import type { Harness } from './harness';

export interface CallCount {
  operation: string;
  status: number;
  requests: number;
  byCommand: Record<string, number>;
}

async function counted(
  h: Harness,
  operation: string,
  call: () => Promise<{ status: number; json: unknown }>,
  expect: number[],
): Promise<CallCount> {
  h.counter.reset();
  const { status, json } = await call();
  const out = { operation, status, requests: h.counter.total(), byCommand: h.counter.byCommand() };
  if (!expect.includes(status)) throw new Error(`${operation}: HTTP ${status} ${JSON.stringify(json).slice(0, 300)}`);
  return out;
}

export async function countSamplePlanCalls(h: Harness): Promise<CallCount[]> {
  await h.useTable('bench-sample');
  const quarter = '2017-18-Q4';
  // A quarterly measure with a numeric yearly target: a green value needs no commentary.
  const measure = samplePlan.measures.find(
    (m) =>
      m.frequency === 'quarterly' &&
      m.polarity === 'higher' &&
      typeof m.targets['2017-18'] === 'number' &&
      !m.targets[quarter],
  );
  if (!measure) throw new Error('the sample plan has no quarterly "higher" measure with a yearly target');
  const green = (measure.targets['2017-18'] as number) * 1.1 + 1;
  const officer = await h.token('officer', measure.ownerDirectorate);
  const reader = await h.token('emt');
  const out: CallCount[] = [];
  // Warm the handler modules first so that nothing but the counted call runs meanwhile.
  await h.call('GET', `/measures/${measure.id}`, { token: reader });
  out.push(
    await counted(
      h,
      'submit a result (PUT /measures/{id}/results/{period})',
      () => h.call('PUT', `/measures/${measure.id}/results/${quarter}`, { token: officer, body: { value: green } }),
      [200, 201],
    ),
  );
  out.push(
    await counted(
      h,
      'read a measure (GET /measures/{id})',
      () => h.call('GET', `/measures/${measure.id}`, { token: reader }),
      [200],
    ),
  );
  out.push(
    await counted(
      h,
      `live report, sample plan (GET /reports/${quarter})`,
      () => h.call('GET', `/reports/${quarter}`, { token: reader }),
      [200],
    ),
  );
  return out;
}
