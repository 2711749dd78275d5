import { defineConfig } from 'vitest/config';

// Two tiers: unit tests (no I/O, next to the code) and integration tests that talk to the
// real Kafka broker and real files/processes. Integration tests live in `*.int.test.ts`.
export default defineConfig({
  test: {
    reporters: ['default', './tests/count-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/src/**/*.test.ts', 'schemas/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['tests/kafka-global-setup.ts', 'tests/postgres-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The review UI driven in Debian's Chromium through playwright-core (tests/browser).
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
