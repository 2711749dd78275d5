/**
 * The model's review band per label: scores in [review_low, threshold) are the uncertain ones the
 * review queue shows first (models/<model>/thresholds.json; see the model card). The threshold a
 * message was flagged with is the one on its label.v1 record; `threshold` here is the fallback and
 * what the UI shows.
 */
import type { RiskLabel } from '@tg-risk/schemas';

export interface LabelBand {
  reviewLow: number;
  threshold: number;
}

export type ReviewBands = Record<RiskLabel, LabelBand>;

/** Reads the bands out of a thresholds.json document, naming the file and field that is wrong. */
export function bandsFromThresholds(document: unknown, file: string): ReviewBands {
  const labels = (document as { labels?: Record<string, unknown> } | null)?.labels;
  const band = (label: RiskLabel): LabelBand => {
    const entry = labels?.[label] as { review_low?: unknown; threshold?: unknown } | undefined;
    const reviewLow = entry?.review_low;
    const threshold = entry?.threshold;
    if (
      typeof reviewLow !== 'number' ||
      typeof threshold !== 'number' ||
      !(reviewLow >= 0 && threshold <= 1)
    ) {
      throw new Error(
        `${file}: labels.${label} needs numbers review_low and threshold in [0, 1]; retrain with \`npm run train\``,
      );
    }
    return { reviewLow, threshold };
  };
  return { fraud: band('fraud'), drugs: band('drugs'), terrorism: band('terrorism') };
}
