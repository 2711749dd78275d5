/**
 * What a decision says the truth is. Confirm keeps the model's labels (for a channel: the labels it
 * violates under the rule), reject says none apply, relabel sets any subset of the three. In an
 * audit sample the reviewer sees no model output, so only relabel (the labels they judge, possibly
 * none) makes sense there.
 */
import type { DecisionAction } from '@tg-risk/core';
import { RISK_LABELS, type RiskLabel } from '@tg-risk/schemas';

export class DecisionRuleError extends Error {}

/** The gold labels of a decision, in canonical order. */
export function goldLabels(
  action: DecisionAction,
  modelLabels: readonly RiskLabel[],
  requested: readonly RiskLabel[] | undefined,
  blind: boolean,
): RiskLabel[] {
  if (blind && action !== 'relabel') {
    throw new DecisionRuleError(
      'audit sample items are reviewed blind: record the labels you judge with action "relabel" (labels may be empty)',
    );
  }
  if (action === 'relabel') {
    if (requested === undefined)
      throw new DecisionRuleError('relabel needs "labels": any subset of fraud, drugs, terrorism');
    return RISK_LABELS.filter((l) => requested.includes(l));
  }
  if (requested !== undefined) {
    throw new DecisionRuleError(
      `"labels" only goes with action "relabel"; ${action} takes the labels from the model`,
    );
  }
  return action === 'confirm' ? RISK_LABELS.filter((l) => modelLabels.includes(l)) : [];
}
