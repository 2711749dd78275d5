/**
 * Fold assignment for out-of-fold scores: by channel, so a channel's messages are scored by a model
 * that never saw that channel (as the test split is), and by a fixed hash, so it is reproducible.
 * Shared by our trainer and the fastText peer so both choose thresholds the same way.
 */
import type { EvalExampleV1 } from '@tg-risk/schemas';
import { fnv1a } from '../features/hash.ts';

export const OUT_OF_FOLD_FOLDS = 5;

/** The fold (0..folds-1) of each example. */
export function channelFolds(examples: readonly EvalExampleV1[], folds = OUT_OF_FOLD_FOLDS): number[] {
  return examples.map((e) => fnv1a(e.channel_id ?? String(e.id ?? e.text)) % folds);
}
