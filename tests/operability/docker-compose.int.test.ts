/**
 * docker-compose.yml cannot be run here (no Docker engine), so its promises are checked against the
 * code they depend on: the broker version the tests run, and the ops port the services listen on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPS_PORT } from '@tg-risk/core';

const compose = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
const pom = readFileSync(new URL('../../scripts/kafka/pom.xml', import.meta.url), 'utf8');

/** The lines of one top-level service's block. */
function serviceBlock(name: string): string {
  const start = compose.indexOf(`\n  ${name}:\n`);
  expect(start, `service ${name} in docker-compose.yml`).toBeGreaterThan(0);
  const rest = compose.slice(start + 1);
  const end = rest.slice(1).search(/\n {2}\S|\n\S/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

describe('docker-compose.yml', () => {
  it('runs the Kafka version the tests run (scripts/kafka/pom.xml)', () => {
    const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
    expect(version).toBeDefined();
    expect(compose).toContain(`image: apache/kafka:${version}`);
  });

  it('turns on the ops endpoints and publishes them for each service', () => {
    expect(compose).toContain(`TGRISK_METRICS_PORT: '${DEFAULT_OPS_PORT}'`);
    expect(compose).toContain(`http://127.0.0.1:${DEFAULT_OPS_PORT}/readyz`);
    for (const service of ['classifier', 'ingest']) {
      expect(serviceBlock(service)).toMatch(new RegExp(`- '\\d+:${DEFAULT_OPS_PORT}'`));
    }
  });
});
