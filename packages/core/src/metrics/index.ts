export * from './pipeline-metrics.ts';
