import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { builtInSettings } from '../../lambdas/domain/defaults';
import {
  Conflict,
  Forbidden,
  Invalid,
  Malformed,
  NotFound,
  TooLarge,
  Unavailable,
  VersionConflict,
} from '../../lambdas/domain/errors';
import { settingsSchema } from '../../lambdas/domain/settings';

// The domain's errors (mapped to problem+json in one place by name) and the settings'
// cross-field rules (docs/rules.md#measure-status, #overall-status).

describe('domain errors', () => {
  it.each([
    ['NotFound', new NotFound('no measure x')],
    ['Forbidden', new Forbidden('not yours')],
    ['Conflict', new Conflict('closed')],
    ['Invalid', new Invalid('bad')],
    ['TooLarge', new TooLarge('too big')],
    ['Malformed', new Malformed('unreadable')],
    ['VersionConflict', new VersionConflict()],
    ['Unavailable', new Unavailable('busy')],
  ])('%s is an Error named so, keeping its message', (name, error) => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('keep the cause they were given', () => {
    const cause = new Error('DynamoDB said no');
    expect(new Invalid('bad', [], { cause }).cause).toBe(cause);
    expect(new Forbidden('not yours', [], { cause }).cause).toBe(cause);
    expect(new VersionConflict(undefined, 3, { cause }).cause).toBe(cause);
    expect(new Unavailable('busy', 5, { cause }).cause).toBe(cause);
  });

  it('carry their field errors, none by default', () => {
    expect(new Invalid('bad').errors).toEqual([]);
    expect(new Invalid('bad', [{ path: '/value', message: 'a number' }]).errors).toEqual([
      { path: '/value', message: 'a number' },
    ]);
    expect(new Forbidden('not yours', [{ path: '/line/3', message: 'another directorate' }]).errors).toHaveLength(1);
  });

  it('say which version an item is at, and how long to wait', () => {
    expect(new VersionConflict(undefined, 4).current).toBe(4);
    expect(new VersionConflict().message).toBe('the item changed since the version given');
    expect(new Unavailable('busy').retryAfterSeconds).toBe(1);
    expect(new Unavailable('busy', 60).retryAfterSeconds).toBe(60);
  });
});

describe('settings', () => {
  const paths = (value: unknown) => {
    const result = z.safeParse(settingsSchema(), value);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('/'));
  };

  it('accept the built-in settings', () => {
    expect(paths(builtInSettings)).toEqual([]);
  });

  it('refuse a green band wider than the amber band', () => {
    expect(paths({ ...builtInSettings, greenTolerancePercent: 15, tolerancePercent: 10 })).toEqual([
      'greenTolerancePercent',
    ]);
  });

  it('refuse a red threshold above the green one for the overall status', () => {
    expect(paths({ ...builtInSettings, overallRedBelowPercent: 90, overallGreenAtLeastPercent: 80 })).toEqual([
      'overallRedBelowPercent',
    ]);
  });
});
