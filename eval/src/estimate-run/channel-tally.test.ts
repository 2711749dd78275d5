import { describe, expect, it } from 'vitest';
import { ChannelTally } from './channel-tally.ts';
import { thresholdVariants } from './sensitivity.ts';

const saved = { fraud: 0.7, drugs: 0.7, terrorism: 0.6 };
const low = { fraud: 0.1, drugs: 0.1, terrorism: 0.1 };

describe('ChannelTally', () => {
  it('counts messages and flags per channel, sorted by channel id, from labels when present', () => {
    const tally = new ChannelTally(saved, []);
    tally.add({ channelId: 'b', id: 1, labels: ['fraud'] });
    tally.add({ channelId: 'a', id: 1, labels: [] });
    tally.add({ channelId: 'b', id: 2, labels: ['fraud', 'drugs'] });
    // labels win over scores: the decision the classifier already made is the one counted
    tally.add({ channelId: 'b', id: 3, labels: [], scores: { fraud: 0.99, drugs: 0, terrorism: 0 } });
    const result = tally.result();
    expect(result.channels.map((c) => c.channelId)).toEqual(['a', 'b']);
    expect(result.channels[1]).toMatchObject({ messages: 3, flagged: { fraud: 2, drugs: 1, terrorism: 0 } });
    expect(result.summary).toMatchObject({
      messages: 4,
      channels: 2,
      decidedBy: 'labels',
      scoredMessages: 1,
    });
    expect(result.allScored).toBe(false);
    expect(result.channels[1]!.maxScore).toBeNull();
    expect(result.channels[1]!.variantFlagged).toEqual([]);
  });

  it('decides messages without labels at the saved thresholds (score >= threshold)', () => {
    const tally = new ChannelTally(saved, []);
    tally.add({ channelId: 'c', id: 1, scores: { fraud: 0.7, drugs: 0.69, terrorism: 0.6 } });
    const [channel] = tally.result().channels;
    expect(channel!.flagged).toEqual({ fraud: 1, drugs: 0, terrorism: 1 });
    expect(tally.result().summary.decidedBy).toBe('scores');
  });

  it('counts flags at every threshold variant and keeps the highest score per label', () => {
    const variants = thresholdVariants(saved);
    const tally = new ChannelTally(saved, variants);
    tally.add({ channelId: 'c', id: 1, labels: [], scores: { fraud: 0.65, drugs: 0.2, terrorism: 0.55 } });
    tally.add({ channelId: 'c', id: 2, labels: [], scores: { fraud: 0.3, drugs: 0.95, terrorism: 0.1 } });
    const [channel] = tally.result().channels;
    const byName = Object.fromEntries(variants.map((v, i) => [v.name, channel!.variantFlagged[i]]));
    expect(byName['saved']).toEqual({ fraud: 0, drugs: 1, terrorism: 0 });
    expect(byName['saved - 0.1']).toEqual({ fraud: 1, drugs: 1, terrorism: 1 });
    expect(byName['all 0.5']).toEqual({ fraud: 1, drugs: 1, terrorism: 1 });
    expect(byName['all 0.9']).toEqual({ fraud: 0, drugs: 1, terrorism: 0 });
    expect(channel!.maxScore).toEqual({ fraud: 0.65, drugs: 0.95, terrorism: 0.55 });
  });

  it('counts message-level false positives among reviewed messages without the label', () => {
    const tally = new ChannelTally(low, []);
    tally.add({ channelId: 'c', id: 1, labels: ['fraud'], goldLabels: [] });
    tally.add({ channelId: 'c', id: 2, labels: ['fraud'], goldLabels: ['fraud'] });
    tally.add({ channelId: 'c', id: 3, labels: [], goldLabels: ['drugs'] });
    tally.add({ channelId: 'c', id: 4, labels: ['drugs'] });
    const gold = tally.result().messageGold;
    expect(gold.reviewed).toBe(3);
    expect(gold.negatives).toEqual({ fraud: 2, drugs: 2, terrorism: 3 });
    expect(gold.falsePositives).toEqual({ fraud: 1, drugs: 0, terrorism: 0 });
  });

  it('refuses a message counted twice, naming the id and the channel', () => {
    const tally = new ChannelTally(saved, []);
    tally.add({ channelId: 'c', id: 7, labels: [] });
    tally.add({ channelId: 'd', id: 7, labels: [] });
    tally.add({ channelId: 'c', id: '7', labels: [] }); // a string id is a different id
    expect(() => tally.add({ channelId: 'c', id: 7, labels: [] })).toThrow(
      /message id 7 appears twice in channel c/,
    );
  });

  it('needs thresholds to decide a line that has only scores', () => {
    const tally = new ChannelTally(null, []);
    expect(() => tally.add({ channelId: 'c', id: 1, scores: { fraud: 1, drugs: 0, terrorism: 0 } })).toThrow(
      /--thresholds FILE/,
    );
  });
});
