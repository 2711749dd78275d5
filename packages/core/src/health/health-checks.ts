/**
 * Liveness and readiness as named checks. /healthz asks the liveness checks ("is this process still
 * doing its job, or should the supervisor restart it?"), /readyz the readiness checks ("can it do
 * its job now: broker reachable, store writable, model loaded?"). Each check is time-limited, so a
 * hung dependency makes the answer "not ready", never a hung probe.
 */

/** One check's verdict; `detail` says why it is not ok (or what it saw). */
export interface CheckResult {
  ok: boolean;
  detail?: string;
}

export type HealthCheck = () => CheckResult | Promise<CheckResult>;

/** The JSON body of /healthz and /readyz. */
export interface HealthReport {
  status: 'ok' | 'fail';
  checks: Record<string, CheckResult>;
}

export type HealthKind = 'liveness' | 'readiness';

/** A process's health checks, registered by its wiring place. */
export interface HealthChecks {
  add(kind: HealthKind, name: string, check: HealthCheck): void;
  /** Runs every check of `kind` (in parallel, each limited to the timeout). */
  report(kind: HealthKind): Promise<HealthReport>;
}

/** Creates an empty set of checks; a kind with no checks reports ok. */
export function createHealthChecks(timeoutMs = 3000): HealthChecks {
  const checks: Record<HealthKind, Map<string, HealthCheck>> = { liveness: new Map(), readiness: new Map() };
  return {
    add(kind, name, check) {
      checks[kind].set(name, check);
    },
    async report(kind) {
      const entries = await Promise.all(
        [...checks[kind]].map(async ([name, check]) => [name, await runCheck(check, timeoutMs)] as const),
      );
      return {
        status: entries.every(([, r]) => r.ok) ? 'ok' : 'fail',
        checks: Object.fromEntries(entries),
      };
    },
  };
}

async function runCheck(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
