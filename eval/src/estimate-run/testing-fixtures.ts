/** Small, fully specified inputs for the estimate-run unit tests (no I/O). */
import type { EstimateInputs, EstimateSettings } from './build-report.ts';
import { ChannelTally } from './channel-tally.ts';
import type { ChannelGold, LabelNumbers, MessageRecord } from './records.ts';
import { thresholdVariants } from './sensitivity.ts';

/** Saved thresholds of the fixtures. */
export const FIXTURE_THRESHOLDS: LabelNumbers = { fraud: 0.7, drugs: 0.7, terrorism: 0.6 };

/** A channel spec: id, messages, and how many messages are fraud / drugs / terrorism (score 0.95). */
export interface ChannelSpec {
  id: string;
  messages: number;
  fraud?: number;
  drugs?: number;
  terrorism?: number;
}

/** Messages for the specs: flagged ones first, with labels and scores; the rest clean (score 0.05). */
export function messagesFor(specs: readonly ChannelSpec[]): MessageRecord[] {
  const records: MessageRecord[] = [];
  for (const spec of specs) {
    let m = 0;
    for (const label of ['fraud', 'drugs', 'terrorism'] as const) {
      for (let i = 0; i < (spec[label] ?? 0); i++) {
        const scores = { fraud: 0.05, drugs: 0.05, terrorism: 0.05, [label]: 0.95 };
        records.push({ channelId: spec.id, id: ++m, labels: [label], scores });
      }
    }
    while (m < spec.messages) {
      records.push({
        channelId: spec.id,
        id: ++m,
        labels: [],
        scores: { fraud: 0.05, drugs: 0.05, terrorism: 0.05 },
      });
    }
  }
  return records;
}

/** EstimateInputs from messages and gold verdicts (hashes are placeholders). */
export function inputsFor(
  records: readonly MessageRecord[],
  gold: ReadonlyMap<string, ChannelGold> | null,
): EstimateInputs {
  const variants = thresholdVariants(FIXTURE_THRESHOLDS);
  const tally = new ChannelTally(FIXTURE_THRESHOLDS, variants);
  records.forEach((r) => tally.add(r));
  return {
    tally: tally.result(),
    messages: { source: 'file', sha256: 'a'.repeat(64), hashOf: 'file' },
    gold: gold === null ? null : { sha256: 'b'.repeat(64), channels: gold },
    thresholds: { sha256: 'c'.repeat(64), set: 'fixture', values: FIXTURE_THRESHOLDS },
    strata: null,
    metrics: null,
    variants,
  };
}

/** Default settings: rule k=1, target any, nothing else. */
export const FIXTURE_SETTINGS: EstimateSettings = {
  rule: { kind: 'min_flagged', k: 1 },
  target: 'any',
  population: null,
  claim: null,
  margin: 0.03,
  seed: 0,
};
