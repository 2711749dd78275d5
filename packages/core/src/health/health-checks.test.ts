import { describe, expect, it } from 'vitest';
import { createDependencyProbe } from './dependency-probe.ts';
import { createHealthChecks } from './health-checks.ts';

describe('health checks', () => {
  it('is ok only when every check of the kind is', async () => {
    const health = createHealthChecks(50);
    health.add('readiness', 'model', () => ({ ok: true, detail: 'm@1' }));
    health.add('readiness', 'store', async () => ({ ok: false, detail: 'refused the last write' }));
    health.add('liveness', 'worker', () => ({ ok: true }));
    expect(await health.report('liveness')).toEqual({ status: 'ok', checks: { worker: { ok: true } } });
    expect(await health.report('readiness')).toEqual({
      status: 'fail',
      checks: { model: { ok: true, detail: 'm@1' }, store: { ok: false, detail: 'refused the last write' } },
    });
  });

  it('turns a hung or throwing check into a failed one with its reason', async () => {
    const health = createHealthChecks(30);
    health.add('readiness', 'broker', () => new Promise(() => {}));
    health.add('readiness', 'store', () => {
      throw new Error('disk gone');
    });
    const report = await health.report('readiness');
    expect(report.status).toBe('fail');
    expect(report.checks.broker).toEqual({ ok: false, detail: 'no answer within 30 ms' });
    expect(report.checks.store).toEqual({ ok: false, detail: 'disk gone' });
  });
});

describe('dependency probe', () => {
  it('shares one request in flight among readers and gives up after the timeout', async () => {
    let calls = 0;
    let release: (n: number) => void = () => {};
    const probe = createDependencyProbe(() => {
      calls++;
      return new Promise<number>((resolve) => (release = resolve));
    }, 20);
    expect(await Promise.all([probe.read(), probe.read()])).toEqual([undefined, undefined]);
    expect(probe.lastError).toBe('no answer within 20 ms');
    expect(calls).toBe(1);
    const next = probe.read();
    release(5);
    expect(await next).toBe(5);
    expect(probe.lastError).toBeUndefined();
  });

  it('reports a failing dependency', async () => {
    const probe = createDependencyProbe(async () => {
      throw new Error('ECONNREFUSED');
    });
    expect(await probe.read()).toBeUndefined();
    expect(probe.lastError).toBe('ECONNREFUSED');
  });
});
