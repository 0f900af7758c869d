import { safeParse } from 'zod/mini';
import type { $ZodError, $ZodType, output } from 'zod/v4/core';
import { HttpProblem } from './problem';

/** One JSON Pointer segment (RFC 6901: `~` and `/` escaped). */
const pointerSegment = (key: PropertyKey) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** Turns a schema failure into the 422 problem's field list (JSON Pointer paths). */
export function schemaErrors(error: $ZodError, prefix = ''): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: `${prefix}/${issue.path.map(pointerSegment).join('/')}`,
    message: issue.message,
  }));
}

/**
 * JSON.parse keeps a `"__proto__"` key as an own property, and zod's records drop such
 * keys without validating them (so `{"breakdown":{"__proto__":"x"}}` passed): find them
 * all, iteratively (bodies may nest deeply), so they are refused like any unknown key.
 */
function protoKeyPaths(value: unknown): string[] {
  const found: string[] = [];
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0 && found.length < 20) {
    const [node, path] = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      const here = `${path}/${pointerSegment(key)}`;
      if (key === '__proto__') found.push(here);
      else pending.push([(node as Record<string, unknown>)[key], here]);
    }
  }
  return found;
}

export function parseWith<S extends $ZodType>(schema: S, value: unknown, what: string, prefix = ''): output<S> {
  const proto = protoKeyPaths(value);
  if (proto.length > 0) {
    throw new HttpProblem(
      422,
      `The ${what} does not match the schema.`,
      proto.map((path) => ({ path: prefix + path, message: 'a "__proto__" key is not allowed' })),
    );
  }
  const parsed = safeParse(schema, value);
  if (!parsed.success)
    throw new HttpProblem(422, `The ${what} does not match the schema.`, schemaErrors(parsed.error, prefix));
  return parsed.data;
}
