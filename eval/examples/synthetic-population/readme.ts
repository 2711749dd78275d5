/**
 * Writes the example's README.md from its outcome, so the prose never drifts from the numbers.
 * (run.ts formats it with Prettier before writing.)
 */
import type { EstimateReportV1 } from '@tg-risk/schemas';
import type { PopulationConfig } from './population.ts';
import type { ReplicationSummary, WorkedExample } from './worked-example.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pts = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} points`;
const range = (a: number, b: number) => `${pct(a)}–${pct(b)}`;
const covers = (truth: number, lower: number, upper: number) =>
  lower <= truth && truth <= upper ? 'yes' : 'no';

function outcomeTable(report: EstimateReportV1, truth: number): string {
  const t = report.targets.any;
  const rows = [
    `| truth (share of the 400 channels) | ${pct(truth)} | | |`,
    `| naive: share flagged | ${pct(t.naive.rate)} | ${range(t.naive.wilson.lower, t.naive.wilson.upper)} (Wilson) | ${covers(truth, t.naive.wilson.lower, t.naive.wilson.upper)} |`,
  ];
  rows.push(
    t.corrected.available
      ? `| corrected: Rogan–Gladen, Lang–Reiczigel | ${pct(t.corrected.rate)} | ${range(t.corrected.lower, t.corrected.upper)} | ${covers(truth, t.corrected.lower, t.corrected.upper)} |`
      : `| corrected | n/a | ${t.corrected.reason} | |`,
  );
  rows.push(
    t.stratified.available
      ? `| stratified by score (gold sample) | ${pct(t.stratified.rate)} | ${range(t.stratified.lower, t.stratified.upper)} | ${covers(truth, t.stratified.lower, t.stratified.upper)} |`
      : `| stratified | n/a | ${t.stratified.reason} | |`,
  );
  return ['| figure | rate | 95% interval | covers the truth? |', '| --- | ---: | --- | --- |', ...rows].join(
    '\n',
  );
}

function ruleTable(report: EstimateReportV1, truth: number): string {
  const rows = report.sensitivity.by_k.map((r) => {
    const c = r.rates.any.corrected;
    return `| k = ${r.k} | ${pct(r.rates.any.naive)} | ${c ? `${pct(c.rate)} (${range(c.lower, c.upper)})` : 'n/a'} | ${c ? `${pct(c.sensitivity)} / ${pct(c.specificity)}` : 'n/a'} |`;
  });
  return [
    `| rule: at least k flagged messages | naive | corrected (95%) | Se / Sp | `,
    '| --- | ---: | --- | --- |',
    ...rows,
    `| truth | ${pct(truth)} | | |`,
  ].join('\n');
}

function replicationTable(s: ReplicationSummary): string {
  const row = (name: string, key: 'naive' | 'corrected' | 'stratified') =>
    `| ${name} | ${pts(s.meanBias[key])} | ${pct(s.coverage[key])} | ${(s.meanWidth[key] * 100).toFixed(1)} points |`;
  return [
    '| figure (rule k = 1) | mean bias | 95% interval covers the truth | mean interval width |',
    '| --- | ---: | ---: | ---: |',
    row('naive (Wilson)', 'naive'),
    row('corrected (Lang–Reiczigel)', 'corrected'),
    row('stratified', 'stratified'),
  ].join('\n');
}

/** The README of the worked example. */
export function renderExampleReadme(
  example: WorkedExample,
  config: PopulationConfig,
  model: string,
  replications: ReplicationSummary,
): string {
  const report = example.run.report;
  const truth = example.population.truth;
  const t = report.targets.any;
  const fa = report.sensitivity.false_alarm.targets.any;
  const claim = report.claim;
  const lines: string[] = [];
  lines.push(
    '# Worked example: a synthetic population with a known violation rate',
    '',
    `${config.channels} channels, each violating with probability ${config.trueRate} (seed ${config.seed}); ` +
      `${truth.violating} of them (${pct(truth.share)}) do. Their messages are real labelled test messages ` +
      '(`eval/data/test.jsonl`): a violating channel mixes messages of its label (10–50% of them, at least one) with ' +
      'clean ones, a clean channel has only clean messages and hard negatives. Channel sizes are log-normal ' +
      `(median ${config.medianSize}, up to ${config.maxSize} messages). Every message is scored by the shipped ` +
      `classifier (\`${model}\`, the same \`createDefaultClassifier()\` the pipeline uses). A reviewer audits ` +
      `${config.goldSample} channels drawn at random, without error, and labels their messages.`,
    '',
    'The figure a platform would publish is the naive one: the share of channels with at least one flagged ' +
      'message. The question is whether `tgrisk estimate` recovers the truth from the same data, and shows how far ' +
      'the naive figure is off.',
    '',
    '```sh',
    'npx tsx eval/examples/synthetic-population/run.ts   # rebuilds the input, the reports and this README',
    'npx tgrisk audit verify eval/examples/synthetic-population/output/manifest.json   # prints "identical"',
    '```',
    '',
    'Both are deterministic: the same seed and model give the same bytes (the manifest also records the git ' +
      'commit, which changes with every commit).',
    '',
    '`run.ts` writes the input (one estimate-input.v1 line per message, with scores) and the gold sample to ' +
      '`.data/examples/synthetic-population/` (not committed: it is regenerated identically from the seed), then runs ' +
      `the estimate with \`--rule k=1 --claim ${claim?.claimed_rate} --population ${config.channels}\` into ` +
      '[`output/`](output/): [`report.md`](output/report.md), `report.html` (charts), `report.json` and the run ' +
      '`manifest.json`.',
    '',
    '## Outcome',
    '',
    outcomeTable(report, truth.share),
    '',
    `The naive figure is ${pts(t.naive.rate - truth.share)} off. The report says why: the classifier flags ` +
      `${fa.available ? pct(fa.f) : 'some'} of clean messages for some label (measured on the reviewed messages), so a clean ` +
      `channel with ${report.channel_sizes.median} messages (the median) is flagged at least once with probability ` +
      `${fa.available ? pct(1 - Math.pow(1 - fa.f, report.channel_sizes.median)) : 'n/a'}` +
      (fa.available
        ? `, and falsely flagged clean channels add about ${pts(fa.all.inflation_at_least_one).slice(1)} to the ` +
          `naive rate, ${pts(fa.large.inflation_at_least_one).slice(1)} among the largest quarter of channels ` +
          `(${fa.large.min_messages}+ messages).`
        : '.'),
    '',
    t.corrected.available
      ? `The corrected figure measures the rule's channel-level sensitivity (${pct(t.corrected.sensitivity.estimate)}) and ` +
          `specificity (${pct(t.corrected.specificity.estimate)}) on the audit sample. Under "one flagged message" ` +
          `Se + Sp − 1 is only ${(t.corrected.sensitivity.estimate + t.corrected.specificity.estimate - 1).toFixed(2)}, ` +
          "so the correction multiplies the audit's sampling noise and the interval is wide; stricter rules tell " +
          'clean from violating channels better and give tighter corrected figures, while the naive figure swings ' +
          'with the rule:'
      : 'The corrected figure is not available for this run.',
    '',
    ruleTable(report, truth.share),
    '',
    'The stratified (design-based) figure uses the same audit sample as a sample of each score stratum ' +
      "(post-stratification by the channel's highest message score) and does not depend on the rule at all.",
    '',
    '## Over many populations',
    '',
    `The same pipeline on ${replications.replications} further populations (seeds ${config.seed + 1} to ` +
      `${config.seed + replications.replications}), estimated in memory by the same code ` +
      '(`replicateExample` in `worked-example.ts`):',
    '',
    replicationTable(replications),
    '',
    'The naive figure is biased by tens of points and its interval never covers the truth: more data only makes it ' +
      'more confidently wrong. The corrected and stratified figures are unbiased. The corrected interval is ' +
      'conservative here: Lang–Reiczigel treats the apparent rate and the audit as samples from an unbounded ' +
      'population, while in this example every one of the channels is classified and the audit takes ' +
      `${config.goldSample} of only ${config.channels} channels.`,
  );
  if (claim !== null && 'lower' in claim.consistent_true_rates) {
    lines.push(
      '',
      '## The claim check',
      '',
      `Suppose the naive figure is published: "${pct(claim.claimed_rate)} of ${claim.population} channels violate". ` +
        `With the measured error profile, the true rates consistent with that claim are ` +
        `${range(claim.consistent_true_rates.lower, claim.consistent_true_rates.upper)}. To settle the rate within ` +
        `±${(claim.review_sample_size.margin * 100).toFixed(0)} points by direct review, ${claim.review_sample_size.at_claimed_rate} ` +
        `randomly drawn channels must be reviewed.`,
    );
  }
  lines.push(
    '',
    '## Files',
    '',
    '- `population.ts`: the synthetic population and the gold sample (seeded).',
    '- `worked-example.ts`: writes the files, runs the estimate and the manifest, and the replications.',
    '- `run.ts`: the script; `readme.ts` writes this file from the outcome.',
    '- `worked-example.int.test.ts`: checks that the estimate recovers the truth within its intervals and that the ' +
      'naive figure is biased.',
    '- `output/`: the reports and the run manifest (generated; their bytes are hashed, so they are not reformatted).',
    '',
  );
  return lines.join('\n');
}
