// One storable number (SPEC §5 "One truth"): every number a client sends (results,
// breakdowns, targets, bands, tolerances, settings, both importers) is one DynamoDB can
// store exactly, checked before anything is written, so no number ever becomes a 5xx.
// DynamoDB keeps 38 digits between 1e-130 and 1e126, and the SDK's marshaller refuses
// integers beyond 2^53 − 1 (it could not read them back exactly).
import * as z from 'zod/mini';
import { lazily } from './lazily';

/** The largest magnitude accepted: 9,007,199,254,740,991 (2^53 − 1). */
export const maxStorableMagnitude = Number.MAX_SAFE_INTEGER;
/** The smallest magnitude accepted other than 0. */
export const minStorableMagnitude = 1e-130;

export const storableNumberRule =
  'a number from -9,007,199,254,740,991 to 9,007,199,254,740,991, and 0 or at least 1e-130 in size';

/** Finite, |x| ≤ 2^53 − 1, and 0 or |x| ≥ 1e-130. */
export function isStorableNumber(x: number): boolean {
  if (!Number.isFinite(x)) return false;
  const size = Math.abs(x);
  return size <= maxStorableMagnitude && (size === 0 || size >= minStorableMagnitude);
}

/** The schema of every number a client sends (zod's numbers are finite: NaN and ±Infinity never pass). */
export const storableNumber = lazily(() => z.number().check(z.refine(isStorableNumber, storableNumberRule)));
