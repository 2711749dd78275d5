/**
 * Vitest global setup for the integration tier: uses the broker named by KAFKA_BROKERS (what
 * .ci/run starts), or starts the repo's own single-node KRaft broker (scripts/kafka/kafka.sh) and
 * stops it afterwards, so `npm test` works on a fresh clone with no broker running.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const script = fileURLToPath(new URL('../scripts/kafka/kafka.sh', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string;
  }
}

export default function setup(project: TestProject): () => void {
  let startedHere = false;
  let brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
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
    brokers = /KAFKA_BROKERS=(\S+)/.exec(out)?.[1];
    if (!brokers)
      throw new Error(`scripts/kafka/kafka.sh start did not print KAFKA_BROKERS; it printed:\n${out}`);
  }
  process.env.KAFKA_BROKERS = brokers;
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  project.provide('kafkaBrokers', brokers);
  return () => {
    if (startedHere) execFileSync('bash', [script, 'stop'], { stdio: 'inherit' });
  };
}
