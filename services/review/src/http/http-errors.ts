/**
 * Every error answer is JSON `{ error, message, issues? }` with a 4xx status that says what to fix,
 * or a 500 that says only "internal error" and a request id: no stack, no SQL, no input echoed
 * back. Store errors with known codes (lease held, not found, bad cursor) become 4xx here.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { REVIEW_STORE_ERRORS, TgRiskError, type Logger } from '@tg-risk/core';
import type { SchemaIssue } from '@tg-risk/schemas';

/** An answer the handler chose: status, stable code, human message. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A request body that does not match its schema in schemas/json. */
export class BodySchemaError extends Error {
  readonly statusCode = 400;
  readonly code = 'BODY_INVALID';
  constructor(
    readonly schema: string,
    readonly issues: SchemaIssue[],
  ) {
    super(
      `request body does not match ${schema}: ${issues.map((i) => `${i.path || '(body)'} ${i.message}`).join('; ')}`,
    );
  }
}

const STORE_STATUS: Record<string, number> = {
  [REVIEW_STORE_ERRORS.leaseHeld]: 409,
  [REVIEW_STORE_ERRORS.reviewerExists]: 409,
  [REVIEW_STORE_ERRORS.itemNotFound]: 404,
  [REVIEW_STORE_ERRORS.badCursor]: 400,
  [REVIEW_STORE_ERRORS.badFilter]: 400,
  [REVIEW_STORE_ERRORS.notInSample]: 400,
};

/** Fastify's own client errors, by code: what to tell the caller. */
const FASTIFY_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', 'request body is larger than this API accepts'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'BODY_EMPTY', 'the body is empty; send a JSON object'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'BODY_NOT_JSON', 'the body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_CONTENT_LENGTH', 'Content-Length does not match the body'],
};

export function sendError(reply: FastifyReply, status: number, error: string, message: string, extra = {}) {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error, message, ...extra });
}

/** The app's error handler. */
export function handleError(logger: Logger) {
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError)
      return sendError(reply, error.statusCode, error.code, error.message, error.details);
    if (error instanceof BodySchemaError) {
      return sendError(reply, 400, error.code, error.message, { issues: error.issues });
    }
    if (error instanceof TgRiskError && STORE_STATUS[error.code] !== undefined) {
      return sendError(reply, STORE_STATUS[error.code]!, error.code, error.message);
    }
    const fastifyError = error as FastifyError;
    const known = fastifyError.code ? FASTIFY_CLIENT_ERRORS[fastifyError.code] : undefined;
    if (known) return sendError(reply, known[0], known[1], known[2]);
    if (fastifyError.validation) {
      // Querystring or path parameters (bodies use BodySchemaError). The message names the field.
      const where = fastifyError.validationContext ?? 'request';
      return sendError(reply, 400, 'BAD_REQUEST', `${where}: ${fastifyError.message}`);
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Parser and protocol errors from fastify: keep the status, not the internals.
      return sendError(
        reply,
        status,
        'BAD_REQUEST',
        'the request could not be read; check its syntax and headers',
      );
    }
    logger.error({ err: error, reqId: request.id, url: request.routeOptions.url }, 'request failed');
    return sendError(
      reply,
      500,
      'INTERNAL',
      `internal error; the server log has the details (request ${request.id})`,
    );
  };
}
