import { environment } from '../config/environment';
import type { Caller, Role } from '../domain/caller';
import { recordedWho, stampOf } from '../domain/display-name';
import { Conflict, Invalid, NotFound, Unavailable, VersionConflict } from '../domain/errors';
import type { Language } from '../domain/language';
import {
  adminLockout,
  claimsOf,
  type Person,
  type PersonFields,
  type PersonVersion,
  signInEmail,
  type TokenClaims,
} from '../domain/people';
import { addToAdminRoster, createAdminRoster, readAdminRoster, reserveAdminRemoval } from '../store/admin-roster';
import { readPeopleHeads, readPersonHead, readPersonVersions, writePersonVersion } from '../store/people';
import { readSettings } from '../store/settings';
import { peopleNames } from './names';

// People and their roles (docs/people.md): admins change them here; the sign-in
// trigger reads them into each ID token.

/** A person as the API shows them: `directorate` null when none. */
export interface PersonView extends Omit<Person, 'directorate' | 'byName'> {
  directorate: string | null;
  /** Who made this version, in words, and their address (SPEC §12). */
  byName: string;
  byEmail: string | null;
}

const namesOf = (heads: readonly PersonVersion[]) =>
  new Map(heads.filter((h) => !h.removed && h.name).map((h) => [h.email, h.name!]));

const view = (p: PersonVersion, names: ReadonlyMap<string, string> = new Map()): PersonView => ({
  email: p.email,
  ...(p.name !== undefined && { name: p.name }),
  roles: p.roles,
  directorate: p.directorate ?? null,
  ...(p.language !== undefined && { language: p.language }),
  version: p.version,
  by: p.by,
  ...byInWords(p, names),
  at: p.at,
});

function byInWords(p: PersonVersion, names: ReadonlyMap<string, string>) {
  const { name, email } = recordedWho({ by: p.by, byName: p.byName }, names);
  return { byName: name, byEmail: email };
}

/** Everyone with a record, by email. */
export async function listPeople(): Promise<PersonView[]> {
  const heads = await readPeopleHeads();
  const names = namesOf(heads);
  return heads
    .filter((p) => !p.removed)
    .map((p) => view(p, names))
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}

/**
 * Each person's language (People `language`, docs/cymraeg.md) for their emails: one read
 * of everyone, for a run that emails many; anyone without a record, or without a
 * language, reads English.
 */
export async function languagesOfPeople(): Promise<(email: string) => Language> {
  const known = new Map<string, Language>();
  for (const p of await readPeopleHeads())
    if (!p.removed && p.language !== undefined) known.set(p.email.toLowerCase(), p.language);
  return (email) => known.get(email.toLowerCase()) ?? 'en';
}

/** One person's language (People `language`), English when unset or unknown. */
export async function languageOfPerson(email: string): Promise<Language> {
  const head = await readPersonHead(email.toLowerCase(), false);
  return head && !head.removed && head.language !== undefined ? head.language : 'en';
}

/**
 * The language the caller chose (People `language`), if any, and whether they have a
 * People record for PUT /me/language to remember it on.
 */
export async function chosenLanguage(caller: Caller): Promise<{ language?: Language; remembered: boolean }> {
  if (!caller.email) return { remembered: false };
  const head = await readPersonHead(caller.email.trim().toLowerCase(), false);
  if (!head || head.removed) return { remembered: false };
  return { ...(head.language !== undefined && { language: head.language }), remembered: true };
}

/** A person with every version of their record (removals included), oldest first. */
export async function personWithHistory(
  email: string,
): Promise<(PersonView & { versions: (PersonView & { removed: boolean })[] }) | null> {
  const [versions, names] = await Promise.all([readPersonVersions(email), peopleNames()]);
  const head = versions?.at(-1);
  if (!versions || !head || head.removed) return null;
  return {
    ...view(head, names),
    versions: versions.map((v) => ({ ...view(v, names), removed: v.removed === true })),
  };
}

/** Who made a version: their email (else the token's sub), with their display name (domain/display-name.ts). */
const who = (caller: Caller) => {
  const { byName } = stampOf(caller);
  return { by: caller.email ?? caller.sub, ...(byName !== undefined && { byName }) };
};

/**
 * The caller's own language (PUT /me/language, docs/cymraeg.md): a new version of their
 * own People record with only `language` changed, written on the head as it is when the
 * write commits (a role change racing it is kept). Never anyone else's record: the key is
 * the caller's own email. No record (or a removed one): 404, nothing written; a person's
 * record is the admins' to create (People), and the web app keeps the choice in the
 * browser instead. The same language again adds no version.
 */
export async function chooseOwnLanguage(caller: Caller, language: Language): Promise<Language> {
  const email = caller.email?.trim().toLowerCase();
  const noRecord = () =>
    new NotFound(
      'You have no People record to remember your language on, so it was not saved: it is kept in this browser. The performance team adds people on People.',
    );
  if (!email) throw noRecord();
  let missing = false;
  await writePersonVersion(email, (head) => {
    missing = !head || head.removed === true;
    if (!head || head.removed || head.language === language) return null;
    const { version: _version, by: _by, byName: _byName, at: _at, ...fields } = head;
    return { ...fields, language, ...who(caller), at: new Date().toISOString() };
  });
  if (missing) throw noRecord();
  return language;
}

const holdsAdmin = (head: PersonVersion | null, email: string, firstAdmin: string | null) =>
  claimsOf(head, email, firstAdmin).groups.includes('admin');

/**
 * Refuses (409) a change that would lock the admins out of People (domain/people.ts
 * adminLockout): an admin removing themselves or their own admin role, or anyone taking
 * admin from the last admin. The admins counted here (their records, and the first admin
 * while nobody has written a record for them) give the refusal its words at once; the
 * admin roster (`guardLastAdmin`) makes it hold under concurrent requests.
 */
async function refuseLockout(
  email: string,
  head: PersonVersion | null,
  nextRoles: readonly Role[],
  removal: boolean,
  caller: Caller,
): Promise<void> {
  const firstAdmin = environment().firstAdminEmail;
  const adminNow = holdsAdmin(head, email, firstAdmin);
  let otherAdmins = 0;
  if (adminNow && !nextRoles.includes('admin')) {
    const heads = (await readPeopleHeads()).filter((h) => h.email !== email);
    otherAdmins = heads.filter((h) => holdsAdmin(h, h.email, firstAdmin)).length;
    if (firstAdmin !== null && firstAdmin !== email && !heads.some((h) => h.email === firstAdmin)) otherAdmins++;
  }
  const why = adminLockout({ callerEmail: caller.email, email, nextRoles, removal, adminNow, otherAdmins });
  if (why) throw new Conflict(why);
}

const pause = () => new Promise((r) => setTimeout(r, 5 + Math.random() * 45));

/** The roster as the heads say, written once (store/admin-roster.ts). */
async function ensureAdminRoster(firstAdmin: string | null): Promise<void> {
  if (await readAdminRoster()) return;
  const heads = await readPeopleHeads();
  const admins = heads.filter((h) => holdsAdmin(h, h.email, firstAdmin)).map((h) => h.email);
  if (firstAdmin !== null && !heads.some((h) => h.email === firstAdmin)) admins.push(firstAdmin);
  await createAdminRoster(admins);
}

/**
 * Runs `write` (which takes admin from `email` when `takesAdmin`) so that at least one
 * admin remains however many such writes race: first the roster's one conditional write
 * takes `email` out unless they are the only admin there (409 then), then the head is
 * written; whoever still holds admin afterwards (a write that failed or changed nothing)
 * goes back into the roster, as does whoever `write` made an admin.
 */
async function guardLastAdmin<T>(
  email: string,
  takesAdmin: boolean,
  write: () => Promise<T>,
  granted: (result: T) => boolean,
): Promise<T> {
  const firstAdmin = environment().firstAdminEmail;
  await ensureAdminRoster(firstAdmin);
  let reserved = false;
  for (let attempt = 0; takesAdmin && !reserved; attempt++) {
    const outcome = await reserveAdminRemoval(email);
    if (outcome === 'reserved') reserved = true;
    else if (outcome === 'last')
      throw new Conflict(
        adminLockout({ callerEmail: null, email, nextRoles: [], removal: false, adminNow: true, otherAdmins: 0 })!,
      );
    // Absent: another request holds this person's reservation (or their promotion has not
    // reached the roster yet). Once they no longer hold admin, there is nothing to guard.
    else if (!holdsAdmin(await readPersonHead(email), email, firstAdmin)) break;
    else if (attempt >= 60)
      throw new Unavailable('Too many changes to the admins at once; nothing was changed. Retry shortly.', 1);
    else {
      // Still an admin after a while: a promotion that stopped before the roster; repair it.
      if (attempt === 30) await addToAdminRoster(email);
      await pause();
    }
  }
  let result: T | undefined;
  try {
    result = await write();
    return result;
  } finally {
    const restore = reserved
      ? holdsAdmin(await readPersonHead(email), email, firstAdmin)
      : result !== undefined && granted(result);
    if (restore) await addToAdminRoster(email);
  }
}

/**
 * Gives a person exactly these roles (and directorate). The directorate must be one
 * the settings know, so an officer's writes match measures' owners. Answers whether
 * the person was created (no record, or a removed one); an unchanged record adds no
 * version.
 */
export async function putPerson(
  email: string,
  fields: PersonFields,
  caller: Caller,
  expectedVersion?: number,
): Promise<{ person: PersonView; created: boolean }> {
  if (fields.directorate !== undefined) {
    const known = Object.keys((await readSettings()).directorates);
    if (!known.includes(fields.directorate))
      throw new Invalid(`There is no directorate ${fields.directorate}.`, [
        { path: '/directorate', message: `one of the directorates: ${known.join(', ')}` },
      ]);
  }
  const firstAdmin = environment().firstAdminEmail;
  const head = await readPersonHead(email);
  await refuseLockout(email, head, fields.roles, false, caller);
  const roles = [...fields.roles].sort();
  const takesAdmin = holdsAdmin(head, email, firstAdmin) && !fields.roles.includes('admin');
  const write = () =>
    writePersonVersion(email, (head) => {
      // If-Match, checked on every head read (a lost commit re-reads): a stale editor is told, even of no change.
      if (expectedVersion !== undefined && (head?.version ?? 0) !== expectedVersion)
        throw new VersionConflict(undefined, head?.version ?? 0);
      const same =
        head &&
        !head.removed &&
        head.directorate === fields.directorate &&
        head.name === fields.name &&
        head.language === fields.language &&
        head.roles.length === roles.length &&
        [...head.roles].sort().every((r, i) => r === roles[i]);
      if (same) return null;
      return {
        email,
        roles: fields.roles,
        ...(fields.directorate !== undefined && { directorate: fields.directorate }),
        ...(fields.name !== undefined && { name: fields.name }),
        ...(fields.language !== undefined && { language: fields.language }),
        ...who(caller),
        at: new Date().toISOString(),
      };
    });
  const { written, previous } = await guardLastAdmin(
    email,
    takesAdmin,
    write,
    (r) => r.written !== null && holdsAdmin(r.written, email, firstAdmin) && !holdsAdmin(r.previous, email, firstAdmin),
  );
  const person = written ?? previous!;
  return { person: view(person), created: written !== null && (!previous || previous.removed === true) };
}

/** Takes every role away from a person; the removal is a version of their record. */
export async function removePerson(email: string, caller: Caller): Promise<PersonView> {
  const existing = await readPersonHead(email);
  if (!existing || existing.removed) throw new NotFound(`There is no person ${email}.`);
  await refuseLockout(email, existing, [], true, caller);
  const takesAdmin = holdsAdmin(existing, email, environment().firstAdminEmail);
  const { written } = await guardLastAdmin(
    email,
    takesAdmin,
    () =>
      writePersonVersion(email, (head) =>
        !head || head.removed
          ? null
          : { email, roles: [], removed: true, ...who(caller), at: new Date().toISOString() },
      ),
    () => false,
  );
  if (!written) throw new NotFound(`There is no person ${email}.`);
  return view(written);
}

/**
 * The claims of a sign-in's ID token, from the user's attributes in the user pool (the
 * trigger's event): keyed by their email, a federated user's only when their provider
 * verified it (domain/people.ts signInEmail).
 */
export async function tokenClaimsForSignIn(
  attributes: Readonly<Record<string, string | undefined>>,
): Promise<TokenClaims & { keyed: boolean }> {
  const email = signInEmail(attributes);
  return { ...(await tokenClaimsFor(email)), keyed: email !== undefined };
}

/**
 * What a person's next ID token carries, from their record (one consistent GetItem, so
 * a change made a moment ago counts). No email, no record or a removed one: no role.
 */
export async function tokenClaimsFor(email: string | undefined): Promise<TokenClaims> {
  if (!email) return { groups: [], directorate: null };
  const key = email.trim().toLowerCase();
  return claimsOf(await readPersonHead(key), key, environment().firstAdminEmail);
}
