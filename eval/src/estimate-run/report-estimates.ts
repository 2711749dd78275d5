/**
 * The report sections about the estimates: the summary, every target, the error profile from the
 * audit, the strata, the claim check and the inputs.
 */
import type { EstimateReportV1, EstTarget } from '@tg-risk/schemas';
import { LABELS, TARGETS } from './records.ts';
import {
  correctedCell,
  pct,
  points,
  range,
  short,
  stratifiedCell,
  type Block,
  type Section,
} from './report-blocks.ts';
import { intervalChart, type IntervalRow } from './svg-charts.ts';

/** The "summary" section. */
export function summarySection(report: EstimateReportV1): Section {
  const target = report.options.target;
  const t = report.targets[target];
  const rows: string[][] = [
    ['naive', pct(t.naive.rate), range(t.naive.wilson.lower, t.naive.wilson.upper), 'Wilson score'],
    [
      'naive',
      pct(t.naive.rate),
      range(t.naive.clopper_pearson.lower, t.naive.clopper_pearson.upper),
      'Clopper–Pearson',
    ],
  ];
  if (t.naive.finite_population) {
    const fpc = t.naive.finite_population;
    rows.push([
      'naive',
      pct(t.naive.rate),
      range(fpc.lower, fpc.upper),
      `Wilson, finite population N = ${fpc.population}`,
    ]);
  }
  rows.push(
    t.corrected.available
      ? [
          'corrected',
          pct(t.corrected.rate),
          range(t.corrected.lower, t.corrected.upper),
          'Rogan–Gladen, Lang–Reiczigel interval',
        ]
      : ['corrected', 'n/a', '', t.corrected.reason],
  );
  rows.push(
    t.stratified.available
      ? [
          'stratified',
          pct(t.stratified.rate),
          range(t.stratified.lower, t.stratified.upper),
          `design-based (${t.stratified.source.replace('_', ' ')})`,
        ]
      : ['stratified', 'n/a', '', t.stratified.reason],
  );
  const blocks: Block[] = [
    { kind: 'paragraph', text: `Rule: ${report.options.rule_text}` },
    {
      kind: 'paragraph',
      text:
        `${report.targets[target].flagged} of ${t.channels} channels are flagged for ${target === 'any' ? 'any label' : target} ` +
        `(${report.inputs.messages.messages} messages; decided by ${report.inputs.messages.decided_by}).`,
    },
    { kind: 'table', head: ['estimate', 'rate', '95% interval', 'method'], rows },
  ];
  if (t.naive.projected_channels) {
    const p = t.naive.projected_channels;
    blocks.push({
      kind: 'paragraph',
      text: `Naive projection to the population: ${Math.round(p.estimate)} channels (${Math.round(p.lower)}–${Math.round(p.upper)}).`,
    });
  }
  if (t.corrected.available && Math.abs(t.naive.rate - t.corrected.rate) >= 0.0005) {
    const gap = t.naive.rate - t.corrected.rate;
    blocks.push({
      kind: 'paragraph',
      text: `The naive figure is ${points(Math.abs(gap))} ${gap > 0 ? 'above' : 'below'} the corrected one: that is the classifier's and the rule's error, not violations.`,
    });
  }
  blocks.push({
    kind: 'chart',
    svg: estimatesChart(report),
    caption: 'Naive, corrected and stratified rates with 95% intervals.',
  });
  return { title: `Summary (${target === 'any' ? 'any label' : target})`, blocks };
}

function estimatesChart(report: EstimateReportV1): string {
  const rows: IntervalRow[] = [];
  for (const target of TARGETS) {
    const t: EstTarget = report.targets[target];
    rows.push({ label: `${target}: naive`, estimate: t.naive.rate, ...t.naive.wilson });
    rows.push(
      t.corrected.available
        ? {
            label: `${target}: corrected`,
            estimate: t.corrected.rate,
            lower: t.corrected.lower,
            upper: t.corrected.upper,
          }
        : { label: `${target}: corrected`, estimate: null },
    );
    rows.push(
      t.stratified.available
        ? {
            label: `${target}: stratified`,
            estimate: t.stratified.rate,
            lower: t.stratified.lower,
            upper: t.stratified.upper,
          }
        : { label: `${target}: stratified`, estimate: null },
    );
  }
  return intervalChart('Rate by method, 95% intervals', rows);
}

/** The "targets" section. */
export function targetsSection(report: EstimateReportV1): Section {
  const rows = TARGETS.map((target) => {
    const t = report.targets[target];
    return [
      target,
      `${t.flagged}/${t.channels}`,
      `${pct(t.naive.rate)} (${range(t.naive.wilson.lower, t.naive.wilson.upper)})`,
      range(t.naive.clopper_pearson.lower, t.naive.clopper_pearson.upper),
      t.naive.finite_population
        ? range(t.naive.finite_population.lower, t.naive.finite_population.upper)
        : 'n/a',
      correctedCell(t.corrected),
      stratifiedCell(t.stratified),
    ];
  });
  return {
    title: 'Every target',
    blocks: [
      {
        kind: 'table',
        head: [
          'target',
          'flagged',
          'naive (Wilson)',
          'Clopper–Pearson',
          'finite population',
          'corrected',
          'stratified',
        ],
        rows,
      },
    ],
  };
}

/** The "errorProfile" section. */
export function errorProfileSection(report: EstimateReportV1): Section {
  const rows: string[][] = [];
  const unavailable: string[] = [];
  for (const target of TARGETS) {
    const c = report.targets[target].corrected;
    if (!c.available) {
      unavailable.push(`${target}: ${c.reason}`);
      continue;
    }
    rows.push([
      target,
      String(c.gold_channels),
      `${c.confusion.tp} / ${c.confusion.fn} / ${c.confusion.tn} / ${c.confusion.fp}`,
      `${pct(c.sensitivity.estimate)} (${range(c.sensitivity.lower, c.sensitivity.upper)})`,
      `${pct(c.specificity.estimate)} (${range(c.specificity.lower, c.specificity.upper)})`,
      c.warnings.join('; ') || '—',
    ]);
  }
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: "The rule's decisions against the reviewed verdicts of the gold channels (sensitivity and specificity with Wilson 95% intervals). The corrected rate is (naive + Sp − 1)/(Se + Sp − 1), clipped to [0, 1] (Rogan & Gladen 1978); its interval follows Lang & Reiczigel (2014).",
    },
  ];
  if (rows.length > 0) {
    blocks.push({
      kind: 'table',
      head: ['target', 'gold channels', 'TP / FN / TN / FP', 'sensitivity', 'specificity', 'warnings'],
      rows,
    });
  }
  if (unavailable.length > 0) blocks.push({ kind: 'list', items: unavailable });
  return { title: 'Error profile from the audit sample', blocks };
}

/** The "strata" section. */
export function strataSection(report: EstimateReportV1): Section | null {
  const s = report.targets[report.options.target].stratified;
  if (!s.available) return null;
  return {
    title: 'Stratified estimate',
    blocks: [
      {
        kind: 'paragraph',
        text: `Σ W_h p_h over ${s.strata.length} strata of ${s.population} channels: ${pct(s.rate)} (${range(s.lower, s.upper)}), standard error ${points(s.standard_error)} (Cochran 1977, ch. 5).`,
      },
      {
        kind: 'table',
        head: ['stratum', 'N_h', 'n_h', 'y_h', 'W_h', 'p_h'],
        rows: s.strata.map((h) => [
          h.name,
          String(h.population),
          String(h.sample),
          String(h.positives),
          h.weight.toFixed(3),
          pct(h.rate),
        ]),
      },
    ],
  };
}

const METHOD_NAMES = {
  lang_reiczigel: 'corrected, Lang–Reiczigel',
  stratified_normal: 'stratified',
  wilson: 'naive, Wilson: no error profile to correct with',
} as const;

/** The "claim" section. */
export function claimSection(report: EstimateReportV1): Section | null {
  const c = report.claim;
  if (c === null) return null;
  const items: string[] = [];
  items.push(
    c.consistent_true_rates && 'lower' in c.consistent_true_rates
      ? `Read as the classifier's apparent rate, a claim of ${pct(c.claimed_rate)} of ${c.population} channels is consistent with a true rate of ${range(c.consistent_true_rates.lower, c.consistent_true_rates.upper)} (Lang–Reiczigel with the measured sensitivity and specificity).`
      : `True rates consistent with the claim: not available (${'reason' in c.consistent_true_rates ? c.consistent_true_rates.reason : ''}).`,
  );
  if (c.our_estimate) {
    items.push(
      `This run's estimate (${METHOD_NAMES[c.our_estimate.method]}): ${pct(c.our_estimate.rate)} (${range(c.our_estimate.lower, c.our_estimate.upper)}); the claim is ${c.claim_inside_our_interval ? 'inside' : 'outside'} that interval.`,
    );
  }
  items.push(
    `To estimate the rate within ±${points(c.review_sample_size.margin)} at 95%, review ${c.review_sample_size.at_claimed_rate} channels drawn at random (${c.review_sample_size.worst_case} in the worst case, rate 50%).`,
  );
  if (c.to_distinguish) {
    items.push(
      `To tell the claim from this run's estimate (a gap of ${points(c.to_distinguish.difference)}), review about ${c.to_distinguish.sample_size} channels.`,
    );
  }
  return {
    title: `Claim check: ${pct(c.claimed_rate)} of ${c.population} (${c.target})`,
    blocks: [{ kind: 'list', items }],
  };
}

/** The "inputs" section. */
export function inputsSection(report: EstimateReportV1): Section {
  const i = report.inputs;
  const s = report.channel_sizes;
  const items = [
    `messages: ${i.messages.messages} in ${i.messages.channels} channels from ${i.messages.source === 'file' ? 'a file' : 'the SQLite store'} (sha256 ${short(i.messages.sha256)}…); ${i.messages.scored_messages} with scores, ${i.messages.gold_labelled_messages} reviewed`,
    `channel sizes: min ${s.min}, median ${s.median}, 75th percentile ${s.p75}, 90th ${s.p90}, max ${s.max}, mean ${s.mean.toFixed(1)}`,
    i.gold === null
      ? 'gold: none'
      : `gold: ${i.gold.channels} reviewed channels, ${i.gold.in_input} in the input, ${i.gold.with_labels} with labels (sha256 ${short(i.gold.sha256)}…)`,
    i.thresholds === null
      ? 'thresholds: none'
      : `thresholds: ${i.thresholds.set}: ${LABELS.map((l) => `${l} ${i.thresholds![l].toFixed(3)}`).join(', ')} (sha256 ${short(i.thresholds.sha256)}…)`,
    i.strata === null
      ? 'strata file: none'
      : `strata file: ${i.strata.strata} strata (sha256 ${short(i.strata.sha256)}…)`,
    i.metrics === null
      ? 'model metrics: none'
      : `model metrics: ${i.metrics.model ?? 'unnamed model'} (sha256 ${short(i.metrics.sha256)}…)`,
    `seed: ${report.options.seed}; confidence level ${report.options.level}`,
  ];
  return { title: 'Inputs', blocks: [{ kind: 'list', items }] };
}
