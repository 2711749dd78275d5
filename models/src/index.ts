export { createBaselineClassifier, classifyOne, BASELINE_MODEL } from './baseline/baseline-classifier.ts';
export { foldPreservingOffsets } from './baseline/fold-text.ts';
export { normaliseText, originalSpan, type NormalisedText } from './risk-model/normalise/normalise-text.ts';
export { createDefaultClassifier, DEFAULT_MODEL_DIR } from './default-classifier.ts';
export { createRiskClassifier, type RiskClassifierOptions } from './risk-model/risk-classifier.ts';
export { chooseThreshold, type ThresholdChoice } from './risk-model/train/choose-threshold.ts';
export { channelFolds, OUT_OF_FOLD_FOLDS } from './risk-model/train/channel-folds.ts';
export {
  trainRiskModel,
  DEFAULT_TRAINING_OPTIONS,
  type ModelDirectoryFiles,
  THRESHOLD_Z,
} from './risk-model/train/train-risk-model.ts';
export { readRiskModelFiles, stableJson, type RiskThresholds } from './risk-model/model-files.ts';
export { extractFeatures, DEFAULT_FEATURE_CONFIG } from './risk-model/features/extract-features.ts';
export { findIndicators, type IndicatorHit } from './risk-model/indicators/find-indicators.ts';
export { findCues, type CueHit } from './risk-model/indicators/find-cues.ts';
export { calibration, type Calibration, type ReliabilityBin } from './risk-model/train/reliability.ts';
