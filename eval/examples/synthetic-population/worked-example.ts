/**
 * Runs the worked example: builds the synthetic population (population.ts), writes its estimate
 * input and gold sample as files and runs `tgrisk estimate` on them through the code the command
 * uses (reports and run manifest included); and repeats the estimate in memory over many seeded
 * populations to show how often each interval covers the truth and how biased each figure is.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabelPrediction } from '@tg-risk/core';
import { assertValid, type EstimateReportV1, type EvalExampleV1 } from '@tg-risk/schemas';
import { writeRunOutputs } from '../../src/audit/manifest.ts';
import { buildEstimateReport, type EstimateSettings } from '../../src/estimate-run/build-report.ts';
import { ChannelTally } from '../../src/estimate-run/channel-tally.ts';
import type { LabelNumbers } from '../../src/estimate-run/records.ts';
import { runEstimate, type EstimateOptions, type EstimateRun } from '../../src/estimate-run/run-estimate.ts';
import { thresholdVariants } from '../../src/estimate-run/sensitivity.ts';
import { buildSyntheticPopulation, type PopulationConfig, type SyntheticPopulation } from './population.ts';

/** Reads the labelled messages the population is built from (eval-example.v1 JSONL). */
export async function readMessagePool(file: string): Promise<EvalExampleV1[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return assertValid('eval-example.v1', JSON.parse(l));
      } catch (error) {
        throw new Error(`${file} line ${i + 1}: ${(error as Error).message}`);
      }
    });
}

/** Where the example reads and writes, relative to `cwd`. */
export interface ExamplePaths {
  cwd: string;
  /** Folder for input.jsonl and gold.jsonl. */
  workDir: string;
  /** Folder for the reports and the manifest; null to skip writing them. */
  outDir: string | null;
  thresholds: string;
  metrics: string | null;
}

/** The example's outcome: the population with its truth, the estimate run and its options. */
export interface WorkedExample {
  population: SyntheticPopulation;
  options: EstimateOptions;
  run: EstimateRun;
  manifestPath: string | null;
}

const jsonl = (lines: readonly unknown[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join('');

/** Builds the population, writes it, estimates; the claim checked is the naive figure of rule k=1. */
export async function runWorkedExample(
  config: PopulationConfig,
  pool: readonly EvalExampleV1[],
  predictions: readonly LabelPrediction[],
  paths: ExamplePaths,
): Promise<WorkedExample> {
  const population = buildSyntheticPopulation(config, pool, predictions);
  await mkdir(path.resolve(paths.cwd, paths.workDir), { recursive: true });
  const input = path.join(paths.workDir, 'input.jsonl');
  const gold = path.join(paths.workDir, 'gold.jsonl');
  await writeFile(path.resolve(paths.cwd, input), jsonl(population.inputLines));
  await writeFile(path.resolve(paths.cwd, gold), jsonl(population.goldLines));
  const base: EstimateOptions = {
    input: { kind: 'file', path: input },
    gold,
    thresholds: paths.thresholds,
    metrics: paths.metrics,
    strata: null,
    rule: { kind: 'min_flagged', k: 1 },
    target: 'any',
    population: null,
    claim: null,
    margin: 0.03,
    seed: config.seed,
  };
  // The "published" figure: what one flagged message per channel gives, taken at face value.
  const first = await runEstimate(base, paths.cwd);
  const options: EstimateOptions = {
    ...base,
    claim: Math.round(first.report.targets.any.naive.rate * 100) / 100,
    population: config.channels,
  };
  const run = await runEstimate(options, paths.cwd);
  let manifestPath: string | null = null;
  if (paths.outDir !== null) {
    const argv = ['--input', input, '--gold', gold, '--rule', 'k=1', '--claim', String(options.claim)];
    argv.push(
      '--population',
      String(options.population),
      '--seed',
      String(options.seed),
      '--out',
      paths.outDir,
    );
    manifestPath = (await writeRunOutputs(run, options, argv, path.resolve(paths.cwd, paths.outDir)))
      .manifestPath;
  }
  return { population, options, run, manifestPath };
}

/** The estimate of a population in memory (no files): the same report `tgrisk estimate` builds. */
export function estimateInMemory(
  population: SyntheticPopulation,
  thresholds: LabelNumbers,
  settings: EstimateSettings,
): EstimateReportV1 {
  const variants = thresholdVariants(thresholds);
  const tally = new ChannelTally(thresholds, variants);
  for (const line of population.inputLines) {
    tally.add({
      channelId: line.channel_id,
      id: line.id,
      ...(line.labels === undefined ? {} : { labels: line.labels }),
      ...(line.scores === undefined ? {} : { scores: line.scores }),
      ...(line.gold_labels === undefined ? {} : { goldLabels: line.gold_labels }),
    });
  }
  const gold = new Map(
    population.goldLines.map((g) => [
      g.channel_id,
      { violating: g.violating, ...(g.labels ? { labels: g.labels } : {}) },
    ]),
  );
  const none = '0'.repeat(64); // nothing is hashed in memory
  return buildEstimateReport(
    {
      tally: tally.result(),
      messages: { source: 'file', sha256: none, hashOf: 'file' },
      gold: { sha256: none, channels: gold },
      thresholds: { sha256: none, set: 'in memory', values: thresholds },
      strata: null,
      metrics: null,
      variants,
    },
    settings,
  );
}

/** How the figures of rule k=1 behaved over many seeded populations. */
export interface ReplicationSummary {
  replications: number;
  /** Share of replications whose interval contained the population's true share. */
  coverage: { naive: number; corrected: number; stratified: number };
  /** Mean of (figure − true share). */
  meanBias: { naive: number; corrected: number; stratified: number };
  /** Mean interval width. */
  meanWidth: { naive: number; corrected: number; stratified: number };
}

/** Re-draws the population with seeds seed+1 … seed+replications and summarises the k=1 figures. */
export function replicateExample(
  config: PopulationConfig,
  pool: readonly EvalExampleV1[],
  predictions: readonly LabelPrediction[],
  thresholds: LabelNumbers,
  replications: number,
): ReplicationSummary {
  const sums = {
    cover: { naive: 0, corrected: 0, stratified: 0 },
    bias: { naive: 0, corrected: 0, stratified: 0 },
    width: { naive: 0, corrected: 0, stratified: 0 },
  };
  for (let r = 1; r <= replications; r++) {
    const population = buildSyntheticPopulation({ ...config, seed: config.seed + r }, pool, predictions);
    const report = estimateInMemory(population, thresholds, {
      rule: { kind: 'min_flagged', k: 1 },
      target: 'any',
      population: null,
      claim: null,
      margin: 0.03,
      seed: config.seed + r,
    });
    const truth = population.truth.share;
    const t = report.targets.any;
    const figures = {
      naive: { rate: t.naive.rate, ...t.naive.wilson },
      corrected: t.corrected.available ? t.corrected : null,
      stratified: t.stratified.available ? t.stratified : null,
    };
    for (const key of ['naive', 'corrected', 'stratified'] as const) {
      const f = figures[key];
      if (f === null) continue; // counted as not covering
      if (f.lower <= truth && truth <= f.upper) sums.cover[key]++;
      sums.bias[key] += f.rate - truth;
      sums.width[key] += f.upper - f.lower;
    }
  }
  const per = (o: Record<'naive' | 'corrected' | 'stratified', number>) => ({
    naive: o.naive / replications,
    corrected: o.corrected / replications,
    stratified: o.stratified / replications,
  });
  return { replications, coverage: per(sums.cover), meanBias: per(sums.bias), meanWidth: per(sums.width) };
}
