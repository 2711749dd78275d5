/** The statistics core of `tgrisk estimate`: pure functions, no I/O. */
export * from './types.ts';
export * from './errors.ts';
export * from './log-gamma.ts';
export * from './incomplete-beta.ts';
export * from './normal-distribution.ts';
export * from './binomial-intervals.ts';
export * from './finite-population.ts';
export * from './rogan-gladen.ts';
export * from './lang-reiczigel.ts';
export * from './channel-rule.ts';
export * from './clean-channel-flags.ts';
export * from './stratified-estimate.ts';
export * from './claim-check.ts';
