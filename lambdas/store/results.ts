import type { Settings } from '../domain/settings';
import type { MeasureDefinition } from '../domain/types';
import { batchGet, type Key, keyId } from './batch';
import { stripKeys } from './item';
import { closeSk, definitionsPk, measureGsiPk, measureSk, quarterPk, resultSk, settingsSk } from './keys';
import type { CloseRecord } from './quarter';
import { settingsFromItem } from './settings';
import { appendVersion, readVersions } from './versioned';

export { VersionConflict } from './versioned';

export interface ResultVersion {
  version: number;
  value: number;
  commentary?: string;
  breakdown?: Record<string, number>;
  by: string;
  at: string;
  amendment?: boolean;
}

export interface SubmitContext {
  measure: MeasureDefinition | undefined;
  currentVersion: number;
  close: CloseRecord | undefined;
  settings: Settings;
}

export const resultKey = (measureId: string, period: string, quarter: string): Key => ({
  pk: quarterPk(quarter),
  sk: resultSk(measureId, period),
});

/** What a result write depends on, in one BatchGetItem. */
export async function readSubmitContext(measureId: string, period: string, quarter: string): Promise<SubmitContext> {
  const keys = {
    measure: { pk: definitionsPk, sk: measureSk(measureId) },
    result: resultKey(measureId, period, quarter),
    close: { pk: quarterPk(quarter), sk: closeSk },
    settings: { pk: definitionsPk, sk: settingsSk },
  };
  const items = await batchGet(Object.values(keys));
  const measure = items.get(keyId(keys.measure));
  const result = items.get(keyId(keys.result));
  const close = items.get(keyId(keys.close));
  return {
    measure: measure ? stripKeys<MeasureDefinition>(measure) : undefined,
    currentVersion: typeof result?.version === 'number' ? result.version : 0,
    close: close ? stripKeys<CloseRecord>(close) : undefined,
    settings: settingsFromItem(items.get(keyId(keys.settings))),
  };
}

export interface ResultWrite {
  measureId: string;
  period: string;
  quarter: string;
  value: number;
  commentary?: string;
  breakdown?: Record<string, number>;
  by: string;
  at: string;
  amendment?: boolean;
  /** From If-Match: write only over this version (0: only if none exists). */
  expectedVersion?: number;
  /** An import's id: a replay of the same import skips rows it already wrote. */
  writeKey?: string;
}

export async function writeResult(write: ResultWrite): Promise<number> {
  const optional = {
    commentary: write.commentary,
    breakdown: write.breakdown,
    amendment: write.amendment || undefined,
  };
  const entry = Object.fromEntries(
    Object.entries({ value: write.value, by: write.by, at: write.at, ...optional }).filter(([, v]) => v !== undefined),
  );
  return appendVersion(
    resultKey(write.measureId, write.period, write.quarter),
    {
      measureId: write.measureId,
      period: write.period,
      value: write.value,
      by: write.by,
      at: write.at,
      gsi1pk: measureGsiPk(write.measureId),
      gsi1sk: write.period,
    },
    optional,
    entry,
    write.expectedVersion,
    write.writeKey,
  );
}

/** A result's versions, oldest first; null when none was ever submitted. */
export function readResultHistory(measureId: string, period: string, quarter: string) {
  return readVersions<Omit<ResultVersion, 'version'>>(resultKey(measureId, period, quarter));
}
