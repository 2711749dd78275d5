/**
 * McNemar's test for two classifiers on the same examples (McNemar 1947; Dietterich 1998, §3.4),
 * in its exact form: of the discordant examples (one classifier right, the other wrong), the count
 * b that only A got right is Binomial(b + c, 1/2) under H0 "equal error rates", so the two-sided
 * p-value is min(1, 2 P(X <= min(b, c))). Exact at any count, unlike the chi-square approximation.
 */

/** Result of McNemar's exact test on b (only A right) and c (only B right). */
export interface McNemarResult {
  aRightBWrong: number;
  aWrongBRight: number;
  pValue: number;
}

/** P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so large n does not underflow 2^-n. */
export function binomialHalfLowerTail(k: number, n: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`binomialHalfLowerTail needs whole numbers k and n >= 0, got k=${k}, n=${n}`);
  }
  if (k < 0) return 0;
  if (k >= n) return 1;
  // ln C(n, i) by the recurrence C(n, i) = C(n, i-1) (n - i + 1) / i.
  const logTerms: number[] = [0];
  for (let i = 1; i <= k; i++) logTerms.push(logTerms[i - 1]! + Math.log(n - i + 1) - Math.log(i));
  const largest = Math.max(...logTerms);
  const sum = logTerms.reduce((s, t) => s + Math.exp(t - largest), 0);
  return Math.min(1, Math.exp(largest + Math.log(sum) - n * Math.LN2));
}

/** Exact two-sided McNemar p-value; 1 when there are no discordant examples. */
export function mcnemarExact(aRightBWrong: number, aWrongBRight: number): McNemarResult {
  const n = aRightBWrong + aWrongBRight;
  const pValue =
    n === 0 ? 1 : Math.min(1, 2 * binomialHalfLowerTail(Math.min(aRightBWrong, aWrongBRight), n));
  return { aRightBWrong, aWrongBRight, pValue };
}

/** Counts the discordant pairs of two parallel per-example correctness lists and tests them. */
export function mcnemarFromCorrectness(
  correctA: readonly boolean[],
  correctB: readonly boolean[],
): McNemarResult {
  if (correctA.length !== correctB.length) {
    throw new RangeError(`McNemar needs the same examples: ${correctA.length} vs ${correctB.length}`);
  }
  let b = 0;
  let c = 0;
  correctA.forEach((a, i) => {
    if (a && !correctB[i]) b++;
    else if (!a && correctB[i]) c++;
  });
  return mcnemarExact(b, c);
}
