export * from './errors.ts';
export * from './ports.ts';
export * from './logger.ts';
export * from './backoff.ts';
export * from './config.ts';
export * from './dead-letter.ts';
export * from './testing/fixtures.ts';
export * from './random.ts';
