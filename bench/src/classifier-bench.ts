/**
 * Classifier throughput and latency: messages per second on one core at batch sizes 1, 64 and 512,
 * per-message latency percentiles at batch 1, and peak resident memory.
 */
import type { Classifier } from '@tg-risk/core';
import { percentile, summarise, type Summary } from './stats.ts';

export interface ClassifierFigures {
  model: string;
  throughput: Record<string, Summary>;
  latency_ms_batch1: { p50: number; p99: number };
  peak_rss_mib: number;
}

/** Measures `classifier` on `texts` (cycled), `runs` times per batch size. */
export async function benchClassifier(
  classifier: Classifier,
  texts: readonly string[],
  options: { messages: number; runs: number; batchSizes: readonly number[] },
): Promise<ClassifierFigures> {
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const take = (n: number, offset: number) =>
    Array.from({ length: n }, (_, i) => texts[(offset + i) % texts.length]!);
  await classifier.classify(take(64, 0)); // warm-up: JIT, session allocation
  const throughput: Record<string, Summary> = {};
  for (const batch of options.batchSizes) {
    // Batch 1 is slow per message; fewer messages keep the run short without changing the rate.
    const total = batch === 1 ? Math.min(options.messages, 2000) : options.messages;
    const rates: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const started = process.hrtime.bigint();
      for (let done = 0; done < total; done += batch) {
        await classifier.classify(take(Math.min(batch, total - done), done + run));
        if (done % (batch * 16) === 0) sample();
      }
      rates.push(total / (Number(process.hrtime.bigint() - started) / 1e9));
    }
    throughput[String(batch)] = summarise(rates);
  }
  const latencies: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const started = process.hrtime.bigint();
    await classifier.classify([texts[i % texts.length]!]);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  sample();
  return {
    model: classifier.model,
    throughput,
    latency_ms_batch1: { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) },
    peak_rss_mib: Math.round(peak / 2 ** 20),
  };
}
