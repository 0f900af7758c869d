// Lookups keyed by user strings (ids, plans, directorates): a plain object answers
// `constructor`, `toString` or `__proto__` from Object.prototype unless the key is its
// own. docs/deploy.md "Security baseline".

/** A record's own value for a key; never one it inherits. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
