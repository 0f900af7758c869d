// Each API function builds only its own route's schemas, when a request first needs them
// (docs/architecture.md "Schemas on first use"): building every route's at import was
// ~20 ms of each function's cold start. Counted by domain/lazily.ts.
import { describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '../../lambdas/local/lambda-context';
import { claims, httpEvent } from './middlewares/harness';

const officer = claims({ sub: 'u1', token_use: 'id', 'cognito:groups': '[officer]', 'custom:directorate': 'Place' });

describe('route schemas on first use', () => {
  it('a handler builds none at import, then only its route’s, once', async () => {
    // Fresh modules: the unit project shares its workers' module cache (isolate: false).
    vi.resetModules();
    const { lazyBuilds } = await import('../../lambdas/domain/lazily');
    const { handler } = await import('../../lambdas/handlers/put-result');
    const { routes, routeTable } = await import('../../lambdas/http/routes');
    expect(lazyBuilds()).toBe(0);

    // A body the schema refuses: 422 before any service call, so no table is needed.
    const event = () =>
      httpEvent({
        routeKey: 'PUT /measures/{id}/results/{period}',
        pathParameters: { id: 'm1', period: '2017-18-Q4' },
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ value: 'twelve' }),
        ...officer,
      });
    const answer = await handler(event(), lambdaContext('put-result'));
    expect(answer.statusCode).toBe(422);
    expect(JSON.parse(answer.body ?? '{}').errors).toEqual([
      { path: '/value', message: 'Invalid input: expected number, received string' },
    ]);
    // idSchema, periodIdSchema and resultParams; storableNumber and resultSchema.
    expect(lazyBuilds()).toBe(5);

    expect((await handler(event(), lambdaContext('put-result'))).statusCode).toBe(422);
    expect(lazyBuilds()).toBe(5);
    expect(routeTable.putResult.body()).toBe(routeTable.putResult.body());

    // Every other route's schemas are still to build: many more than this route's.
    for (const route of routes) {
      route.params?.();
      route.query?.();
      if (typeof route.body === 'function') route.body();
    }
    expect(lazyBuilds()).toBeGreaterThan(40);
  });
});
