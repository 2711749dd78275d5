import { describe, expect, it } from 'vitest';
import { sampleLabel, sampleMessage } from '@tg-risk/core';
import { bandLabels, queueEntry, uncertaintyKey } from './queue-priority.ts';
import type { ReviewBands } from './review-bands.ts';

const BANDS: ReviewBands = {
  fraud: { reviewLow: 0.3, threshold: 0.7 },
  drugs: { reviewLow: 0.3, threshold: 0.7 },
  terrorism: { reviewLow: 0.1, threshold: 0.5 },
};

describe('uncertaintyKey', () => {
  it('puts the review band first, nearest the threshold first, then flags from the least sure', () => {
    const keys = [0.69, 0.31, 0.71, 0.99, 0.5].map((s) => uncertaintyKey(s, 0.7, 0.3, s >= 0.7)!);
    const order = [0.69, 0.31, 0.71, 0.99, 0.5]
      .map((s, i) => [s, keys[i]!] as const)
      .sort((a, b) => a[1] - b[1]);
    expect(order.map(([s]) => s)).toEqual([0.69, 0.5, 0.31, 0.71, 0.99]);
    expect(keys.every((k, i) => (i === 2 || i === 3 ? k >= 1 : k < 1))).toBe(true);
  });

  it('leaves scores below the band out of the queue', () => {
    expect(uncertaintyKey(0.29, 0.7, 0.3, false)).toBeNull();
    expect(uncertaintyKey(0.3, 0.7, 0.3, false)).toBeCloseTo(0.4);
  });

  it('keeps a band key below every flagged key even at the band edge', () => {
    expect(uncertaintyKey(0, 1, 0, false)!).toBeLessThan(1);
  });
});

describe('queueEntry', () => {
  it('keys a message by its most uncertain and its riskiest queued label', () => {
    const message = sampleMessage({ reply_to: { message_id: 3 } });
    const label = {
      ...sampleLabel(message, ['fraud']),
      scores: { fraud: 0.9, drugs: 0.6, terrorism: 0.05 },
      thresholds: { set: 't', fraud: 0.7, drugs: 0.7, terrorism: 0.5 },
    };
    const entry = queueEntry({ message, label }, BANDS, 'en');
    expect(entry.uncertainty.fraud).toBeCloseTo(1.2);
    expect(entry.uncertainty.drugs).toBeCloseTo(0.1);
    expect(entry.uncertainty.terrorism).toBeNull();
    expect(entry.uncertaintyAny).toBeCloseTo(0.1);
    expect(entry).toMatchObject({
      riskAny: 0.9,
      maxScore: 0.9,
      labels: ['fraud'],
      lang: 'en',
      replyToMessageId: 3,
    });
  });

  it('uses the threshold the message was labelled with, not the current file', () => {
    const message = sampleMessage();
    const label = {
      ...sampleLabel(message, []),
      scores: { fraud: 0.65, drugs: 0, terrorism: 0 },
      thresholds: { set: 'old', fraud: 0.66, drugs: 0.7, terrorism: 0.5 },
    };
    expect(queueEntry({ message, label }, BANDS, 'und').uncertainty.fraud).toBeCloseTo(0.01);
  });

  it('queues nothing for a clean message, and ignores replies into another chat', () => {
    const message = sampleMessage({ reply_to: { message_id: 3, channel_id: '99' } });
    const entry = queueEntry(
      { message, label: { ...sampleLabel(message), scores: { fraud: 0.01, drugs: 0.01, terrorism: 0.01 } } },
      BANDS,
      'en',
    );
    expect([entry.riskAny, entry.uncertaintyAny, entry.replyToMessageId]).toEqual([null, null, null]);
  });
});

describe('bandLabels', () => {
  it('lists unflagged labels scored inside their band', () => {
    expect(bandLabels({ fraud: 0.9, drugs: 0.4, terrorism: 0.05 }, ['fraud'], BANDS)).toEqual(['drugs']);
  });
});
