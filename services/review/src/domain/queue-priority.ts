/**
 * Where a message sits in the review queues. Per label l with score s, decided threshold t (from
 * the message's label.v1) and review-band floor r (thresholds.json `review_low`):
 *
 *   in the band (not flagged, r <= s < t):  uncertainty key = t − s        in [0, 1)
 *   flagged (s >= t):                        uncertainty key = 1 + (s − t)  in [1, 2]
 *   below the band:                          not in label l's queue (null)
 *
 * Sorting the key ascending shows the review band first, nearest the threshold first, then the
 * flags the model was least sure of. The risk key is the score itself (calibrated probabilities, so
 * comparable across labels); over all labels it is the highest score among the labels whose queue
 * the message is in, and the uncertainty key the lowest.
 */
import type { PendingLabelled, QueueEntry } from '@tg-risk/core';
import { RISK_LABELS, type RiskLabel } from '@tg-risk/schemas';
import type { ReviewBands } from './review-bands.ts';

/** Largest key a band message can get: keeps band keys strictly below the flagged ones. */
const BAND_CEILING = 1 - 1e-9;

/** The uncertainty key of one label's score, or null when the score is below the review band. */
export function uncertaintyKey(
  score: number,
  threshold: number,
  reviewLow: number,
  flagged: boolean,
): number | null {
  if (flagged) return 1 + Math.max(0, score - threshold);
  if (score >= reviewLow) return Math.min(BAND_CEILING, Math.max(0, threshold - score));
  return null;
}

/** Projects one labelled message into its queue entry; `lang` is the guessed language. */
export function queueEntry(
  { message, label }: PendingLabelled,
  bands: ReviewBands,
  lang: string,
): QueueEntry {
  const uncertainty = {} as Record<RiskLabel, number | null>;
  let riskAny: number | null = null;
  let uncertaintyAny: number | null = null;
  for (const l of RISK_LABELS) {
    const score = label.scores[l];
    const key = uncertaintyKey(score, label.thresholds[l], bands[l].reviewLow, label.labels.includes(l));
    uncertainty[l] = key;
    if (key === null) continue;
    riskAny = riskAny === null ? score : Math.max(riskAny, score);
    uncertaintyAny = uncertaintyAny === null ? key : Math.min(uncertaintyAny, key);
  }
  return {
    channelId: message.channel_id,
    messageId: message.message_id,
    date: message.date,
    lang,
    labels: RISK_LABELS.filter((l) => label.labels.includes(l)),
    scores: { ...label.scores },
    maxScore: Math.max(label.scores.fraud, label.scores.drugs, label.scores.terrorism),
    riskAny,
    uncertaintyAny,
    uncertainty,
    // A reply into another chat is not a reply within this channel's thread.
    replyToMessageId:
      message.reply_to && (message.reply_to.channel_id ?? null) === null ? message.reply_to.message_id : null,
  };
}

/** Labels whose score is in the review band (uncertain), for display. */
export function bandLabels(
  scores: Record<RiskLabel, number>,
  flagged: readonly RiskLabel[],
  bands: ReviewBands,
) {
  return RISK_LABELS.filter((l) => !flagged.includes(l) && scores[l] >= bands[l].reviewLow);
}
