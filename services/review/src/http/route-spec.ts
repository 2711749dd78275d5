/**
 * Routes are declared once with who may call them, their body schema (a schemas/json name), their
 * query and path parameters and their answers; the same declaration registers the fastify route,
 * drives the access check and becomes the route's entry in the OpenAPI document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { schemaDocument, type SchemaName } from '@tg-risk/schemas';
import type { Capability } from '../auth/access-policy.ts';

/** `public`: no sign-in; `signed_in`: any reviewer; else the capability the reviewer needs. */
export type Access = Capability | 'public' | 'signed_in';

export interface ObjectSchema {
  type: 'object';
  additionalProperties: false;
  required?: string[];
  properties: Record<string, Record<string, unknown>>;
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  access: Access;
  /** Route-specific capability check, for access that depends on the body (sample decisions). */
  body?: SchemaName;
  querystring?: ObjectSchema;
  params?: ObjectSchema;
  /** Answers besides the error ones, by status: a description and the content type. */
  responses: Record<number, { description: string; type?: string }>;
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    spec?: RouteSpec;
  }
}

/** Registers `spec` on `app`. */
export function addRoute(app: FastifyInstance, spec: RouteSpec): void {
  app.route({
    method: spec.method,
    url: spec.url,
    schema: {
      ...(spec.body ? { body: schemaDocument(spec.body) } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.params ? { params: spec.params } : {}),
    },
    config: { access: spec.access, spec },
    handler: spec.handler,
  });
}

/** Path parameter schemas shared by the routes. */
export const CHANNEL_ID = { type: 'string', pattern: '^[1-9][0-9]{0,19}$' } as const;
export const MESSAGE_ID = { type: 'integer', minimum: 1, maximum: 9007199254740991 } as const;
export const CURSOR = { type: 'string', minLength: 1, maxLength: 2048, pattern: '^[A-Za-z0-9_-]+$' } as const;
export const LIMIT = { type: 'integer', minimum: 1, maximum: 200, default: 50 } as const;
