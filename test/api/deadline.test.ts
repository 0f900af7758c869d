// 503 before the deadline, never 500 after it (second review): a writer that keeps losing
// its commit retries only while its function has time left (the Lambda context's
// getRemainingTimeInMillis, less a margin), then answers 503 with Retry-After. Before,
// its 20 s budget outlived a shorter function timeout and middy answered 500 at the
// deadline while the write could still land. The handler runs in this process with a
// Lambda context of 5 s, against the test stack's table.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as putResult } from '../../lambdas/handlers/put-result';
import { lambdaContext } from '../../lambdas/local/lambda-context';
import { db } from '../../lambdas/store/client';
import { claims, httpEvent } from '../http/middlewares/harness';
import { useTestStack } from '../support/api-test';
import { placeMeasure } from '../support/route-samples';
import { intercept } from '../support/sdk-faults';

const t = useTestStack({ tokens: { admin: 'admin' } });

beforeAll(async () => {
  expect((await t.call('PUT', '/measures/planning', { token: t.tokens.admin, body: placeMeasure })).status).toBe(201);
});

describe('a writer that keeps losing its commit', () => {
  it('answers 503 with Retry-After inside its function timeout, and nothing is stored', async () => {
    let commits = 0;
    // Every commit of this result's head loses, as if another writer always got there first.
    const remove = intercept(db(), {
      fault: (call) => {
        if (call.commandName === 'UpdateItemCommand' && JSON.stringify(call.input.Key).includes('2017-18-Q2')) {
          commits++;
          throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
        }
      },
    });
    try {
      const event = httpEvent({
        routeKey: 'PUT /measures/{id}/results/{period}',
        rawPath: '/measures/planning/results/2017-18-Q2',
        headers: { 'content-type': 'application/json' },
        pathParameters: { id: 'planning', period: '2017-18-Q2' },
        body: JSON.stringify({ value: 85 }),
        ...claims({ sub: 'admin', email: 'admin@localhost', token_use: 'id', 'cognito:groups': '[admin]' }),
      });
      const res = await putResult(event, lambdaContext('ragtime-put-result', undefined, 5_000));
      const headers = (res.headers ?? {}) as Record<string, string>;
      expect(res.statusCode, String(res.body)).toBe(503);
      expect(headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(headers['retry-after'])).toBeGreaterThan(0);
      expect(commits).toBeGreaterThan(1);
    } finally {
      remove();
    }
    const history = await t.call('GET', '/measures/planning/results/2017-18-Q2/history', { token: t.tokens.admin });
    expect(history.status).toBe(404);
  });
});
