import * as z from 'zod/mini';
import { responseSchemas } from '../../lambdas/domain/responses';
import type { RouteDef } from '../../lambdas/http/routes';

/**
 * How a 2xx answer breaks its route's response schema (lambdas/domain/responses.ts, the
 * one contract for /openapi.json and the web app's types): one line per issue, none when
 * it keeps it. A field the schema does not name is a break too (the schema would drop it,
 * so /openapi.json and the web app's types would not know it). Only JSON answers of routes
 * that name a schema are checked.
 */
export function contractBreaks(route: RouteDef, status: number, contentType: string | null, body: string): string[] {
  const name = route.responses[status]?.schema;
  if (status < 200 || status > 299 || !name || !contentType?.startsWith('application/json')) return [];
  const answer: unknown = JSON.parse(body);
  const parsed = z.safeParse(responseSchemas[name], answer);
  const where = `${route.method} ${route.path} ${status} (${name})`;
  if (!parsed.success) return parsed.error.issues.map((i) => `${where} /${i.path.join('/')}: ${i.message}`);
  return undescribed(answer, parsed.data).map((path) => `${where} ${path}: a field the schema does not describe`);
}

/** The paths of the fields in `answer` that its parse left out (a looseObject keeps them all). */
function undescribed(answer: unknown, parsed: unknown, path = ''): string[] {
  if (Array.isArray(answer) && Array.isArray(parsed))
    return answer.flatMap((item, i) => undescribed(item, parsed[i], `${path}/${i}`));
  if (!isObject(answer) || !isObject(parsed)) return [];
  return Object.entries(answer).flatMap(([key, value]) =>
    key in parsed ? undescribed(value, parsed[key], `${path}/${key}`) : [`${path}/${key}`],
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
