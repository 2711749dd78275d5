import { describe, expect, it } from 'vitest';
import type { ChannelCounts } from './records.ts';
import { cleanChannelFlagProbability, falseAlarm, nearestRank, thresholdVariants } from './sensitivity.ts';

const f = { fraud: 0.01, drugs: 0.02, terrorism: 0.005 };
const channel = (messages: number, fraud = 0): ChannelCounts => ({
  channelId: `c${messages}-${fraud}`,
  messages,
  flagged: { fraud, drugs: 0, terrorism: 0 },
  variantFlagged: [],
  maxScore: null,
});

describe('threshold variants', () => {
  it('are the saved set, ±0.1 and 0.5 / 0.9 for all, clipped inside (0, 1)', () => {
    const variants = thresholdVariants({ fraud: 0.95, drugs: 0.05, terrorism: 0.5 });
    expect(variants.map((v) => v.name)).toEqual([
      'saved',
      'saved - 0.1',
      'saved + 0.1',
      'all 0.5',
      'all 0.9',
    ]);
    expect(variants[2]!.thresholds).toEqual({ fraud: 0.999, drugs: 0.15, terrorism: 0.6 });
    expect(variants[1]!.thresholds.drugs).toBe(0.001);
    expect(thresholdVariants(null).map((v) => v.name)).toEqual(['all 0.5', 'all 0.9']);
  });
});

describe('clean-channel false alarms', () => {
  it('is 1 − (1 − f)^n for one flag, and 1 − Π(1 − P_label) for any label', () => {
    const one = { kind: 'min_flagged', k: 1 } as const;
    expect(cleanChannelFlagProbability('fraud', 50, f, one)).toBeCloseTo(1 - 0.99 ** 50, 12);
    const any = 1 - 0.99 ** 50 * 0.98 ** 50 * 0.995 ** 50;
    expect(cleanChannelFlagProbability('any', 50, f, one)).toBeCloseTo(any, 12);
    // p = 0.1 of 50 messages needs 5 flags: far rarer than one
    expect(cleanChannelFlagProbability('fraud', 50, f, { kind: 'min_share', p: 0.1 })).toBeLessThan(1e-3);
  });

  it('shows how much "one flagged message" inflates the rate, more on large channels', () => {
    const channels = [channel(5), channel(5), channel(10, 1), channel(200, 3)];
    const fa = falseAlarm(
      'fraud',
      channels,
      { source: 'gold_messages', f, basis: 'test' },
      { kind: 'min_flagged', k: 3 },
      {
        rate: 0.25,
        basis: 'corrected',
      },
    );
    expect(fa.available).toBe(true);
    if (!fa.available) return;
    const p = (n: number) => 1 - 0.99 ** n;
    expect(fa.all.expected_false_alarm_at_least_one).toBeCloseTo((2 * p(5) + p(10) + p(200)) / 4, 12);
    expect(fa.all.inflation_at_least_one).toBeCloseTo(0.75 * fa.all.expected_false_alarm_at_least_one, 12);
    expect(fa.large).toMatchObject({
      channels: 2,
      min_messages: 10,
      max_messages: 200,
      observed_rate_at_least_one: 1,
    });
    expect(fa.large.inflation_at_least_one).toBeGreaterThan(fa.small.inflation_at_least_one);
    expect(fa.all.inflation_rule).toBeLessThan(fa.all.inflation_at_least_one);
    expect(fa.by_size.map((r) => r.messages)).toEqual([5, 10, 200]);
  });

  it('takes quantiles by nearest rank', () => {
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 3, 4], 0.75)).toBe(3);
    expect(nearestRank([7], 0)).toBe(7);
  });
});
