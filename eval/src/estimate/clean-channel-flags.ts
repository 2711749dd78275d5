/**
 * How often a clean channel is called violating by chance: with n messages each flagged falsely and
 * independently with probability f, the number of false flags is Binomial(n, f), so a `min_flagged`
 * rule with threshold k fires with probability P(X >= k) = I_f(k, n − k + 1).
 */
import { requireProbability, requireWholeNumber } from './errors.ts';
import { binomialUpperTail } from './incomplete-beta.ts';

/** P(a clean channel with n messages gets >= k flags) at message-level false-positive rate f. */
export function probabilityCleanChannelFlagged(n: number, f: number, k: number): number {
  requireWholeNumber('n', n, 0);
  requireProbability('f', f);
  requireWholeNumber('k', k, 0);
  if (k === 0) return 1;
  if (k > n) return 0;
  // k = 1: 1 − (1 − f)^n, written with expm1/log1p to stay exact when n·f is tiny.
  if (k === 1) return f === 1 ? 1 : -Math.expm1(n * Math.log1p(-f));
  return binomialUpperTail(k, n, f);
}

/**
 * The smallest k for which a clean n-message channel reaches k flags with probability at most
 * `maxProbability` (n + 1, a rule that can never fire, if no k <= n is strict enough).
 */
export function minFlagsForFalseAlarmRate(n: number, f: number, maxProbability: number): number {
  requireProbability('maxProbability', maxProbability);
  for (let k = 0; k <= n + 1; k++) {
    if (probabilityCleanChannelFlagged(n, f, k) <= maxProbability) return k;
  }
  return n + 1;
}
