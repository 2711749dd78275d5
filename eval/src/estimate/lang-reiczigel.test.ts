import { describe, expect, it } from 'vitest';
import { EstimateInputError } from './errors.ts';
import { langReiczigelInterval } from './lang-reiczigel.ts';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The examples of R's asht::prevSeSp documentation (cran/asht man/prevSeSp.Rd), which are Lang &
 * Reiczigel (2014) examples 1–4 with the limits the paper reports ("95% CI should be ..."), and the
 * same limits to 12 digits from an independent mpmath (40-digit) transcription of asht's R source.
 */
const ASHT_EXAMPLES = [
  {
    name: 'example 1: 4060/11284, Se 178/179, Sp 358/359',
    input: { apparent: [4060, 11284], sensitivity: [178, 179], specificity: [358, 359] },
    documented: [0.349, 0.372],
    digits: 3,
    mpmath: [0.348673545667138, 0.372082954561085],
    estimate: 0.360030184924523,
  },
  {
    name: 'example 2: 51/2971, Se 32/33, Sp 20/20',
    input: { apparent: [51, 2971], sensitivity: [32, 33], specificity: [20, 20] },
    documented: [0, 0.053],
    digits: 3,
    mpmath: [0, 0.0533450764747319],
    estimate: 0.0177023729384046,
  },
  {
    // asht takes proportions: AP = 0.06 of 11862 and Se = 0.80 of 10 are fractional/whole counts.
    name: 'example 3: 0.06 of 11862, Se 0.80 of 10, Sp 12/12',
    input: { apparent: [0.06 * 11862, 11862], sensitivity: [8, 10], specificity: [12, 12] },
    documented: [0, 0.147],
    digits: 3,
    mpmath: [0, 0.14666839342382],
    estimate: 0.075,
  },
  {
    name: 'example 4: 259/509, Se 84/127, Sp 96/109',
    input: { apparent: [259, 509], sensitivity: [84, 127], specificity: [96, 109] },
    documented: [0.58, 0.87],
    digits: 2,
    mpmath: [0.58486786835901, 0.866458208820525],
    estimate: 0.718572163416923,
  },
  {
    name: 'example 4, second test: 51/509, Se 23/41, Sp 187/195',
    input: { apparent: [51, 509], sensitivity: [23, 41], specificity: [187, 195] },
    documented: [0.037, 0.195],
    digits: 3,
    mpmath: [0.0366098105108739, 0.194694062163027],
    estimate: 0.113800992762935,
  },
] as const;

function toInput(e: (typeof ASHT_EXAMPLES)[number]['input']) {
  return {
    apparent: { successes: e.apparent[0], trials: e.apparent[1] },
    sensitivity: { successes: e.sensitivity[0], trials: e.sensitivity[1] },
    specificity: { successes: e.specificity[0], trials: e.specificity[1] },
  };
}

describe('langReiczigelInterval against asht::prevSeSp', () => {
  it.each(ASHT_EXAMPLES)('$name', ({ input, documented, digits, mpmath, estimate }) => {
    const ci = langReiczigelInterval(toInput(input));
    expect([round(ci.lower, digits), round(ci.upper, digits)]).toEqual(documented);
    expect(Math.abs(ci.lower - mpmath[0])).toBeLessThan(1e-12);
    expect(Math.abs(ci.upper - mpmath[1])).toBeLessThan(1e-12);
    expect(ci.estimate).toBeCloseTo(estimate, 12);
    expect(ci.method).toBe('lang_reiczigel');
  });

  it('takes a level (99%: mpmath transcription of asht gives 0.345098680939617–0.375862368286669)', () => {
    const ci = langReiczigelInterval(toInput(ASHT_EXAMPLES[0].input), { level: 0.99 });
    expect(ci.lower).toBeCloseTo(0.345098680939617, 12);
    expect(ci.upper).toBeCloseTo(0.375862368286669, 12);
    expect(ci.warnings).toEqual([]);
  });

  it('warns where the method was not validated, as asht does', () => {
    const ci = langReiczigelInterval(
      {
        apparent: { successes: 40, trials: 100 },
        sensitivity: { successes: 45, trials: 100 },
        specificity: { successes: 90, trials: 100 },
      },
      { level: 0.8 },
    );
    expect(ci.warnings).toEqual([
      'method tested mostly on 95% intervals',
      'method developed for sensitivity and specificity >= 0.50',
    ]);
  });

  it('refuses an uninformative classifier and impossible counts', () => {
    const bad = {
      apparent: { successes: 40, trials: 100 },
      sensitivity: { successes: 40, trials: 100 },
      specificity: { successes: 50, trials: 100 },
    };
    expect(() => langReiczigelInterval(bad)).toThrow(EstimateInputError);
    expect(() => langReiczigelInterval({ ...bad, apparent: { successes: 101, trials: 100 } })).toThrow(
      /apparent.successes must be between 0 and apparent.trials \(100\), got 101/,
    );
  });
});
