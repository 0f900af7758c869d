// Read-modify-write (SPEC §5 "One truth", "Edits"): what GET answers for a thing can be
// changed and PUT back as it is. The fields GET adds (the version, who and when, what
// changed, the sample mark...) are accepted on PUT, marked `readOnly` in /openapi.json,
// and dropped by the schema itself, so no service ever sees them.
import * as z from 'zod/mini';
import { lazily } from './lazily';

const readOnlyField = lazily(() =>
  z.optional(z.unknown().check(z.meta({ readOnly: true, description: 'As GET answers it; ignored on PUT' }))),
);

/** The shape of these read-only fields, to spread into a PUT body's strict object. */
export const readOnlyShape = <const K extends string>(names: readonly K[]) =>
  Object.fromEntries(names.map((n) => [n, readOnlyField()])) as Record<K, ReturnType<typeof readOnlyField>>;

/** The parsed body without the read-only fields. */
export const withoutReadOnly =
  <const K extends string>(names: readonly K[]) =>
  <T extends Record<string, unknown>>(value: T): Omit<T, K> =>
    Object.fromEntries(Object.entries(value).filter(([k]) => !(names as readonly string[]).includes(k))) as Omit<T, K>;
