import type { Caller } from '../domain/caller';
import { callerName, stampOf } from '../domain/display-name';

/** Who writes, as every version records them: the token's sub, their display name and email (SPEC §12). */
export interface Writer {
  by: string;
  byName?: string;
  byEmail?: string;
  at?: string;
}

export const writerOf = (caller: Caller): Writer => stampOf(caller);

/** The caller's display name (their token's name, else their email's local part); null when neither. */
export const nameOf = (caller: Caller): string | null => callerName(caller);
