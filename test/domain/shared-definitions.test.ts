// The domain modules every layer shares: the caller, ids, errors, settings and defaults.
import { describe, expect, it } from 'vitest';
import { hasRole } from '../../lambdas/domain/caller';
import { builtInSettings, defaultCloseDay, defaultCloseHour, defaultReportTitle } from '../../lambdas/domain/defaults';
import { Forbidden, Invalid, Malformed, NotFound, TooLarge, Unavailable } from '../../lambdas/domain/errors';
import { isId, isPeriodId } from '../../lambdas/domain/ids';
import { measureQuarters } from '../../lambdas/domain/measure-quarters';
import { settingsSchema } from '../../lambdas/domain/settings';
import { aMeasure, aResult, settingsWith } from './fixtures';

describe('hasRole', () => {
  it('is true only for a role the caller holds', () => {
    const caller = { sub: 'u', email: null, roles: ['officer' as const], directorate: 'Place' };
    expect(hasRole(caller, 'officer')).toBe(true);
    expect(hasRole(caller, 'admin')).toBe(false);
  });
});

describe('ids', () => {
  it('takes ids of letters, digits, . _ - starting with a letter or digit, up to 100', () => {
    expect(isId('CIP-1.2_a')).toBe(true);
    expect(isId('-x')).toBe(false);
    expect(isId('a'.repeat(101))).toBe(false);
  });

  it('takes a year, a quarter or a month as a period id', () => {
    expect(['2017-18', '2017-18-Q4', '2018-03'].every(isPeriodId)).toBe(true);
    expect(isPeriodId('2018-13')).toBe(false);
  });
});

describe('errors', () => {
  it('carry their name, their field errors and their cause', () => {
    const cause = new Error('csv-parse');
    expect(new Malformed('not CSV', { cause })).toMatchObject({ name: 'Malformed', cause });
    expect(new Invalid('bad', [{ path: '/a', message: 'm' }])).toMatchObject({
      name: 'Invalid',
      errors: [{ path: '/a' }],
    });
    expect(new Forbidden('no')).toMatchObject({ name: 'Forbidden', errors: [] });
    expect(new NotFound('none').name).toBe('NotFound');
    expect(new TooLarge('big').name).toBe('TooLarge');
    expect(new Unavailable('busy')).toMatchObject({ name: 'Unavailable', retryAfterSeconds: 1 });
  });
});

describe('product defaults', () => {
  it('are valid settings, titled Corporate Improvement Plan, closing on the 10th at 07:00', () => {
    expect(settingsSchema().safeParse(builtInSettings).success).toBe(true);
    expect(builtInSettings.reportTitle).toBe(defaultReportTitle);
    expect([defaultReportTitle, defaultCloseDay, defaultCloseHour]).toEqual(['Corporate Improvement Plan', 10, 7]);
  });

  it('refuse settings whose green band is wider than the amber band', () => {
    const parsed = settingsSchema().safeParse({ ...builtInSettings, greenTolerancePercent: 20, tolerancePercent: 10 });
    expect(parsed.success).toBe(false);
  });
});

describe('measureQuarters', () => {
  it('judges each quarter with a result or a quarter target, and says not-due for one the measure is not in', () => {
    const measure = aMeasure({ targets: { '2017-18-Q3': 100, '2017-18-Q4': 100 }, retiredFrom: '2017-18-Q4' });
    const quarters = measureQuarters(measure, [aResult('2017-18-Q3', 100)], settingsWith());
    expect(quarters.map((q) => [q.quarter, q.status])).toEqual([
      ['2017-18-Q3', 'green'],
      ['2017-18-Q4', 'not-due'],
    ]);
  });
});
