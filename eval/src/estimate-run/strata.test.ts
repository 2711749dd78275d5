import { describe, expect, it } from 'vitest';
import type { ReviewStrataV1 } from '@tg-risk/schemas';
import { stratifiedEstimate } from '../estimate/stratified-estimate.ts';
import type { ChannelCounts, ChannelGold } from './records.ts';
import { estimateFromGoldStrata, estimateFromStrataFile, mergeSparseStrata } from './strata.ts';

const draft = (name: string, populationSize: number, sampleSize: number, positives: number) => ({
  name,
  scoreMin: null,
  scoreMax: null,
  populationSize,
  sampleSize,
  positives,
});

describe('estimateFromStrataFile', () => {
  it('is the Cochran stratified estimate of the file’s N_h, n_h, y_h', () => {
    const file: ReviewStrataV1 = {
      strata: [
        { name: 'low', population: 6000, sample: 100, violating: 3, labels: { fraud: 2 } },
        { name: 'high', population: 3600, sample: 100, violating: 70, labels: { fraud: 40 } },
      ],
    };
    const any = estimateFromStrataFile(file, 'any');
    const expected = stratifiedEstimate([
      { populationSize: 6000, sampleSize: 100, positives: 3 },
      { populationSize: 3600, sampleSize: 100, positives: 70 },
    ]);
    expect(any).toMatchObject({
      available: true,
      source: 'strata_file',
      rate: expected.estimate,
      lower: expected.lower,
    });
    expect(estimateFromStrataFile(file, 'fraud')).toMatchObject({ available: true });
    expect(estimateFromStrataFile(file, 'drugs')).toMatchObject({
      available: false,
      reason: expect.stringMatching(/labels.drugs/),
    });
  });
});

describe('mergeSparseStrata', () => {
  it('merges strata with fewer than two sampled channels into their neighbour', () => {
    const merged = mergeSparseStrata([
      draft('a', 10, 1, 0),
      draft('b', 10, 3, 1),
      draft('c', 0, 0, 0),
      draft('d', 5, 1, 1),
    ]);
    expect(merged!.map((s) => [s.name, s.populationSize, s.sampleSize, s.positives])).toEqual([
      ['a + b + d', 25, 5, 2],
    ]);
    expect(mergeSparseStrata([draft('a', 10, 1, 0)])).toBeNull();
    // a census stratum of one channel is fine as it is
    expect(mergeSparseStrata([draft('a', 1, 1, 1), draft('b', 9, 2, 0)])!.length).toBe(2);
  });
});

describe('estimateFromGoldStrata', () => {
  const channel = (channelId: string, score: number | null, flagged: number): ChannelCounts => ({
    channelId,
    messages: 10,
    flagged: { fraud: flagged, drugs: 0, terrorism: 0 },
    variantFlagged: [],
    maxScore: score === null ? null : { fraud: score, drugs: 0, terrorism: 0 },
  });
  const gold = new Map<string, ChannelGold>([
    ['a', { violating: false, labels: [] }],
    ['b', { violating: false, labels: [] }],
    ['c', { violating: true, labels: ['fraud'] }],
    ['d', { violating: true, labels: ['fraud'] }],
  ]);

  it('cuts channels by highest score and uses the gold channels in each stratum as its sample', () => {
    const channels = [
      channel('a', 0.1, 0),
      channel('b', 0.2, 0),
      channel('x', 0.15, 0),
      channel('c', 0.9, 1),
      channel('d', 0.95, 1),
      channel('y', 0.8, 1),
    ];
    const s = estimateFromGoldStrata(channels, gold, 'any', () => false);
    expect(s).toMatchObject({ available: true, source: 'score_strata', rate: 0.5 });
    if (!s.available) return;
    expect(s.strata.map((h) => [h.population, h.sample, h.positives])).toEqual([
      [3, 2, 0],
      [3, 2, 2],
    ]);
  });

  it('cuts by the rule’s decision when channels have no scores', () => {
    const channels = [
      channel('a', null, 0),
      channel('b', null, 0),
      channel('c', null, 1),
      channel('d', null, 1),
    ];
    const s = estimateFromGoldStrata(channels, gold, 'fraud', (c) => c.flagged.fraud > 0);
    expect(s).toMatchObject({
      available: true,
      source: 'decision_strata',
      rate: 0.5,
      lower: 0.5,
      upper: 0.5,
    });
  });

  it('is unavailable without gold verdicts', () => {
    expect(estimateFromGoldStrata([channel('z', 0.5, 0)], gold, 'any', () => false)).toMatchObject({
      available: false,
    });
  });
});
