/**
 * Plain-words verdicts of a model comparison: which model is better on what, by how much, and
 * whether the data can tell (p < alpha) or not.
 */
import type { McNemarResult } from './mcnemar.ts';
import type { PairedDifference } from './paired-bootstrap.ts';

/** How the two models are named in sentences: "A (name@version)". */
export interface ModelNames {
  a: string;
  b: string;
}

const f = (x: number) => x.toFixed(4);
const signed = (x: number) => (x >= 0 ? `+${f(x)}` : f(x));

/** "p = 0.0215", or "p < 0.0001" where 4 decimals would print 0. */
export function formatP(p: number): string {
  return p < 0.0001 ? 'p < 0.0001' : `p = ${f(p)}`;
}

/** The verdict of a paired bootstrap F1 difference, e.g. for "macro-F1". */
export function f1Verdict(
  what: string,
  d: PairedDifference,
  names: ModelNames,
  alpha: number,
  level: number,
): string {
  const head =
    `${what}: B ${f(d.b)} vs A ${f(d.a)}, B - A = ${signed(d.difference)} ` +
    `(${Math.round(level * 100)}% CI ${signed(d.low)} to ${signed(d.high)}, paired bootstrap ${formatP(d.pValue)})`;
  if (d.pValue < alpha) {
    const better = d.difference > 0 ? `B (${names.b})` : `A (${names.a})`;
    return `${head}: a real difference at alpha ${alpha}; ${better} is better.`;
  }
  return `${head}: no real difference shown at alpha ${alpha}; the data cannot tell the models apart.`;
}

/** The verdict of McNemar's test on per-example correctness. */
export function mcnemarVerdict(what: string, m: McNemarResult, names: ModelNames, alpha: number): string {
  const head =
    `${what}: ${m.aRightBWrong} examples only A got right, ${m.aWrongBRight} only B ` +
    `(McNemar exact ${formatP(m.pValue)})`;
  if (m.aRightBWrong + m.aWrongBRight === 0) return `${head}: the models never disagree.`;
  if (m.pValue < alpha) {
    const better = m.aWrongBRight > m.aRightBWrong ? `B (${names.b})` : `A (${names.a})`;
    return `${head}: a real difference at alpha ${alpha}; ${better} makes fewer errors.`;
  }
  return `${head}: no real difference shown at alpha ${alpha}.`;
}

/** One label: the F1 verdict, then whether McNemar on per-example correctness agrees. */
export function labelVerdict(
  label: string,
  d: PairedDifference,
  m: McNemarResult,
  names: ModelNames,
  alpha: number,
  level: number,
): string {
  const f1Real = d.pValue < alpha;
  const mcnemarReal = m.pValue < alpha;
  const agreement =
    f1Real === mcnemarReal
      ? `McNemar on per-example correctness agrees (${m.aRightBWrong} vs ${m.aWrongBRight}, ${formatP(m.pValue)}).`
      : `McNemar on per-example correctness ${mcnemarReal ? 'finds' : 'does not find'} a real difference ` +
        `(${m.aRightBWrong} vs ${m.aWrongBRight}, ${formatP(m.pValue)}): the tests disagree, so treat it as borderline.`;
  return `${f1Verdict(`${label} F1`, d, names, alpha, level)} ${agreement}`;
}
