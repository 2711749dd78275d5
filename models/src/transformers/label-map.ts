/**
 * How a model's own labels become ours: tgrisk-labels.json in the model directory maps each model
 * label to fraud, drugs, terrorism or null (ignored), sets thresholds and says whether the model is
 * multi-label (one sigmoid per label) or single-label (softmax). Pure: no I/O.
 */
import { UsageError, type LabelPrediction } from '@tg-risk/core';
import { RISK_LABELS, type RiskLabel } from '@tg-risk/schemas';

export const LABEL_CONFIG_FILE = 'tgrisk-labels.json';
const DEFAULT_THRESHOLD = 0.5;
/** Names end up in thresholds.set (at most 128 characters in label.v1), so they stay short. */
export const MODEL_NAME_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
/** The version half of label.v1's `model` pattern. */
export const MODEL_VERSION_PATTERN = /^[A-Za-z0-9._+-]+$/;

/** The content of tgrisk-labels.json. */
export interface LabelMapConfig {
  /** Model label -> our label, or null to ignore it. Must list every model label. */
  map?: Record<string, RiskLabel | null>;
  /** Per-label decision thresholds; 0.5 where absent. */
  thresholds?: Partial<Record<RiskLabel, number>>;
  /** Sigmoid per label (true) or softmax over labels (false). Default: config.json's problem_type. */
  multi_label?: boolean;
  /** Model name for `model`; default: the directory's name. */
  name?: string;
  /** Model version for `model`; default "local". */
  version?: string;
}

/** Everything needed to turn logits into a LabelPrediction. */
export interface LabelMapping {
  /** Per model output index, the label it scores (null = ignored). */
  targets: (RiskLabel | null)[];
  thresholds: Record<RiskLabel, number>;
  thresholdSet: string;
  multiLabel: boolean;
  /** name@version. */
  model: string;
}

export interface ResolveLabelMappingInput {
  /** id2label of config.json, in output order. */
  modelLabels: readonly string[];
  /** config.json's problem_type, if any. */
  problemType: string | undefined;
  /** Parsed tgrisk-labels.json; undefined when the file is absent (a file holding `null` is an error). */
  file: unknown;
  /** Caller overrides: a map instead of the file's, thresholds on top of the file's. */
  labelMap?: Record<string, RiskLabel | null>;
  thresholds?: Partial<Record<RiskLabel, number>>;
  /** Used for the default name. */
  directoryName: string;
  /** Where the mapping came from, named in errors. */
  source: string;
}

/** Validates the label config and combines it with the model's labels and the caller's overrides. */
export function resolveLabelMapping(input: ResolveLabelMappingInput): LabelMapping {
  const problem = (message: string): never => {
    throw new UsageError(`${input.source}: ${message}`, { context: { file: input.source } });
  };
  const file = input.file === undefined ? {} : parseLabelConfig(input.file, problem);
  const map = input.labelMap ?? file.map;
  const targets = map
    ? explicitTargets(input.modelLabels, map, problem)
    : defaultTargets(input.modelLabels, problem);

  const thresholds = Object.fromEntries(RISK_LABELS.map((label) => [label, DEFAULT_THRESHOLD])) as Record<
    RiskLabel,
    number
  >;
  for (const source of [file.thresholds, input.thresholds]) {
    for (const [label, value] of Object.entries(source ?? {})) {
      checkThreshold(label, value, problem);
      thresholds[label as RiskLabel] = value as number;
    }
  }
  if (input.problemType === 'regression')
    problem('config.json says problem_type "regression"; a classifier is needed');
  const multiLabel = file.multi_label ?? input.problemType === 'multi_label_classification';
  const name = file.name ?? sanitizeName(input.directoryName);
  const version = file.version ?? 'local';
  return {
    targets,
    thresholds,
    thresholdSet: `${name}@${input.thresholds ? 'custom' : 'config'}`,
    multiLabel,
    model: `${name}@${version}`,
  };
}

/** Scores for one text from its logits: probability per model label, max over those mapped to each of ours. */
export function predictionFromLogits(logits: ArrayLike<number>, mapping: LabelMapping): LabelPrediction {
  const probabilities = mapping.multiLabel ? Array.from(logits, sigmoid) : softmax(logits);
  const scores = { fraud: 0, drugs: 0, terrorism: 0 };
  mapping.targets.forEach((target, index) => {
    if (target !== null) scores[target] = Math.max(scores[target], probabilities[index] ?? 0);
  });
  for (const label of RISK_LABELS) scores[label] = round6(scores[label]);
  return {
    labels: RISK_LABELS.filter((label) => scores[label] >= mapping.thresholds[label]),
    scores,
    thresholds: { set: mapping.thresholdSet, ...mapping.thresholds },
    evidence: [],
    model: mapping.model,
  };
}

function parseLabelConfig(value: unknown, problem: (message: string) => never): LabelMapConfig {
  if (!isRecord(value)) return problem('must be a JSON object');
  const known = ['map', 'thresholds', 'multi_label', 'name', 'version'];
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) problem(`unknown field(s) ${unknown.join(', ')}; allowed: ${known.join(', ')}`);
  const { map, thresholds, multi_label: multiLabel, name, version } = value;
  if (map !== undefined && !isRecord(map))
    problem('"map" must be an object of model label -> fraud|drugs|terrorism|null');
  if (thresholds !== undefined && !isRecord(thresholds))
    problem('"thresholds" must be an object such as {"fraud": 0.5}');
  if (multiLabel !== undefined && typeof multiLabel !== 'boolean')
    problem('"multi_label" must be true or false');
  if (name !== undefined && (typeof name !== 'string' || !MODEL_NAME_PATTERN.test(name))) {
    problem(`"name" must be 1-100 letters, digits, ".", "_" or "-", got ${JSON.stringify(name)}`);
  }
  if (version !== undefined && (typeof version !== 'string' || !MODEL_VERSION_PATTERN.test(version))) {
    problem(`"version" must use only letters, digits, ".", "_", "+" and "-", got ${JSON.stringify(version)}`);
  }
  return value as LabelMapConfig;
}

function explicitTargets(
  modelLabels: readonly string[],
  map: Record<string, unknown>,
  problem: (message: string) => never,
): (RiskLabel | null)[] {
  const strangers = Object.keys(map).filter((label) => !modelLabels.includes(label));
  if (strangers.length > 0) {
    problem(
      `"map" names label(s) the model does not have: ${strangers.join(', ')}; model labels: ${modelLabels.join(', ')}`,
    );
  }
  // Every model label must be listed (null to ignore), so a retrained model's new label is never dropped silently.
  const unlisted = modelLabels.filter((label) => !Object.hasOwn(map, label));
  if (unlisted.length > 0)
    problem(`"map" does not say what to do with model label(s) ${unlisted.join(', ')} (use null to ignore)`);
  const targets = modelLabels.map((label) => {
    const target = map[label];
    if (target !== null && !isRiskLabel(target)) {
      return problem(
        `"map"."${label}" must be fraud, drugs, terrorism or null, got ${JSON.stringify(target)}`,
      );
    }
    return target;
  });
  if (targets.every((target) => target === null))
    problem('"map" sends every model label to null; nothing would be scored');
  return targets;
}

function defaultTargets(
  modelLabels: readonly string[],
  problem: (message: string) => never,
): (RiskLabel | null)[] {
  const targets = modelLabels.map((label) => (isRiskLabel(label) ? label : null));
  if (targets.every((target) => target === null)) {
    problem(
      `no ${LABEL_CONFIG_FILE} and no model label is named fraud, drugs or terrorism (model labels: ${modelLabels.join(', ')}); ` +
        `add ${LABEL_CONFIG_FILE} with {"map": {"<model label>": "fraud" | "drugs" | "terrorism" | null}}`,
    );
  }
  return targets;
}

function checkThreshold(label: string, value: unknown, problem: (message: string) => never): void {
  if (!isRiskLabel(label))
    problem(`threshold for unknown label "${label}"; labels are ${RISK_LABELS.join(', ')}`);
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    problem(`threshold for ${label} must be a number in [0, 1], got ${JSON.stringify(value)}`);
  }
}

function sanitizeName(directoryName: string): string {
  const name = directoryName.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100);
  return name.length > 0 ? name : 'model';
}

function isRiskLabel(value: unknown): value is RiskLabel {
  return typeof value === 'string' && (RISK_LABELS as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function softmax(logits: ArrayLike<number>): number[] {
  const values = Array.from(logits);
  const max = Math.max(...values);
  const exps = values.map((x) => Math.exp(x - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Six decimals, as the baseline does: labels stay byte-identical across platforms' last-bit exp() differences. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
