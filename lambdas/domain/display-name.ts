// Who did something, in words (SPEC §12 "Words, not data", docs/people.md "Names"): a
// person's display name is their People `name`, else their token's `name` claim, else
// their email's local part; never a `sub`, a local id, "sample-data" or "Unknown".
import type { Caller } from './caller';

/** A machine's name for someone: a UUID (Cognito's `sub`), a local id, the seed's author, "Unknown". */
export function isMachineId(text: string): boolean {
  const t = text.trim().toLowerCase();
  return (
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(t) ||
    t.startsWith('local-') ||
    t === 'sample-data' ||
    t === 'unknown' ||
    t === ''
  );
}

/** What is known of a person. */
export interface KnownPerson {
  /** The name on their People record. */
  peopleName?: string | null;
  /** The `name` claim of their ID token. */
  tokenName?: string | null;
  email?: string | null;
}

const usable = (text: string | null | undefined): string | null => {
  const t = text?.trim();
  return t && !isMachineId(t) ? t : null;
};

/** A person's display name; null when nothing known of them is a name (no email either). */
export function displayName(person: KnownPerson): string | null {
  const named = usable(person.peopleName) ?? usable(person.tokenName);
  if (named) return named;
  const email = person.email?.trim();
  if (!email?.includes('@')) return null;
  return usable(email.slice(0, email.lastIndexOf('@')));
}

/** The caller's display name as their token says (People's name reaches the token at sign-in). */
export const callerName = (caller: Pick<Caller, 'name' | 'email'>): string | null =>
  displayName({ tokenName: caller.name, email: caller.email });

/**
 * Who made a version, as stored with it from now: the token's `sub` (`by`, what sign-off
 * compares), their email and their display name when written. Spread into what is stored.
 */
export function stampOf(caller: Pick<Caller, 'sub' | 'name' | 'email'>): {
  by: string;
  byName?: string;
  byEmail?: string;
} {
  const name = callerName(caller);
  return {
    by: caller.sub,
    ...(name !== null && { byName: name }),
    ...(caller.email !== null && { byEmail: caller.email.toLowerCase() }),
  };
}

/** What a stored version says of who made it (versions written before names were kept have only `by`). */
export interface RecordedWho {
  by?: string | null;
  byName?: string | null;
  byEmail?: string | null;
  /** A result's or update's submitter address (kept before `byEmail` was). */
  email?: string | null;
}

/** The words for a version whose author left no name or email (written before names were kept). */
export const unrecordedWho = 'someone, before names were kept';
/** The words for what the sample plan's seed wrote. */
export const sampleWho = 'the sample plan';

/**
 * Who made a recorded version, in words, with their email when known (for the title a
 * page shows on hover): the People name of that email now, else the name stored with the
 * version, else the email's local part; a version with neither says so in words.
 */
export function recordedWho(
  recorded: RecordedWho,
  peopleNames: ReadonlyMap<string, string>,
): { name: string; email: string | null } {
  const by = recorded.by?.trim() ?? '';
  const email = (recorded.byEmail ?? recorded.email ?? (by.includes('@') ? by : null))?.toLowerCase() ?? null;
  const name = displayName({
    peopleName: email === null ? null : peopleNames.get(email),
    tokenName: recorded.byName,
    email,
  });
  if (name !== null) return { name, email };
  return { name: by.toLowerCase() === 'sample-data' ? sampleWho : unrecordedWho, email };
}
