/**
 * Vitest global setup for tests that need PostgreSQL: uses the server named by DATABASE_URL (what
 * .ci/run starts), or starts the repo's throwaway cluster (scripts/postgres/postgres.sh) and stops
 * it afterwards, so `npm test` works on a fresh clone with Debian's postgresql installed. Each test
 * then works in a schema of its own (see packages/store/src/postgres/testing).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const script = fileURLToPath(new URL('../scripts/postgres/postgres.sh', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default function setup(project: TestProject): () => void {
  let startedHere = false;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const running = (() => {
      try {
        execFileSync('bash', [script, 'status'], { stdio: 'pipe' });
        return true;
      } catch {
        return false;
      }
    })();
    const out = execFileSync('bash', [script, 'start'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    startedHere = !running;
    url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
    if (!url)
      throw new Error(`scripts/postgres/postgres.sh start did not print DATABASE_URL; it printed:\n${out}`);
  }
  process.env.DATABASE_URL = url;
  project.provide('databaseUrl', url);
  return () => {
    if (startedHere) execFileSync('bash', [script, 'stop'], { stdio: 'inherit' });
  };
}
