import { describe, expect, it } from 'vitest';
import { createDependencyProbe } from '../health/dependency-probe.ts';
import { createPipelineMetrics, timed } from './pipeline-metrics.ts';

describe('pipeline metrics', () => {
  it('renders every series in the Prometheus text format with the service label', async () => {
    const metrics = createPipelineMetrics({ service: 'classifier' });
    metrics.messagesIn.inc({ topic: 'm' }, 3);
    metrics.labels.inc({ class: 'drugs' });
    metrics.deadLetters.inc({ stage: 'decode', code: 'RECORD_NOT_JSON' });
    metrics.floodWaitSeconds.inc(42);
    await timed(metrics.storeWriteSeconds, { operation: 'labelled' }, async () => {});
    const text = await metrics.render();
    expect(text).toContain('tgrisk_messages_in_total{topic="m",service="classifier"} 3');
    expect(text).toContain('tgrisk_labels_total{class="drugs",service="classifier"} 1');
    expect(text).toContain(
      'tgrisk_dead_letters_total{stage="decode",code="RECORD_NOT_JSON",service="classifier"} 1',
    );
    expect(text).toContain('tgrisk_flood_wait_seconds_total{service="classifier"} 42');
    expect(text).toMatch(/^tgrisk_store_write_seconds_count\{[^}]*operation="labelled"[^}]*\} 1$/m);
    expect(text).toContain('tgrisk_store_available{service="classifier"} 1');
  });

  it('reads consumer lag at scrape time and leaves the series out while the broker does not answer', async () => {
    const metrics = createPipelineMetrics();
    let answer: () => Promise<number> = async () => 17;
    metrics.trackConsumerLag(
      'g',
      't',
      createDependencyProbe(() => answer(), 50),
    );
    expect(await metrics.render()).toContain('tgrisk_consumer_lag_messages{group="g",topic="t"} 17');
    answer = () => new Promise(() => {});
    expect(await metrics.render()).not.toContain('tgrisk_consumer_lag_messages{');
  });

  it('times work that throws too', async () => {
    const metrics = createPipelineMetrics();
    await expect(
      timed(metrics.modelInferenceSeconds, { model: 'm@1' }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await metrics.render()).toContain('tgrisk_model_inference_seconds_count{model="m@1"} 1');
  });
});
