// Who holds which role is data (docs/people.md): each person's record says their roles
// and, for officers and approvers, their directorate. The sign-in trigger turns a record
// into the ID token's claims with `claimsOf`; the API reads those claims as before.
import * as z from 'zod/mini';
import type { Role } from './caller';
import { lazily } from './lazily';
import { readOnlyShape, withoutReadOnly } from './read-only';
import { emailAddress, text } from './settings';

export const roles: readonly Role[] = ['officer', 'approver', 'emt', 'admin'];
/** Roles that act for one directorate, so a person holding one needs a directorate. */
export const directorateRoles: readonly Role[] = ['officer', 'approver'];

/** A person's email as a key: one spelling, whatever case the identity provider sends. */
export const personEmail = lazily(() =>
  z.pipe(
    emailAddress(),
    z.transform((email: string) => email.toLowerCase()),
  ),
);

/** What GET /people/{email} answers beside the roles and directorate: accepted on PUT, ignored. */
export const personReadOnly = ['email', 'version', 'by', 'byName', 'byEmail', 'at', 'removed', 'versions'] as const;

export const personSchema = lazily(() =>
  z.pipe(
    z
      .strictObject({
        roles: z.array(z.enum(['officer', 'approver', 'emt', 'admin'])).check(z.maxLength(4)),
        directorate: z.optional(text(200)),
        /** The name people see for this person (SPEC §12); absent: their token's name, else their email's local part. */
        name: z.optional(text(200)),
        /** The language the person works in: their emails come in it (docs/cymraeg.md); absent: English. */
        language: z.optional(z.enum(['en', 'cy'])),
        ...readOnlyShape(personReadOnly),
      })
      .check(
        z.superRefine((person, ctx) => {
          if (new Set(person.roles).size !== person.roles.length)
            ctx.addIssue({ code: 'custom', message: 'each role at most once', path: ['roles'], input: person.roles });
          if (!person.directorate && person.roles.some((r) => directorateRoles.includes(r)))
            ctx.addIssue({
              code: 'custom',
              message: 'an officer or approver needs a directorate',
              path: ['directorate'],
              input: person.directorate,
            });
        }),
      ),
    z.transform(withoutReadOnly(personReadOnly)),
  ),
);

export type PersonFields = z.infer<ReturnType<typeof personSchema>>;

export interface Person extends PersonFields {
  email: string;
  version: number;
  /** Who made this version (their email, else their token's sub), their display name then, and when (ISO 8601). */
  by: string;
  byName?: string;
  at: string;
}

/** One version of a person's record; `removed` marks the version that took every role away. */
export interface PersonVersion extends Person {
  removed?: boolean;
}

export interface TokenClaims {
  groups: Role[];
  /** null: the token must carry no directorate. */
  directorate: string | null;
  /** The People record's name; null: the token keeps whatever name the identity provider gave. */
  name?: string | null;
}

/**
 * The claims a person's ID token carries. No record (or a removed one): no role, unless
 * the email is the deployment's first admin and nobody has written a record for it yet,
 * so a new deployment is usable (docs/people.md "The first admin").
 */
export function claimsOf(
  record: { roles?: unknown; directorate?: unknown; removed?: unknown; name?: unknown } | null,
  email: string,
  firstAdminEmail: string | null,
): TokenClaims {
  if (!record) {
    const first = firstAdminEmail !== null && email.toLowerCase() === firstAdminEmail.toLowerCase();
    return { groups: first ? ['admin'] : [], directorate: null };
  }
  if (record.removed === true) return { groups: [], directorate: null };
  const held = Array.isArray(record.roles) ? record.roles : [];
  const groups = roles.filter((role) => held.includes(role));
  const directorate = typeof record.directorate === 'string' && record.directorate !== '' ? record.directorate : null;
  const name = typeof record.name === 'string' && record.name.trim() !== '' ? record.name.trim() : null;
  return { groups, directorate, ...(name !== null && { name }) };
}

/**
 * The email a sign-in's roles are keyed by, from the user pool's attributes of the user
 * (Cognito's trigger event). A federated user (Cognito lists the identity provider in
 * `identities`, and marks them EXTERNAL_PROVIDER) counts only when the provider said the
 * address is verified (`email_verified` "true", mapped from its claim, lib/people.ts):
 * otherwise anyone whose account at the provider merely names someone's address would get
 * that person's roles. The pool's own users are created by admins and a changed address
 * takes effect only once verified (keepOriginal), so their email is taken as it is.
 * undefined: no email to key by, so no role.
 */
export function signInEmail(attributes: Readonly<Record<string, string | undefined>>): string | undefined {
  const email = attributes.email?.trim();
  if (!email) return undefined;
  const federated =
    (attributes.identities !== undefined && attributes.identities.trim() !== '') ||
    attributes['cognito:user_status'] === 'EXTERNAL_PROVIDER';
  if (federated && attributes.email_verified?.trim().toLowerCase() !== 'true') return undefined;
  return email;
}

/** A change to a person's roles, as the lockout rule sees it. */
export interface RoleChange {
  /** The admin making the change (their token's email), null when the token has none. */
  callerEmail: string | null;
  /** The person changed (lower case). */
  email: string;
  /** Their roles after the change; a removal leaves none. */
  nextRoles: readonly Role[];
  removal: boolean;
  /** Whether their ID token carries `admin` now (their record, or the first admin's fallback). */
  adminNow: boolean;
  /** How many others would still be admins after the change. */
  otherAdmins: number;
}

/**
 * Why this change must be refused so that admins cannot lock themselves out of People
 * (docs/people.md "Nobody locks the admins out"), or null when it may go ahead: an admin
 * may not remove themselves or take away their own admin role (another admin must), and
 * nobody may take the admin role from the last person holding it.
 */
export function adminLockout(change: RoleChange): string | null {
  const self = change.callerEmail !== null && change.callerEmail.toLowerCase() === change.email;
  if (self && change.removal)
    return 'You cannot remove yourself: that would lock you out of People. Ask another admin to do it.';
  if (self && !change.nextRoles.includes('admin'))
    return 'You cannot take away your own admin role: that would lock you out of People. Ask another admin to do it.';
  if (change.adminNow && !change.nextRoles.includes('admin') && change.otherAdmins === 0)
    return `${change.email} is the last admin: give someone else the admin role first, so that somebody can still manage People.`;
  return null;
}
