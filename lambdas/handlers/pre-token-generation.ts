import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { logger } from '../observability/logger';
import { tokenClaimsForSignIn } from '../services/people';

// Cognito's pre-token-generation trigger (V2 event, docs/people.md): every ID token
// (sign-in, refresh, federated sign-in) carries the roles and directorate of the
// person's record, keyed by their email (a federated user's only when their identity
// provider verified it), whatever groups or attributes the user pool holds. The API and
// the web app read `cognito:groups` and `custom:directorate` as before.
export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  // A federated sign-in without a verified email has none to key by: no role.
  const { groups, directorate, name, keyed } = await tokenClaimsForSignIn(event.request.userAttributes);
  logger.info('token claims', { trigger: event.triggerSource, roles: groups, directorate, keyed });
  // The People record's name, when it has one, is the name the app shows (SPEC §12).
  const named: Record<string, string> = name ? { name } : {};
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: directorate
        ? { claimsToAddOrOverride: { 'custom:directorate': directorate, ...named }, claimsToSuppress: [] }
        : { claimsToAddOrOverride: { ...named }, claimsToSuppress: ['custom:directorate'] },
      groupOverrideDetails: { groupsToOverride: groups },
    },
  };
  return event;
};
