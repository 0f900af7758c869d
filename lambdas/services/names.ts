import { type RecordedWho, recordedWho } from '../domain/display-name';
import { readPeopleHeads } from '../store/people';

// Who did something, in words (SPEC §12 "Words, not data"; docs/people.md "Names"): every
// version a route answers carries `byName` (a person's display name, never a sub or a
// local id) and `byEmail` (for the web app's hover) beside `by` (the token's sub).

/** The People names by lower-case email (one Query of the people partition). */
export async function peopleNames(): Promise<Map<string, string>> {
  const heads = await readPeopleHeads();
  return new Map(
    heads.filter((p) => !p.removed && typeof p.name === 'string' && p.name !== '').map((p) => [p.email, p.name!]),
  );
}

/** Who recorded in words: `byName` and `byEmail` (null when unknown); the stored address field (`email`) is dropped. */
export function named<T extends RecordedWho>(
  recorded: T,
  names: ReadonlyMap<string, string>,
): Omit<T, 'email'> & { byName: string; byEmail: string | null } {
  const { email: _email, ...rest } = recorded;
  const who = recordedWho(recorded, names);
  return { ...rest, byName: who.name, byEmail: who.email };
}

/** A sign-off decision with its decider in words. */
export const namedDecision = <T extends RecordedWho>(decision: T | undefined, names: ReadonlyMap<string, string>) =>
  decision === undefined ? undefined : named(decision, names);
