/**
 * The review service's settings, read once at start-up (by main.ts) and frozen. Every option is
 * documented where it is declared, with its default.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@tg-risk/core';
import { parseRule, type SimpleRule } from '@tg-risk/eval';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './auth/passwords.ts';
import { bandsFromThresholds, type ReviewBands } from './domain/review-bands.ts';

export interface ReviewConfig {
  /** Review band per label (thresholds.json of the model). */
  bands: ReviewBands;
  /** Channel rule for verdicts; TGRISK_CHANNEL_RULE, default `k=1` (as `tgrisk estimate`). */
  rule: SimpleRule;
  /** How long an opened item stays leased to its reviewer; TGRISK_REVIEW_LEASE_SECONDS, default 600. */
  leaseSeconds: number;
  /** Session lifetime; TGRISK_REVIEW_SESSION_HOURS, default 12. */
  sessionHours: number;
  /** Largest request body accepted, bytes (default 64 KiB: the biggest body is a decision note). */
  bodyLimitBytes: number;
  /** Mark the session cookie Secure (HTTPS only); TGRISK_REVIEW_SECURE_COOKIES=1, default off for localhost. */
  secureCookies: boolean;
  /** scrypt cost for new password hashes (default N=2^15, r=8, p=1). */
  scryptCost: ScryptCost;
  /** Labelled messages projected into the queue per transaction (default 2000). */
  projectionBatch: number;
  /** Version in the OpenAPI document. */
  version: string;
}

/** A full config from the bands plus any overrides (tests use this). */
export function reviewConfig(
  bands: ReviewBands,
  overrides: Partial<Omit<ReviewConfig, 'bands'>> = {},
): ReviewConfig {
  return Object.freeze({
    bands,
    rule: { kind: 'min_flagged', k: 1 } as SimpleRule,
    leaseSeconds: 600,
    sessionHours: 12,
    bodyLimitBytes: 64 * 1024,
    secureCookies: false,
    scryptCost: DEFAULT_SCRYPT_COST,
    projectionBatch: 2000,
    version: '0.1.0',
    ...overrides,
  });
}

/** Reads thresholds.json of `modelDir` into review bands, naming the file when it cannot. */
export function readBands(modelDir: string): ReviewBands {
  const file = path.join(modelDir, 'thresholds.json');
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `cannot read ${file} (${(error as Error).message}); pass --model DIR of a tg-risk model`,
    );
  }
  try {
    return bandsFromThresholds(document, file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(Number.isFinite(value) && value > 0))
    throw new UsageError(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** The config from the environment and the model directory. */
export function loadReviewConfig(
  env: Record<string, string | undefined>,
  modelDir: string,
  rule?: string,
): ReviewConfig {
  let channelRule: SimpleRule;
  const ruleText = rule ?? env.TGRISK_CHANNEL_RULE ?? 'k=1';
  try {
    channelRule = parseRule(ruleText);
  } catch (error) {
    throw new UsageError(`channel rule: ${(error as Error).message}`);
  }
  return reviewConfig(readBands(modelDir), {
    rule: channelRule,
    leaseSeconds: positive(env, 'TGRISK_REVIEW_LEASE_SECONDS', 600),
    sessionHours: positive(env, 'TGRISK_REVIEW_SESSION_HOURS', 12),
    secureCookies: env.TGRISK_REVIEW_SECURE_COOKIES === '1' || env.TGRISK_REVIEW_SECURE_COOKIES === 'true',
  });
}
