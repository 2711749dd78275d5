/** The ops endpoint over real HTTP on a free port. */
import { afterEach, describe, expect, it } from 'vitest';
import { createHealthChecks } from './health/index.ts';
import { silentLogger } from './logger.ts';
import { createPipelineMetrics } from './metrics/index.ts';
import { opsPortFromEnv, startOpsServer, type OpsServer } from './ops-server.ts';

const servers: OpsServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(port = 0, fallbackToFreePort = false) {
  const metrics = createPipelineMetrics({ service: 'test' });
  const health = createHealthChecks();
  const server = await startOpsServer({
    port,
    host: '127.0.0.1',
    fallbackToFreePort,
    metrics,
    health,
    logger: silentLogger(),
  });
  servers.push(server);
  return { server, metrics, health, url: (p: string) => `http://127.0.0.1:${server.port}${p}` };
}

describe('ops server', () => {
  it('serves /metrics, /healthz and /readyz, and names them on a 404', async () => {
    const { metrics, health, url } = await start();
    metrics.labels.inc({ class: 'fraud' });
    health.add('readiness', 'store', () => ({ ok: false, detail: 'locked' }));
    const m = await fetch(url('/metrics'));
    expect(m.status).toBe(200);
    expect(m.headers.get('content-type')).toContain('text/plain');
    expect(await m.text()).toContain('tgrisk_labels_total{class="fraud",service="test"} 1');
    expect((await fetch(url('/healthz'))).status).toBe(200);
    const ready = await fetch(url('/readyz'));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: 'fail',
      checks: { store: { ok: false, detail: 'locked' } },
    });
    const missing = await fetch(url('/admin'));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('/metrics');
    expect((await fetch(url('/metrics'), { method: 'POST' })).status).toBe(405);
  });

  it('fails naming the variable when an explicit port is taken, and falls back for a default one', async () => {
    const { server } = await start();
    await expect(start(server.port)).rejects.toThrow(/TGRISK_METRICS_PORT/);
    const fallback = await start(server.port, true);
    expect(fallback.server.port).not.toBe(server.port);
  });

  it('reads TGRISK_METRICS_PORT', () => {
    expect(opsPortFromEnv({}, 9464)).toBe(9464);
    expect(opsPortFromEnv({}, null)).toBeNull();
    expect(opsPortFromEnv({ TGRISK_METRICS_PORT: 'off' }, 9464)).toBeNull();
    expect(opsPortFromEnv({ TGRISK_METRICS_PORT: '0' }, null)).toBe(0);
    expect(() => opsPortFromEnv({ TGRISK_METRICS_PORT: '99999' }, null)).toThrow(/TGRISK_METRICS_PORT/);
  });
});
