/**
 * When is a channel "violating"? A `ChannelRule` turns a channel's message counts (messages, and
 * messages flagged per label) into a decision per label and for any label. The same rule is what
 * an auditor must restate next to a figure like "68% of 9,600 channels": the figure changes with it.
 */
import { EstimateInputError } from './errors.ts';

/** A rule deciding from counts whether a channel violates the policy for one label. */
export type ChannelRule =
  /** At least `k` flagged messages. */
  | { kind: 'min_flagged'; k: number }
  /** At least a share `p` of its messages flagged (a channel with no messages never violates). */
  | { kind: 'min_share'; p: number }
  /** Every sub-rule holds. */
  | { kind: 'and'; rules: readonly ChannelRule[] }
  /** Some sub-rule holds. */
  | { kind: 'or'; rules: readonly ChannelRule[] };

/** One channel's counts: its messages and, per label, how many of them were flagged. */
export interface ChannelCounts<L extends string = string> {
  messages: number;
  flagged: Readonly<Record<L, number>>;
  /** Messages flagged for at least one label, when known; enables the `pooled` decision. */
  flaggedAnyLabel?: number;
}

/** The rule's decision per label; `any` if some label violates; `pooled` on `flaggedAnyLabel`. */
export interface ChannelDecision<L extends string = string> {
  labels: Record<L, boolean>;
  any: boolean;
  /** The rule applied to messages flagged for any label; undefined unless `flaggedAnyLabel` is given. */
  pooled?: boolean;
}

/** Throws unless the rule is well formed (k a whole number >= 1, 0 < p <= 1, and/or non-empty). */
export function validateChannelRule(rule: ChannelRule): void {
  switch (rule.kind) {
    case 'min_flagged':
      if (!(Number.isInteger(rule.k) && rule.k >= 1)) {
        throw new EstimateInputError(`min_flagged rule needs k a whole number >= 1, got ${rule.k}`, {
          input: 'rule.k',
        });
      }
      return;
    case 'min_share':
      if (!(rule.p > 0 && rule.p <= 1)) {
        throw new EstimateInputError(`min_share rule needs 0 < p <= 1, got ${rule.p}`, { input: 'rule.p' });
      }
      return;
    case 'and':
    case 'or':
      if (rule.rules.length === 0) {
        throw new EstimateInputError(`an '${rule.kind}' rule needs at least one sub-rule`, { input: 'rule' });
      }
      rule.rules.forEach(validateChannelRule);
      return;
  }
}

/** Whether `flagged` of `messages` satisfies the rule (counts assumed valid). */
export function ruleHolds(rule: ChannelRule, flagged: number, messages: number): boolean {
  switch (rule.kind) {
    case 'min_flagged':
      return flagged >= rule.k;
    case 'min_share':
      // flagged/messages, not p·messages: division rounds correctly, so 3/30 >= 0.1 holds exactly.
      return messages > 0 && flagged / messages >= rule.p;
    case 'and':
      return rule.rules.every((r) => ruleHolds(r, flagged, messages));
    case 'or':
      return rule.rules.some((r) => ruleHolds(r, flagged, messages));
  }
}

function validateFlagged(name: string, flagged: number, messages: number): void {
  if (!(Number.isInteger(flagged) && flagged >= 0 && flagged <= messages)) {
    throw new EstimateInputError(
      `${name} must be a whole number between 0 and messages (${messages}), got ${flagged}`,
      { input: name },
    );
  }
}

/** Decides, per label and for any label, whether a channel violates under `rule`. */
export function decideChannel<L extends string>(
  rule: ChannelRule,
  counts: ChannelCounts<L>,
): ChannelDecision<L> {
  validateChannelRule(rule);
  if (!(Number.isInteger(counts.messages) && counts.messages >= 0)) {
    throw new EstimateInputError(`messages must be a whole number >= 0, got ${counts.messages}`, {
      input: 'messages',
    });
  }
  const labels = {} as Record<L, boolean>;
  let any = false;
  for (const label of Object.keys(counts.flagged) as L[]) {
    const flagged = counts.flagged[label];
    validateFlagged(`flagged.${label}`, flagged, counts.messages);
    labels[label] = ruleHolds(rule, flagged, counts.messages);
    any ||= labels[label];
  }
  const decision: ChannelDecision<L> = { labels, any };
  if (counts.flaggedAnyLabel !== undefined) {
    validateFlagged('flaggedAnyLabel', counts.flaggedAnyLabel, counts.messages);
    decision.pooled = ruleHolds(rule, counts.flaggedAnyLabel, counts.messages);
  }
  return decision;
}
