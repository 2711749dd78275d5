/**
 * Rogan–Gladen correction of an apparent prevalence for an imperfect classifier (Rogan & Gladen
 * 1978, "Estimating prevalence from the results of a screening test", Am J Epidemiol 107:71–76):
 * since E[apparent] = π·Se + (1 − π)(1 − Sp), π̂ = (apparent + Sp − 1)/(Se + Sp − 1), clipped to [0, 1].
 */
import { EstimateInputError, requireProbability } from './errors.ts';

/**
 * Throws when Se + Sp <= 1: the classifier then flags violating channels no more often than clean
 * ones (Youden's J <= 0), so its flags carry no information about prevalence.
 */
export function requireInformativeTest(sensitivity: number, specificity: number): void {
  if (!(sensitivity + specificity > 1)) {
    throw new EstimateInputError(
      `sensitivity + specificity must exceed 1 to correct for misclassification, got ` +
        `${sensitivity} + ${specificity} = ${sensitivity + specificity}: the classifier flags clean ` +
        'channels at least as often as violating ones, so its rate says nothing about prevalence; ' +
        'check that Se and Sp are not swapped or given as error rates, or audit the classifier',
      { input: 'sensitivity+specificity', sensitivity, specificity },
    );
  }
}

/** Rogan–Gladen true-prevalence estimate from an apparent rate, clipped to [0, 1]. */
export function roganGladen(apparentRate: number, sensitivity: number, specificity: number): number {
  requireProbability('apparentRate', apparentRate);
  requireProbability('sensitivity', sensitivity);
  requireProbability('specificity', specificity);
  requireInformativeTest(sensitivity, specificity);
  const corrected = (apparentRate + specificity - 1) / (sensitivity + specificity - 1);
  return Math.min(1, Math.max(0, corrected));
}
