export * from './metrics/classification-metrics.ts';
export * from './metrics/calibration.ts';
export * from './metrics/bootstrap.ts';
export * from './offline/evaluate-classifier.ts';
export * from './dataset/split-by-channel.ts';
export * from './peers/fasttext.ts';
export * from './obfuscation/obfuscate.ts';
export * from './estimate/index.ts';
