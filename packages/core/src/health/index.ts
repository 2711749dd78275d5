export * from './health-checks.ts';
export * from './dependency-probe.ts';
