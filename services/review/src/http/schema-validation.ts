/**
 * Fastify validator compiler: request bodies are checked against their schema in schemas/json (the
 * single source of API contracts, via @tg-risk/schemas, so the answer names each bad field); query
 * strings and path parameters against the route's inline schema with fastify's Ajv, which coerces
 * "10" to 10 and rejects unknown parameters.
 */
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifySchemaCompiler } from 'fastify';
import { schemaIssues, type SchemaName } from '@tg-risk/schemas';
import { BodySchemaError } from './http-errors.ts';

const SCHEMA_ID = /^https:\/\/tg-risk\.dev\/schemas\/([a-z0-9-]+\.v[0-9]+)\.json$/;

/** The schemas/json name of a body schema, from its $id. */
export function schemaNameOf(schema: unknown): SchemaName | null {
  const id = (schema as { $id?: unknown } | null)?.$id;
  const match = typeof id === 'string' ? SCHEMA_ID.exec(id) : null;
  return match ? (match[1] as SchemaName) : null;
}

export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const inline = AjvCompiler()(
    {},
    { customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: false } },
  );
  return (route) => {
    const name = schemaNameOf(route.schema);
    if (name === null)
      return inline(route as Parameters<typeof inline>[0]) as ReturnType<FastifySchemaCompiler<unknown>>;
    return (data: unknown) => {
      const issues = schemaIssues(name, data);
      return issues.length === 0 ? { value: data } : { error: new BodySchemaError(name, issues) };
    };
  };
}
