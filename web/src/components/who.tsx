import { useWords } from '../i18n';

// Who did something, in words (SPEC §12 "Words, not data"): the name the API gives
// (`byName`: People name, token name or the email's local part), with the email on hover.

/** What an answer says of who made a version. */
export interface RecordedBy {
  byName?: string | null;
  byEmail?: string | null;
}

/** The name alone, for a sentence; `someone` ("Someone") only when the API gave no name (an older server). */
export const whoName = (v: RecordedBy | null | undefined, someone = 'Someone'): string => v?.byName ?? someone;

/** The name, with the email address as its title (shown on hover). */
export function Who({ by }: { by: RecordedBy | null | undefined }) {
  const { t } = useWords();
  return <span title={by?.byEmail ?? undefined}>{whoName(by, t.forms.conflict.someone)}</span>;
}
