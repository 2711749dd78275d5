/**
 * Aggregates classified messages into per-channel counts, in one pass and in memory proportional
 * to the number of channels (plus one key per message, to refuse duplicates). Pure: the readers
 * feed it records; it never touches files.
 */
import { EstimateInputError } from '../estimate/errors.ts';
import {
  LABELS,
  zeroLabels,
  type ChannelCounts,
  type LabelNumbers,
  type MessageGoldCounts,
  type MessageRecord,
  type ThresholdVariant,
} from './records.ts';

/** What the tally knows about the messages it was given. */
export interface TallySummary {
  messages: number;
  channels: number;
  /** labels: every message had decided labels; scores: none had; mixed: some had. */
  decidedBy: 'labels' | 'scores' | 'mixed';
  scoredMessages: number;
  goldLabelledMessages: number;
}

/** The tally's result: channels sorted by id, message-level gold counts and a summary. */
export interface TallyResult {
  channels: ChannelCounts[];
  messageGold: MessageGoldCounts;
  summary: TallySummary;
  /** Whether every message had scores (so threshold variants, score strata and curves exist). */
  allScored: boolean;
}

interface MutableChannel extends ChannelCounts {
  allScored: boolean;
}

/** Accumulates messages; `add` throws EstimateInputError naming the problem (the caller adds the line). */
export class ChannelTally {
  private readonly channels = new Map<string, MutableChannel>();
  private readonly seen = new Set<string>();
  private messages = 0;
  private withLabels = 0;
  private scored = 0;
  private readonly gold: MessageGoldCounts = {
    reviewed: 0,
    negatives: zeroLabels(),
    falsePositives: zeroLabels(),
    scored: [],
  };

  /**
   * @param saved the thresholds deciding messages that come without labels (null: none known)
   * @param variants other threshold sets to count flags at (sensitivity analysis)
   */
  constructor(
    private readonly saved: LabelNumbers | null,
    private readonly variants: readonly ThresholdVariant[],
  ) {}

  /** Adds one message to its channel. */
  add(record: MessageRecord): void {
    const key = `${record.channelId}\u0000${typeof record.id}:${record.id}`;
    if (this.seen.has(key)) {
      throw new EstimateInputError(
        `message id ${JSON.stringify(record.id)} appears twice in channel ${record.channelId}; ` +
          'each message must be counted once (remove the duplicate line)',
        { channelId: record.channelId },
      );
    }
    this.seen.add(key);
    const flags = this.decide(record);
    let channel = this.channels.get(record.channelId);
    if (!channel) {
      channel = {
        channelId: record.channelId,
        messages: 0,
        flagged: zeroLabels(),
        variantFlagged: this.variants.map(() => zeroLabels()),
        maxScore: zeroLabels(),
        allScored: true,
      };
      this.channels.set(record.channelId, channel);
    }
    channel.messages++;
    this.messages++;
    if (record.labels !== undefined) this.withLabels++;
    for (const label of LABELS) if (flags.has(label)) channel.flagged[label]++;
    if (record.scores) {
      this.scored++;
      const scores = record.scores;
      this.variants.forEach((variant, i) => {
        for (const label of LABELS) {
          if (scores[label] >= variant.thresholds[label]) channel!.variantFlagged[i]![label]++;
        }
      });
      for (const label of LABELS)
        channel.maxScore![label] = Math.max(channel.maxScore![label], scores[label]);
    } else {
      channel.allScored = false;
    }
    if (record.goldLabels !== undefined) this.countGold(record, flags);
  }

  private decide(record: MessageRecord): Set<string> {
    if (record.labels !== undefined) return new Set(record.labels);
    if (!record.scores) {
      throw new EstimateInputError('the line has neither labels nor scores', { channelId: record.channelId });
    }
    if (this.saved === null) {
      throw new EstimateInputError(
        'the line has scores but no labels, and no thresholds are known to decide it: ' +
          'pass --thresholds FILE (a model directory thresholds.json)',
        { input: 'thresholds' },
      );
    }
    const scores = record.scores;
    const saved = this.saved;
    return new Set(LABELS.filter((label) => scores[label] >= saved[label]));
  }

  private countGold(record: MessageRecord, flags: Set<string>): void {
    const gold = record.goldLabels!;
    this.gold.reviewed++;
    for (const label of LABELS) {
      if (gold.includes(label)) continue;
      this.gold.negatives[label]++;
      if (flags.has(label)) this.gold.falsePositives[label]++;
    }
    if (record.scores) this.gold.scored.push({ scores: { ...record.scores }, gold: [...gold] });
  }

  /** The channels sorted by id (code-unit order, so the result never depends on the locale). */
  result(): TallyResult {
    const sorted = [...this.channels.values()].sort((a, b) =>
      a.channelId < b.channelId ? -1 : a.channelId > b.channelId ? 1 : 0,
    );
    const allScored = sorted.every((c) => c.allScored);
    const channels = sorted.map(
      ({ allScored: scoredHere, maxScore, variantFlagged, ...rest }): ChannelCounts => ({
        ...rest,
        maxScore: scoredHere ? maxScore : null,
        variantFlagged: allScored ? variantFlagged : [],
      }),
    );
    return {
      channels,
      messageGold: this.gold,
      allScored: allScored && sorted.length > 0,
      summary: {
        messages: this.messages,
        channels: channels.length,
        decidedBy: this.withLabels === this.messages ? 'labels' : this.withLabels === 0 ? 'scores' : 'mixed',
        scoredMessages: this.scored,
        goldLabelledMessages: this.gold.reviewed,
      },
    };
  }
}
