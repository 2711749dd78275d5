/**
 * The transformers backend: any local Hugging Face text-classification model directory (ONNX
 * weights, as transformers.js loads them) behind our `Classifier` interface.
 */
import {
  AutoModelForSequenceClassification,
  AutoTokenizer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type Tensor,
} from '@huggingface/transformers';
import { UsageError, type Classifier, type LabelPrediction } from '@tg-risk/core';
import type { RiskLabel } from '@tg-risk/schemas';
import { predictionFromLogits, resolveLabelMapping, type LabelMapping } from './label-map.ts';
import { readModelDirectory, type ModelDirectory } from './model-dir.ts';
import { useOfflineTransformersEnv } from './offline-env.ts';

export interface TransformersClassifierOptions {
  /** Directory with config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx and optionally tgrisk-labels.json. */
  modelDir: string;
  /** Model label -> our label (null = ignore); replaces the map of tgrisk-labels.json. */
  labelMap?: Record<string, RiskLabel | null>;
  /** Thresholds on top of tgrisk-labels.json's (0.5 where neither sets one); the set becomes "<name>@custom". */
  thresholds?: Partial<Record<RiskLabel, number>>;
  /** Texts per forward pass. Default 32. */
  batchSize?: number;
}

/**
 * Loads the model (offline: a missing file is an error, never a download) and returns a Classifier.
 * This backend gives no evidence spans: `evidence` is always [], as the model only returns logits.
 */
export async function createTransformersClassifier(
  options: TransformersClassifierOptions,
): Promise<Classifier> {
  const batchSize = options.batchSize ?? 32;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new UsageError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const dir = await readModelDirectory(options.modelDir);
  const mapping = resolveLabelMapping({
    modelLabels: dir.modelLabels,
    problemType: dir.problemType,
    file: dir.labelConfig,
    labelMap: options.labelMap,
    thresholds: options.thresholds,
    directoryName: dir.name,
    source: options.labelMap ? `labelMap option for ${dir.path}` : dir.labelConfigPath,
  });
  const { tokenizer, model } = await loadModel(dir);
  // Truncate where the tokenizer says; a tokenizer without a limit falls back to the position table.
  const maxLength = Number.isFinite(tokenizer.model_max_length)
    ? tokenizer.model_max_length
    : (dir.maxPositions ?? null);

  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | null = null;

  const classifyBatch = async (texts: string[]): Promise<LabelPrediction[]> => {
    const inputs = tokenizer(texts, { padding: true, truncation: true, max_length: maxLength });
    const output = (await model(inputs)) as { logits?: Tensor };
    return predictionsFromLogits(output.logits, texts.length, mapping, dir);
  };

  return {
    model: mapping.model,
    async classify(texts) {
      if (closing) throw new UsageError(`The transformers classifier for ${dir.path} is closed`);
      const work = (async () => {
        const predictions: LabelPrediction[] = [];
        for (let start = 0; start < texts.length; start += batchSize) {
          predictions.push(...(await classifyBatch(texts.slice(start, start + batchSize))));
        }
        return predictions;
      })();
      inFlight.add(work);
      try {
        return await work;
      } finally {
        inFlight.delete(work);
      }
    },
    close() {
      // Idempotent: later calls get the same promise. In-flight batches finish before the session goes.
      closing ??= (async () => {
        await Promise.allSettled([...inFlight]);
        await model.dispose();
      })();
      return closing;
    },
  };
}

async function loadModel(
  dir: ModelDirectory,
): Promise<{ tokenizer: PreTrainedTokenizer; model: PreTrainedModel }> {
  useOfflineTransformersEnv();
  const [tokenizer, model] = await Promise.allSettled([
    AutoTokenizer.from_pretrained(dir.path, { local_files_only: true }),
    // fp32 = onnx/model.onnx, the file readModelDirectory checked for; the CPU provider is always there.
    AutoModelForSequenceClassification.from_pretrained(dir.path, {
      local_files_only: true,
      dtype: 'fp32',
      device: 'cpu',
    }),
  ]);
  if (tokenizer.status === 'fulfilled' && model.status === 'fulfilled') {
    return { tokenizer: tokenizer.value, model: model.value };
  }
  if (model.status === 'fulfilled') await model.value.dispose();
  const error = tokenizer.status === 'rejected' ? tokenizer.reason : (model as PromiseRejectedResult).reason;
  const what = tokenizer.status === 'rejected' ? 'tokenizer' : 'model';
  throw new UsageError(
    `Could not load the ${what} in ${dir.path}: ${error instanceof Error ? error.message : String(error)}`,
    {
      cause: error,
      context: { file: dir.path },
    },
  );
}

function predictionsFromLogits(
  logits: Tensor | undefined,
  rows: number,
  mapping: LabelMapping,
  dir: ModelDirectory,
): LabelPrediction[] {
  const width = dir.modelLabels.length;
  const dims = logits?.dims ?? [];
  if (!logits || dims.length !== 2 || dims[0] !== rows || dims[1] !== width) {
    throw new UsageError(
      `${dir.path}/onnx/model.onnx returned logits of shape [${dims.join(', ')}], expected [${rows}, ${width}] ` +
        `(${width} labels in config.json id2label)`,
      { context: { file: dir.path } },
    );
  }
  const data = logits.data as Float32Array;
  return Array.from({ length: rows }, (_, row) =>
    predictionFromLogits(data.subarray(row * width, (row + 1) * width), mapping),
  );
}
