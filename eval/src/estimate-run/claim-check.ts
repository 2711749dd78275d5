/**
 * Checks a published figure ("68% of 9,600 channels violate") against this run's measured error
 * profile: which true rates are consistent with the claim read as the classifier's apparent rate
 * (Lang–Reiczigel with the measured Se and Sp), whether the claim falls inside this run's own
 * interval, and how many channels a reviewer must label to confirm or refute it.
 */
import type { EstimateReportV1, EstTarget } from '@tg-risk/schemas';
import { reviewSampleSize, trueRateForClaim } from '../estimate/claim-check.ts';
import { EstimateInputError } from '../estimate/errors.ts';
import type { Target } from './records.ts';

type ClaimSection = NonNullable<EstimateReportV1['claim']>;

/** The claim section for `target`, from that target's estimates. */
export function checkClaim(
  claimedRate: number,
  population: number,
  margin: number,
  target: Target,
  estimate: EstTarget,
): ClaimSection {
  let consistent: ClaimSection['consistent_true_rates'];
  if (estimate.corrected.available) {
    const { sensitivity, specificity } = estimate.corrected;
    try {
      const interval = trueRateForClaim({
        claimedRate,
        populationSize: population,
        sensitivity: { successes: sensitivity.successes, trials: sensitivity.trials },
        specificity: { successes: specificity.successes, trials: specificity.trials },
      });
      consistent = {
        method: 'lang_reiczigel',
        lower: interval.lower,
        upper: interval.upper,
        warnings: interval.warnings,
      };
    } catch (error) {
      if (!(error instanceof EstimateInputError)) throw error;
      consistent = { available: false, reason: error.message };
    }
  } else {
    consistent = {
      available: false,
      reason: `no measured error profile for ${target}: ${estimate.corrected.reason}`,
    };
  }
  const ours: ClaimSection['our_estimate'] = estimate.corrected.available
    ? {
        method: 'lang_reiczigel',
        rate: estimate.corrected.rate,
        lower: estimate.corrected.lower,
        upper: estimate.corrected.upper,
      }
    : estimate.stratified.available
      ? {
          method: 'stratified_normal',
          rate: estimate.stratified.rate,
          lower: estimate.stratified.lower,
          upper: estimate.stratified.upper,
        }
      : { method: 'wilson', rate: estimate.naive.rate, ...estimate.naive.wilson };
  const difference = Math.abs(claimedRate - ours.rate);
  return {
    claimed_rate: claimedRate,
    population,
    target,
    consistent_true_rates: consistent,
    our_estimate: ours,
    claim_inside_our_interval: ours.lower <= claimedRate && claimedRate <= ours.upper,
    review_sample_size: {
      margin,
      at_claimed_rate: reviewSampleSize({ margin, expectedRate: claimedRate, populationSize: population })
        .sampleSize,
      worst_case: reviewSampleSize({ margin, expectedRate: 0.5, populationSize: population }).sampleSize,
    },
    // A gap under a tenth of a point needs a census-sized review; not worth a number.
    to_distinguish:
      difference >= 0.001 && difference < 1
        ? {
            difference,
            sample_size: reviewSampleSize({
              margin: difference,
              expectedRate: ours.rate,
              populationSize: population,
            }).sampleSize,
          }
        : null,
  };
}
