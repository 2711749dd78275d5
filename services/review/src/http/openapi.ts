/**
 * The OpenAPI 3.1 document of the review API, built from the route declarations (route-spec.ts), so
 * it cannot drift from what the server does. Request bodies reference their schemas/json documents,
 * which OpenAPI 3.1 takes as they are (JSON Schema 2020-12). Served at GET /api/openapi.json.
 */
import { schemaDocument, type SchemaName } from '@tg-risk/schemas';
import type { RouteSpec } from './route-spec.ts';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'Stable code, e.g. UNAUTHENTICATED, BODY_INVALID, LEASE_HELD.' },
    message: { type: 'string', description: 'What went wrong and what to do.' },
    issues: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const ERROR_RESPONSES: Record<number, string> = {
  400: 'The request is malformed: a field, parameter or cursor is invalid (the answer names it).',
  401: 'Not signed in.',
  403: "The reviewer's roles do not allow this.",
  413: 'The body is too large.',
  415: 'The body is not application/json.',
};

/** Builds the document for `routes`. */
export function buildOpenApi(routes: readonly RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const bodySchemas = new Set<SchemaName>();
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters = [
      ...Object.entries(route.params?.properties ?? {}).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        schema,
      })),
      ...Object.entries(route.querystring?.properties ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: route.querystring?.required?.includes(name) ?? false,
        schema,
      })),
    ];
    if (route.body) bodySchemas.add(route.body);
    const responses: Record<string, unknown> = {};
    for (const [status, answer] of Object.entries(route.responses)) {
      const type = answer.type ?? 'application/json';
      responses[status] = {
        description: answer.description,
        ...(status === '204' ? {} : { content: { [type]: {} } }),
      };
    }
    const errors = route.access === 'public' ? [400, 413, 415] : [400, 401, 403, 413, 415];
    for (const status of errors) {
      if (status >= 413 && !route.body) continue;
      responses[String(status)] = {
        description: ERROR_RESPONSES[status],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(route.access === 'public' ? { security: [] } : {}),
      'x-required-capability': route.access,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.body}` } } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'tg-risk review API',
      version,
      description:
        'Analysts review flagged Telegram messages and channels; auditors draw blind audit samples and export gold labels. ' +
        'Sign in with POST /api/session (sets an HttpOnly cookie) or send `Authorization: Bearer <token>`.',
    },
    servers: [{ url: '/' }],
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tgrisk_session' },
        bearerToken: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: ERROR_SCHEMA,
        ...Object.fromEntries([...bodySchemas].sort().map((name) => [name, schemaDocument(name)])),
      },
    },
  };
}
