/**
 * One `tgrisk estimate` run from resolved options: read and hash every input, tally the channels,
 * build the report. `tgrisk audit verify` calls the same function with the options saved in a
 * manifest, so a re-run is the run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EstimateReportV1 } from '@tg-risk/schemas';
import { EstimateInputError } from '../estimate/errors.ts';
import { validateChannelRule } from '../estimate/channel-rule.ts';
import { buildEstimateReport, type EstimateInputs } from './build-report.ts';
import { ChannelTally } from './channel-tally.ts';
import {
  hashDirectoryFiles,
  readGoldFile,
  readMessagesFile,
  readMetricsFile,
  readStrataFile,
  readThresholdsFile,
} from './read-inputs.ts';
import { TARGETS, type Target } from './records.ts';
import { serializeReport } from './report-json.ts';
import type { SimpleRule } from './rule-decisions.ts';
import { thresholdVariants } from './sensitivity.ts';
import { readStoreMessages } from './store-messages.ts';

/** The resolved options of a run; paths as given, relative to the directory the run started in. */
export interface EstimateOptions {
  input: { kind: 'file' | 'sqlite'; path: string };
  gold: string | null;
  thresholds: string | null;
  metrics: string | null;
  strata: string | null;
  rule: SimpleRule;
  target: Target;
  population: number | null;
  claim: number | null;
  margin: number;
  seed: number;
}

/** One input read by the run, as the manifest records it. */
export interface RunInputDigest {
  role: 'input' | 'db' | 'gold' | 'strata' | 'thresholds' | 'metrics';
  path: string;
  sha256: string;
  bytes: number;
  hash_of: 'file' | 'store_rows';
}

/** What a run produced: the report, its exact bytes, and the digests of everything it read. */
export interface EstimateRun {
  report: EstimateReportV1;
  reportJson: string;
  inputs: RunInputDigest[];
  modelFiles: Array<{ path: string; sha256: string; bytes: number }>;
}

/** Runs the estimate; relative paths in `options` resolve against `cwd`. */
export async function runEstimate(
  options: EstimateOptions,
  cwd: string = process.cwd(),
): Promise<EstimateRun> {
  const at = (p: string) => path.resolve(cwd, p);
  const inputs: RunInputDigest[] = [];
  const thresholds = options.thresholds === null ? null : await readThresholdsFile(at(options.thresholds));
  if (thresholds) inputs.push(fileDigest('thresholds', options.thresholds!, thresholds));
  const metrics = options.metrics === null ? null : await readMetricsFile(at(options.metrics));
  if (metrics) inputs.push(fileDigest('metrics', options.metrics!, metrics));
  const gold = options.gold === null ? null : await readGoldFile(at(options.gold));
  if (gold) inputs.push(fileDigest('gold', options.gold!, gold));
  const strata = options.strata === null ? null : await readStrataFile(at(options.strata));
  if (strata) inputs.push(fileDigest('strata', options.strata!, strata));

  const variants = thresholdVariants(thresholds?.values ?? null);
  const tally = new ChannelTally(thresholds?.values ?? null, variants);
  let messages: EstimateInputs['messages'];
  if (options.input.kind === 'file') {
    const digest = await readMessagesFile(at(options.input.path), tally);
    inputs.unshift(fileDigest('input', options.input.path, digest));
    messages = { source: 'file', sha256: digest.sha256, hashOf: 'file' };
  } else {
    const digest = readStoreMessages(at(options.input.path), tally);
    inputs.unshift({ role: 'db', path: options.input.path, ...digest, hash_of: 'store_rows' });
    messages = { source: 'sqlite', sha256: digest.sha256, hashOf: 'store_rows' };
  }

  const report = buildEstimateReport(
    {
      tally: tally.result(),
      messages,
      gold: gold && { sha256: gold.sha256, channels: gold.channels },
      thresholds: thresholds && { sha256: thresholds.sha256, set: thresholds.set, values: thresholds.values },
      strata: strata && { sha256: strata.sha256, document: strata.document },
      metrics: metrics && { sha256: metrics.sha256, metrics: metrics.metrics },
      variants,
    },
    {
      rule: options.rule,
      target: options.target,
      population: options.population,
      claim: options.claim,
      margin: options.margin,
      seed: options.seed,
    },
  );
  // The model's files are hashed only when the thresholds sit in a model directory (model.json or
  // config.json beside them), never a whole folder that merely holds a thresholds file.
  const besideThresholds = options.thresholds === null ? null : path.dirname(options.thresholds);
  const modelDir =
    besideThresholds !== null &&
    ['model.json', 'config.json'].some((f) => existsSync(at(path.join(besideThresholds, f))))
      ? besideThresholds
      : null;
  const modelFiles =
    modelDir === null
      ? []
      : (await hashDirectoryFiles(at(modelDir))).map((f) => ({
          path: toPosix(path.join(modelDir, f.name)),
          sha256: f.sha256,
          bytes: f.bytes,
        }));
  return { report, reportJson: serializeReport(report), inputs, modelFiles };
}

function fileDigest(
  role: RunInputDigest['role'],
  file: string,
  d: { sha256: string; bytes: number },
): RunInputDigest {
  return { role, path: file, sha256: d.sha256, bytes: d.bytes, hash_of: 'file' };
}

/** A path with forward slashes, so manifests read the same on every system. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Checks options read back from a manifest (they are data, not code); throws naming the bad field. */
export function parseEstimateOptions(value: unknown, where: string): EstimateOptions {
  const fail = (field: string): never => {
    throw new EstimateInputError(
      `${where}: options.${field} is missing or invalid; the manifest was edited or is not from tgrisk estimate`,
    );
  };
  if (typeof value !== 'object' || value === null) return fail('(object)');
  const o = value as Record<string, unknown>;
  const input = o.input as Record<string, unknown> | undefined;
  if (!input || (input.kind !== 'file' && input.kind !== 'sqlite') || typeof input.path !== 'string')
    fail('input');
  const pathOrNull = (field: string) => {
    const v = o[field];
    if (v !== null && typeof v !== 'string') fail(field);
    return v as string | null;
  };
  const numberOrNull = (field: string) => {
    const v = o[field];
    if (v !== null && typeof v !== 'number') fail(field);
    return v as number | null;
  };
  const rule = o.rule as SimpleRule | undefined;
  if (!rule || (rule.kind !== 'min_flagged' && rule.kind !== 'min_share')) fail('rule');
  try {
    validateChannelRule(rule!);
  } catch {
    fail('rule');
  }
  if (!TARGETS.includes(o.target as Target)) fail('target');
  if (typeof o.margin !== 'number') fail('margin');
  if (!Number.isInteger(o.seed)) fail('seed');
  return {
    input: { kind: input!.kind as 'file' | 'sqlite', path: input!.path as string },
    gold: pathOrNull('gold'),
    thresholds: pathOrNull('thresholds'),
    metrics: pathOrNull('metrics'),
    strata: pathOrNull('strata'),
    rule:
      rule!.kind === 'min_flagged' ? { kind: 'min_flagged', k: rule!.k } : { kind: 'min_share', p: rule!.p },
    target: o.target as Target,
    population: numberOrNull('population'),
    claim: numberOrNull('claim'),
    margin: o.margin as number,
    seed: o.seed as number,
  };
}
