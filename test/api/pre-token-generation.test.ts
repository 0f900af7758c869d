// The pre-token-generation trigger (docs/people.md) against dynalite: the person's record
// becomes the ID token's cognito:groups and custom:directorate, whatever the pool holds.
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { reloadEnvironment } from '../../lambdas/config/environment';
import { claimsOf } from '../../lambdas/domain/people';
import { handler } from '../../lambdas/handlers/pre-token-generation';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';

const t = useTestStack({ tokens: { admin: 'admin' } });

afterEach(() => {
  delete process.env.FIRST_ADMIN_EMAIL;
  reloadEnvironment();
});

/** What Cognito puts in userAttributes for a user created by a sign-in at the council's provider. */
const federated = (emailVerified?: string) => ({
  identities: JSON.stringify([
    { userId: 'entra-object-id', providerName: 'CouncilAccount', providerType: 'OIDC', primary: 'true' },
  ]),
  'cognito:user_status': 'EXTERNAL_PROVIDER',
  ...(emailVerified !== undefined && { email_verified: emailVerified }),
});

/** The V2 event Cognito sends on a sign-in, with what the user pool itself holds. */
function signIn(
  email: string | undefined,
  poolGroups: string[] = [],
  poolDirectorate?: string,
  attributes: Record<string, string> = {},
) {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_Authentication',
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_test',
    userName: 'user',
    callerContext: { awsSdkVersion: 'x', clientId: 'client' },
    request: {
      userAttributes: {
        sub: 'sub',
        ...(email !== undefined && { email }),
        ...(poolDirectorate && { 'custom:directorate': poolDirectorate }),
        ...attributes,
      },
      groupConfiguration: { groupsToOverride: poolGroups, iamRolesToOverride: [], preferredRole: undefined },
      scopes: ['openid'],
    },
    response: { claimsAndScopeOverrideDetails: null },
  } as unknown as PreTokenGenerationV2TriggerEvent;
}

const person = () => `${freshId('signin')}@council.example`;
const give = async (email: string, body: unknown) =>
  expect((await t.call('PUT', `/people/${email}`, { token: t.tokens.admin, body })).status).toBeLessThan(300);
const claims = async (event: PreTokenGenerationV2TriggerEvent) =>
  (await handler(event)).response.claimsAndScopeOverrideDetails;

describe('the pre-token-generation trigger', () => {
  it("writes the record's roles and directorate into the ID token (the email in any case)", async () => {
    const email = person();
    await give(email, { roles: ['officer', 'approver'], directorate: 'Place' });
    const out = await claims(signIn(email.toUpperCase()));
    expect(out?.groupOverrideDetails?.groupsToOverride).toEqual(['officer', 'approver']);
    expect(out?.idTokenGeneration?.claimsToAddOrOverride).toEqual({ 'custom:directorate': 'Place' });
  });

  it('gives no role and no directorate to someone without a record, whatever the pool says', async () => {
    const out = await claims(signIn(person(), ['admin'], 'Place'));
    expect(out?.groupOverrideDetails?.groupsToOverride).toEqual([]);
    expect(out?.idTokenGeneration?.claimsToSuppress).toEqual(['custom:directorate']);
  });

  it('gives no role to a removed person, nor to a token without an email', async () => {
    const email = person();
    await give(email, { roles: ['emt'] });
    expect((await t.call('DELETE', `/people/${email}`, { token: t.tokens.admin })).status).toBe(200);
    expect((await claims(signIn(email)))?.groupOverrideDetails?.groupsToOverride).toEqual([]);
    expect((await claims(signIn(undefined)))?.groupOverrideDetails?.groupsToOverride).toEqual([]);
  });

  describe('a federated sign-in (the council identity provider)', () => {
    const groupsOf = async (event: PreTokenGenerationV2TriggerEvent) =>
      (await claims(event))?.groupOverrideDetails?.groupsToOverride;

    it('gets the record of its email when the provider verified the email', async () => {
      const email = person();
      await give(email, { roles: ['officer'], directorate: 'Place' });
      const out = await claims(signIn(email, [], undefined, federated('true')));
      expect(out?.groupOverrideDetails?.groupsToOverride).toEqual(['officer']);
      expect(out?.idTokenGeneration?.claimsToAddOrOverride).toEqual({ 'custom:directorate': 'Place' });
    });

    it('gets no role when the provider did not verify the email, or said nothing about it', async () => {
      const email = person();
      await give(email, { roles: ['admin'] });
      for (const verified of ['false', '', 'yes', undefined]) {
        const out = await claims(signIn(email, ['admin'], 'Place', federated(verified)));
        expect(out?.groupOverrideDetails?.groupsToOverride, String(verified)).toEqual([]);
        expect(out?.idTokenGeneration?.claimsToSuppress, String(verified)).toEqual(['custom:directorate']);
      }
    });

    it('gets no role without the email claim, even when the provider says "verified"', async () => {
      expect(await groupsOf(signIn(undefined, ['admin'], undefined, federated('true')))).toEqual([]);
    });

    it('is told by the identities attribute alone as well as by the EXTERNAL_PROVIDER status', async () => {
      const email = person();
      await give(email, { roles: ['emt'] });
      const { identities, 'cognito:user_status': status } = federated();
      expect(await groupsOf(signIn(email, [], undefined, { identities }))).toEqual([]);
      expect(await groupsOf(signIn(email, [], undefined, { 'cognito:user_status': status }))).toEqual([]);
      expect(await groupsOf(signIn(email, [], undefined, { identities, email_verified: 'true' }))).toEqual(['emt']);
    });

    it('cannot be the first admin without a verified email', async () => {
      const first = person();
      process.env.FIRST_ADMIN_EMAIL = first;
      reloadEnvironment();
      expect(await groupsOf(signIn(first, [], undefined, federated('false')))).toEqual([]);
      expect(await groupsOf(signIn(first, [], undefined, federated('true')))).toEqual(['admin']);
    });
  });

  it("takes the pool's own users' email as it is (admins create them; a new address needs verifying first)", async () => {
    const email = person();
    await give(email, { roles: ['officer'], directorate: 'Place' });
    expect(
      (await claims(signIn(email, [], undefined, { email_verified: 'false', 'cognito:user_status': 'CONFIRMED' })))
        ?.groupOverrideDetails?.groupsToOverride,
    ).toEqual(['officer']);
  });

  it('follows a change of directorate at the next token', async () => {
    const email = person();
    await give(email, { roles: ['officer'], directorate: 'Place' });
    expect((await claims(signIn(email)))?.idTokenGeneration?.claimsToAddOrOverride).toEqual({
      'custom:directorate': 'Place',
    });
    await give(email, { roles: ['officer'], directorate: 'People' });
    expect((await claims(signIn(email)))?.idTokenGeneration?.claimsToAddOrOverride).toEqual({
      'custom:directorate': 'People',
    });
  });

  it('drops a directorate the record no longer has (an officer who became EMT)', async () => {
    const email = person();
    await give(email, { roles: ['emt'] });
    const out = await claims(signIn(email, [], 'Place'));
    expect(out?.groupOverrideDetails?.groupsToOverride).toEqual(['emt']);
    expect(out?.idTokenGeneration?.claimsToSuppress).toEqual(['custom:directorate']);
  });

  it('makes the deployment first admin an admin until someone writes their record', async () => {
    const first = person();
    process.env.FIRST_ADMIN_EMAIL = first.toUpperCase();
    reloadEnvironment();
    expect((await claims(signIn(first)))?.groupOverrideDetails?.groupsToOverride).toEqual(['admin']);
    expect((await claims(signIn(person())))?.groupOverrideDetails?.groupsToOverride).toEqual([]);
    // Their record (which must keep admin: they may be the last admin, docs/people.md) now decides.
    await give(first, { roles: ['emt', 'admin'] });
    expect((await claims(signIn(first)))?.groupOverrideDetails?.groupsToOverride).toEqual(['emt', 'admin']);
  });
});

describe('claimsOf', () => {
  it('keeps only known roles, in a fixed order', () => {
    expect(claimsOf({ roles: ['admin', 'root', 'officer'], directorate: 'Place' }, 'a@b.c', null)).toEqual({
      groups: ['officer', 'admin'],
      directorate: 'Place',
    });
  });
});
