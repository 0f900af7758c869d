/** An item as DynamoDB returns it, keys and all. */
export type Item = Record<string, unknown>;

/** An item without its table and index keys: the record the rest of the code knows. */
export function stripKeys<T>(item: Item): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...rest } = item;
  return rest as T;
}
