/** The files of a trained risk model directory and how they are read back. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@tg-risk/core';
import type { RiskLabel } from '@tg-risk/schemas';
import type { FeatureConfig } from './features/extract-features.ts';

export interface RiskModelDescription {
  name: string;
  version: string;
  labels: RiskLabel[];
  features: FeatureConfig;
  normalisation: string;
  training: Record<string, unknown>;
}

export interface LabelThreshold {
  threshold: number;
  /** Out-of-fold precision and recall at the threshold. */
  precision: number;
  /** One-sided lower confidence bound of that precision; it is what reached the target. */
  precision_lower_bound?: number;
  recall: number;
  review_low: number;
  target_missed: boolean;
}

export interface RiskThresholds {
  set: string;
  target_precision: number;
  /** The confidence of precision_lower_bound (one-sided), when thresholds were chosen on a bound. */
  confidence?: number;
  labels: Record<RiskLabel, LabelThreshold>;
}

export interface RiskModelFiles {
  description: RiskModelDescription;
  thresholds: RiskThresholds;
  onnx: Uint8Array;
}

/** Reads model.json, thresholds.json and model.onnx from `dir`, naming what is missing or wrong. */
export function readRiskModelFiles(dir: string): RiskModelFiles {
  const read = (file: string) => {
    const full = path.join(dir, file);
    try {
      return readFileSync(full);
    } catch {
      throw new UsageError(
        `model directory ${dir} has no readable ${file}; train one with \`npm run train\``,
      );
    }
  };
  const json = <T>(file: string): T => {
    try {
      return JSON.parse(read(file).toString('utf8')) as T;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${path.join(dir, file)} is not valid JSON: ${(error as Error).message}`);
    }
  };
  const description = json<RiskModelDescription>('model.json');
  const thresholds = json<RiskThresholds>('thresholds.json');
  if (!description.features || !Array.isArray(description.labels)) {
    throw new UsageError(
      `${path.join(dir, 'model.json')} is not a tg-risk risk model description (no features or labels)`,
    );
  }
  return { description, thresholds, onnx: new Uint8Array(read('model.onnx')) };
}

/** JSON with sorted keys and a trailing newline, so a file's bytes depend only on its content. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}
