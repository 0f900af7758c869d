import { toJSONSchema } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { xlsxMediaType } from '../domain/media-types';
import { gatewayMessageSchema, problemSchema, responseSchemas } from '../domain/responses';
import { catchAllRoute, type RouteDef, routes } from './routes';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: $ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

const errorDescriptions: Record<number, string> = {
  400: 'Malformed body (JSON or CSV)',
  401: 'Missing or invalid token (API Gateway)',
  403: 'The caller may not do this',
  404: 'No such resource',
  406: 'Larger than 6 MB: ask with Accept-Encoding: gzip, or narrow it (?plan=)',
  409: 'Conflicts with the quarter or definition (e.g. closed quarter for officers)',
  412: 'If-Match does not match the current version',
  413: 'Body over 256 KB',
  415: 'Wrong content type',
  422: 'Valid syntax that breaks the schema or a rule',
  429: 'Throttled (API Gateway)',
  503: 'Frozen, but the email could not be sent yet: retry',
};

function parameters(route: RouteDef) {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema(), 'input');
    const props = (js.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((js.required as string[] | undefined) ?? []);
    for (const [name, propSchema] of Object.entries(props)) {
      out.push({ name, in: where, required: where === 'path' || required.has(name), schema: propSchema });
    }
  }
  return out;
}

function operation(route: RouteDef) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const types = response.contentTypes ?? ['application/json'];
    responses[status] = {
      description: response.description,
      ...(response.schema || route.path === '/openapi.json'
        ? {
            content: Object.fromEntries(
              types.map((t) => [
                t,
                t === 'application/json'
                  ? {
                      schema: response.schema
                        ? jsonSchema(responseSchemas[response.schema], 'output')
                        : { type: 'object' },
                    }
                  : t.startsWith('application/vnd.')
                    ? {} // binary (Word, Excel): OpenAPI 3.1 gives binary bodies no schema
                    : { schema: { type: 'string' } },
              ]),
            ),
          }
        : {}),
    };
  }
  const common = route.access === 'public' ? [] : [401, 403, 429];
  const bodyErrors = route.body ? [413, 415] : [];
  for (const status of [...new Set([...route.errors, ...common, ...bodyErrors])].sort()) {
    const gateway = status === 401 || status === 429;
    responses[String(status)] = {
      description: errorDescriptions[status] ?? 'Error',
      content: gateway
        ? { 'application/json': { schema: { $ref: '#/components/schemas/GatewayMessage' } } }
        : { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return {
    operationId: route.handler.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()),
    summary: route.summary,
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(Array.isArray(route.access)
      ? { description: `Roles: ${route.access.join(', ')}.` }
      : route.access === 'signed-in'
        ? { description: 'Any signed-in role.' }
        : route.access === 'any-caller'
          ? { description: 'Any signed-in caller, with or without a role.' }
          : {}),
    parameters: parameters(route),
    ...(route.body
      ? {
          requestBody: {
            required: route.optionalBody !== true,
            content:
              route.body === 'csv'
                ? {
                    'text/csv': { schema: { type: 'string', description: 'Header measureId,period,value,commentary' } },
                  }
                : route.body === 'spreadsheet'
                  ? {
                      'text/csv': {
                        schema: { type: 'string', description: 'The columns of the kind named by ?kind=' },
                      },
                      [xlsxMediaType]: {
                        schema: {
                          type: 'string',
                          contentMediaType: 'application/octet-stream',
                          description: 'Sheets Measures and Planned work',
                        },
                      },
                    }
                  : { 'application/json': { schema: jsonSchema(route.body(), 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** OpenAPI 3.1 of this API, generated from the route table and the schemas that validate requests. */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ragtime API',
      version: '1.0.0',
      description: `Improvement-plan performance: measures, results, planned work, quarter reports and close. Unknown routes answer ${catchAllRoute.errors[0]} problem+json.`,
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito ID token (cognito:groups, custom:directorate)',
        },
      },
      schemas: {
        Problem: jsonSchema(problemSchema, 'output'),
        GatewayMessage: jsonSchema(gatewayMessageSchema, 'output'),
      },
    },
  };
}
