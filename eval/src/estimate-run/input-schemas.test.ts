import { sampleLabel, sampleMessage } from '@tg-risk/core';
import { schemaIssues } from '@tg-risk/schemas';
import { describe, expect, it } from 'vitest';

describe('estimate-input.v1', () => {
  it('accepts what tgrisk classify writes plus the channel id, and plain decided labels', () => {
    const label = { ...sampleLabel(sampleMessage(), ['fraud']), id: 'm-1', channel_id: '1001' };
    expect(schemaIssues('estimate-input.v1', label)).toEqual([]);
    expect(schemaIssues('estimate-input.v1', { channel_id: '@chan', id: 3, labels: [] })).toEqual([]);
    expect(
      schemaIssues('estimate-input.v1', {
        channel_id: 'c',
        id: 3,
        scores: { fraud: 0.1, drugs: 0.2, terrorism: 0 },
        gold_labels: ['drugs'],
      }),
    ).toEqual([]);
  });

  it('needs labels or scores, and refuses unknown fields and labels', () => {
    expect(schemaIssues('estimate-input.v1', { channel_id: 'c', id: 1 })).toContainEqual({
      path: '',
      message: 'must match a schema in anyOf',
    });
    expect(
      schemaIssues('estimate-input.v1', { channel_id: 'c', id: 1, labels: [], label: 'x' }),
    ).toContainEqual({
      path: '',
      message: 'has unknown field "label"',
    });
    expect(schemaIssues('estimate-input.v1', { channel_id: 'c', id: 1, labels: ['spam'] })[0]!.path).toBe(
      '/labels/0',
    );
    expect(schemaIssues('estimate-input.v1', { channel_id: '', id: 1, labels: [] })[0]!.path).toBe(
      '/channel_id',
    );
  });
});

describe('channel-gold.v1 and review-strata.v1', () => {
  it('take a verdict with optional labels, and strata with N_h, n_h, y_h', () => {
    expect(schemaIssues('channel-gold.v1', { channel_id: '1', violating: true, labels: ['drugs'] })).toEqual(
      [],
    );
    expect(schemaIssues('channel-gold.v1', { channel_id: '1', labels: [] })).toContainEqual({
      path: '',
      message: 'is missing required field "violating"',
    });
    expect(
      schemaIssues('review-strata.v1', {
        schema: 'review-strata.v1',
        score: 'highest message score',
        strata: [
          { name: 'high', score_min: 0.8, population: 900, sample: 50, violating: 31, labels: { fraud: 20 } },
        ],
      }),
    ).toEqual([]);
    expect(
      schemaIssues('review-strata.v1', { strata: [{ population: 0, sample: 1, violating: 0 }] })[0]!.path,
    ).toBe('/strata/0/population');
  });
});
