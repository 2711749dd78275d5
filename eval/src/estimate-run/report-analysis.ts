/**
 * The report sections about what the figure depends on: the rule and the thresholds, the chance a
 * clean channel is flagged, and the classifier's quality (reliability diagram, PR curves).
 */
import type { EstimateReportV1, EstRuleRates } from '@tg-risk/schemas';
import { LABELS, TARGETS } from './records.ts';
import { pct, points, ruleRateCell, type Block, type Section } from './report-blocks.ts';
import { xyChart } from './svg-charts.ts';

/** The "rule" section. */
export function ruleSection(report: EstimateReportV1): Section {
  const target = report.options.target;
  const head = ['rule', ...TARGETS.map((t) => `${t}: naive / corrected`)];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'The same data under other rules. Corrected rates re-measure sensitivity and specificity under each rule; they should move much less than the naive ones.',
    },
    {
      kind: 'table',
      head,
      rows: report.sensitivity.by_k.map((r) => [
        `k = ${r.k}`,
        ...TARGETS.map((t) => ruleRateCell(r.rates, t)),
      ]),
    },
    {
      kind: 'table',
      head,
      rows: report.sensitivity.by_share.map((r) => [
        `p = ${r.p}`,
        ...TARGETS.map((t) => ruleRateCell(r.rates, t)),
      ]),
    },
  ];
  const series = (rows: ReadonlyArray<{ rates: EstRuleRates }>, x: (i: number) => number) => [
    { name: 'naive', points: rows.map((r, i) => [x(i), r.rates[target].naive] as const) },
    {
      name: 'corrected',
      dashed: true,
      points: rows.map((r, i) => [x(i), r.rates[target].corrected?.rate ?? null] as const),
    },
  ];
  blocks.push({
    kind: 'chart',
    caption: `Rate against the rule "at least k flagged messages" (${target}).`,
    svg: xyChart({
      title: `Rate against k (${target})`,
      xLabel: 'k: flagged messages needed',
      yLabel: 'share of channels',
      series: series(report.sensitivity.by_k, (i) => report.sensitivity.by_k[i]!.k),
      xTicks: report.sensitivity.by_k.map((r) => [r.k, String(r.k)] as const),
    }),
  });
  blocks.push({
    kind: 'chart',
    caption: `Rate against the rule "at least a share p of messages flagged" (${target}).`,
    svg: xyChart({
      title: `Rate against p (${target})`,
      xLabel: 'p: share of messages flagged needed',
      yLabel: 'share of channels',
      series: series(report.sensitivity.by_share, (i) => i),
      xTicks: report.sensitivity.by_share.map((r, i) => [i, String(r.p)] as const),
      xRange: [0, report.sensitivity.by_share.length - 1],
    }),
  });
  const byThreshold = report.sensitivity.by_threshold;
  if (Array.isArray(byThreshold)) {
    blocks.push({
      kind: 'table',
      head: [
        'message thresholds',
        ...LABELS.map((l) => `${l} t`),
        ...TARGETS.map((t) => `${t}: naive / corrected`),
      ],
      rows: byThreshold.map((r) => [
        r.name,
        ...LABELS.map((l) => r.thresholds[l].toFixed(3)),
        ...TARGETS.map((t) => ruleRateCell(r.rates, t)),
      ]),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: `Other message thresholds: ${byThreshold.reason}.` });
  }
  return { title: 'Sensitivity to the rule and the thresholds', blocks };
}

/** The "falseAlarm" section. */
export function falseAlarmSection(report: EstimateReportV1): Section {
  const target = report.options.target;
  const fa = report.sensitivity.false_alarm.targets[target];
  if (!fa.available)
    return { title: 'Chance a clean channel is flagged', blocks: [{ kind: 'paragraph', text: fa.reason }] };
  const basis =
    fa.inflation_basis === 'corrected'
      ? 'the corrected rate'
      : fa.inflation_basis === 'stratified'
        ? 'the stratified rate'
        : 'no estimate of the true rate, so as if every channel were clean (an upper bound)';
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Message-level false-positive rate f = ${(fa.f * 100).toFixed(2)}% (${report.sensitivity.false_alarm.source.replace(/_/g, ' ')}: ${fa.f_basis}). A clean channel with n messages gets at least one false flag with probability 1 − (1 − f)^n.`,
    },
    {
      kind: 'table',
      head: ['messages in channel', 'P(≥ 1 false flag)', 'P(flagged under the rule)'],
      rows: fa.by_size.map((r) => [String(r.messages), pct(r.at_least_one), pct(r.rule)]),
    },
    {
      kind: 'table',
      head: [
        'channels',
        'count',
        'messages',
        'expected false alarms, ≥ 1 flag',
        'observed ≥ 1 flag',
        'inflation, ≥ 1 flag',
        'inflation, rule',
      ],
      rows: (
        [
          ['all', fa.all],
          ['large (top quarter by size)', fa.large],
          ['small', fa.small],
        ] as const
      ).map(([name, g]) => [
        name,
        String(g.channels),
        g.channels === 0 ? '—' : `${g.min_messages}–${g.max_messages}`,
        pct(g.expected_false_alarm_at_least_one),
        pct(g.observed_rate_at_least_one),
        points(g.inflation_at_least_one),
        points(g.inflation_rule),
      ]),
    },
    {
      kind: 'paragraph',
      text:
        `Under "one flagged message", falsely flagged clean channels add about ${points(fa.all.inflation_at_least_one)} to the naive rate overall, ` +
        `${points(fa.large.inflation_at_least_one)} among the largest quarter of channels (${fa.large.min_messages}+ messages) and ` +
        `${points(fa.small.inflation_at_least_one)} among the rest; under the chosen rule, ${points(fa.all.inflation_rule)} overall (weighted by 1 − rate from ${basis}).`,
    },
  ];
  const maxSize = Math.max(2, ...fa.by_size.map((r) => r.messages));
  const sizes = Array.from({ length: 40 }, (_, i) => Math.max(1, Math.round(Math.pow(maxSize, i / 39))));
  const curve = [...new Set(sizes)].map((n) => [n, 1 - Math.pow(1 - fa.f, n)] as const);
  blocks.push({
    kind: 'chart',
    caption: 'P(a clean channel has at least one false flag) against its size, at the measured f.',
    svg: xyChart({
      title: `Clean channel flagged at least once (${target})`,
      xLabel: 'messages in channel (log scale)',
      yLabel: 'probability',
      logX: true,
      xRange: [1, maxSize],
      series: [{ name: `f = ${(fa.f * 100).toFixed(2)}%`, lineOnly: true, points: curve }],
    }),
  });
  return { title: 'Chance a clean channel is flagged', blocks };
}

/** The "model" section. */
export function modelSection(report: EstimateReportV1): Section | null {
  const blocks: Block[] = [];
  const q = report.model_quality;
  if (q !== null) {
    blocks.push({
      kind: 'table',
      head: ['label', 'threshold', 'precision', 'recall', 'false-positive rate'],
      rows: LABELS.map((l) => {
        const m = q.labels[l];
        return [
          l,
          m.threshold === null ? 'n/a' : m.threshold.toFixed(3),
          pct(m.precision),
          pct(m.recall),
          `${(m.false_positive_rate * 100).toFixed(2)}%`,
        ];
      }),
    });
    if (LABELS.some((l) => q.labels[l].reliability.length > 0)) {
      blocks.push({
        kind: 'chart',
        caption: `Reliability diagram (${q.source}): observed rate against mean score per bin.`,
        svg: xyChart({
          title: 'Reliability diagram (messages, test split)',
          xLabel: 'mean score in bin',
          yLabel: 'observed rate',
          xRange: [0, 1],
          diagonal: true,
          series: LABELS.map((l) => ({
            name: l,
            points: q.labels[l].reliability
              .filter((b) => b.count > 0)
              .map((b) => [b.mean_score, b.observed_rate] as const),
          })),
        }),
      });
      blocks.push({
        kind: 'chart',
        caption:
          "The model's operating points on its test split (precision and recall at the saved thresholds).",
        svg: xyChart({
          title: 'Operating points (messages, test split)',
          xLabel: 'recall',
          yLabel: 'precision',
          xRange: [0, 1],
          series: LABELS.map((l) => ({
            name: l,
            markersOnly: true,
            points: [[q.labels[l].recall, q.labels[l].precision] as const],
          })),
        }),
      });
    }
  }
  const curves = report.pr_curves;
  if (curves.channel !== null) {
    blocks.push({
      kind: 'chart',
      caption: 'Channel-level precision–recall curves: highest message score against the gold verdict.',
      svg: xyChart({
        title: 'PR curve (channels, gold sample)',
        xLabel: 'recall',
        yLabel: 'precision',
        xRange: [0, 1],
        series: TARGETS.filter((t) => curves.channel![t].length > 0).map((t) => ({
          name: t,
          lineOnly: true,
          points: curves.channel![t].map((p) => [p.recall, p.precision] as const),
        })),
      }),
    });
  }
  if (curves.message !== null) {
    blocks.push({
      kind: 'chart',
      caption: 'Message-level precision–recall curves from the reviewed messages of the input.',
      svg: xyChart({
        title: 'PR curve (messages, reviewed)',
        xLabel: 'recall',
        yLabel: 'precision',
        xRange: [0, 1],
        series: LABELS.filter((l) => curves.message![l].length > 0).map((l) => ({
          name: l,
          lineOnly: true,
          points: curves.message![l].map((p) => [p.recall, p.precision] as const),
        })),
      }),
    });
  }
  return blocks.length === 0 ? null : { title: 'Classifier quality', blocks };
}
