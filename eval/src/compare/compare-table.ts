/** The human-readable form of an eval-compare.v1: one table of differences, then the verdicts. */
import { RISK_LABELS, type EvalCompareV1 } from '@tg-risk/schemas';
import { alignColumns } from '../offline/eval-table.ts';
import { formatP } from './verdicts.ts';

const f = (x: number) => x.toFixed(4);
const signed = (x: number) => (x >= 0 ? `+${f(x)}` : f(x));
const p = (x: number) => formatP(x).replace(/^p = /, '').replace(/^p /, '');

/** Renders the comparison for a terminal. */
export function renderCompareTable(report: EvalCompareV1): string {
  const level = Math.round(report.bootstrap.level * 100);
  const row = (
    name: string,
    e: EvalCompareV1['macro_f1'],
    m?: EvalCompareV1['labels']['fraud']['mcnemar'],
  ) => [
    name,
    f(e.f1_a),
    f(e.f1_b),
    signed(e.difference),
    `${signed(e.interval.low)} to ${signed(e.interval.high)}`,
    p(e.p_value),
    m ? String(m.a_right_b_wrong) : '',
    m ? String(m.a_wrong_b_right) : '',
    m ? p(m.p_value) : '',
  ];
  const rows = [
    ['F1', 'A', 'B', 'B - A', `${level}% CI`, 'p', 'only A right', 'only B right', 'McNemar p'],
    ...RISK_LABELS.map((l) => row(l, report.labels[l], report.labels[l].mcnemar)),
    row('macro', report.macro_f1),
    row('micro', report.micro_f1),
  ];
  const exact = report.exact_match;
  const { input } = report;
  return [
    `A ${report.model_a.model} (${report.model_a.dir})`,
    `B ${report.model_b.model} (${report.model_b.dir})`,
    `on ${input.file} (sha256 ${input.sha256.slice(0, 12)}…): ${report.examples} examples` +
      (input.bad_lines > 0 ? `, ${input.bad_lines} bad lines skipped` : ''),
    '',
    ...alignColumns(rows),
    '',
    `Whole label set right: A ${f(exact.accuracy_a)}, B ${f(exact.accuracy_b)}; ` +
      `only A right ${exact.mcnemar.a_right_b_wrong}, only B right ${exact.mcnemar.a_wrong_b_right}, ` +
      `McNemar p ${p(exact.mcnemar.p_value)}.`,
    '',
    `Verdict at alpha ${report.alpha}: ${report.verdict}`,
    `- ${report.macro_f1.verdict}`,
    ...RISK_LABELS.map((l) => `- ${report.labels[l].verdict}`),
    `- ${report.micro_f1.verdict}`,
    `- ${exact.verdict}`,
    '',
    `p: paired bootstrap (${report.bootstrap.replicates} replicates, seed ${report.bootstrap.seed}; ` +
      `the same resampled examples for both models; the smallest p it can show is ` +
      `${formatP(2 / (report.bootstrap.replicates + 1)).replace(/^p = /, '')}). McNemar: exact binomial test ` +
      `on the examples where exactly one model is right about the label.`,
    '',
  ].join('\n');
}
