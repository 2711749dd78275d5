/**
 * Checks a local model directory before transformers.js sees it, so a wrong path or a missing file
 * is reported as "this directory lacks X" instead of a library stack trace (transformers.js 4.3.2
 * crashes with a TypeError when tokenizer_config.json is absent).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '@tg-risk/core';
import { LABEL_CONFIG_FILE } from './label-map.ts';

/** Files transformers.js needs for AutoTokenizer + AutoModelForSequenceClassification at fp32. */
export const REQUIRED_MODEL_FILES = Object.freeze([
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model.onnx',
]);

/** What we read from a model directory ourselves. */
export interface ModelDirectory {
  /** Absolute: transformers.js treats a relative "a/b" as a Hub model id, not a path. */
  path: string;
  name: string;
  /** id2label in output order. */
  modelLabels: string[];
  problemType: string | undefined;
  /** config.json max_position_embeddings, if set (caps truncation when the tokenizer has no limit). */
  maxPositions: number | undefined;
  /** Parsed tgrisk-labels.json, or undefined when absent. */
  labelConfig: unknown;
  labelConfigPath: string;
}

/** Reads and checks a model directory; every failure is a UsageError naming the path and the fix. */
export async function readModelDirectory(modelDir: string): Promise<ModelDirectory> {
  const path = resolve(modelDir);
  const fail = (message: string, cause?: unknown): never => {
    throw new UsageError(message, { cause, context: { file: path } });
  };
  const info = await stat(path).catch((error: unknown) =>
    fail(`Model directory ${path} does not exist or cannot be read (${describe(error)})`, error),
  );
  if (!info.isDirectory()) fail(`Model directory ${path} is not a directory`);
  const present = await Promise.all(REQUIRED_MODEL_FILES.map((file) => isFile(join(path, file))));
  const missing = REQUIRED_MODEL_FILES.filter((_, i) => !present[i]);
  if (missing.length > 0) {
    fail(
      `Model directory ${path} is missing ${missing.join(', ')}. A transformers.js text-classification model ` +
        `needs ${REQUIRED_MODEL_FILES.join(', ')} (e.g. exported with optimum-cli export onnx, or built by buildTinyTextClassifier).`,
    );
  }

  const configPath = join(path, 'config.json');
  const config = await readJson(configPath, fail);
  if (!isRecord(config)) return fail(`${configPath} must hold a JSON object`);
  const modelLabels = id2labelList(config.id2label, configPath, fail);
  const problemType = typeof config.problem_type === 'string' ? config.problem_type : undefined;
  const maxPositions =
    typeof config.max_position_embeddings === 'number' && config.max_position_embeddings > 0
      ? config.max_position_embeddings
      : undefined;

  const labelConfigPath = join(path, LABEL_CONFIG_FILE);
  const labelConfig = (await isFile(labelConfigPath)) ? await readJson(labelConfigPath, fail) : undefined;
  return { path, name: basename(path), modelLabels, problemType, maxPositions, labelConfig, labelConfigPath };
}

/** id2label as a list: keys must be exactly 0..n-1, values non-empty and distinct. */
function id2labelList(value: unknown, configPath: string, fail: (message: string) => never): string[] {
  if (!isRecord(value) || Object.keys(value).length === 0) {
    return fail(`${configPath} has no "id2label"; the classifier needs to know which output is which label`);
  }
  const labels: string[] = [];
  const count = Object.keys(value).length;
  for (let i = 0; i < count; i++) {
    const label = value[String(i)];
    if (typeof label !== 'string' || label.length === 0) {
      return fail(
        `${configPath} "id2label" must map 0..${count - 1} to label names; entry "${i}" is ${JSON.stringify(label)}`,
      );
    }
    labels.push(label);
  }
  if (new Set(labels).size !== labels.length)
    fail(`${configPath} "id2label" repeats a label: ${labels.join(', ')}`);
  return labels;
}

async function readJson(file: string, fail: (message: string, cause?: unknown) => never): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: unknown) =>
    fail(`Cannot read ${file}: ${describe(error)}`, error),
  );
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return fail(`${file} is not valid JSON: ${describe(error)}`, error);
  }
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
