/**
 * The rate for one target, three ways: naive (the share the rule flags, with Wilson, Wilson with
 * continuity correction, Clopper–Pearson and, for a sample of a known population, the
 * finite-population Wilson interval), corrected for the rule's measured sensitivity and specificity
 * (Rogan–Gladen point, Lang–Reiczigel interval), and design-based (stratified, see strata.ts).
 */
import type { EstCorrected, EstTarget, EstUnavailable } from '@tg-risk/schemas';
import {
  clopperPearsonInterval,
  wilsonCorrectedInterval,
  wilsonInterval,
} from '../estimate/binomial-intervals.ts';
import { EstimateInputError } from '../estimate/errors.ts';
import { wilsonIntervalFinitePopulation } from '../estimate/finite-population.ts';
import { langReiczigelInterval } from '../estimate/lang-reiczigel.ts';
import type { Confusion } from './rule-decisions.ts';

/** The naive rate of `flagged` out of `channels`, with every interval the report shows. */
export function naiveEstimate(
  flagged: number,
  channels: number,
  population: number | null,
): EstTarget['naive'] {
  const wilson = wilsonInterval(flagged, channels);
  const cc = wilsonCorrectedInterval(flagged, channels);
  const cp = clopperPearsonInterval(flagged, channels);
  const fpc = population === null ? null : wilsonIntervalFinitePopulation(flagged, channels, population);
  return {
    rate: wilson.estimate,
    wilson: { lower: wilson.lower, upper: wilson.upper },
    wilson_cc: { lower: cc.lower, upper: cc.upper },
    clopper_pearson: { lower: cp.lower, upper: cp.upper },
    finite_population:
      fpc === null
        ? null
        : {
            lower: fpc.lower,
            upper: fpc.upper,
            population: population!,
            effective_sample_size: Number.isFinite(fpc.effectiveSampleSize) ? fpc.effectiveSampleSize : null,
          },
    projected_channels:
      fpc === null
        ? null
        : {
            estimate: fpc.estimate * population!,
            lower: fpc.lower * population!,
            upper: fpc.upper * population!,
          },
  };
}

/** Why a corrected estimate is impossible, or null when the confusion supports one. */
export function correctionObstacle(confusion: Confusion): string | null {
  const positives = confusion.tp + confusion.fn;
  const negatives = confusion.tn + confusion.fp;
  if (positives + negatives === 0) {
    return 'no gold channel of the input has a verdict for this target: pass --gold FILE with reviewed channels';
  }
  if (positives === 0) {
    return `the ${negatives} gold channels with a verdict are all clean, so sensitivity cannot be measured: review violating channels too`;
  }
  if (negatives === 0) {
    return `the ${positives} gold channels with a verdict all violate, so specificity cannot be measured: review clean channels too`;
  }
  return null;
}

/** Rogan–Gladen rate and Lang–Reiczigel interval from the apparent count and the gold confusion. */
export function correctedEstimate(
  flagged: number,
  channels: number,
  confusion: Confusion,
): Exclude<EstCorrected, EstUnavailable> | EstUnavailable {
  const obstacle = correctionObstacle(confusion);
  if (obstacle !== null) return { available: false, reason: obstacle };
  const sensitivity = { successes: confusion.tp, trials: confusion.tp + confusion.fn };
  const specificity = { successes: confusion.tn, trials: confusion.tn + confusion.fp };
  try {
    const interval = langReiczigelInterval({
      apparent: { successes: flagged, trials: channels },
      sensitivity,
      specificity,
    });
    const se = wilsonInterval(sensitivity.successes, sensitivity.trials);
    const sp = wilsonInterval(specificity.successes, specificity.trials);
    return {
      available: true,
      method: 'lang_reiczigel',
      point_method: 'rogan_gladen',
      rate: interval.estimate,
      lower: interval.lower,
      upper: interval.upper,
      gold_channels: sensitivity.trials + specificity.trials,
      confusion: { ...confusion },
      sensitivity: { estimate: se.estimate, ...sensitivity, lower: se.lower, upper: se.upper },
      specificity: { estimate: sp.estimate, ...specificity, lower: sp.lower, upper: sp.upper },
      warnings: interval.warnings,
    };
  } catch (error) {
    // Se + Sp <= 1: the rule's flags carry no information about the rate; say so instead of failing.
    if (error instanceof EstimateInputError) return { available: false, reason: error.message };
    throw error;
  }
}
