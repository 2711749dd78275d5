export {
  createTransformersClassifier,
  type TransformersClassifierOptions,
} from './transformers-classifier.ts';
export {
  buildTinyTextClassifier,
  type TinyTextClassifierOptions,
  type TinyTextClassifierReport,
} from './tiny-text-classifier.ts';
export { LABEL_CONFIG_FILE, type LabelMapConfig } from './label-map.ts';
export { REQUIRED_MODEL_FILES } from './model-dir.ts';
export { useOfflineTransformersEnv } from './offline-env.ts';
