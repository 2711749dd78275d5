/**
 * The operations endpoint of a long-running process: GET /metrics (Prometheus text format),
 * /healthz (liveness) and /readyz (readiness), on node:http with no framework. Answers never carry
 * a stack trace; an unknown path is a 404 naming the three that exist.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from './errors.ts';
import type { HealthChecks, HealthKind } from './health/index.ts';
import type { Logger } from './logger.ts';
import type { PipelineMetrics } from './metrics/index.ts';

/** Port Prometheus exporters conventionally use; the default of `tgrisk worker`. */
export const DEFAULT_OPS_PORT = 9464;

export interface OpsServerOptions {
  /** TCP port; 0 picks a free one (read it back from `port`). */
  port: number;
  /** Interface to bind; all of them by default so a scraper in another container reaches it. */
  host?: string;
  /** When the port is taken, listen on a free one instead of failing (for a default port). */
  fallbackToFreePort?: boolean;
  metrics: PipelineMetrics;
  health: HealthChecks;
  logger: Logger;
}

export interface OpsServer {
  /** The port actually listened on. */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Reads the ops port from `TGRISK_METRICS_PORT`: a number (0 = any free port), `off` to disable,
 * unset for `fallback` (null = disabled). Throws UsageError naming the variable on anything else.
 */
export function opsPortFromEnv(
  env: Record<string, string | undefined>,
  fallback: number | null,
): number | null {
  const raw = env.TGRISK_METRICS_PORT?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'off') return null;
  if (!/^[0-9]+$/.test(raw) || Number(raw) > 65_535) {
    throw new UsageError(`TGRISK_METRICS_PORT must be a port number (0-65535) or "off", got "${raw}"`);
  }
  return Number(raw);
}

/** Starts the ops server; resolves once it listens. */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const server = createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      options.logger.error({ err: error, path: req.url }, 'ops endpoint failed');
      if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ error: 'internal error' }));
      else res.destroy();
    });
  });
  // Keep-alive sockets from a scraper must not hold the process open at shutdown.
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '0.0.0.0';
  let port: number;
  try {
    port = await listen(server, options.port, host);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (!inUse) throw error;
    if (!options.fallbackToFreePort) {
      throw new UsageError(
        `ops port ${options.port} is already in use; set TGRISK_METRICS_PORT to a free port, 0 for any, or "off"`,
      );
    }
    port = await listen(server, 0, host);
    options.logger.warn(
      { wanted: options.port, port },
      `ops port ${options.port} in use; serving /metrics, /healthz and /readyz on port ${port} instead`,
    );
  }
  options.logger.info({ port }, `ops endpoints on http://${host}:${port}/metrics, /healthz, /readyz`);
  let closing: Promise<void> | undefined;
  return {
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const HEALTH_PATHS: Record<string, HealthKind> = { '/healthz': 'liveness', '/readyz': 'readiness' };

async function handle(req: IncomingMessage, res: ServerResponse, options: OpsServerOptions): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    send(res, 405, 'application/json', JSON.stringify({ error: `${req.method} not allowed; use GET` }));
    return;
  }
  if (path === '/metrics') {
    send(res, 200, options.metrics.registry.contentType, await options.metrics.render());
    return;
  }
  const kind = path === undefined ? undefined : HEALTH_PATHS[path];
  if (kind) {
    const report = await options.health.report(kind);
    send(res, report.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(report));
    return;
  }
  send(
    res,
    404,
    'application/json',
    JSON.stringify({ error: 'not found; try /metrics, /healthz or /readyz' }),
  );
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
