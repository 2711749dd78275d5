/**
 * The regularized incomplete beta function I_x(a, b) and its inverse in x. I_x is evaluated by the
 * continued fraction of Numerical Recipes, 2nd ed. (Press et al. 1992), §6.4 `betai`/`betacf`
 * (modified Lentz), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges
 * fastest; the inverse is Newton's method safeguarded by bisection.
 */
import { logBeta } from './log-gamma.ts';

const MAX_ITERATIONS = 10_000; // betacf needs O(√max(a, b)) terms; counts of ~10⁶ stay well inside
const EPSILON = 1e-16;
const TINY = 1e-300;

/** Continued fraction for I_x(a, b) (NR §6.4, eq. 6.4.5), valid and fast for x < (a + 1)/(a + b + 2). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPSILON) return h;
  }
  throw new RangeError(`incomplete beta continued fraction did not converge for a=${a}, b=${b}, x=${x}`);
}

/** Regularized incomplete beta I_x(a, b) for a, b > 0 and 0 <= x <= 1. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`incomplete beta needs a, b > 0, got a=${a}, b=${b}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`incomplete beta needs 0 <= x <= 1, got ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  // Prefactor x^a (1−x)^b / B(a, b) of NR eq. 6.4.5.
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** The x in [0, 1] with I_x(a, b) = q, to about 1e-15 relative precision. */
export function inverseRegularizedIncompleteBeta(q: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`inverse incomplete beta needs a, b > 0, got a=${a}, b=${b}`);
  if (!(q >= 0 && q <= 1)) throw new RangeError(`inverse incomplete beta needs 0 <= q <= 1, got ${q}`);
  if (q === 0) return 0;
  if (q === 1) return 1;
  const logB = logBeta(a, b);
  let lo = 0;
  let hi = 1;
  let x = a / (a + b); // the mean: a start inside the bracket
  for (let i = 0; i < 400; i++) {
    const f = regularizedIncompleteBeta(x, a, b) - q;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    // dI_x/dx is the beta density x^(a−1) (1−x)^(b−1) / B(a, b).
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB);
    let next = x - f / density;
    if (!Number.isFinite(next) || next <= lo || next >= hi) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * x || hi - lo <= 1e-15 * lo) return next;
    x = next;
  }
  return x;
}

/** P(X >= k) for X ~ Binomial(n, p), via P(X >= k) = I_p(k, n − k + 1) (Abramowitz & Stegun 26.5.24). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return regularizedIncompleteBeta(p, k, n - k + 1);
}
