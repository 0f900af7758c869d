// Who did something, in words (SPEC §12 "Words, not data"): the name the API gives
// (`byName`: People name, token name or the email's local part), with the email on hover.

/** What an answer says of who made a version. */
export interface RecordedBy {
  byName?: string | null;
  byEmail?: string | null;
}

/** The name alone, for a sentence; "Someone" only when the API gave no name (an older server). */
export const whoName = (v: RecordedBy | null | undefined): string => v?.byName ?? 'Someone';

/** The name, with the email address as its title (shown on hover). */
export function Who({ by }: { by: RecordedBy | null | undefined }) {
  return <span title={by?.byEmail ?? undefined}>{whoName(by)}</span>;
}
