import { describe, expect, it } from 'vitest';
import {
  clopperPearsonInterval,
  proportionInterval,
  wilsonCorrectedInterval,
  wilsonInterval,
} from './binomial-intervals.ts';
import { EstimateInputError } from './errors.ts';

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Newcombe (1998), Stat Med 17:857–872, Table I worked examples, 95% limits to 4 decimals.
 * Methods 3 (Wilson) and 5 (Clopper–Pearson): the published values as transcribed in a public R
 * testthat file found with the code search ("Worked examples from Newcombe (1998) ... methods 3 ...
 * and 5 ..., to four decimals"; the search did not name its repository). R's `meta` package
 * reproduces the same table in its `metaprop` example ("Newcombe (1998), Table I, methods 1-5").
 * Method 4 (Wilson with continuity correction): no copy of the published column was found; these
 * values were computed independently with mpmath 1.3.0 at 40 digits from Newcombe's closed form
 * (they agree with the figures usually quoted from the paper, e.g. 0.2535–0.3682 for 81/263).
 * Every row was also recomputed with mpmath (betainc bisection for method 5) and agrees.
 */
const NEWCOMBE: {
  x: number;
  n: number;
  wilson: [number, number];
  wilsonCc: [number, number];
  exact: [number, number];
}[] = [
  { x: 81, n: 263, wilson: [0.2553, 0.3662], wilsonCc: [0.2535, 0.3682], exact: [0.2527, 0.3676] },
  { x: 15, n: 148, wilson: [0.0624, 0.1605], wilsonCc: [0.0598, 0.1644], exact: [0.0578, 0.1617] },
  { x: 0, n: 20, wilson: [0, 0.1611], wilsonCc: [0, 0.2005], exact: [0, 0.1684] },
  { x: 1, n: 29, wilson: [0.0061, 0.1718], wilsonCc: [0.0018, 0.1963], exact: [0.0009, 0.1776] },
];

/** mpmath (40 digits) limits, to check beyond the 4 printed decimals. */
const MPMATH_EXACT: Record<string, [number, number]> = {
  '81/263': [0.2527367455852712, 0.3676219226013514],
  '15/148': [0.05784401008344856, 0.161650490349479],
  '0/20': [0, 0.1684334709830853],
  '1/29': [0.000872646883579922, 0.1776442954887229],
};

describe('binomial proportion intervals against Newcombe (1998) Table I', () => {
  it.each(NEWCOMBE)('$x/$n: method 3 (Wilson) to 4 decimals', ({ x, n, wilson }) => {
    const ci = wilsonInterval(x, n);
    expect([round4(ci.lower), round4(ci.upper)]).toEqual(wilson);
    expect(ci.estimate).toBe(x / n);
    expect(ci.level).toBe(0.95);
    expect(ci.method).toBe('wilson');
  });

  it.each(NEWCOMBE)('$x/$n: method 4 (Wilson, continuity-corrected) to 4 decimals', ({ x, n, wilsonCc }) => {
    const ci = wilsonCorrectedInterval(x, n);
    expect([round4(ci.lower), round4(ci.upper)]).toEqual(wilsonCc);
  });

  it.each(NEWCOMBE)('$x/$n: method 5 (Clopper–Pearson) to 4 decimals and to 1e-12', ({ x, n, exact }) => {
    const ci = clopperPearsonInterval(x, n);
    expect([round4(ci.lower), round4(ci.upper)]).toEqual(exact);
    const [lower, upper] = MPMATH_EXACT[`${x}/${n}`]!;
    expect(Math.abs(ci.lower - lower)).toBeLessThan(1e-12);
    expect(Math.abs(ci.upper - upper)).toBeLessThan(1e-12);
  });
});

describe('edge cases as the references handle them', () => {
  it('x = 0 gives a lower limit of exactly 0 and x = n an upper limit of exactly 1', () => {
    for (const method of ['wilson', 'wilson_cc', 'clopper_pearson'] as const) {
      expect(proportionInterval(0, 20, method).lower).toBe(0);
      expect(proportionInterval(20, 20, method).upper).toBe(1);
    }
  });

  it('x = n mirrors x = 0', () => {
    const low = clopperPearsonInterval(0, 20);
    const high = clopperPearsonInterval(20, 20);
    expect(high.lower).toBeCloseTo(1 - low.upper, 13);
    // Clopper–Pearson at x = n: lower = (α/2)^(1/n)
    expect(high.lower).toBeCloseTo(0.025 ** (1 / 20), 13);
  });

  it('a wider level gives a wider interval', () => {
    const at95 = wilsonInterval(81, 263);
    const at99 = wilsonInterval(81, 263, { level: 0.99 });
    expect(at99.lower).toBeLessThan(at95.lower);
    expect(at99.upper).toBeGreaterThan(at95.upper);
  });

  it('continuity correction and exact intervals contain the plain Wilson interval here', () => {
    for (const { x, n } of NEWCOMBE) {
      const plain = wilsonInterval(x, n);
      expect(wilsonCorrectedInterval(x, n).lower).toBeLessThanOrEqual(plain.lower);
      expect(wilsonCorrectedInterval(x, n).upper).toBeGreaterThanOrEqual(plain.upper);
    }
  });

  it('refuses impossible counts with the input named', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(EstimateInputError);
    expect(() => wilsonInterval(5, 4)).toThrow(/x must be <= n, got x=5, n=4/);
    expect(() => clopperPearsonInterval(1.5, 10)).toThrow(/x must be a whole number/);
    expect(() => wilsonCorrectedInterval(0, 0)).toThrow(/n must be a whole number >= 1/);
    expect(() => wilsonInterval(1, 10, { level: 95 })).toThrow(/level must be between 0 and 1/);
  });
});
