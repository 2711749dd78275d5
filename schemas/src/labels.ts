import type { RiskLabel } from '../generated/index.ts';

/** The three labels of ../shared/label-policy.md, in their canonical order. */
export const RISK_LABELS: readonly RiskLabel[] = Object.freeze(['fraud', 'drugs', 'terrorism']);
