/** Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter", 2015). */
export function backoffDelayMs(
  attempt: number,
  baseMs = 200,
  maxMs = 30_000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(random() * ceiling);
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
