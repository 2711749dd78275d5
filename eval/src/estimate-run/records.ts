/**
 * The shapes `tgrisk estimate` works on once its inputs are read: one classified message, the
 * per-channel counts it aggregates into, and the targets a rate is estimated for (each label, and
 * "any": a channel that violates at least one label).
 */
import type { RiskLabel } from '@tg-risk/schemas';

/** The labels in their canonical order (fraud, drugs, terrorism). */
export const LABELS: readonly RiskLabel[] = ['fraud', 'drugs', 'terrorism'];

/** What a rate is estimated for: one label, or `any` label. */
export type Target = 'any' | RiskLabel;

/** The targets in report order. */
export const TARGETS: readonly Target[] = ['any', ...LABELS];

/** A number per label. */
export type LabelNumbers = Record<RiskLabel, number>;

/** One classified message, as read from an estimate-input.v1 line or the store. */
export interface MessageRecord {
  channelId: string;
  id: string | number;
  /** Decided labels; when absent the decision is `scores >= thresholds`. */
  labels?: readonly RiskLabel[];
  scores?: Readonly<LabelNumbers>;
  /** Labels a reviewer gave this message, when it was reviewed. */
  goldLabels?: readonly RiskLabel[];
}

/** A named set of per-label message thresholds (the saved set and its variants). */
export interface ThresholdVariant {
  name: string;
  thresholds: LabelNumbers;
}

/** One channel's counts: messages, flagged messages per label, and the same at other thresholds. */
export interface ChannelCounts {
  channelId: string;
  messages: number;
  /** Messages flagged per label by the run's decision (labels, or scores at the saved thresholds). */
  flagged: LabelNumbers;
  /** Flagged per label at each threshold variant, in variant order; empty unless every message had scores. */
  variantFlagged: LabelNumbers[];
  /** Highest message score per label; null unless every message of the channel had scores. */
  maxScore: LabelNumbers | null;
}

/** A channel's reviewed verdict (channel-gold.v1). */
export interface ChannelGold {
  violating: boolean;
  /** Labels violated, when the review recorded them. */
  labels?: readonly RiskLabel[];
}

/** Message-level review outcomes: false positives among reviewed messages without the label. */
export interface MessageGoldCounts {
  /** Messages with gold_labels. */
  reviewed: number;
  /** Per label: reviewed messages whose gold lacks it, and how many of those were flagged for it. */
  negatives: LabelNumbers;
  falsePositives: LabelNumbers;
  /** Reviewed messages with scores: their scores and gold labels (for message-level PR curves). */
  scored: Array<{ scores: LabelNumbers; gold: readonly RiskLabel[] }>;
}

/** A fresh all-zero number per label. */
export function zeroLabels(): LabelNumbers {
  return { fraud: 0, drugs: 0, terrorism: 0 };
}

/** Whether the gold verdict says the channel violates `target`; undefined when the review did not say. */
export function goldVerdict(gold: ChannelGold, target: Target): boolean | undefined {
  if (target === 'any') return gold.violating;
  return gold.labels === undefined ? undefined : gold.labels.includes(target);
}
