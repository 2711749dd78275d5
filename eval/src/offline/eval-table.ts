/** The human-readable form of an eval-report.v1: aligned tables for a terminal. */
import { RISK_LABELS, type EvalReportV1 } from '@tg-risk/schemas';

const f = (x: number) => x.toFixed(4);

/** Right-aligns every column but the first, which is left-aligned. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** Renders per-label metrics, macro/micro F1 with intervals, per-language F1 and calibration. */
export function renderEvalTable(report: EvalReportV1): string {
  const level = Math.round(report.bootstrap.level * 100);
  const interval = (i: { low: number; high: number }) => `${f(i.low)}-${f(i.high)}`;
  const labelRows = [
    ['label', 'precision', 'recall', 'F1', `F1 ${level}% CI`, 'support', 'PR-AUC', 'ECE'],
    ...RISK_LABELS.map((l) => {
      const m = report.labels[l];
      return [
        l,
        f(m.precision),
        f(m.recall),
        f(m.f1),
        interval(report.f1_interval[l]),
        String(m.support),
        f(m.pr_auc),
        f(report.calibration[l].ece),
      ];
    }),
    ['macro', '', '', f(report.macro_f1), interval(report.f1_interval.macro), '', '', ''],
    ['micro', '', '', f(report.micro_f1), interval(report.f1_interval.micro), '', '', ''],
  ];
  const langRows = [
    ['language', 'examples', 'macro-F1', 'micro-F1', ...RISK_LABELS.map((l) => `${l} F1`)],
    ...Object.entries(report.by_lang).map(([lang, m]) => [
      lang,
      String(m.examples),
      f(m.macro_f1),
      f(m.micro_f1),
      ...RISK_LABELS.map((l) => (m.labels[l].support === 0 ? 'n/a' : f(m.labels[l].f1))),
    ]),
  ];
  const { input } = report;
  return [
    `model ${report.model} on ${input.file} (sha256 ${input.sha256.slice(0, 12)}…): ` +
      `${report.examples} example${report.examples === 1 ? '' : 's'}` +
      (input.bad_lines > 0 ? `, ${input.bad_lines} bad lines skipped` : ''),
    '',
    ...alignColumns(labelRows),
    '',
    ...alignColumns(langRows),
    '',
    `Intervals: ${level}% percentile bootstrap over examples, ${report.bootstrap.replicates} replicates, ` +
      `seed ${report.bootstrap.seed}. ECE: expected calibration error over 10 score bins. ` +
      `"n/a": no examples with that label in the language.`,
    '',
  ].join('\n');
}
