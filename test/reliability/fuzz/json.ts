// A JSON value model that can say what JSON.stringify cannot: raw number literals (-0,
// 1e400, integers beyond 2^53), raw "__proto__" keys as own object keys, and any key order.

export type J = null | boolean | number | string | readonly J[] | Obj | Raw;

export class Obj {
  constructor(readonly pairs: readonly (readonly [string, J])[]) {}
  has(key: string): boolean {
    return this.pairs.some(([k]) => k === key);
  }
  /** Replaces the key's value in place, or appends it. */
  set(key: string, value: J): Obj {
    return this.has(key)
      ? new Obj(this.pairs.map(([k, v]) => [k, k === key ? value : v] as const))
      : new Obj([...this.pairs, [key, value]]);
  }
  drop(key: string): Obj {
    return new Obj(this.pairs.filter(([k]) => k !== key));
  }
  get(key: string): J | undefined {
    return this.pairs.find(([k]) => k === key)?.[1];
  }
}

/** A JSON text fragment written out verbatim. */
export class Raw {
  constructor(readonly text: string) {}
}

export const raw = (text: string) => new Raw(text);

export function jsonText(value: J): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Obj) return `{${value.pairs.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`not a JSON number: ${value}`);
  return JSON.stringify(value);
}

/** A plain JSON-compatible value as the model. */
export function fromPlain(value: unknown): J {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string')
    return value;
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value === 'object')
    return new Obj(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromPlain(v)] as const));
  throw new Error(`not JSON: ${String(value)}`);
}
