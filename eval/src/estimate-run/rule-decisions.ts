/**
 * The channel rule as `tgrisk estimate` uses it: parsed from `k=N` or `p=0.05`, stated in words for
 * the report, and applied to every channel for each target (a label, or `any`: at least one label
 * violated under the rule). Built on decideChannel of the estimation core.
 */
import { decideChannel, ruleHolds, validateChannelRule, type ChannelRule } from '../estimate/channel-rule.ts';
import { EstimateInputError } from '../estimate/errors.ts';
import {
  TARGETS,
  goldVerdict,
  type ChannelCounts,
  type ChannelGold,
  type LabelNumbers,
  type Target,
} from './records.ts';

/** The two rules the command line offers. */
export type SimpleRule = { kind: 'min_flagged'; k: number } | { kind: 'min_share'; p: number };

/** Parses `k=3` (at least 3 flagged messages) or `p=0.05` (at least 5% of messages flagged). */
export function parseRule(text: string): SimpleRule {
  const match = /^\s*([kp])\s*=\s*([0-9]*\.?[0-9]+(?:e-?[0-9]+)?)\s*$/i.exec(text);
  if (!match) {
    throw new EstimateInputError(
      `rule "${text}" is not understood: write k=N (at least N flagged messages) or p=SHARE ` +
        "(at least that share of the channel's messages flagged, e.g. p=0.05)",
      { input: 'rule' },
    );
  }
  const value = Number(match[2]);
  const rule: SimpleRule =
    match[1]!.toLowerCase() === 'k' ? { kind: 'min_flagged', k: value } : { kind: 'min_share', p: value };
  validateChannelRule(rule);
  return rule;
}

/** The rule in words, to restate next to any figure computed with it. */
export function describeRule(rule: SimpleRule): string {
  const condition =
    rule.kind === 'min_flagged'
      ? `at least ${rule.k} of its messages ${rule.k === 1 ? 'is' : 'are'} flagged for that label`
      : `at least ${formatShare(rule.p)} of its messages are flagged for that label`;
  return (
    `A channel violates a label when ${condition}; it violates "any" when it violates at least one ` +
    'label. A channel with no messages never violates.'
  );
}

/** The rule as a short token, `k=2` or `p=0.05`. */
export function ruleToken(rule: SimpleRule): string {
  return rule.kind === 'min_flagged' ? `k=${rule.k}` : `p=${rule.p}`;
}

function formatShare(p: number): string {
  return `${Number((p * 100).toPrecision(6))}%`;
}

/** The rule's decision for each target of one channel, from its per-label flag counts. */
export function decideTargets(
  rule: ChannelRule,
  messages: number,
  flagged: LabelNumbers,
): Record<Target, boolean> {
  const decision = decideChannel(rule, { messages, flagged });
  return { any: decision.any, ...decision.labels };
}

/** Per target, how many channels the rule calls violating. */
export function countFlaggedChannels(
  rule: ChannelRule,
  channels: readonly ChannelCounts[],
  flaggedOf: (c: ChannelCounts) => LabelNumbers = (c) => c.flagged,
): Record<Target, number> {
  const counts: Record<Target, number> = { any: 0, fraud: 0, drugs: 0, terrorism: 0 };
  for (const channel of channels) {
    const decision = decideTargets(rule, channel.messages, flaggedOf(channel));
    for (const target of TARGETS) if (decision[target]) counts[target]++;
  }
  return counts;
}

/** The rule's decisions against reviewed verdicts for one target. */
export interface Confusion {
  tp: number;
  fn: number;
  tn: number;
  fp: number;
}

/** Per target, the confusion of the rule's decision against the gold verdict of the gold channels. */
export function confusionAgainstGold(
  rule: ChannelRule,
  channels: readonly ChannelCounts[],
  gold: ReadonlyMap<string, ChannelGold>,
  flaggedOf: (c: ChannelCounts) => LabelNumbers = (c) => c.flagged,
): Record<Target, Confusion> {
  const result = Object.fromEntries(TARGETS.map((t) => [t, { tp: 0, fn: 0, tn: 0, fp: 0 }])) as Record<
    Target,
    Confusion
  >;
  for (const channel of channels) {
    const verdict = gold.get(channel.channelId);
    if (!verdict) continue;
    const decision = decideTargets(rule, channel.messages, flaggedOf(channel));
    for (const target of TARGETS) {
      const truth = goldVerdict(verdict, target);
      if (truth === undefined) continue;
      const c = result[target];
      if (truth && decision[target]) c.tp++;
      else if (truth) c.fn++;
      else if (decision[target]) c.fp++;
      else c.tn++;
    }
  }
  return result;
}

/** The smallest number of flags out of n that satisfies the rule (n + 1 when none does). */
export function flagsNeeded(rule: SimpleRule, n: number): number {
  if (rule.kind === 'min_flagged') return rule.k;
  // The first k with k/n >= p, found with ruleHolds itself so it agrees with the decision exactly.
  let k = Math.max(1, Math.floor(rule.p * n) - 1);
  while (k <= n && !ruleHolds(rule, k, n)) k++;
  return k;
}
