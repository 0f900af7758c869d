import { describe, expect, it } from 'vitest';
import { claimsOf, personEmail, personSchema } from '../../lambdas/domain/people';

describe('claimsOf (a record → the ID token claims)', () => {
  it('keeps only known roles, in a fixed order, with the directorate', () => {
    expect(claimsOf({ roles: ['admin', 'root', 'officer'], directorate: 'Place' }, 'a@b.c', null)).toEqual({
      groups: ['officer', 'admin'],
      directorate: 'Place',
    });
  });
  it('no record: no role; the first admin (any case) is admin', () => {
    expect(claimsOf(null, 'a@b.c', null)).toEqual({ groups: [], directorate: null });
    expect(claimsOf(null, 'First@B.c', 'first@b.c')).toEqual({ groups: ['admin'], directorate: null });
    expect(claimsOf(null, 'other@b.c', 'first@b.c')).toEqual({ groups: [], directorate: null });
  });
  it('a removed record gives no role, even to the first admin', () => {
    expect(claimsOf({ roles: [], removed: true }, 'first@b.c', 'first@b.c')).toEqual({ groups: [], directorate: null });
  });
  it('a malformed record gives no role and no directorate', () => {
    expect(claimsOf({ roles: 'admin', directorate: '' }, 'a@b.c', null)).toEqual({ groups: [], directorate: null });
  });
});

describe('personSchema', () => {
  it('needs a directorate for officers and approvers only, and each role once', () => {
    expect(personSchema.safeParse({ roles: ['emt'] }).success).toBe(true);
    expect(personSchema.safeParse({ roles: ['approver'] }).success).toBe(false);
    expect(personSchema.safeParse({ roles: ['emt', 'emt'] }).success).toBe(false);
    expect(personSchema.safeParse({ roles: ['superuser'] }).success).toBe(false);
  });
  it('lowercases an email key', () => {
    expect(personEmail.parse('Jo.Bloggs@Council.GOV.uk')).toBe('jo.bloggs@council.gov.uk');
  });
});
