/**
 * Assembles the estimate-report.v1 document from the tallied channels and the side inputs. Pure:
 * the same inputs give the same report, byte for byte once serialised (report-json.ts).
 */
import { assertValid, type EstimateReportV1, type EstTarget, type ReviewStrataV1 } from '@tg-risk/schemas';
import { EstimateInputError } from '../estimate/errors.ts';
import type { TallyResult } from './channel-tally.ts';
import { checkClaim } from './claim-check.ts';
import { modelQuality, prCurves } from './curves.ts';
import { modelFalsePositiveRates, type ModelMetrics } from './model-metrics.ts';
import {
  LABELS,
  TARGETS,
  type ChannelGold,
  type LabelNumbers,
  type Target,
  type ThresholdVariant,
} from './records.ts';
import { roundNumbers } from './report-json.ts';
import {
  confusionAgainstGold,
  countFlaggedChannels,
  decideTargets,
  describeRule,
  type SimpleRule,
} from './rule-decisions.ts';
import { falseAlarm, nearestRank, ruleSensitivity, type MessageFalsePositiveRate } from './sensitivity.ts';
import { estimateFromGoldStrata, estimateFromStrataFile } from './strata.ts';
import { correctedEstimate, naiveEstimate } from './target-estimate.ts';

/** Everything read for one run, with content hashes. */
export interface EstimateInputs {
  tally: TallyResult;
  messages: { source: 'file' | 'sqlite'; sha256: string; hashOf: 'file' | 'store_rows' };
  gold: { sha256: string; channels: ReadonlyMap<string, ChannelGold> } | null;
  thresholds: { sha256: string; set: string; values: LabelNumbers } | null;
  strata: { sha256: string; document: ReviewStrataV1 } | null;
  metrics: { sha256: string; metrics: ModelMetrics } | null;
  /** The threshold variants the tally counted, in its order. */
  variants: readonly ThresholdVariant[];
}

/** The choices of the run (the command-line options that change numbers). */
export interface EstimateSettings {
  rule: SimpleRule;
  target: Target;
  population: number | null;
  claim: number | null;
  margin: number;
  seed: number;
}

/** The confidence level of every interval in the report. */
export const REPORT_LEVEL = 0.95;

function messageFalsePositiveRate(inputs: EstimateInputs): MessageFalsePositiveRate | null {
  const gold = inputs.tally.messageGold;
  if (gold.reviewed > 0 && LABELS.every((l) => gold.negatives[l] > 0)) {
    const f = {} as LabelNumbers;
    for (const l of LABELS) f[l] = gold.falsePositives[l] / gold.negatives[l];
    const parts = LABELS.map((l) => `${l} ${gold.falsePositives[l]}/${gold.negatives[l]}`);
    return {
      source: 'gold_messages',
      f,
      basis: `flagged / reviewed messages without the label (gold_labels of the input): ${parts.join(', ')}`,
    };
  }
  if (inputs.metrics !== null)
    return { source: 'model_test_metrics', ...modelFalsePositiveRates(inputs.metrics.metrics) };
  return null;
}

function channelSizes(inputs: EstimateInputs): EstimateReportV1['channel_sizes'] {
  const sizes = inputs.tally.channels.map((c) => c.messages).sort((a, b) => a - b);
  const total = sizes.reduce((s, n) => s + n, 0);
  return {
    channels: sizes.length,
    messages: total,
    min: sizes[0]!,
    p25: nearestRank(sizes, 0.25),
    median: nearestRank(sizes, 0.5),
    p75: nearestRank(sizes, 0.75),
    p90: nearestRank(sizes, 0.9),
    max: sizes[sizes.length - 1]!,
    mean: total / sizes.length,
  };
}

/** Builds, rounds and validates the report. */
export function buildEstimateReport(inputs: EstimateInputs, settings: EstimateSettings): EstimateReportV1 {
  const { channels } = inputs.tally;
  if (channels.length === 0) {
    throw new EstimateInputError('the input has no messages, so there are no channels to estimate', {
      input: 'input',
    });
  }
  if (settings.population !== null && settings.population < channels.length) {
    throw new EstimateInputError(
      `--population ${settings.population} is smaller than the ${channels.length} channels in the input; ` +
        'give the size of the population the channels were drawn from',
      { input: 'population' },
    );
  }
  const rule = settings.rule;
  const allGold = inputs.gold?.channels ?? new Map<string, ChannelGold>();
  const inInput = new Set(channels.map((c) => c.channelId));
  const gold = new Map([...allGold].filter(([id]) => inInput.has(id)));
  const flagged = countFlaggedChannels(rule, channels);
  const confusion = confusionAgainstGold(rule, channels, gold);

  const targets = {} as Record<Target, EstTarget>;
  for (const target of TARGETS) {
    const stratified =
      inputs.strata !== null
        ? estimateFromStrataFile(inputs.strata.document, target)
        : gold.size > 0
          ? estimateFromGoldStrata(
              channels,
              gold,
              target,
              (c) => decideTargets(rule, c.messages, c.flagged)[target],
            )
          : {
              available: false as const,
              reason: 'no --strata FILE and no --gold FILE: nothing reviewed to stratify',
            };
    targets[target] = {
      channels: channels.length,
      flagged: flagged[target],
      naive: naiveEstimate(flagged[target], channels.length, settings.population),
      corrected: correctedEstimate(flagged[target], channels.length, confusion[target]),
      stratified,
    };
  }

  const fpr = messageFalsePositiveRate(inputs);
  const falseAlarmTargets = {} as EstimateReportV1['sensitivity']['false_alarm']['targets'];
  for (const target of TARGETS) {
    const t = targets[target];
    const trueRate = t.corrected.available
      ? { rate: t.corrected.rate, basis: 'corrected' as const }
      : t.stratified.available
        ? { rate: t.stratified.rate, basis: 'stratified' as const }
        : { rate: 0, basis: 'all_clean' as const };
    falseAlarmTargets[target] =
      fpr === null
        ? {
            available: false,
            reason:
              'no message-level false-positive rate: add gold_labels to reviewed input lines, or give the model metrics (--metrics FILE)',
          }
        : falseAlarm(target, channels, fpr, rule, trueRate);
  }

  const report: EstimateReportV1 = {
    schema: 'estimate-report.v1',
    inputs: {
      messages: {
        source: inputs.messages.source,
        sha256: inputs.messages.sha256,
        hash_of: inputs.messages.hashOf,
        messages: inputs.tally.summary.messages,
        channels: channels.length,
        decided_by: inputs.tally.summary.decidedBy,
        scored_messages: inputs.tally.summary.scoredMessages,
        gold_labelled_messages: inputs.tally.summary.goldLabelledMessages,
      },
      gold:
        inputs.gold === null
          ? null
          : {
              sha256: inputs.gold.sha256,
              channels: allGold.size,
              in_input: gold.size,
              with_labels: [...gold.values()].filter((g) => g.labels !== undefined).length,
            },
      thresholds:
        inputs.thresholds === null
          ? null
          : { sha256: inputs.thresholds.sha256, set: inputs.thresholds.set, ...inputs.thresholds.values },
      strata:
        inputs.strata === null
          ? null
          : { sha256: inputs.strata.sha256, strata: inputs.strata.document.strata.length },
      metrics:
        inputs.metrics === null
          ? null
          : { sha256: inputs.metrics.sha256, model: inputs.metrics.metrics.model },
    },
    options: {
      rule:
        rule.kind === 'min_flagged' ? { kind: 'min_flagged', k: rule.k } : { kind: 'min_share', p: rule.p },
      rule_text: describeRule(rule),
      target: settings.target,
      level: REPORT_LEVEL,
      population: settings.population,
      claim: settings.claim,
      margin: settings.margin,
      seed: settings.seed,
    },
    channel_sizes: channelSizes(inputs),
    targets,
    sensitivity: {
      ...ruleSensitivity(rule, channels, gold, inputs.variants, inputs.tally.allScored),
      false_alarm: { source: fpr === null ? 'none' : fpr.source, targets: falseAlarmTargets },
    },
    claim:
      settings.claim === null
        ? null
        : checkClaim(
            settings.claim,
            settings.population!,
            settings.margin,
            settings.target,
            targets[settings.target],
          ),
    model_quality:
      inputs.metrics === null
        ? null
        : modelQuality(inputs.metrics.metrics, inputs.thresholds?.values ?? null),
    pr_curves: prCurves(channels, gold, inputs.tally.messageGold, inputs.tally.allScored),
    notes: reportNotes(inputs, settings, allGold.size - gold.size),
  };
  const rounded = roundNumbers(report);
  assertValid('estimate-report.v1', rounded);
  return rounded;
}

function reportNotes(inputs: EstimateInputs, settings: EstimateSettings, goldOutside: number): string[] {
  const notes = [
    'naive: the share of channels the rule flags, as if the classifier and the rule never erred; its intervals cover sampling error only.',
    'corrected: Rogan-Gladen point estimate clipped to [0, 1] with the Lang-Reiczigel (2014) interval, which carries the uncertainty of sensitivity and specificity; both are measured on the gold channels, assumed a random sample of the input channels and reviewed without error.',
  ];
  if (inputs.strata !== null) {
    notes.push(
      'stratified: from the strata file (--strata); assumes each stratum sample was drawn at random without replacement.',
    );
  } else if (inputs.gold !== null) {
    notes.push(
      inputs.tally.allScored
        ? 'stratified: input channels cut by highest message score at 0.25, 0.5, 0.75; the gold channels in each stratum are its sample, assumed drawn at random within it (or as one simple random sample: post-stratification). Strata with fewer than 2 gold channels are merged with a neighbour.'
        : "stratified: without scores the input channels are cut by the rule's decision (clean / violating); the gold channels in each are its sample, assumed drawn at random within it.",
    );
  }
  if (settings.population !== null) {
    notes.push(
      `finite_population: treats the ${inputs.tally.channels.length} input channels as a simple random sample without replacement of ${settings.population} channels.`,
    );
  }
  if (goldOutside > 0) notes.push(`${goldOutside} gold channel(s) are not in the input and were ignored.`);
  if (inputs.tally.summary.decidedBy !== 'labels') {
    notes.push(
      'Messages without decided labels were flagged at score >= the saved thresholds (--thresholds).',
    );
  }
  notes.push(
    'false_alarm: clean channels are flagged by chance when some message is a false positive; messages are taken as independent with rate f, and labels as independent of each other for "any".',
  );
  if (settings.claim !== null) {
    notes.push(
      "claim: the claimed share is read as the classifier's apparent rate over the population; a rounded claim (68% may be 67.5-68.5%) adds error this does not see.",
    );
  }
  return notes;
}
