/**
 * Picks a label's decision threshold on validation scores: the lowest score at which precision is
 * at least the target (most recall for the precision promised), and a review band below it where the
 * model is uncertain and a person should look.
 */
export interface ThresholdChoice {
  threshold: number;
  /** Precision and recall on validation at the threshold. */
  precision: number;
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
    const recall = totalPositives === 0 ? 0 : tp / totalPositives;
    const choice = { threshold: item.s, precision, recall, reviewLow: 0, targetMissed: false };
    if (tp + fp >= minPositives && precision >= targetPrecision) best = choice;
    if (tp + fp >= minPositives && (!bestPrecision || precision > bestPrecision.precision))
      bestPrecision = choice;
    if (!reviewFound && recall >= reviewRecall) {
      reviewLow = item.s;
      reviewFound = true;
    }
  }
  const chosen = best ?? (bestPrecision ? { ...bestPrecision, targetMissed: true } : undefined);
  if (!chosen) return { threshold: 0.5, precision: 0, recall: 0, reviewLow: 0.25, targetMissed: true };
  return { ...chosen, reviewLow: Math.min(reviewLow, chosen.threshold) };
}
