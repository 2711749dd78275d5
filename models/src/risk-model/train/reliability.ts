/**
 * Calibration of scores against outcomes: a reliability table (equal-width bins) and the expected
 * calibration error, ECE = sum over bins of (n_bin / n) * |mean score - observed rate|
 * (Naeini, Cooper & Hauskrecht 2015; Guo et al. 2017).
 */
export interface ReliabilityBin {
  low: number;
  high: number;
  count: number;
  mean_score: number;
  observed_rate: number;
}

export interface Calibration {
  ece: number;
  bins: ReliabilityBin[];
}

/** Bins scores into `binCount` equal-width bins and computes ECE. */
export function calibration(
  scores: readonly number[],
  targets: readonly number[],
  binCount = 10,
): Calibration {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, score: 0, positives: 0 }));
  scores.forEach((s, i) => {
    const bin = sums[Math.min(binCount - 1, Math.floor(s * binCount))]!;
    bin.count++;
    bin.score += s;
    bin.positives += targets[i]!;
  });
  let ece = 0;
  const bins = sums.map((b, i) => {
    const mean = b.count === 0 ? 0 : b.score / b.count;
    const rate = b.count === 0 ? 0 : b.positives / b.count;
    ece += (b.count / Math.max(1, scores.length)) * Math.abs(mean - rate);
    return {
      low: i / binCount,
      high: (i + 1) / binCount,
      count: b.count,
      mean_score: mean,
      observed_rate: rate,
    };
  });
  return { ece, bins };
}
