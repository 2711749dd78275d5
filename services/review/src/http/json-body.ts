/**
 * The one body parser: JSON, as a string under the body limit, parsed with JSON.parse and refused
 * when it carries a `__proto__` key or a `constructor.prototype` (prototype pollution), so no handler
 * ever sees one. Errors name the problem (the default parser says only "invalid JSON").
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-errors.ts';

function forbiddenKey(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (key === '__proto__') return true;
    if (key === 'constructor' && child !== null && typeof child === 'object' && 'prototype' in child)
      return true;
    if (forbiddenKey(child, depth + 1)) return true;
  }
  return false;
}

/** Parses a JSON body, or throws the 400 that says what is wrong with it. */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) throw new HttpError(400, 'BODY_EMPTY', 'the body is empty; send a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's own message quotes the input back; say what is wrong without echoing it.
    throw new HttpError(400, 'BODY_NOT_JSON', 'the body is not valid JSON; send one JSON object');
  }
  if (forbiddenKey(value)) {
    throw new HttpError(
      400,
      'BODY_FORBIDDEN_KEY',
      'the body has a "__proto__" or "constructor.prototype" key, never accepted',
    );
  }
  return value;
}

/** Replaces fastify's JSON parser (and drops the plain-text one: JSON bodies only). */
export function useJsonBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (_request: FastifyRequest, body, done) => {
      try {
        done(null, parseJsonBody(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
