import { describe, expect, it } from 'vitest';
import { contentType } from '../../../lambdas/http/middlewares/content-type';
import { httpEvent, run } from './harness';

describe('contentType', () => {
  it('refuses a body on a route that takes none with 415', async () => {
    const { error } = await run(contentType({ path: '/measures' }), httpEvent({ body: '{}' }));
    expect(error).toMatchObject({ status: 415, detail: 'This route takes no request body.' });
  });

  it('refuses a CSV route’s body sent as anything but text/csv with 415', async () => {
    const event = httpEvent({ body: 'a,b', headers: { 'content-type': 'application/json' } });
    const { error } = await run(contentType({ path: '/imports/results', body: 'csv' }), event);
    expect(error).toMatchObject({ status: 415, detail: 'The request body must be text/csv.' });
  });

  it('takes text/csv with parameters on a CSV route', async () => {
    const event = httpEvent({ body: 'a,b', headers: { 'content-type': 'text/csv; charset=utf-8' } });
    const { result } = await run(contentType({ path: '/imports/results', body: 'csv' }), event);
    expect(result?.statusCode).toBe(200);
  });
});
