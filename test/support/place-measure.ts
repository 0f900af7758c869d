import { expect } from 'vitest';
import type { TestStack } from './local-stack';

/**
 * Puts a measure as the browser journeys use it: a Place percentage of the sample plan's
 * "Developing the economy", higher is better, target 100 for 2017-18 Q4, no result yet;
 * `fields` add to it or change it (a Welsh title, another target). Fails the test unless
 * created (or, with `changes`, changed: 200).
 */
export async function putPlaceMeasure(
  stack: Pick<TestStack, 'call'>,
  admin: string,
  id: string,
  fields: Record<string, unknown>,
  { changes = false } = {},
): Promise<void> {
  const res = await stack.call('PUT', `/measures/${id}`, {
    token: admin,
    body: {
      plan: 'cip',
      programme: 'Developing the economy',
      unit: '%',
      polarity: 'higher',
      frequency: 'quarterly',
      directorates: ['Place'],
      ownerDirectorate: 'Place',
      targets: { '2017-18-Q4': 100 },
      ...fields,
    },
  });
  expect(res.status, await res.clone().text()).toBe(changes ? 200 : 201);
}
