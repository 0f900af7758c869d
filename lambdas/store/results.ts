import type { MeasureDefinition } from '../domain/types';
import type { Key } from './batch';
import { measureGsiPk } from './keys';
import { carryApproval } from './sign-off';
import { appendVersion, entryFields, readVersions } from './versioned';
import { headKey, type WriteContext } from './write-context';

export { VersionConflict } from './versioned';

export interface ResultVersion {
  version: number;
  value: number;
  commentary?: string;
  breakdown?: Record<string, number>;
  by: string;
  /** Their display name when written (domain/display-name.ts). */
  byName?: string;
  at: string;
  amendment?: boolean;
  submitted?: boolean;
  email?: string;
}

/** What a result write depends on (readWriteContext with a result subject). */
export type SubmitContext = WriteContext<MeasureDefinition>;

export const resultKey = (measureId: string, period: string, quarter: string): Key =>
  headKey({ kind: 'result', measureId, period, quarter });

/** The fields of a result that make up an approved version (the head's `approved`). */
export const resultApprovedFields = ['value', 'commentary', 'breakdown'] as const;

/** The fields of a version in the history; the head also keeps the keys and the GSI's. */
export const resultEntryOf = entryFields(
  'value',
  'commentary',
  'breakdown',
  'by',
  'at',
  'amendment',
  'submitted',
  'email',
  'byName',
);

export interface ResultWrite {
  measureId: string;
  period: string;
  quarter: string;
  value: number;
  commentary?: string;
  breakdown?: Record<string, number>;
  by: string;
  /** Their display name when written (domain/display-name.ts). */
  byName?: string;
  at: string;
  amendment?: boolean;
  /** Saved while sign-off is on: counts once approved (docs/sign-off.md). */
  submitted?: boolean;
  /** The submitter's address (the token's email claim), for a return's email. */
  email?: string;
  /** From If-Match: write only over this version (0: only if none exists). */
  expectedVersion?: number;
  /** An import's id: a replay of the same import skips rows it already wrote. */
  writeKey?: string;
  /** The head as just read consistently (readWriteContext), so it is not read again. */
  head?: Record<string, unknown> | null;
}

export async function writeResult(write: ResultWrite): Promise<number> {
  return appendVersion({
    key: resultKey(write.measureId, write.period, write.quarter),
    fields: {
      measureId: write.measureId,
      period: write.period,
      value: write.value,
      commentary: write.commentary,
      breakdown: write.breakdown,
      by: write.by,
      byName: write.byName,
      at: write.at,
      amendment: write.amendment || undefined,
      submitted: write.submitted || undefined,
      email: write.email,
      gsi1pk: measureGsiPk(write.measureId),
      gsi1sk: write.period,
    },
    entryOf: resultEntryOf,
    expectedVersion: write.expectedVersion,
    writeKey: write.writeKey,
    head: write.head,
    fieldsFromHead: carryApproval(resultApprovedFields),
  });
}

/** A result's versions, oldest first; null when none was ever submitted. */
export function readResultHistory(measureId: string, period: string, quarter: string) {
  return readVersions<Omit<ResultVersion, 'version'>>(resultKey(measureId, period, quarter), resultEntryOf);
}
