/**
 * The worked example's core: a synthetic population of channels with a known share of violating
 * ones, built from real labelled messages (eval/data/test.jsonl) and scored by the real classifier,
 * plus a gold audit sample drawn at random and reviewed without error. Everything random comes from
 * one seeded mulberry32 stream, so the same seed gives the same files, byte for byte.
 *
 * - Each channel violates with probability `trueRate`. Its size is log-normal (median
 *   `medianSize`, spread `sizeSpread`), clipped to [3, `maxSize`].
 * - A violating channel has a primary label (fraud 45%, drugs 40%, terrorism 15%); each of its
 *   messages is, with probability s ~ U(0.1, 0.5), a test message carrying that label, else a
 *   clean one; at least one is violating. Its gold labels are those of its violating messages.
 * - A clean channel has only clean test messages (ordinary and hard negatives, as in the test set).
 */
import { mulberry32, type Classifier, type LabelPrediction } from '@tg-risk/core';
import type { ChannelGoldV1, EstimateInputV1, EvalExampleV1, RiskLabel } from '@tg-risk/schemas';

/** The knobs of the synthetic population (all have defaults in DEFAULT_POPULATION). */
export interface PopulationConfig {
  seed: number;
  channels: number;
  trueRate: number;
  medianSize: number;
  sizeSpread: number;
  maxSize: number;
  goldSample: number;
}

/** The population the committed example uses. */
export const DEFAULT_POPULATION: PopulationConfig = {
  seed: 20_261_129,
  channels: 400,
  trueRate: 0.3,
  medianSize: 12,
  sizeSpread: 0.9,
  maxSize: 250,
  goldSample: 150,
};

/** What was built: the estimate input, the gold sample, and the truth to compare with. */
export interface SyntheticPopulation {
  inputLines: EstimateInputV1[];
  goldLines: ChannelGoldV1[];
  truth: {
    channels: number;
    violating: number;
    /** The population's own share of violating channels (the estimand of the stratified estimate). */
    share: number;
    /** The rate of the process that drew it (trueRate). */
    processRate: number;
    byLabel: Record<RiskLabel, number>;
  };
}

const PRIMARY: ReadonlyArray<readonly [RiskLabel, number]> = [
  ['fraud', 0.45],
  ['drugs', 0.4],
  ['terrorism', 0.15],
];

/** Box–Muller standard normal from two uniforms. */
function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

interface PlannedMessage {
  pool: number;
}

/** The classifier's prediction for every pool message, in pool order (each text classified once). */
export async function classifyPool(
  pool: readonly EvalExampleV1[],
  classifier: Classifier,
): Promise<LabelPrediction[]> {
  const predictions: LabelPrediction[] = [];
  for (let i = 0; i < pool.length; i += 256) {
    predictions.push(...(await classifier.classify(pool.slice(i, i + 256).map((m) => m.text))));
  }
  return predictions;
}

/** Builds the population from pool messages and their predictions, and draws the gold sample. */
export function buildSyntheticPopulation(
  config: PopulationConfig,
  pool: readonly EvalExampleV1[],
  predictions: readonly LabelPrediction[],
): SyntheticPopulation {
  const random = mulberry32(config.seed);
  const clean = pool.flatMap((m, i) => (m.labels.length === 0 ? [i] : []));
  const byLabel = Object.fromEntries(
    PRIMARY.map(([label]) => [label, pool.flatMap((m, i) => (m.labels.includes(label) ? [i] : []))]),
  ) as Record<RiskLabel, number[]>;

  const channels: Array<{
    id: string;
    violating: boolean;
    labels: Set<RiskLabel>;
    messages: PlannedMessage[];
  }> = [];
  for (let c = 0; c < config.channels; c++) {
    const violating = random() < config.trueRate;
    const size = Math.min(
      config.maxSize,
      Math.max(3, Math.round(config.medianSize * Math.exp(config.sizeSpread * normal(random)))),
    );
    const labels = new Set<RiskLabel>();
    const messages: PlannedMessage[] = [];
    if (violating) {
      let u = random();
      const primary = PRIMARY.find(([, w]) => (u -= w) < 0)?.[0] ?? 'fraud';
      const share = 0.1 + 0.4 * random();
      const forced = Math.floor(random() * size);
      for (let m = 0; m < size; m++) {
        const bad = m === forced || random() < share;
        const index = bad ? pick(byLabel[primary], random) : pick(clean, random);
        if (bad) for (const l of pool[index]!.labels) labels.add(l);
        messages.push({ pool: index });
      }
    } else {
      for (let m = 0; m < size; m++) messages.push({ pool: pick(clean, random) });
    }
    channels.push({ id: String(9_000_000_001 + c), violating, labels, messages });
  }

  // Gold: a simple random sample of channels (partial Fisher–Yates), reviewed without error.
  const order = channels.map((_, i) => i);
  for (let i = 0; i < Math.min(config.goldSample, order.length); i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const goldSet = new Set(order.slice(0, config.goldSample));

  const inputLines: EstimateInputV1[] = [];
  channels.forEach((channel, c) => {
    channel.messages.forEach((message, m) => {
      const p = predictions[message.pool]!;
      inputLines.push({
        channel_id: channel.id,
        id: m + 1,
        labels: [...p.labels],
        scores: { ...p.scores },
        // Reviewers of a gold channel read its messages too: that measures the message-level f.
        ...(goldSet.has(c) ? { gold_labels: [...pool[message.pool]!.labels] } : {}),
      });
    });
  });
  const goldLines: ChannelGoldV1[] = [...goldSet]
    .sort((a, b) => a - b)
    .map((c) => {
      const ch = channels[c]!;
      return {
        channel_id: ch.id,
        violating: ch.violating,
        labels: PRIMARY.map(([l]) => l).filter((l) => ch.labels.has(l)),
      };
    });
  const violating = channels.filter((c) => c.violating).length;
  const count = (label: RiskLabel) => channels.filter((c) => c.labels.has(label)).length;
  return {
    inputLines,
    goldLines,
    truth: {
      channels: channels.length,
      violating,
      share: violating / channels.length,
      processRate: config.trueRate,
      byLabel: { fraud: count('fraud'), drugs: count('drugs'), terrorism: count('terrorism') },
    },
  };
}
