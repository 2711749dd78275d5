/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (Lanczos 1964, SIAM J. Numer. Anal. B 1:86–96)
 * with the γ = 671/128, N = 14 coefficients of Numerical Recipes, 3rd ed. (Press et al. 2007),
 * §6.1 `gammln`: relative error below 1e-15 over the whole positive axis.
 */
// NR's coefficients, written as the nearest doubles (the printed 18 digits parse to these).
const LANCZOS_COEFFICIENTS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 3.399464998481189e-5,
  4.652362892704858e-5, -9.837447530487956e-5, 1.580887032249125e-4, -2.1026444172410488e-4,
  2.1743961811521265e-4, -1.643181065367639e-4, 8.441822398385275e-5, -2.6190838401581408e-5,
  3.6899182659531625e-6,
];

/** Natural logarithm of the gamma function, for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  let y = x;
  let tmp = x + 5.2421875; // γ + 1/2 with γ = 671/128
  tmp = (x + 0.5) * Math.log(tmp) - tmp;
  let series = 0.9999999999999971;
  for (const c of LANCZOS_COEFFICIENTS) series += c / ++y;
  return tmp + Math.log((2.5066282746310007 * series) / x); // 2.5066… = √(2π)
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
