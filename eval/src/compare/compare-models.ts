/**
 * Compares two models scored on the same labelled set: per label, macro and micro F1 differences
 * with a paired bootstrap, McNemar's exact test on per-example correctness per label and on the
 * whole label set, and plain-words verdicts; the result is an eval-compare.v1 object.
 */
import { assertValid, type EvalCompareV1 } from '@tg-risk/schemas';
import type { ScoredExample } from '../metrics/classification-metrics.ts';
import { byLabel, roundNumbers, type EvalInputSummary } from '../offline/eval-report.ts';
import type { BootstrapOptions } from '../offline/f1-bootstrap.ts';
import { isCorrect, labelOutcomes } from '../offline/label-outcomes.ts';
import { mcnemarFromCorrectness, type McNemarResult } from './mcnemar.ts';
import { pairedF1Bootstrap, type PairedDifference } from './paired-bootstrap.ts';
import { f1Verdict, labelVerdict, mcnemarVerdict } from './verdicts.ts';

/** One side of the comparison: where the model came from, its name@version and its scored examples. */
export interface ComparedModel {
  dir: string;
  model: string;
  scored: readonly ScoredExample[];
}

export interface CompareOptions {
  alpha: number;
  bootstrap: Required<BootstrapOptions>;
}

const exactMatch = (e: ScoredExample) =>
  e.gold.length === e.predicted.length && e.gold.every((l) => e.predicted.includes(l));

/** The F1 fields shared by labels, macro and micro, in schema order (the verdict goes last). */
function f1Fields(d: PairedDifference, alpha: number) {
  return {
    f1_a: d.a,
    f1_b: d.b,
    difference: d.difference,
    interval: { low: d.low, high: d.high },
    p_value: d.pValue,
    significant: d.pValue < alpha,
  };
}

function mcnemarEntry(m: McNemarResult, alpha: number) {
  return {
    a_right_b_wrong: m.aRightBWrong,
    a_wrong_b_right: m.aWrongBRight,
    p_value: m.pValue,
    significant: m.pValue < alpha,
  };
}

/** The eval-compare.v1 report of A against B; differences are B − A. */
export function compareModels(
  a: ComparedModel,
  b: ComparedModel,
  input: EvalInputSummary,
  options: CompareOptions,
): EvalCompareV1 {
  if (a.scored.length !== b.scored.length || a.scored.length === 0) {
    throw new RangeError(
      `compareModels needs the same non-empty set: ${a.scored.length} vs ${b.scored.length}`,
    );
  }
  const { alpha, bootstrap } = options;
  const names = { a: a.model, b: b.model };
  const outcomesA = labelOutcomes(a.scored);
  const outcomesB = labelOutcomes(b.scored);
  const differences = pairedF1Bootstrap(outcomesA, outcomesB, bootstrap);
  const mcnemar = byLabel((l) =>
    mcnemarFromCorrectness(
      Array.from(outcomesA.codes[l], isCorrect),
      Array.from(outcomesB.codes[l], isCorrect),
    ),
  );
  const exactA = a.scored.map(exactMatch);
  const exactB = b.scored.map(exactMatch);
  const exact = mcnemarFromCorrectness(exactA, exactB);
  const share = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;
  const report: EvalCompareV1 = {
    schema: 'eval-compare.v1',
    model_a: { dir: a.dir, model: a.model },
    model_b: { dir: b.dir, model: b.model },
    examples: a.scored.length,
    alpha,
    labels: byLabel((l) => ({
      ...f1Fields(differences[l], alpha),
      mcnemar: mcnemarEntry(mcnemar[l], alpha),
      verdict: labelVerdict(l, differences[l], mcnemar[l], names, alpha, bootstrap.level),
    })),
    macro_f1: {
      ...f1Fields(differences.macro, alpha),
      verdict: f1Verdict('macro-F1', differences.macro, names, alpha, bootstrap.level),
    },
    micro_f1: {
      ...f1Fields(differences.micro, alpha),
      verdict: f1Verdict('micro-F1', differences.micro, names, alpha, bootstrap.level),
    },
    exact_match: {
      accuracy_a: share(exactA),
      accuracy_b: share(exactB),
      mcnemar: mcnemarEntry(exact, alpha),
      verdict: mcnemarVerdict('whole label set right', exact, names, alpha),
    },
    verdict: overallVerdict(differences.macro, names, alpha),
    bootstrap: { replicates: bootstrap.replicates, seed: bootstrap.seed, level: bootstrap.level },
    input: { file: input.file, sha256: input.sha256, lines: input.lines, bad_lines: input.badLines },
  };
  return assertValid('eval-compare.v1', roundNumbers(report));
}

function overallVerdict(macro: PairedDifference, names: { a: string; b: string }, alpha: number): string {
  if (macro.pValue >= alpha) {
    return (
      `No real difference in macro-F1 at alpha ${alpha} between A (${names.a}) and B (${names.b}): ` +
      `B - A = ${macro.difference.toFixed(4)}, within what resampling the examples produces.`
    );
  }
  const [better, worse] =
    macro.difference > 0 ? [`B (${names.b})`, `A (${names.a})`] : [`A (${names.a})`, `B (${names.b})`];
  return (
    `${better} is better than ${worse} in macro-F1 by ${Math.abs(macro.difference).toFixed(4)}; ` +
    `the difference is real at alpha ${alpha}.`
  );
}
