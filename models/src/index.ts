export { createBaselineClassifier, classifyOne, BASELINE_MODEL } from './baseline/baseline-classifier.ts';
export { foldPreservingOffsets } from './baseline/fold-text.ts';
export { createDefaultClassifier } from './default-classifier.ts';
