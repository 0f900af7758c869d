import { describe, expect, it } from 'vitest';
import { Conflict, Invalid, Unavailable, VersionConflict } from '../../../lambdas/domain/errors';
import { problemErrors } from '../../../lambdas/http/middlewares/problem-errors';
import { httpEvent, run } from './harness';

const failWith = (error: unknown) => async () => {
  throw error;
};
const body = (result: { body?: string } | undefined) => JSON.parse(result?.body ?? '{}');

describe('problemErrors', () => {
  it('answers a domain error with its problem+json, field errors included', async () => {
    const invalid = new Invalid('The CSV has no rows.', [{ path: '/line/1', message: 'empty' }]);
    const { result } = await run(problemErrors(), httpEvent(), failWith(invalid));
    expect(result?.statusCode).toBe(422);
    expect(result?.headers).toMatchObject({ 'content-type': 'application/problem+json' });
    expect(body(result)).toMatchObject({ status: 422, detail: 'The CSV has no rows.', errors: [{ path: '/line/1' }] });
  });

  it('maps a version conflict to 412 with the current ETag when it is known', async () => {
    const { result } = await run(problemErrors(), httpEvent(), failWith(new VersionConflict('stale', 4)));
    expect(result?.statusCode).toBe(412);
    expect(result?.headers).toMatchObject({ etag: '"4"' });
  });

  it('maps Conflict to 409 and Unavailable to 503 with its Retry-After', async () => {
    expect((await run(problemErrors(), httpEvent(), failWith(new Conflict('closed')))).result?.statusCode).toBe(409);
    const { result } = await run(problemErrors(), httpEvent(), failWith(new Unavailable('later', 60)));
    expect(result).toMatchObject({ statusCode: 503, headers: { 'retry-after': '60' } });
  });

  it('answers anything unforeseen with a 500 that says nothing of it', async () => {
    const { result } = await run(problemErrors(), httpEvent(), failWith(new TypeError('secret detail')));
    expect(result?.statusCode).toBe(500);
    expect(result?.body).not.toContain('secret detail');
  });
});
