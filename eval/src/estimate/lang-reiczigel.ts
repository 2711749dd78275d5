/**
 * Confidence interval for true prevalence that accounts for the apparent rate's sampling error and
 * for sensitivity and specificity being estimated from finite audit samples: Lang & Reiczigel
 * (2014), "Confidence limits for prevalence of disease adjusted for estimated sensitivity and
 * specificity", Prev Vet Med 113:13–22. Transcribed from R's asht::prevSeSp (M. P. Fay; CRAN
 * cran/asht R/prevSeSp.R), which follows the paper's equation numbers:
 *
 *  - Se′ = (x_Se + 1)/(n_Se + 2), Sp′ likewise, n′_Se = n_Se + 2, n′_Sp = n_Sp + 2;
 *  - AP′ = (x + z²/2)/(n + z²), n′ = n + z² (eqs. 6–7, Agresti–Coull 1998);
 *  - P′ = (AP′ + Sp′ − 1)/(Se′ + Sp′ − 1);
 *  - bias shift ΔP = 2z²(P′Se′(1 − Se′)/n′_Se − (1 − P′)Sp′(1 − Sp′)/n′_Sp) (eq. 17);
 *  - Var(P′) = [AP′(1 − AP′)/n′ + P′²Se′(1 − Se′)/n′_Se + (1 − P′)²Sp′(1 − Sp′)/n′_Sp]/(Se′ + Sp′ − 1)²
 *    (eq. 4 with primes; the paper's "(1 + P)²" is a typo for (1 − P)², as asht notes);
 *  - CI = P′ + ΔP ± z√Var(P′), clipped to [0, 1] (eq. 16).
 *
 * The point estimate is the Rogan–Gladen estimate from the raw proportions, clipped to [0, 1]
 * (asht sets a negative estimate to zero, `neg.to.zero = TRUE`, and leaves values above 1 alone).
 */
import { EstimateInputError, requireLevel } from './errors.ts';
import { zForLevel } from './normal-distribution.ts';
import { requireInformativeTest, roganGladen } from './rogan-gladen.ts';
import type { BinomialCount, IntervalEstimate } from './types.ts';

/** The apparent (classifier) count and the audit counts that estimate Se and Sp. */
export interface TruePrevalenceInput {
  /** Channels the classifier calls violating, out of channels it scored. */
  apparent: BinomialCount;
  /** Audited truly violating channels the classifier flags, out of audited truly violating ones. */
  sensitivity: BinomialCount;
  /** Audited truly clean channels the classifier passes, out of audited truly clean ones. */
  specificity: BinomialCount;
}

/** A true-prevalence interval, with the caveats that apply to this input. */
export interface TruePrevalenceInterval extends IntervalEstimate {
  method: 'lang_reiczigel';
  /** Where the method is outside the range Lang & Reiczigel (2014) validated it for. */
  warnings: string[];
}

function validateCount(name: string, count: BinomialCount): void {
  // Successes may be fractional (a claimed rate × N), as asht takes proportions.
  if (!(Number.isInteger(count.trials) && count.trials >= 1)) {
    throw new EstimateInputError(`${name}.trials must be a whole number >= 1, got ${count.trials}`, {
      input: `${name}.trials`,
    });
  }
  if (!(count.successes >= 0 && count.successes <= count.trials)) {
    throw new EstimateInputError(
      `${name}.successes must be between 0 and ${name}.trials (${count.trials}), got ${count.successes}`,
      { input: `${name}.successes` },
    );
  }
}

/** Lang–Reiczigel (2014) interval for true prevalence with estimated Se and Sp (asht::prevSeSp). */
export function langReiczigelInterval(
  input: TruePrevalenceInput,
  options: { level?: number } = {},
): TruePrevalenceInterval {
  const level = options.level ?? 0.95;
  requireLevel(level);
  validateCount('apparent', input.apparent);
  validateCount('sensitivity', input.sensitivity);
  validateCount('specificity', input.specificity);
  const apparent = input.apparent.successes / input.apparent.trials;
  const se = input.sensitivity.successes / input.sensitivity.trials;
  const sp = input.specificity.successes / input.specificity.trials;
  requireInformativeTest(se, sp);

  const warnings: string[] = [];
  if (level < 0.9 || level > 0.99) warnings.push('method tested mostly on 95% intervals');
  if (se < 0.5 || sp < 0.5) warnings.push('method developed for sensitivity and specificity >= 0.50');

  const z = zForLevel(level);
  const z2 = z * z;
  const nSe = input.sensitivity.trials + 2;
  const nSp = input.specificity.trials + 2;
  const seAdj = (input.sensitivity.successes + 1) / nSe;
  const spAdj = (input.specificity.successes + 1) / nSp;
  const nAp = input.apparent.trials + z2;
  const apAdj = (input.apparent.successes + z2 / 2) / nAp;
  const youden = seAdj + spAdj - 1;
  if (!(youden > 0)) {
    // Possible only with tiny audits pulling opposite ways (e.g. Se from 2 channels, Sp < 0.5).
    throw new EstimateInputError(
      `the audit is too small to tell flagged from clean channels apart (adjusted Se + Sp − 1 = ${youden}); ` +
        'audit more channels of each kind',
      { input: 'sensitivity+specificity' },
    );
  }
  const pAdj = (apAdj + spAdj - 1) / youden;
  const seTerm = (seAdj * (1 - seAdj)) / nSe;
  const spTerm = (spAdj * (1 - spAdj)) / nSp;
  const shift = 2 * z2 * (pAdj * seTerm - (1 - pAdj) * spTerm);
  const variance =
    ((apAdj * (1 - apAdj)) / nAp + pAdj * pAdj * seTerm + (1 - pAdj) * (1 - pAdj) * spTerm) /
    (youden * youden);
  const half = z * Math.sqrt(variance);
  return {
    estimate: roganGladen(apparent, se, sp),
    lower: Math.min(1, Math.max(0, pAdj + shift - half)),
    upper: Math.max(0, Math.min(1, pAdj + shift + half)),
    level,
    method: 'lang_reiczigel',
    warnings,
  };
}
