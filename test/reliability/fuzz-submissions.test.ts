import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../lambdas/http/routes';
import { reliabilitySection } from '../support/reliability-report';
import { fuzzRoute, runsPerRoute, startFuzzStack, type FuzzStack } from './fuzz/run';
import type { WriteRouteName } from './fuzz/models';

// Fuzzing through real HTTP, part 2: submissions (results, action updates, CSV import, remedial actions) and reissue.
// (Part 1, fuzz-definitions, runs in the other worker.)

const owned: WriteRouteName[] = ['putResult', 'putActionUpdate', 'importResults', 'putRemedialAction', 'reissueReport'];
const report = reliabilitySection('fuzz', 'Fuzzing every write route', 1, { sharedFuzzRoutes: owned.map((n) => `${routeTable[n].method} ${routeTable[n].path}`) });

let stack: FuzzStack;
beforeAll(async () => {
  stack = await startFuzzStack();
});
afterAll(async () => {
  report.write();
  await stack?.stop();
});

describe(`${runsPerRoute.toLocaleString('en-GB')} malformed requests per route: 4xx, nothing stored`, () => {
  for (const name of owned) {
    const route = routeTable[name];
    it(`${route.method} ${route.path}`, async () => {
      const stats = await fuzzRoute(stack, name);
      expect(stats.runs).toBe(runsPerRoute);
      report.fuzz(stats);
    }, 120_000);
  }
});
