export * from '../generated/index.ts';
export * from './validate.ts';
export { RISK_LABELS } from './labels.ts';
