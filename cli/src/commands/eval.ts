/**
 * `tgrisk eval FILE`: a model's quality on a labelled set (eval-example.v1 JSONL), as a table or,
 * with --json, one eval-report.v1 object. `--compare DIR_A DIR_B` runs two models on the same set
 * and tests whether they differ (paired bootstrap, McNemar), as a table or one eval-compare.v1.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { TgRiskError, UsageError } from '@tg-risk/core';
import { createDefaultClassifier, DEFAULT_MODEL_DIR } from '@tg-risk/models';
import {
  buildEvalReport,
  compareModels,
  DEFAULT_BOOTSTRAP,
  EVAL_EXAMPLE_SHAPE,
  parseEvalSet,
  renderCompareTable,
  renderEvalTable,
  reportFromScores,
  scoreExamples,
  type EvalInputSummary,
  type EvalSet,
} from '@tg-risk/eval';
import type { EvalExampleV1 } from '@tg-risk/schemas';
import type { CliIo, Command } from '../command.ts';
import { parseCommandArgs } from '../parse-args.ts';

/** How many bad lines are listed before the rest are only counted. */
const BAD_LINES_LISTED = 20;
/** Significance level of the comparison verdicts. */
const ALPHA = 0.05;
/** Largest labelled set read (it is held in memory with its scores). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export const evalCommand: Command = async (args, _env, io) => {
  const { compare, rest } = takeCompareDirs(args);
  const { values, positionals } = parseCommandArgs('eval', rest, {
    model: { type: 'string' },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    'skip-bad': { type: 'boolean', default: false },
    replicates: { type: 'string', default: String(DEFAULT_BOOTSTRAP.replicates) },
    seed: { type: 'string', default: String(DEFAULT_BOOTSTRAP.seed) },
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      `eval takes one FILE of eval-example.v1 lines, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}` +
        ' (usage: tgrisk eval FILE [--model DIR | --compare DIR_A DIR_B] [--json] [--out FILE] [--skip-bad])',
    );
  }
  if (compare && values.model !== undefined) {
    throw new UsageError('--model and --compare exclude each other: --compare names both model directories');
  }
  const bootstrap = {
    replicates: wholeNumber('--replicates', values.replicates, 1, 1_000_000),
    seed: wholeNumber('--seed', values.seed, 0, 4_294_967_295),
    level: DEFAULT_BOOTSTRAP.level,
  };
  const file = positionals[0]!;
  const set = readEvalSet(file, values['skip-bad'], io);
  const input: EvalInputSummary = {
    file,
    sha256: set.sha256,
    lines: set.lines,
    badLines: set.badLines.length,
  };

  let json: string;
  let table: string;
  if (compare) {
    const [a, b] = [await scoreWith(compare[0], set.examples), await scoreWith(compare[1], set.examples)];
    const report = compareModels(a, b, input, { alpha: ALPHA, bootstrap });
    json = JSON.stringify(report);
    table = renderCompareTable(report);
  } else {
    const scored = await scoreWith(values.model, set.examples);
    const report = buildEvalReport(reportFromScores(scored.model, scored.scored, bootstrap), input);
    json = JSON.stringify(report);
    table = renderEvalTable(report);
  }
  if (values.out !== undefined) writeReport(values.out, `${json}\n`);
  io.stdout.write(values.json ? `${json}\n` : table);
  return 0;
};

/**
 * Removes `--compare DIR_A DIR_B` from the arguments: node's parseArgs gives an option one value,
 * and DIR_B would otherwise be mistaken for the FILE.
 */
function takeCompareDirs(args: readonly string[]): { compare?: [string, string]; rest: string[] } {
  const at = args.findIndex((a) => a === '--compare' || a.startsWith('--compare='));
  if (at === -1) return { rest: [...args] };
  const dirA = args[at + 1];
  const dirB = args[at + 2];
  if (args[at] !== '--compare' || dirA === undefined || dirB === undefined || [dirA, dirB].some(isOption)) {
    throw new UsageError('--compare needs two model directories: tgrisk eval FILE --compare DIR_A DIR_B');
  }
  if (args.indexOf('--compare', at + 1) !== -1) throw new UsageError('--compare may be given once');
  return { compare: [dirA, dirB], rest: [...args.slice(0, at), ...args.slice(at + 3)] };
}

const isOption = (arg: string) => arg.startsWith('--');

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** Reads and checks the labelled set; lists bad lines on stderr and stops unless `skipBad`. */
function readEvalSet(file: string, skipBad: boolean, io: CliIo): EvalSet {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      throw new TgRiskError(
        'EVAL_INPUT_TOO_LARGE',
        `${file} is ${size} bytes; the limit is 512 MiB: split it`,
      );
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof TgRiskError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new TgRiskError(
      'EVAL_INPUT_UNREADABLE',
      `cannot read ${file} (${code ?? (error as Error).message}): give the path of a JSONL file of eval-example.v1 lines`,
      { cause: error, context: { file } },
    );
  }
  const set = parseEvalSet(bytes);
  const bad = set.badLines;
  if (bad.length > 0) {
    for (const b of bad.slice(0, BAD_LINES_LISTED)) io.stderr.write(`${file}:${b.line}: ${b.problem}\n`);
    const more =
      bad.length > BAD_LINES_LISTED ? ` (the first ${BAD_LINES_LISTED} are listed above)` : ' (listed above)';
    if (!skipBad) {
      throw new TgRiskError(
        'EVAL_INPUT_INVALID',
        `${bad.length} of ${set.lines} lines in ${file} are not eval-example.v1${more}; each line must be ` +
          `${EVAL_EXAMPLE_SHAPE}. Fix them, or pass --skip-bad to evaluate the other lines`,
        { context: { file, line: bad[0]!.line } },
      );
    }
    io.stderr.write(`tgrisk eval: skipped ${bad.length} bad lines of ${set.lines} in ${file}${more}\n`);
  }
  if (set.examples.length === 0) {
    throw new TgRiskError(
      'EVAL_INPUT_EMPTY',
      `${file} has no examples to evaluate: it needs JSONL lines of ${EVAL_EXAMPLE_SHAPE}`,
      { context: { file } },
    );
  }
  return set;
}

/** Scores the examples with the model in `dir` (default model when undefined) and closes it. */
async function scoreWith(dir: string | undefined, examples: readonly EvalExampleV1[]) {
  const classifier = await createDefaultClassifier(dir ?? DEFAULT_MODEL_DIR);
  try {
    return {
      dir: dir ?? DEFAULT_MODEL_DIR,
      model: classifier.model,
      scored: await scoreExamples(classifier, examples),
    };
  } finally {
    await classifier.close();
  }
}

function writeReport(out: string, text: string): void {
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new TgRiskError(
      'EVAL_OUTPUT_UNWRITABLE',
      `cannot write the report to ${out} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): ` +
        'give --out a path in a writable directory',
      { cause: error, context: { file: out } },
    );
  }
}
