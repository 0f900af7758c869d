// Both importers write row by row (no transactions, SPEC §8) and are all or nothing under
// any error in the way docs/rules.md "Imports" chooses: every row is checked before the
// first write, and a write failing part way (whatever the error) is reported with what
// was stored, and the same file sent again finishes it, repeating nothing.
import { ImportInterrupted } from '../domain/errors';

/**
 * What a write failing part way through an import becomes: the error itself when this
 * send stored nothing (a busy table answers 503 "nothing was changed"), else the count of
 * what is stored and how to finish it. Never a 500 that leaves rows behind.
 */
export function importFailure(error: unknown, storedNow: number, stored: number, total: number, noun: string): unknown {
  if (storedNow === 0) return error;
  return new ImportInterrupted(
    `The import was interrupted after ${stored} of ${total} ${noun} were stored. Send the same file again to finish it: ${noun} already stored are not repeated.`,
    stored,
    total,
    { cause: error },
  );
}
