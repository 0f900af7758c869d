import * as z from 'zod/mini';
import { responseSchemas } from '../../lambdas/domain/responses';
import type { RouteDef } from '../../lambdas/http/routes';

/**
 * How a 2xx answer breaks its route's response schema (lambdas/domain/responses.ts, the
 * one contract for /openapi.json and the web app's types): one line per issue, none when
 * it keeps it. Only JSON answers of routes that name a schema are checked.
 */
export function contractBreaks(route: RouteDef, status: number, contentType: string | null, body: string): string[] {
  const name = route.responses[status]?.schema;
  if (status < 200 || status > 299 || !name || !contentType?.startsWith('application/json')) return [];
  const parsed = z.safeParse(responseSchemas[name], JSON.parse(body));
  if (parsed.success) return [];
  return parsed.error.issues.map(
    (i) => `${route.method} ${route.path} ${status} (${name}) /${i.path.join('/')}: ${i.message}`,
  );
}
