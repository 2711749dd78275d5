/**
 * The review server process: reads the environment, opens the store, builds the app, keeps the
 * queues in sync with the store, listens, and on SIGTERM/SIGINT stops taking requests, finishes the
 * ones in flight and closes the store.
 */
import { createLogger, UsageError } from '@tg-risk/core';
import { DEFAULT_MODEL_DIR } from '@tg-risk/models';
import { buildReviewApp } from './app.ts';
import { loadReviewConfig } from './config.ts';
import { openReviewStore, storeChoiceFromEnv } from './open-store.ts';

export interface ReviewServerOptions {
  port?: number;
  host?: string;
  db?: string;
  databaseUrl?: string;
  modelDir?: string;
  rule?: string;
  /** How often the queues pick up newly labelled messages (default 5 s). */
  syncIntervalMs?: number;
  /** Told the address once listening (the CLI prints it). */
  onListening?: (url: string) => void;
}

/** Runs the review server until a signal; resolves with the exit code. */
export async function runReviewServer(
  env: Record<string, string | undefined>,
  options: ReviewServerOptions = {},
): Promise<number> {
  const port = options.port ?? Number(env.TGRISK_REVIEW_PORT ?? 8080);
  if (!(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    throw new UsageError(`review port must be 0-65535, got "${env.TGRISK_REVIEW_PORT ?? options.port}"`);
  }
  const host = options.host ?? env.TGRISK_REVIEW_HOST ?? '127.0.0.1';
  const config = loadReviewConfig(
    env,
    options.modelDir ?? env.TGRISK_MODEL_DIR ?? DEFAULT_MODEL_DIR,
    options.rule,
  );
  const logger = createLogger((env.LOG_LEVEL as 'info') ?? 'info', 'review');
  const store = await openReviewStore(storeChoiceFromEnv(env, options));
  const app = await buildReviewApp({ store, logger }, config);
  let settle: (code: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => (settle = resolve));
  const onSignal = (signal: string) => {
    logger.info({ signal }, 'stopping: finishing requests in flight');
    settle(0);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    const address = await app.http.listen({ port, host });
    logger.info({ address, store: store.describe() }, 'review server listening');
    options.onListening?.(address);
    // The first sync may take a while on a large store; the server answers meanwhile.
    app.projector.sync().catch((error: unknown) => logger.error({ err: error }, 'initial queue sync failed'));
    app.projector.start(options.syncIntervalMs ?? 5000);
    return await stopped;
  } finally {
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGINT', onSignal);
    for (const [what, close] of [
      ['app', () => app.close()],
      ['store', () => store.close()],
    ] as const) {
      try {
        await close();
      } catch (error) {
        logger.error({ err: error }, `closing the ${what} failed`);
      }
    }
  }
}
