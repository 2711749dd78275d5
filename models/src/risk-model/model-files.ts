/** The files of a trained risk model directory and how they are read back. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@tg-risk/core';
import { schemaIssues, type ModelThresholdsV1, type RiskLabel } from '@tg-risk/schemas';
import type { FeatureConfig } from './features/extract-features.ts';

export interface RiskModelDescription {
  name: string;
  version: string;
  labels: RiskLabel[];
  features: FeatureConfig;
  normalisation: string;
  training: Record<string, unknown>;
}

/** thresholds.json, as its schema (schemas/json/model-thresholds.v1.json) defines it. */
export type RiskThresholds = ModelThresholdsV1;
export type LabelThreshold = RiskThresholds['labels'][RiskLabel];

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
  const thresholds = json<unknown>('thresholds.json');
  // A missing or mistyped threshold would silently decide nothing (score >= undefined is false).
  const issues = schemaIssues('model-thresholds.v1', thresholds);
  if (issues.length > 0) {
    throw new UsageError(
      `${path.join(dir, 'thresholds.json')} is not a model-thresholds.v1 document: ` +
        `${issues.map((i) => `${i.path || '(record)'} ${i.message}`).join('; ')}; retrain with \`npm run train\``,
    );
  }
  if (!description.features || !Array.isArray(description.labels)) {
    throw new UsageError(
      `${path.join(dir, 'model.json')} is not a tg-risk risk model description (no features or labels)`,
    );
  }
  return { description, thresholds: thresholds as RiskThresholds, onnx: new Uint8Array(read('model.onnx')) };
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
