/**
 * The review service's HTTP app: the API under /api (described at /api/openapi.json) and the web
 * UI, over a ReviewStore. Built here from its dependencies; main.ts reads the environment, listens
 * and handles signals. Tests build it with a real store and drive it with `http.inject()` or a
 * browser.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger, ReviewStore } from '@tg-risk/core';
import { createLoginThrottle, type LoginThrottle } from './auth/login-throttle.ts';
import type { ReviewConfig } from './config.ts';
import { authenticate } from './http/authentication.ts';
import { handleError, sendError } from './http/http-errors.ts';
import { useJsonBodies } from './http/json-body.ts';
import type { RouteSpec } from './http/route-spec.ts';
import { createValidatorCompiler } from './http/schema-validation.ts';
import { securityHeaders } from './http/security-headers.ts';
import { createQueueProjector, type QueueProjector } from './projection/queue-projector.ts';
import { decisionRoutes } from './routes/decision-routes.ts';
import { exportRoutes } from './routes/export-routes.ts';
import { itemRoutes } from './routes/item-routes.ts';
import { queueRoutes } from './routes/queue-routes.ts';
import type { ReviewContext } from './routes/review-context.ts';
import { sampleRoutes } from './routes/sample-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { uiRoutes } from './routes/ui-routes.ts';
import { userRoutes } from './routes/user-routes.ts';

export interface ReviewDeps {
  store: ReviewStore;
  logger: Logger;
  /** Clock for sessions, leases and decisions; injectable for tests. */
  now?: () => Date;
  throttle?: LoginThrottle;
}

export interface ReviewApp {
  http: FastifyInstance;
  /** Brings the queues up to date with the store (main.ts runs it on an interval). */
  projector: QueueProjector;
  /** Stops the projector and the HTTP server; the store is the caller's to close. */
  close(): Promise<void>;
}

/** Builds the review app (not listening yet). */
export async function buildReviewApp(deps: ReviewDeps, config: ReviewConfig): Promise<ReviewApp> {
  const now = deps.now ?? (() => new Date());
  const http = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // Query strings are small; a megabyte of them is an attack, not a filter.
    routerOptions: { maxParamLength: 200 },
  });
  http.setValidatorCompiler(createValidatorCompiler());
  http.setErrorHandler(handleError(deps.logger));
  http.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      404,
      'NOT_FOUND',
      `no route ${request.method} ${request.url.split('?')[0]}; see /api/openapi.json`,
    ),
  );
  // JSON bodies only: a cross-site form cannot send one, and nothing else is ever parsed.
  useJsonBodies(http);
  await http.register(fastifyCookie);

  const projector = createQueueProjector(deps.store, config, deps.logger);
  const ctx: ReviewContext = {
    store: deps.store,
    logger: deps.logger,
    config,
    now,
    throttle: deps.throttle ?? createLoginThrottle(),
    projector,
  };
  const routes: RouteSpec[] = [];
  http.addHook('onRoute', (route) => {
    if (route.config?.spec) routes.push(route.config.spec);
  });
  http.addHook('onRequest', authenticate(deps.store, now));
  http.addHook('onSend', securityHeaders);

  sessionRoutes(http, ctx);
  queueRoutes(http, ctx);
  itemRoutes(http, ctx);
  decisionRoutes(http, ctx);
  sampleRoutes(http, ctx);
  exportRoutes(http, ctx);
  userRoutes(http, ctx);
  await uiRoutes(http, ctx, routes);
  await http.ready();

  let closing: Promise<void> | undefined;
  return {
    http,
    projector,
    close() {
      closing ??= (async () => {
        await projector.stop();
        await http.close();
      })();
      return closing;
    },
  };
}
