/**
 * Builds a small text-classification model directory from labelled examples, in the layout
 * @huggingface/transformers loads (config.json, tokenizer.json, tokenizer_config.json,
 * onnx/model.onnx) plus our tgrisk-labels.json. It gives the transformers backend a real model to
 * load in tests and a quick, reproducible model from our own data: same examples + seed, same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BertTokenizer } from '@huggingface/transformers';
import { UsageError } from '@tg-risk/core';
import { RISK_LABELS, type RiskLabel } from '@tg-risk/schemas';
import { trainEmbeddingBag, type BagExample } from './embedding-bag.ts';
import { embeddingBagModel } from './embedding-bag-onnx.ts';
import {
  LABEL_CONFIG_FILE,
  MODEL_NAME_PATTERN,
  MODEL_VERSION_PATTERN,
  type LabelMapConfig,
} from './label-map.ts';
import {
  bertTokenizerConfig,
  bertTokenizerJson,
  buildWordVocabulary,
  PAD_ID,
  SPECIAL_TOKENS,
} from './wordpiece-vocab.ts';

export interface TinyTextClassifierOptions {
  examples: ReadonlyArray<{ text: string; labels: readonly string[] }>;
  /** The model's labels, in output order; examples may only use these. An example with none is negative for all. */
  labels: readonly string[];
  outDir: string;
  seed: number;
  /** Vocabulary size including 5 special tokens. Default 8000. */
  vocabSize?: number;
  /** Embedding width. Default 16. */
  dim?: number;
  /** Passes over the examples. Default 40. */
  epochs?: number;
  /** Starting SGD step (decays linearly to 0). Default 0.5. */
  learningRate?: number;
  /** Tokens per text after truncation ([CLS] and [SEP] included). Default 512. */
  maxLength?: number;
  /** Name in tgrisk-labels.json, hence in `model` of every label. Default "tiny-text-classifier". */
  name?: string;
  /** Version in tgrisk-labels.json. Default "0.0.0+" and 12 hex digits of the weights' and vocabulary's hash. */
  version?: string;
}

export interface TinyTextClassifierReport {
  outDir: string;
  /** Files written, relative to outDir, sorted. */
  files: string[];
  vocabSize: number;
  /** Share of non-special training tokens that became [UNK] (words cut by vocabSize). */
  unknownTokenRate: number;
  /** Mean binary cross-entropy per epoch. */
  epochLosses: number[];
  model: string;
}

/** Trains an embedding-bag classifier on the examples and writes a transformers.js model directory. */
export async function buildTinyTextClassifier(
  options: TinyTextClassifierOptions,
): Promise<TinyTextClassifierReport> {
  const settings = checkOptions(options);
  const { labels } = options;
  const vocabulary = buildWordVocabulary(
    options.examples.map((e) => e.text),
    settings.vocabSize,
  );
  const tokenizerJson = bertTokenizerJson(vocabulary);
  const tokenizerConfig = bertTokenizerConfig(settings.maxLength);
  // Encode with the very tokenizer transformers.js will load, so training sees the ids inference sees.
  const tokenizer = new BertTokenizer(tokenizerJson, tokenizerConfig);
  const specialIds = new Set(tokenizer.all_special_ids);
  const unkId = vocabulary.indexOf('[UNK]');
  let tokens = 0;
  let unknown = 0;
  const bags: BagExample[] = options.examples.map((example) => {
    const encoded = tokenizer(example.text, { truncation: true, return_tensor: false });
    const ids = encoded.input_ids as unknown as number[];
    for (const id of ids) {
      if (id === unkId) unknown++;
      if (id === unkId || !specialIds.has(id)) tokens++;
    }
    return { ids, targets: labels.map((label) => (example.labels.includes(label) ? 1 : 0)) };
  });

  const { weights, epochLosses } = trainEmbeddingBag(bags, {
    vocabSize: vocabulary.length,
    numLabels: labels.length,
    seed: options.seed,
    dim: settings.dim,
    epochs: settings.epochs,
    learningRate: settings.learningRate,
    padId: PAD_ID,
  });
  const onnx = embeddingBagModel(weights, {
    'tgrisk.architecture': 'embedding-bag',
    'tgrisk.labels': JSON.stringify(labels),
    'tgrisk.seed': String(options.seed),
    'tgrisk.epochs': String(settings.epochs),
  });
  const tokenizerText = toJson(tokenizerJson);
  const version = options.version ?? `0.0.0+${sha256(onnx, tokenizerText).slice(0, 12)}`;
  const files: Record<string, string | Uint8Array> = {
    'config.json': toJson(modelConfig(labels, vocabulary.length, settings)),
    'onnx/model.onnx': onnx,
    [LABEL_CONFIG_FILE]: toJson(labelConfig(labels, settings.name, version)),
    'tokenizer.json': tokenizerText,
    'tokenizer_config.json': toJson(tokenizerConfig),
  };
  const outDir = resolve(options.outDir);
  await mkdir(join(outDir, 'onnx'), { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(join(outDir, file), content);
  return {
    outDir,
    files: Object.keys(files).sort(),
    vocabSize: vocabulary.length,
    unknownTokenRate: tokens === 0 ? 0 : unknown / tokens,
    epochLosses,
    model: `${settings.name}@${version}`,
  };
}

/**
 * config.json. transformers.js picks the model class by model_type: "bert" maps to
 * BertForSequenceClassification, whose forward pass just feeds the ONNX session the inputs it
 * declares (input_ids, attention_mask; token_type_ids only if the graph asks) and wraps `logits`.
 * The graph is not a BERT; the fields below are what the loader and the pipeline read.
 */
function modelConfig(
  labels: readonly string[],
  vocabSize: number,
  settings: Settings,
): Record<string, unknown> {
  return {
    architectures: ['BertForSequenceClassification'],
    model_type: 'bert',
    problem_type: 'multi_label_classification',
    id2label: Object.fromEntries(labels.map((label, i) => [String(i), label])),
    label2id: Object.fromEntries(labels.map((label, i) => [label, i])),
    vocab_size: vocabSize,
    hidden_size: settings.dim,
    max_position_embeddings: settings.maxLength,
    pad_token_id: PAD_ID,
    // fp32 loads onnx/model.onnx on every device (the wasm default would look for model_quantized.onnx).
    'transformers.js_config': { dtype: 'fp32' },
    tgrisk: {
      architecture: 'embedding-bag',
      note: 'fastText-style mean of word embeddings + linear layer; model_type bert only routes loading',
    },
  };
}

function labelConfig(labels: readonly string[], name: string, version: string): LabelMapConfig {
  const isRisk = (label: string): label is RiskLabel => (RISK_LABELS as readonly string[]).includes(label);
  return {
    name,
    version,
    map: Object.fromEntries(labels.map((label) => [label, isRisk(label) ? label : null])),
    thresholds: { fraud: 0.5, drugs: 0.5, terrorism: 0.5 },
    multi_label: true,
  };
}

interface Settings {
  vocabSize: number;
  dim: number;
  epochs: number;
  learningRate: number;
  maxLength: number;
  name: string;
}

function checkOptions(options: TinyTextClassifierOptions): Settings {
  const problem = (message: string): never => {
    throw new UsageError(`buildTinyTextClassifier (${options.outDir}): ${message}`, {
      context: { file: options.outDir },
    });
  };
  const positiveInteger = (value: number | undefined, fallback: number, what: string): number => {
    const chosen = value ?? fallback;
    if (!Number.isSafeInteger(chosen) || chosen < 1)
      problem(`${what} must be a positive integer, got ${chosen}`);
    return chosen;
  };
  if (options.labels.length === 0) problem('labels is empty');
  if (options.labels.some((label) => typeof label !== 'string' || label.length === 0)) {
    problem('labels must be non-empty strings');
  }
  if (new Set(options.labels).size !== options.labels.length)
    problem(`labels has duplicates: ${options.labels.join(', ')}`);
  if (options.examples.length === 0) problem('examples is empty');
  if (!Number.isSafeInteger(options.seed)) problem(`seed must be an integer, got ${options.seed}`);
  options.examples.forEach((example, index) => {
    if (typeof example.text !== 'string') problem(`example ${index} has no text`);
    const unknown = example.labels.filter((label) => !options.labels.includes(label));
    if (unknown.length > 0) problem(`example ${index} uses labels not in labels: ${unknown.join(', ')}`);
  });
  const name = options.name ?? 'tiny-text-classifier';
  if (!MODEL_NAME_PATTERN.test(name))
    problem(`name "${name}" must be 1-100 letters, digits, ".", "_" or "-"`);
  if (options.version !== undefined && !MODEL_VERSION_PATTERN.test(options.version)) {
    problem(`version "${options.version}" may only use letters, digits, ".", "_", "+" and "-"`);
  }
  const learningRate = options.learningRate ?? 0.5;
  if (!(learningRate > 0 && Number.isFinite(learningRate)))
    problem(`learningRate must be positive, got ${learningRate}`);
  const vocabSize = positiveInteger(options.vocabSize, 8000, 'vocabSize');
  if (vocabSize <= SPECIAL_TOKENS.length) {
    problem(`vocabSize must exceed the ${SPECIAL_TOKENS.length} special tokens, got ${vocabSize}`);
  }
  return {
    vocabSize,
    dim: positiveInteger(options.dim, 16, 'dim'),
    epochs: positiveInteger(options.epochs, 40, 'epochs'),
    learningRate,
    maxLength: positiveInteger(options.maxLength, 512, 'maxLength'),
    name,
  };
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}
