/**
 * Seeded draws for audit samples: within stratum h, `size` distinct positions out of `population`,
 * uniformly (every subset equally likely) by Floyd's algorithm (Bentley & Floyd, "A sample of
 * brilliance", CACM 30(9), 1987). Each stratum has its own mulberry32 stream derived from the seed,
 * so the same seed and population always give the same sample.
 */
import { mulberry32, type StratumSampler } from '@tg-risk/core';

/** Floyd's algorithm: `size` distinct integers in [0, population), sorted. */
export function floydSample(population: number, size: number, random: () => number): number[] {
  if (!(Number.isInteger(size) && size >= 0 && size <= population)) {
    throw new RangeError(`cannot draw ${size} of ${population}`);
  }
  const chosen = new Set<number>();
  for (let j = population - size; j < population; j++) {
    const t = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** A StratumSampler for `seed`. */
export function seededSampler(seed: number): StratumSampler {
  return (stratumIndex, population, size) =>
    // Distinct odd multiplier per stratum (golden-ratio constant) keeps the streams apart.
    floydSample(population, size, mulberry32((seed ^ Math.imul(stratumIndex + 1, 0x9e3779b1)) >>> 0));
}
