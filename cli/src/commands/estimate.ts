/**
 * `tgrisk estimate`: the share of channels that violate the policy under an explicit channel rule,
 * naive, corrected for the classifier's measured errors and design-based, with a sensitivity
 * analysis and an optional claim check. Writes report.json/.md/.html and a run manifest into --out
 * (default .data/reports/estimate-<hash of inputs and options>); --json prints the report.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '@tg-risk/core';
import {
  defaultOutDir,
  parseRule,
  runEstimate,
  TARGETS,
  writeRunOutputs,
  type EstimateOptions,
  type EstimateRun,
  type Target,
} from '@tg-risk/eval';
import { DEFAULT_MODEL_DIR } from '@tg-risk/models';
import type { Command } from '../command.ts';
import { parseCommandArgs } from '../parse-args.ts';

export const estimateCommand: Command = async (args, env, io) => {
  const { values, positionals } = parseCommandArgs('estimate', args, {
    /** estimate-input.v1 JSONL; default: the store (--db). */
    input: { type: 'string' },
    /** The SQLite store, read-only; default TGRISK_DB, else .data/tgrisk.db. */
    db: { type: 'string' },
    /** channel-gold.v1 JSONL of reviewed channels; default none (no corrected rate). */
    gold: { type: 'string' },
    /** k=N (at least N flagged messages) or p=SHARE (at least that share flagged). */
    rule: { type: 'string', default: 'k=1' },
    /** Headline target of the summary, the claim check and the charts: any, fraud, drugs, terrorism. */
    label: { type: 'string', default: 'any' },
    /** Decides lines without labels; default models/tgrisk-risk/thresholds.json when present. */
    thresholds: { type: 'string' },
    /** Model metrics.json or `tgrisk eval --json` report; default metrics.json beside the thresholds. */
    metrics: { type: 'string' },
    /** Channels in the population the input is a sample of (FPC, claim); default none. */
    population: { type: 'string' },
    /** A published share to check, e.g. 0.68; needs --population. */
    claim: { type: 'string' },
    /** Half-width of the review sample size for the claim check. */
    margin: { type: 'string', default: '0.03' },
    /** review-strata.v1 JSON of a stratified review; default: strata derived from --gold. */
    strata: { type: 'string' },
    /** Print the report JSON on stdout instead of the summary. */
    json: { type: 'boolean', default: false },
    /** Output folder; default .data/reports/estimate-<hash of inputs and options>. */
    out: { type: 'string' },
    /** Recorded in the report and manifest (estimate itself draws nothing at random). */
    seed: { type: 'string', default: '0' },
  });
  if (positionals.length > 0) {
    throw new UsageError(
      `estimate takes no positional arguments (got "${positionals[0]}"); use --input FILE or --db FILE`,
    );
  }
  const cwd = process.cwd();
  const options = resolveOptions(values, env, cwd);
  const run = await runEstimate(options, cwd);
  const outDir = values.out ?? defaultOutDir(run, options);
  const { manifestPath } = await writeRunOutputs(run, options, args, outDir);
  if (values.json) {
    io.stdout.write(run.reportJson);
    io.stderr.write(`tgrisk estimate: reports and manifest written to ${outDir}\n`);
  } else {
    io.stdout.write(summary(run, outDir, manifestPath));
  }
  return 0;
};

type Values = Record<string, string | boolean | undefined>;

/** A path as recorded in the manifest: relative to the working directory when inside it. */
function recordedPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : absolute).split(path.sep).join('/');
}

function resolveOptions(
  values: Values,
  env: Record<string, string | undefined>,
  cwd: string,
): EstimateOptions {
  const str = (name: string) => values[name] as string | undefined;
  if (str('input') !== undefined && str('db') !== undefined) {
    throw new UsageError('give either --input FILE or --db FILE, not both');
  }
  const input: EstimateOptions['input'] =
    str('input') !== undefined
      ? { kind: 'file', path: recordedPath(str('input')!, cwd) }
      : { kind: 'sqlite', path: recordedPath(str('db') ?? env.TGRISK_DB ?? '.data/tgrisk.db', cwd) };

  const label = str('label')!;
  if (!TARGETS.includes(label as Target)) {
    throw new UsageError(`--label must be one of ${TARGETS.join(', ')}, got "${label}"`);
  }
  const defaultThresholds = path.join(DEFAULT_MODEL_DIR, 'thresholds.json');
  const thresholds =
    str('thresholds') !== undefined
      ? recordedPath(str('thresholds')!, cwd)
      : existsSync(defaultThresholds)
        ? recordedPath(defaultThresholds, cwd)
        : null;
  const besideThresholds =
    thresholds === null ? null : path.join(path.dirname(path.resolve(cwd, thresholds)), 'metrics.json');
  const metrics =
    str('metrics') !== undefined
      ? recordedPath(str('metrics')!, cwd)
      : besideThresholds !== null && existsSync(besideThresholds)
        ? recordedPath(besideThresholds, cwd)
        : null;

  const population =
    str('population') === undefined ? null : wholeNumber('--population', str('population')!, 1);
  const claim = str('claim') === undefined ? null : share('--claim', str('claim')!, true);
  if (claim !== null && population === null) {
    throw new UsageError(
      '--claim needs --population N: the number of channels the claim is about (e.g. --claim 0.68 --population 9600)',
    );
  }
  const margin = share('--margin', str('margin')!, false);
  let rule;
  try {
    rule = parseRule(str('rule')!);
  } catch (error) {
    throw new UsageError(`--rule: ${(error as Error).message}`);
  }
  return {
    input,
    gold: str('gold') === undefined ? null : recordedPath(str('gold')!, cwd),
    thresholds,
    metrics,
    strata: str('strata') === undefined ? null : recordedPath(str('strata')!, cwd),
    rule,
    target: label as Target,
    population,
    claim,
    margin,
    seed: wholeNumber('--seed', str('seed')!, 0),
  };
}

function wholeNumber(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${flag} must be a whole number >= ${min}, got "${text}"`);
  }
  return value;
}

function share(flag: string, text: string, closed: boolean): number {
  const value = Number(text);
  const ok = text.trim() !== '' && (closed ? value >= 0 && value <= 1 : value > 0 && value < 1);
  if (!ok) {
    const hint = value > 1 && value <= 100 ? ` (a share, not a percentage: ${value / 100})` : '';
    throw new UsageError(
      `${flag} must be a share ${closed ? 'from 0 to 1' : 'between 0 and 1'}, got "${text}"${hint}`,
    );
  }
  return value;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function summary(run: EstimateRun, outDir: string, manifestPath: string): string {
  const r = run.report;
  const target = r.options.target;
  const t = r.targets[target];
  const lines = [
    `rule: ${r.options.rule_text}`,
    `${t.flagged} of ${t.channels} channels flagged (${target}), ${r.inputs.messages.messages} messages`,
    `naive      ${pct(t.naive.rate)}  95% ${pct(t.naive.wilson.lower)}–${pct(t.naive.wilson.upper)} (Wilson)` +
      (t.naive.finite_population
        ? `, ${pct(t.naive.finite_population.lower)}–${pct(t.naive.finite_population.upper)} (finite population ${t.naive.finite_population.population})`
        : ''),
    t.corrected.available
      ? `corrected  ${pct(t.corrected.rate)}  95% ${pct(t.corrected.lower)}–${pct(t.corrected.upper)} (Rogan–Gladen, Lang–Reiczigel; Se ${pct(t.corrected.sensitivity.estimate)}, Sp ${pct(t.corrected.specificity.estimate)})`
      : `corrected  n/a: ${t.corrected.reason}`,
    t.stratified.available
      ? `stratified ${pct(t.stratified.rate)}  95% ${pct(t.stratified.lower)}–${pct(t.stratified.upper)} (${t.stratified.source.replace('_', ' ')})`
      : `stratified n/a: ${t.stratified.reason}`,
  ];
  const c = r.claim;
  if (c !== null) {
    lines.push(
      'lower' in c.consistent_true_rates
        ? `claim ${pct(c.claimed_rate)} of ${c.population}: true rates consistent with it ${pct(c.consistent_true_rates.lower)}–${pct(c.consistent_true_rates.upper)}`
        : `claim ${pct(c.claimed_rate)} of ${c.population}: ${c.consistent_true_rates.reason}`,
      `review ${c.review_sample_size.at_claimed_rate} random channels for ±${pct(c.review_sample_size.margin)} at 95%`,
    );
  }
  lines.push(
    `reports: ${path.join(outDir, 'report.md')}, report.html, report.json`,
    `verify:  tgrisk audit verify ${manifestPath}`,
  );
  return `${lines.join('\n')}\n`;
}
