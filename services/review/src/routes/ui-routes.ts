/**
 * The web UI (static files from services/review/ui: one HTML page, ES modules, a stylesheet; no
 * inline script or style, so the CSP can forbid them), the OpenAPI document and a liveness probe.
 */
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { buildOpenApi } from '../http/openapi.ts';
import { addRoute, type RouteSpec } from '../http/route-spec.ts';
import type { ReviewContext } from './review-context.ts';

export const UI_DIR = fileURLToPath(new URL('../../ui/', import.meta.url));

export async function uiRoutes(app: FastifyInstance, ctx: ReviewContext, routes: readonly RouteSpec[]) {
  await app.register(fastifyStatic, {
    root: UI_DIR,
    prefix: '/ui/',
    index: false,
    // The files change with the code; a reload must pick them up.
    cacheControl: false,
    etag: true,
  });

  addRoute(app, {
    method: 'GET',
    url: '/',
    summary: 'The review UI',
    tag: 'ui',
    access: 'public',
    responses: { 200: { description: 'The single page of the UI.', type: 'text/html' } },
    handler: async (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html'),
  });

  addRoute(app, {
    method: 'GET',
    url: '/favicon.ico',
    summary: 'No icon (answered so browsers stop asking)',
    tag: 'ui',
    access: 'public',
    responses: { 204: { description: 'Empty.' } },
    handler: async (_request, reply) => reply.code(204).send(),
  });

  let document: Record<string, unknown> | undefined;
  addRoute(app, {
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This document',
    tag: 'meta',
    access: 'public',
    responses: { 200: { description: 'OpenAPI 3.1.' } },
    handler: async () => (document ??= buildOpenApi(routes, ctx.config.version)),
  });

  addRoute(app, {
    method: 'GET',
    url: '/healthz',
    summary: 'Liveness: the process answers',
    tag: 'meta',
    access: 'public',
    responses: { 200: { description: '{ status: "ok" }' } },
    handler: async () => ({ status: 'ok' }),
  });
}
