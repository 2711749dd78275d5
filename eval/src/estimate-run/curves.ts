/**
 * Precision–recall curves from the run's own reviewed data (channel level: a channel's highest
 * message score against the gold verdict; message level: scores against gold_labels), and the
 * model's message-level quality from its metrics.json or a `tgrisk eval --json` report.
 */
import type { EstimateReportV1, EstPrPoint } from '@tg-risk/schemas';
import { channelScore } from './strata.ts';
import {
  LABELS,
  TARGETS,
  goldVerdict,
  type ChannelCounts,
  type ChannelGold,
  type LabelNumbers,
  type MessageGoldCounts,
  type Target,
} from './records.ts';
import type { ModelMetrics } from './model-metrics.ts';

/** Most points kept per curve; evenly spaced over the ranking, first and last kept. */
export const MAX_CURVE_POINTS = 40;

/** The PR curve of scored items: one point per distinct score, predicted positive at score >= it. */
export function precisionRecallCurve(
  items: ReadonlyArray<{ score: number; positive: boolean }>,
): EstPrPoint[] {
  const positives = items.filter((i) => i.positive).length;
  if (positives === 0) return [];
  // Ties broken by label so the curve never depends on input order.
  const sorted = [...items].sort((a, b) => b.score - a.score || Number(b.positive) - Number(a.positive));
  const points: EstPrPoint[] = [];
  let tp = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.positive) tp++;
    const next = sorted[i + 1];
    if (next !== undefined && next.score === sorted[i]!.score) continue;
    points.push({ threshold: sorted[i]!.score, precision: tp / (i + 1), recall: tp / positives });
  }
  if (points.length <= MAX_CURVE_POINTS) return points;
  const step = (points.length - 1) / (MAX_CURVE_POINTS - 1);
  return Array.from({ length: MAX_CURVE_POINTS }, (_, j) => points[Math.round(j * step)]!);
}

/** Channel-level and message-level PR curves, where scores and reviews allow. */
export function prCurves(
  channels: readonly ChannelCounts[],
  gold: ReadonlyMap<string, ChannelGold>,
  messageGold: MessageGoldCounts,
  allScored: boolean,
): EstimateReportV1['pr_curves'] {
  let channel: EstimateReportV1['pr_curves']['channel'] = null;
  if (allScored && gold.size > 0) {
    const curve = (target: Target) =>
      precisionRecallCurve(
        channels.flatMap((c) => {
          const verdict = gold.get(c.channelId);
          const truth = verdict === undefined ? undefined : goldVerdict(verdict, target);
          return truth === undefined ? [] : [{ score: channelScore(c, target)!, positive: truth }];
        }),
      );
    channel = Object.fromEntries(TARGETS.map((t) => [t, curve(t)])) as NonNullable<typeof channel>;
  }
  let message: EstimateReportV1['pr_curves']['message'] = null;
  if (messageGold.scored.length > 0) {
    const curve = (label: (typeof LABELS)[number]) =>
      precisionRecallCurve(
        messageGold.scored.map((m) => ({ score: m.scores[label], positive: m.gold.includes(label) })),
      );
    message = { fraud: curve('fraud'), drugs: curve('drugs'), terrorism: curve('terrorism') };
  }
  return { channel, message };
}

/** The model_quality section: per label precision, recall, false-positive rate and reliability. */
export function modelQuality(
  metrics: ModelMetrics,
  thresholds: LabelNumbers | null,
): NonNullable<EstimateReportV1['model_quality']> {
  const entry = (label: (typeof LABELS)[number]) => {
    const m = metrics.labels[label];
    return {
      threshold: thresholds === null ? null : thresholds[label],
      precision: m.precision,
      recall: m.recall,
      false_positive_rate: m.falsePositiveRate,
      reliability: m.reliability.map((b) => ({ ...b })),
    };
  };
  return {
    source: metrics.source,
    labels: { fraud: entry('fraud'), drugs: entry('drugs'), terrorism: entry('terrorism') },
  };
}
