import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Unavailable } from '../../lambdas/domain/errors';
import { db } from '../../lambdas/store/client';
import { awsError, intercept } from '../support/sdk-faults';

// The store, not the HTTP layer, knows AWS's error names: a DynamoDB still throttled or
// unavailable after the SDK's own retries leaves the store as the domain's Unavailable
// (503 with Retry-After over HTTP; test/reliability/faults.test.ts shows it end to end).
// The faults are thrown before any request leaves, so no engine is needed.

let remove: (() => void) | undefined;
// stubEnv, put back after the file: units share their workers (vitest.config.ts, isolate: false).
beforeAll(() => {
  vi.stubEnv('AWS_REGION', 'eu-west-2');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'unit');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'unit');
  vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', 'http://127.0.0.1:9');
});
afterAll(() => vi.unstubAllEnvs());
afterEach(() => remove?.());

const get = () => db().send(new GetCommand({ TableName: 'ragtime-unit', Key: { pk: 'p', sk: 's' } }));

describe('DynamoDB errors leaving the store', () => {
  for (const name of ['ProvisionedThroughputExceededException', 'ThrottlingException', 'InternalServerError']) {
    it(`${name}, after the SDK's retries, becomes Unavailable (retry after 1 s) with the AWS error as its cause`, async () => {
      const attempts: number[] = [];
      remove = intercept(db(), {
        fault: (_call, attempt) => {
          attempts.push(attempt);
          throw awsError(name, name === 'InternalServerError' ? 500 : 400);
        },
      });
      const error = await get().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Unavailable);
      expect((error as Unavailable).retryAfterSeconds).toBe(1);
      expect((error as Unavailable).message).toMatch(/nothing was changed/);
      expect(((error as Error).cause as Error).name).toBe(name);
      expect(Math.max(...attempts)).toBeGreaterThanOrEqual(2);
    });
  }

  it('leaves any other error as it was (a refusal is not a busy service)', async () => {
    remove = intercept(db(), {
      fault: () => {
        throw awsError('ValidationException', 400, 'One or more parameter values were invalid');
      },
    });
    const error = await get().catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(Unavailable);
    expect((error as Error).name).toBe('ValidationException');
  });
});
