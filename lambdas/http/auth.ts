import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Caller, Role } from '../domain/caller';

export type { Caller } from '../domain/caller';

const knownRoles: ReadonlySet<string> = new Set<Role>(['officer', 'approver', 'emt', 'admin']);

/**
 * `cognito:groups` arrives as a JSON array from a local token, but API Gateway's HTTP
 * API flattens array claims into a string like `[officer emt]`: accept both.
 */
export function parseGroups(claim: unknown): Role[] {
  let names: string[] = [];
  if (Array.isArray(claim)) names = claim.map(String);
  else if (typeof claim === 'string') {
    const trimmed = claim.trim();
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      const inner = trimmed.slice(1, -1);
      // API Gateway's `[officer emt]` is not JSON: split it without a throw-and-catch on every request.
      if (!inner.includes('"')) names = inner.split(/[\s,]+/);
      else {
        try {
          const parsed: unknown = JSON.parse(trimmed);
          names = Array.isArray(parsed) ? parsed.map(String) : [];
        } catch {
          names = inner.split(/[\s,]+/);
        }
      }
    } else names = trimmed.split(/[\s,]+/);
  }
  return [...new Set(names.filter((n) => knownRoles.has(n)))] as Role[];
}

/**
 * The caller as the JWT authorizer (AWS) or the local server verified it; null when
 * anonymous or when the token is not an ID token. API Gateway's authorizer also passes
 * the app client's access tokens (it matches client_id when there is no aud) and checks
 * no token_use, so only `token_use: id` makes a caller (docs/deploy.md "Which token").
 */
export function callerFromEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller | null {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string' || claims.token_use !== 'id') return null;
  const directorate = claims['custom:directorate'];
  const email = claims.email;
  const name = claims.name;
  return {
    sub: claims.sub,
    email: typeof email === 'string' ? email : null,
    name: typeof name === 'string' && name.trim() !== '' ? name.trim() : null,
    roles: parseGroups(claims['cognito:groups']),
    directorate: typeof directorate === 'string' && directorate !== '' ? directorate : null,
  };
}
