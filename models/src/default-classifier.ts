import type { Classifier } from '@tg-risk/core';
import { createBaselineClassifier } from './baseline/baseline-classifier.ts';

/**
 * The classifier the product uses when none is named. Today the lexicon baseline; the trained
 * model of models/ takes its place behind the same interface.
 */
export async function createDefaultClassifier(): Promise<Classifier> {
  return createBaselineClassifier();
}
