/**
 * Picks a label's decision threshold on held-out scores: the lowest score at which precision is at
 * least the target (most recall for the precision promised), and a review band below it where the
 * model is uncertain and a person should look.
 *
 * With `z` > 0 the precision that must reach the target is the one-sided Wilson lower bound at that
 * z, not the point estimate: a threshold set where the measured precision just touches the target
 * falls short of it on new data about half the time, and "precision >= 0.90" is a promise to
 * analysts and auditors.
 */
export interface ThresholdChoice {
  threshold: number;
  /** Precision and recall on the scored examples at the threshold. */
  precision: number;
  /** One-sided Wilson lower bound of that precision at the z used (equal to it when z = 0). */
  precisionLower: number;
  recall: number;
  /** Scores in [reviewLow, threshold) go to the review queue first. */
  reviewLow: number;
  /** True when no threshold reached the target precision (the highest-precision one was used). */
  targetMissed: boolean;
}

/**
 * Scans candidate thresholds (the distinct validation scores). `minPositives` keeps a threshold from
 * being chosen on a handful of predictions, where precision is noise.
 */
export function chooseThreshold(
  scores: ArrayLike<number>,
  targets: ArrayLike<number>,
  targetPrecision: number,
  reviewRecall = 0.98,
  minPositives = 10,
  z = 0,
): ThresholdChoice {
  const items = Array.from({ length: scores.length }, (_, i) => ({ s: scores[i]!, y: targets[i]! }));
  items.sort((a, b) => b.s - a.s);
  const totalPositives = items.reduce((n, x) => n + x.y, 0);
  let tp = 0;
  let fp = 0;
  let best: ThresholdChoice | undefined;
  let bestPrecision: ThresholdChoice | undefined;
  let reviewLow = 0;
  let reviewFound = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.y === 1) tp++;
    else fp++;
    // Only cut between distinct scores: all items with the same score are decided alike.
    if (i + 1 < items.length && items[i + 1]!.s === item.s) continue;
    const precision = tp / (tp + fp);
    const precisionLower = z > 0 ? wilsonLower(tp, tp + fp, z) : precision;
    const recall = totalPositives === 0 ? 0 : tp / totalPositives;
    const choice = {
      threshold: item.s,
      precision,
      precisionLower,
      recall,
      reviewLow: 0,
      targetMissed: false,
    };
    if (tp + fp >= minPositives && precisionLower >= targetPrecision) best = choice;
    if (tp + fp >= minPositives && (!bestPrecision || precision > bestPrecision.precision))
      bestPrecision = choice;
    if (!reviewFound && recall >= reviewRecall) {
      reviewLow = item.s;
      reviewFound = true;
    }
  }
  const chosen = best ?? (bestPrecision ? { ...bestPrecision, targetMissed: true } : undefined);
  if (!chosen)
    return {
      threshold: 0.5,
      precision: 0,
      precisionLower: 0,
      recall: 0,
      reviewLow: 0.25,
      targetMissed: true,
    };
  return { ...chosen, reviewLow: Math.min(reviewLow, chosen.threshold) };
}

/** One-sided Wilson score lower bound for k successes in n trials (Wilson 1927). */
export function wilsonLower(k: number, n: number, z: number): number {
  if (n === 0) return 0;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - spread) / (1 + z2 / n));
}
