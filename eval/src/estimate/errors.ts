/**
 * Errors of the estimators. Every one is bad input (never worth retrying) and names the input, what
 * was wrong with it and what to do instead, so `tgrisk estimate` can print it without a stack.
 */
import { TgRiskError, type ErrorContext } from '@tg-risk/core';

/** An estimator input that can never give a meaningful answer as it is. */
export class EstimateInputError extends TgRiskError {
  constructor(message: string, context: ErrorContext = {}) {
    super('ESTIMATE_INPUT', message, { retriable: false, context });
    this.name = 'EstimateInputError';
  }
}

/** Throws unless `value` is a whole number >= `min`. */
export function requireWholeNumber(name: string, value: number, min = 0): void {
  if (!Number.isInteger(value) || value < min) {
    throw new EstimateInputError(`${name} must be a whole number >= ${min}, got ${value}`, { input: name });
  }
}

/** Throws unless `level` is a confidence level strictly between 0 and 1 (0.95, not 95). */
export function requireLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new EstimateInputError(`level must be between 0 and 1 (e.g. 0.95), got ${level}`, {
      input: 'level',
    });
  }
}

/** Throws unless `value` is a probability in [0, 1]. */
export function requireProbability(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) {
    throw new EstimateInputError(`${name} must be a proportion in [0, 1], got ${value}`, { input: name });
  }
}
