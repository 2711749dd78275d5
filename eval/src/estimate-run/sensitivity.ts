/**
 * How much the rate depends on choices an auditor should see: the rule (k = 1..5 flagged messages,
 * or shares p), the message thresholds, and the chance that a clean channel is flagged by chance,
 * which grows with its size: with n messages each falsely flagged with probability f, at least one
 * is flagged with probability 1 − (1 − f)^n.
 */
import type {
  EstFalseAlarm,
  EstFalseAlarmGroup,
  EstRuleRate,
  EstRuleRates,
  EstimateReportV1,
} from '@tg-risk/schemas';
import type { ChannelRule } from '../estimate/channel-rule.ts';
import { probabilityCleanChannelFlagged } from '../estimate/clean-channel-flags.ts';
import {
  confusionAgainstGold,
  countFlaggedChannels,
  flagsNeeded,
  type SimpleRule,
} from './rule-decisions.ts';
import { correctedEstimate } from './target-estimate.ts';
import {
  LABELS,
  type ChannelCounts,
  type ChannelGold,
  type LabelNumbers,
  type Target,
  type ThresholdVariant,
} from './records.ts';

/** The k of the k-rule table. */
export const SENSITIVITY_K: readonly number[] = [1, 2, 3, 4, 5];
/** The p of the share-rule table. */
export const SENSITIVITY_P: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2];

/** Threshold sets to recount flags at: saved, saved ± 0.1, and 0.5 and 0.9 for every label. */
export function thresholdVariants(saved: LabelNumbers | null): ThresholdVariant[] {
  const clip = (t: number) => Math.min(0.999, Math.max(0.001, Math.round(t * 1e6) / 1e6));
  const each = (f: (label: (typeof LABELS)[number]) => number): LabelNumbers => ({
    fraud: clip(f('fraud')),
    drugs: clip(f('drugs')),
    terrorism: clip(f('terrorism')),
  });
  const variants: ThresholdVariant[] = [];
  if (saved !== null) {
    variants.push({ name: 'saved', thresholds: each((l) => saved[l]) });
    variants.push({ name: 'saved - 0.1', thresholds: each((l) => saved[l] - 0.1) });
    variants.push({ name: 'saved + 0.1', thresholds: each((l) => saved[l] + 0.1) });
  }
  variants.push({ name: 'all 0.5', thresholds: each(() => 0.5) });
  variants.push({ name: 'all 0.9', thresholds: each(() => 0.9) });
  return variants;
}

/** Per target: channels flagged, naive rate, and the corrected rate with Se/Sp re-measured under `rule`. */
export function ratesUnderRule(
  rule: ChannelRule,
  channels: readonly ChannelCounts[],
  gold: ReadonlyMap<string, ChannelGold>,
  flaggedOf?: (c: ChannelCounts) => LabelNumbers,
): EstRuleRates {
  const flagged = countFlaggedChannels(rule, channels, flaggedOf);
  const confusion = confusionAgainstGold(rule, channels, gold, flaggedOf);
  const entry = (target: Target): EstRuleRate => {
    const corrected = correctedEstimate(flagged[target], channels.length, confusion[target]);
    return {
      flagged: flagged[target],
      naive: flagged[target] / channels.length,
      corrected: corrected.available
        ? {
            rate: corrected.rate,
            lower: corrected.lower,
            upper: corrected.upper,
            sensitivity: corrected.sensitivity.estimate,
            specificity: corrected.specificity.estimate,
          }
        : null,
    };
  };
  return { any: entry('any'), fraud: entry('fraud'), drugs: entry('drugs'), terrorism: entry('terrorism') };
}

/** The rule and threshold tables of the report. */
export function ruleSensitivity(
  rule: SimpleRule,
  channels: readonly ChannelCounts[],
  gold: ReadonlyMap<string, ChannelGold>,
  variants: readonly ThresholdVariant[],
  allScored: boolean,
): Omit<EstimateReportV1['sensitivity'], 'false_alarm'> {
  return {
    by_k: SENSITIVITY_K.map((k) => ({
      k,
      rates: ratesUnderRule({ kind: 'min_flagged', k }, channels, gold),
    })),
    by_share: SENSITIVITY_P.map((p) => ({
      p,
      rates: ratesUnderRule({ kind: 'min_share', p }, channels, gold),
    })),
    by_threshold: allScored
      ? variants.map((variant, i) => ({
          name: variant.name,
          thresholds: { ...variant.thresholds },
          rates: ratesUnderRule(rule, channels, gold, (c) => c.variantFlagged[i]!),
        }))
      : {
          available: false,
          reason:
            'not every input line has scores; classify with scores (tgrisk classify writes them) to see other thresholds',
        },
  };
}

/** Where f came from, with the per-label rates and a description of the basis. */
export interface MessageFalsePositiveRate {
  source: 'gold_messages' | 'model_test_metrics';
  f: LabelNumbers;
  basis: string;
}

/** P(a clean channel with n messages is flagged for the target under `rule`), labels independent. */
export function cleanChannelFlagProbability(
  target: Target,
  n: number,
  f: LabelNumbers,
  rule: SimpleRule,
): number {
  const perLabel = (label: (typeof LABELS)[number]) =>
    probabilityCleanChannelFlagged(n, f[label], flagsNeeded(rule, n));
  if (target !== 'any') return perLabel(target);
  // "any" violates when some label does; with independent labels, 1 − Π(1 − P_label).
  return 1 - LABELS.reduce((keep, label) => keep * (1 - perLabel(label)), 1);
}

/** The value at quantile q of sorted sizes, by nearest rank (so it is one of the sizes). */
export function nearestRank(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

const AT_LEAST_ONE: SimpleRule = { kind: 'min_flagged', k: 1 };

function group(
  members: readonly ChannelCounts[],
  target: Target,
  f: LabelNumbers,
  rule: SimpleRule,
  rate: number,
): EstFalseAlarmGroup {
  if (members.length === 0) {
    return {
      channels: 0,
      min_messages: 0,
      max_messages: 0,
      expected_false_alarm_at_least_one: 0,
      expected_false_alarm_rule: 0,
      observed_rate_at_least_one: 0,
      inflation_at_least_one: 0,
      inflation_rule: 0,
    };
  }
  // One evaluation per distinct size: channels share sizes, and the binomial tail is not free.
  const bySize = (r: SimpleRule) => {
    const cache = new Map<number, number>();
    return (c: ChannelCounts) => {
      let p = cache.get(c.messages);
      if (p === undefined) {
        p = cleanChannelFlagProbability(target, c.messages, f, r);
        cache.set(c.messages, p);
      }
      return p;
    };
  };
  const mean = (pick: (c: ChannelCounts) => number) =>
    members.reduce((s, c) => s + pick(c), 0) / members.length;
  const atLeastOne = mean(bySize(AT_LEAST_ONE));
  const underRule = mean(bySize(rule));
  const observed = countFlaggedChannels({ kind: 'min_flagged', k: 1 }, members)[target] / members.length;
  return {
    channels: members.length,
    min_messages: Math.min(...members.map((c) => c.messages)),
    max_messages: Math.max(...members.map((c) => c.messages)),
    expected_false_alarm_at_least_one: atLeastOne,
    expected_false_alarm_rule: underRule,
    observed_rate_at_least_one: observed,
    inflation_at_least_one: (1 - rate) * atLeastOne,
    inflation_rule: (1 - rate) * underRule,
  };
}

/** The false-alarm table for one target: by the data's channel sizes, and for small vs large channels. */
export function falseAlarm(
  target: Target,
  channels: readonly ChannelCounts[],
  fpr: MessageFalsePositiveRate,
  rule: SimpleRule,
  trueRate: { rate: number; basis: 'corrected' | 'stratified' | 'all_clean' },
): EstFalseAlarm {
  const sizes = channels.map((c) => c.messages).sort((a, b) => a - b);
  const quantileSizes = [...new Set([0, 0.25, 0.5, 0.75, 0.9, 1].map((q) => nearestRank(sizes, q)))];
  const largeFrom = nearestRank(sizes, 0.75);
  const f = target === 'any' ? 1 - LABELS.reduce((keep, l) => keep * (1 - fpr.f[l]), 1) : fpr.f[target];
  return {
    available: true,
    f,
    f_basis:
      target === 'any'
        ? `1 - (1 - f_fraud)(1 - f_drugs)(1 - f_terrorism), labels independent; per label: ${fpr.basis}`
        : fpr.basis,
    f_by_label: { ...fpr.f },
    by_size: quantileSizes.map((n) => ({
      messages: n,
      at_least_one: cleanChannelFlagProbability(target, n, fpr.f, AT_LEAST_ONE),
      rule: cleanChannelFlagProbability(target, n, fpr.f, rule),
    })),
    all: group(channels, target, fpr.f, rule, trueRate.rate),
    large: group(
      channels.filter((c) => c.messages >= largeFrom),
      target,
      fpr.f,
      rule,
      trueRate.rate,
    ),
    small: group(
      channels.filter((c) => c.messages < largeFrom),
      target,
      fpr.f,
      rule,
      trueRate.rate,
    ),
    inflation_basis: trueRate.basis,
  };
}
