import { describe, expect, it } from 'vitest';
import {
  adminLockout,
  claimsOf,
  personEmail,
  personSchema,
  type RoleChange,
  signInEmail,
} from '../../lambdas/domain/people';

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
    expect(personSchema().safeParse({ roles: ['emt'] }).success).toBe(true);
    expect(personSchema().safeParse({ roles: ['approver'] }).success).toBe(false);
    expect(personSchema().safeParse({ roles: ['emt', 'emt'] }).success).toBe(false);
    expect(personSchema().safeParse({ roles: ['superuser'] }).success).toBe(false);
  });
  it('lowercases an email key', () => {
    expect(personEmail().parse('Jo.Bloggs@Council.GOV.uk')).toBe('jo.bloggs@council.gov.uk');
  });
});

describe('adminLockout (admins cannot lock themselves out of People)', () => {
  const change = (over: Partial<RoleChange>): RoleChange => ({
    callerEmail: 'admin@b.c',
    email: 'jo@b.c',
    nextRoles: ['emt'],
    removal: false,
    adminNow: true,
    otherAdmins: 1,
    ...over,
  });
  it('refuses an admin removing themselves, whatever the case of their token email', () => {
    expect(adminLockout(change({ callerEmail: 'Jo@B.c', removal: true, nextRoles: [] }))).toMatch(
      /^You cannot remove yourself/,
    );
  });
  it('refuses an admin taking away their own admin role, even with other admins', () => {
    expect(adminLockout(change({ callerEmail: 'jo@b.c', otherAdmins: 3 }))).toMatch(
      /^You cannot take away your own admin role/,
    );
  });
  it('lets an admin change their other roles while keeping admin', () => {
    expect(adminLockout(change({ callerEmail: 'jo@b.c', nextRoles: ['admin', 'emt'] }))).toBeNull();
  });
  it('refuses taking admin from the last admin, by a change or a removal', () => {
    expect(adminLockout(change({ otherAdmins: 0 }))).toBe(
      'jo@b.c is the last admin: give someone else the admin role first, so that somebody can still manage People.',
    );
    expect(adminLockout(change({ otherAdmins: 0, removal: true, nextRoles: [] }))).toMatch(/is the last admin/);
  });
  it('allows taking admin from one admin while another remains, and any change to a non-admin', () => {
    expect(adminLockout(change({ otherAdmins: 1 }))).toBeNull();
    expect(adminLockout(change({ adminNow: false, otherAdmins: 0 }))).toBeNull();
    expect(adminLockout(change({ callerEmail: null, otherAdmins: 1 }))).toBeNull();
  });
});

describe('signInEmail (which email a sign-in is keyed by)', () => {
  const identities = '[{"providerName":"CouncilAccount","providerType":"SAML","userId":"x"}]';
  it("takes the pool's own users' email whatever email_verified says", () => {
    expect(signInEmail({ email: 'a@b.c' })).toBe('a@b.c');
    expect(signInEmail({ email: 'a@b.c', email_verified: 'false' })).toBe('a@b.c');
  });
  it('takes a federated email only when the provider verified it', () => {
    expect(signInEmail({ email: 'a@b.c', identities, email_verified: 'true' })).toBe('a@b.c');
    expect(signInEmail({ email: 'a@b.c', identities, email_verified: 'TRUE' })).toBe('a@b.c');
    expect(signInEmail({ email: 'a@b.c', identities, email_verified: 'false' })).toBeUndefined();
    expect(signInEmail({ email: 'a@b.c', identities })).toBeUndefined();
    expect(signInEmail({ email: 'a@b.c', 'cognito:user_status': 'EXTERNAL_PROVIDER' })).toBeUndefined();
  });
  it('no email (or a blank one): nothing to key by', () => {
    expect(signInEmail({})).toBeUndefined();
    expect(signInEmail({ email: '  ' })).toBeUndefined();
    expect(signInEmail({ identities, email_verified: 'true' })).toBeUndefined();
  });
});
