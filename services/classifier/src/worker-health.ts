/**
 * The worker's readiness: model loaded, member of its group, store taking writes, broker answering.
 * A worker that is not ready still runs (it retries by itself); the checks tell the supervisor and
 * the operator why it is not making progress.
 */
import type { Bus, DependencyProbe, HealthChecks, LabelStore } from '@tg-risk/core';
import type { ClassifierWorker } from './app.ts';

export interface WorkerDependencies {
  worker: ClassifierWorker;
  store: LabelStore;
  bus: Bus;
  /** The group's lag, read through the broker: a value means the broker answers. */
  brokerLag: DependencyProbe<number>;
  model: string;
}

/** Adds the worker's readiness checks to `health`. */
export function addWorkerReadinessChecks(health: HealthChecks, deps: WorkerDependencies): void {
  health.add('readiness', 'model', () => ({ ok: true, detail: deps.model }));
  health.add('readiness', 'consumer', () =>
    deps.worker.status().consuming
      ? { ok: true }
      : { ok: false, detail: 'not consuming (joining the group or stopping)' },
  );
  health.add('readiness', 'store', async () => {
    if (!deps.worker.status().storeWritable) {
      return { ok: false, detail: `${deps.store.describe()} refused the last write; retrying with backoff` };
    }
    await deps.store.countMessages();
    return { ok: true, detail: deps.store.describe() };
  });
  health.add('readiness', 'broker', async () => {
    const lag = await deps.brokerLag.read();
    return lag === undefined
      ? { ok: false, detail: `${deps.bus.describe()}: ${deps.brokerLag.lastError ?? 'no answer'}` }
      : { ok: true, detail: `${deps.bus.describe()}, consumer lag ${lag}` };
  });
}
