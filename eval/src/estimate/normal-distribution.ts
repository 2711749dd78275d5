/**
 * The standard normal distribution: its CDF through erfc(y) = Q(1/2, y²), the regularized upper
 * incomplete gamma function of Numerical Recipes, 2nd ed., §6.2 (`gser` series and `gcf` continued
 * fraction), and its quantile by Newton's method from the Abramowitz & Stegun 26.2.23 start.
 * Both are good to about 1e-15, so z for any confidence level is exact to print precision.
 */
import { requireLevel } from './errors.ts';
import { logGamma } from './log-gamma.ts';

const EPSILON = 1e-16;
const TINY = 1e-300;
const LOG_GAMMA_HALF = logGamma(0.5); // ln √π

/** Q(1/2, x) = erfc(√x), by the series for P below a + 1 and the continued fraction above (NR §6.2). */
function upperGammaHalf(x: number): number {
  const a = 0.5;
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - LOG_GAMMA_HALF);
  if (x < a + 1) {
    let ap = a;
    let term = 1 / a;
    let sum = term;
    for (let n = 0; n < 1000 && Math.abs(term) >= Math.abs(sum) * EPSILON; n++) {
      ap += 1;
      term *= x / ap;
      sum += term;
    }
    return 1 - sum * front;
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPSILON) break;
  }
  return front * h;
}

/** Φ(x), the standard normal CDF, with full relative precision in the lower tail. */
export function normalCdf(x: number): number {
  if (x === -Infinity) return 0;
  if (x === Infinity) return 1;
  const tail = 0.5 * upperGammaHalf((x * x) / 2); // = 1 − Φ(|x|)
  return x < 0 ? tail : 1 - tail;
}

/** The standard normal density φ(x). */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Φ⁻¹(p), the standard normal quantile, for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile needs 0 <= p <= 1, got ${p}`);
  }
  if (p > 0.5) return -normalQuantile(1 - p);
  // Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4) as the start, then Newton on Φ(x) − p.
  const t = Math.sqrt(-2 * Math.log(p));
  let x = -(
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)))
  );
  for (let i = 0; i < 50; i++) {
    const step = (normalCdf(x) - p) / normalDensity(x);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/** The two-sided critical value z_{1−α/2} for a confidence level 1 − α (1.959964… for 0.95). */
export function zForLevel(level: number): number {
  requireLevel(level);
  return -normalQuantile((1 - level) / 2);
}
