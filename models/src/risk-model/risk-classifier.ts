/**
 * The default classifier: the trained risk model run with onnxruntime-node, in batches. Scores are
 * calibrated probabilities; labels are decided with the thresholds saved beside the model; evidence
 * is computed only for the labels that were decided, so clean messages cost one pass.
 */
import type { Classifier, LabelPrediction } from '@tg-risk/core';
import { RISK_LABELS, type Evidence, type RiskLabel } from '@tg-risk/schemas';
import { readInitializers } from '../onnx/index.ts';
import { explainLabel } from './explain.ts';
import { extractFeatures, type FeatureOrigin, type MessageFeatures } from './features/extract-features.ts';
import { readRiskModelFiles } from './model-files.ts';
import { openRiskSession } from './onnx-session.ts';

export interface RiskClassifierOptions {
  modelDir: string;
  /** onnxruntime intra-op threads; 1 keeps scores identical across runs and machines. */
  threads?: number;
}

/** Loads the model directory and returns a Classifier over it. */
export async function createRiskClassifier(options: RiskClassifierOptions): Promise<Classifier> {
  const files = readRiskModelFiles(options.modelDir);
  const { description, thresholds } = files;
  const weights = readInitializers(files.onnx).get('weights');
  if (!weights || !(weights.data instanceof Float32Array)) {
    throw new Error(`${options.modelDir}/model.onnx has no float "weights" initializer`);
  }
  const weightData = weights.data;
  const session = await openRiskSession(files.onnx, { threads: options.threads ?? 1 });
  const model = `${description.name}@${description.version}`;
  const labelCount = RISK_LABELS.length;
  const thresholdSet = {
    set: thresholds.set,
    fraud: thresholds.labels.fraud.threshold,
    drugs: thresholds.labels.drugs.threshold,
    terrorism: thresholds.labels.terrorism.threshold,
  };

  return {
    model,
    async classify(texts) {
      if (texts.length === 0) return [];
      const features = texts.map((t) => extractFeatures(t, description.features));
      const { probabilities } = await session.run(features);
      return texts.map((text, row): LabelPrediction => {
        const scores = {} as Record<RiskLabel, number>;
        RISK_LABELS.forEach((label, k) => (scores[label] = round6(probabilities[row * labelCount + k]!)));
        const labels = RISK_LABELS.filter((label) => scores[label] >= thresholdSet[label]);
        let evidence: Evidence[] = [];
        if (labels.length > 0) {
          const explained = extractFeatures(text, description.features, true) as MessageFeatures & {
            origins: FeatureOrigin[];
          };
          evidence = labels.flatMap((label) =>
            explainLabel(text, explained, weightData, labelCount, RISK_LABELS.indexOf(label), label),
          );
        }
        return { labels, scores, thresholds: thresholdSet, evidence, model };
      });
    },
    close: () => session.close(),
  };
}

/** Six decimals: float32 noise below that would make label files differ between machines. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
