/**
 * Fastify validator compiler: request bodies are checked against their schema in schemas/json (the
 * single source of API contracts, via @tg-risk/schemas, so the answer names each bad field); query
 * strings and path parameters against the route's inline schema with fastify's Ajv, which coerces
 * "10" to 10 and rejects unknown parameters.
 */
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifySchemaCompiler } from 'fastify';
import { schemaIssues, type SchemaName } from '@tg-risk/schemas';
import { BodySchemaError, HttpError } from './http-errors.ts';

const SCHEMA_ID = /^https:\/\/tg-risk\.dev\/schemas\/([a-z0-9-]+\.v[0-9]+)\.json$/;

/** The schemas/json name of a body schema, from its $id. */
export function schemaNameOf(schema: unknown): SchemaName | null {
  const id = (schema as { $id?: unknown } | null)?.$id;
  const match = typeof id === 'string' ? SCHEMA_ID.exec(id) : null;
  return match ? (match[1] as SchemaName) : null;
}

/** Names of the properties an inline schema declares as numbers or integers. */
function numericProperties(schema: unknown): string[] {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> } | null)?.properties ?? {};
  return Object.entries(properties)
    .filter(([, p]) => p.type === 'number' || p.type === 'integer')
    .map(([key]) => key);
}

export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const inline = AjvCompiler()(
    {},
    { customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: false } },
  );
  return (route) => {
    const name = schemaNameOf(route.schema);
    if (name === null) {
      const validate = inline(route as Parameters<typeof inline>[0]) as ReturnType<
        FastifySchemaCompiler<unknown>
      >;
      const numeric = numericProperties(route.schema);
      if (numeric.length === 0) return validate;
      // Ajv coerces "Infinity", "1e309" and "\t" to numbers (Infinity, 0): refuse them before it does.
      // Fastify reads a false result's errors from the validator function itself, so they are copied.
      const guarded = ((data: unknown) => {
        const bad = numeric.find((key) => {
          const raw = (data as Record<string, unknown> | null)?.[key];
          return typeof raw === 'string' && (raw.trim() === '' || !Number.isFinite(Number(raw)));
        });
        if (bad !== undefined) {
          return {
            error: new HttpError(
              400,
              'BAD_REQUEST',
              `${route.httpPart ?? 'request'}/${bad} must be a finite number`,
            ),
          };
        }
        const result = validate(data);
        (guarded as { errors?: unknown }).errors = (validate as { errors?: unknown }).errors;
        return result;
      }) as ReturnType<FastifySchemaCompiler<unknown>>;
      return guarded;
    }
    return (data: unknown) => {
      const issues = schemaIssues(name, data);
      return issues.length === 0 ? { value: data } : { error: new BodySchemaError(name, issues) };
    };
  };
}
