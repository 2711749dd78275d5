/**
 * Slows password guessing: after `maxFailures` failed logins for one username (from anywhere) within
 * `windowMs`, further attempts for it are refused until the window passes. In memory, per process:
 * enough to make online guessing impractical; a shared deployment adds a proxy limit.
 */
export interface LoginThrottle {
  /** Milliseconds until `username` may try again, or 0. */
  retryAfter(username: string, now: number): number;
  failed(username: string, now: number): void;
  succeeded(username: string): void;
}

export function createLoginThrottle(maxFailures = 10, windowMs = 15 * 60_000): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (username: string, now: number) =>
    (failures.get(username.toLowerCase()) ?? []).filter((t) => now - t < windowMs);
  return {
    retryAfter(username, now) {
      const times = recent(username, now);
      return times.length >= maxFailures ? windowMs - (now - times[0]!) : 0;
    },
    failed(username, now) {
      const times = recent(username, now);
      times.push(now);
      failures.set(username.toLowerCase(), times.slice(-maxFailures));
      // Bound memory under a spray of usernames: forget the oldest entries.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
    succeeded(username) {
      failures.delete(username.toLowerCase());
    },
  };
}
