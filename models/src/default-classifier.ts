/**
 * Which classifier the product uses: the trained risk model shipped in models/tgrisk-risk unless a
 * model directory is named. A directory with model.json is a tg-risk risk model; one with
 * config.json is a Hugging Face text-classification model run through @huggingface/transformers.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type Classifier } from '@tg-risk/core';
import { createRiskClassifier } from './risk-model/risk-classifier.ts';

/** The model directory shipped with the product (built by `npm run train`). */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../tgrisk-risk/', import.meta.url));

/** Loads the classifier in `modelDir` (default: the shipped model). */
export async function createDefaultClassifier(modelDir: string = DEFAULT_MODEL_DIR): Promise<Classifier> {
  if (existsSync(path.join(modelDir, 'model.json'))) return createRiskClassifier({ modelDir });
  if (existsSync(path.join(modelDir, 'config.json'))) {
    // Loaded on demand: transformers.js is heavy and only this backend needs it.
    const { createTransformersClassifier } = await import('./transformers/index.ts');
    return createTransformersClassifier({ modelDir });
  }
  throw new UsageError(
    `${modelDir} is not a model directory: expected model.json (a tg-risk model, see \`npm run train\`) ` +
      'or config.json (a Hugging Face text-classification model)',
  );
}
