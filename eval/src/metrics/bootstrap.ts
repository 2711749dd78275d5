/**
 * Percentile bootstrap confidence intervals (Efron & Tibshirani 1993) over examples, with a seeded
 * resampler so a report is reproducible bit for bit.
 */
import { mulberry32 } from '@tg-risk/core';

export function bootstrapInterval<T>(
  items: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: { replicates: number; seed: number; level?: number },
): { low: number; high: number } {
  const random = mulberry32(options.seed);
  const values: number[] = [];
  const sample: T[] = new Array(items.length);
  for (let r = 0; r < options.replicates; r++) {
    for (let i = 0; i < items.length; i++) sample[i] = items[Math.floor(random() * items.length)]!;
    values.push(statistic(sample));
  }
  values.sort((a, b) => a - b);
  const alpha = (1 - (options.level ?? 0.95)) / 2;
  const at = (q: number) =>
    values[Math.min(values.length - 1, Math.max(0, Math.floor(q * values.length)))] ?? NaN;
  return { low: at(alpha), high: at(1 - alpha) };
}
