import { describe, expect, it } from 'vitest';
import { correctedEstimate, correctionObstacle, naiveEstimate } from './target-estimate.ts';

describe('naiveEstimate', () => {
  it('gives the Wilson, Wilson-cc and Clopper–Pearson limits of Newcombe (1998) for 81/263', () => {
    const n = naiveEstimate(81, 263, null);
    expect(n.rate).toBeCloseTo(0.307985, 6);
    expect(n.wilson.lower).toBeCloseTo(0.2553, 4);
    expect(n.wilson.upper).toBeCloseTo(0.3662, 4);
    expect(n.wilson_cc.lower).toBeCloseTo(0.2535, 4);
    expect(n.wilson_cc.upper).toBeCloseTo(0.3682, 4);
    expect(n.clopper_pearson.lower).toBeCloseTo(0.2527, 4);
    expect(n.clopper_pearson.upper).toBeCloseTo(0.3676, 4);
    expect(n.finite_population).toBeNull();
    expect(n.projected_channels).toBeNull();
  });

  it('narrows with the finite-population correction and has zero width for a census', () => {
    const sample = naiveEstimate(30, 100, 400);
    const plain = naiveEstimate(30, 100, null);
    expect(sample.finite_population!.upper - sample.finite_population!.lower).toBeLessThan(
      plain.wilson.upper - plain.wilson.lower,
    );
    expect(sample.projected_channels!.estimate).toBeCloseTo(120, 9);
    const census = naiveEstimate(30, 100, 100);
    expect(census.finite_population).toMatchObject({ lower: 0.3, upper: 0.3, effective_sample_size: null });
  });
});

describe('correctedEstimate', () => {
  it('matches Lang & Reiczigel (2014) example 259/509, Se 84/127, Sp 96/109 -> 0.58–0.87', () => {
    const c = correctedEstimate(259, 509, { tp: 84, fn: 43, tn: 96, fp: 13 });
    expect(c.available).toBe(true);
    if (!c.available) return;
    expect(c.lower).toBeCloseTo(0.58, 2);
    expect(c.upper).toBeCloseTo(0.87, 2);
    // Rogan–Gladen: (a + Sp − 1)/(Se + Sp − 1)
    const se = 84 / 127;
    const sp = 96 / 109;
    expect(c.rate).toBeCloseTo((259 / 509 + sp - 1) / (se + sp - 1), 12);
    expect(c.sensitivity).toMatchObject({ successes: 84, trials: 127 });
    expect(c.gold_channels).toBe(236);
  });

  it('says why when the audit cannot support a correction', () => {
    expect(correctionObstacle({ tp: 0, fn: 0, tn: 0, fp: 0 })).toMatch(/--gold FILE/);
    expect(correctionObstacle({ tp: 0, fn: 0, tn: 5, fp: 1 })).toMatch(/sensitivity cannot be measured/);
    expect(correctionObstacle({ tp: 3, fn: 1, tn: 0, fp: 0 })).toMatch(/specificity cannot be measured/);
    const useless = correctedEstimate(50, 100, { tp: 2, fn: 8, tn: 2, fp: 8 });
    expect(useless).toMatchObject({ available: false });
    expect(useless.available === false && useless.reason).toMatch(/sensitivity \+ specificity must exceed 1/);
  });
});
