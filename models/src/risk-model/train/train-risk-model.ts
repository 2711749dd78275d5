/**
 * Trains the default risk model from labelled examples: features, logistic regression, Platt
 * calibration and per-label thresholds on validation, all through the exported ONNX graph so the
 * numbers chosen are the numbers the product computes. Same data and seed give byte-identical files.
 */
import { createHash } from 'node:crypto';
import { RISK_LABELS, type EvalExampleV1, type RiskLabel } from '@tg-risk/schemas';
import { DEFAULT_FEATURE_CONFIG, extractFeatures, type FeatureConfig } from '../features/extract-features.ts';
import {
  stableJson,
  type LabelThreshold,
  type RiskModelDescription,
  type RiskThresholds,
} from '../model-files.ts';
import { openRiskSession } from '../onnx-session.ts';
import { buildRiskGraph } from '../risk-graph.ts';
import { chooseThreshold } from './choose-threshold.ts';
import { fitPlatt } from './platt.ts';
import { trainLinear, type TrainOptions } from './train-linear.ts';

export const RISK_MODEL_NAME = 'tgrisk-risk';
export const RISK_MODEL_VERSION = '1.0.0';
export const NORMALISATION_VERSION = 'normalise-v1';

export interface RiskTrainingOptions extends TrainOptions {
  targetPrecision: number;
  features?: FeatureConfig;
}

export const DEFAULT_TRAINING_OPTIONS: Readonly<RiskTrainingOptions> = Object.freeze({
  // Chosen on validation (average precision per label) among epochs 3-25, learning rates 0.05-1
  // and L2 1e-6-1e-2: the model memorises the training split at any setting, and stronger L2
  // generalises best.
  epochs: 12,
  learningRate: 0.3,
  l2: 3e-3,
  seed: 20261129,
  targetPrecision: 0.9,
});

/** The files of a model directory, as bytes, keyed by file name. */
export type ModelDirectoryFiles = Record<string, Uint8Array>;

/** Trains and returns the model directory's files (model.onnx, model.json, thresholds.json, calibration.json, MANIFEST.json). */
export async function trainRiskModel(
  train: readonly EvalExampleV1[],
  validation: readonly EvalExampleV1[],
  options: RiskTrainingOptions = DEFAULT_TRAINING_OPTIONS,
): Promise<ModelDirectoryFiles> {
  const features = options.features ?? DEFAULT_FEATURE_CONFIG;
  const labels = RISK_LABELS.length;
  const toExample = (e: EvalExampleV1) => ({
    features: extractFeatures(e.text, features),
    targets: Uint8Array.from(RISK_LABELS.map((l) => (e.labels.includes(l) ? 1 : 0))),
  });
  const trainSet = train.map(toExample);
  const validationSet = validation.map(toExample);
  const linear = trainLinear(trainSet, features.buckets, labels, options);

  const metadata = { name: RISK_MODEL_NAME, version: RISK_MODEL_VERSION, labels: RISK_LABELS.join(',') };
  const graph = (plattA: Float32Array, plattB: Float32Array) =>
    buildRiskGraph({ ...linear, plattA, plattB, metadata });
  const validationOutputs = async (bytes: Uint8Array) => {
    const session = await openRiskSession(bytes);
    try {
      return await session.run(validationSet.map((e) => e.features));
    } finally {
      await session.close();
    }
  };

  const raw = await validationOutputs(graph(new Float32Array(labels).fill(1), new Float32Array(labels)));
  const column = (data: Float32Array, k: number) =>
    Array.from({ length: validationSet.length }, (_, i) => data[i * labels + k]!);
  const targetsOf = (k: number) => validationSet.map((e) => e.targets[k]!);
  const platt = RISK_LABELS.map((_, k) => fitPlatt(column(raw.logits, k), targetsOf(k)));
  const onnx = graph(Float32Array.from(platt.map((p) => p.a)), Float32Array.from(platt.map((p) => p.b)));
  const calibrated = await validationOutputs(onnx);

  const thresholdLabels = {} as Record<RiskLabel, LabelThreshold>;
  const calibration = {} as Record<RiskLabel, unknown>;
  RISK_LABELS.forEach((label, k) => {
    const scores = column(calibrated.probabilities, k).map(round6);
    const choice = chooseThreshold(scores, targetsOf(k), options.targetPrecision);
    thresholdLabels[label] = {
      threshold: choice.threshold,
      precision: round6(choice.precision),
      recall: round6(choice.recall),
      review_low: choice.reviewLow,
      target_missed: choice.targetMissed,
    };
    calibration[label] = { method: 'platt', a: round6(platt[k]!.a), b: round6(platt[k]!.b) };
  });
  const thresholds: RiskThresholds = {
    set: `precision@${options.targetPrecision.toFixed(2)}`,
    target_precision: options.targetPrecision,
    labels: thresholdLabels,
  };
  const description: RiskModelDescription = {
    name: RISK_MODEL_NAME,
    version: RISK_MODEL_VERSION,
    labels: [...RISK_LABELS],
    features,
    normalisation: NORMALISATION_VERSION,
    training: {
      algorithm: 'one-vs-rest logistic regression, AdaGrad, L2; Platt scaling on validation',
      epochs: options.epochs,
      learning_rate: options.learningRate,
      l2: options.l2,
      seed: options.seed,
      train_examples: train.length,
      validation_examples: validation.length,
      train_sha256: digestExamples(train),
      validation_sha256: digestExamples(validation),
    },
  };
  const files: ModelDirectoryFiles = {
    'model.onnx': onnx,
    'model.json': utf8(stableJson(description)),
    'thresholds.json': utf8(stableJson(thresholds)),
    'calibration.json': utf8(stableJson({ labels: calibration })),
  };
  const manifest = Object.fromEntries(
    Object.keys(files)
      .sort()
      .map((name) => [name, sha256(files[name]!)]),
  );
  files['MANIFEST.json'] = utf8(
    stableJson({ model: `${RISK_MODEL_NAME}@${RISK_MODEL_VERSION}`, sha256: manifest }),
  );
  return files;
}

function digestExamples(examples: readonly EvalExampleV1[]): string {
  const hash = createHash('sha256');
  for (const e of examples) hash.update(`${JSON.stringify([e.id ?? null, e.text, e.labels])}\n`);
  return hash.digest('hex');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
