import { describe, expect, it } from 'vitest';
import { ruleHolds } from '../estimate/channel-rule.ts';
import {
  confusionAgainstGold,
  countFlaggedChannels,
  decideTargets,
  describeRule,
  flagsNeeded,
  parseRule,
  ruleToken,
} from './rule-decisions.ts';
import type { ChannelCounts, ChannelGold } from './records.ts';

const channel = (
  channelId: string,
  messages: number,
  fraud: number,
  drugs = 0,
  terrorism = 0,
): ChannelCounts => ({
  channelId,
  messages,
  flagged: { fraud, drugs, terrorism },
  variantFlagged: [],
  maxScore: null,
});

describe('parseRule', () => {
  it('reads k=N and p=SHARE', () => {
    expect(parseRule('k=3')).toEqual({ kind: 'min_flagged', k: 3 });
    expect(parseRule(' p = 0.05 ')).toEqual({ kind: 'min_share', p: 0.05 });
    expect(ruleToken(parseRule('p=.2'))).toBe('p=0.2');
  });

  it('rejects what it cannot read, saying how to write a rule', () => {
    expect(() => parseRule('k>3')).toThrow(/write k=N .* or p=SHARE/);
    expect(() => parseRule('k=0')).toThrow(/k a whole number >= 1/);
    expect(() => parseRule('k=1.5')).toThrow(/k a whole number >= 1/);
    expect(() => parseRule('p=1.5')).toThrow(/0 < p <= 1/);
  });

  it('states the rule in words', () => {
    expect(describeRule({ kind: 'min_flagged', k: 1 })).toMatch(/at least 1 of its messages is flagged/);
    expect(describeRule({ kind: 'min_share', p: 0.05 })).toMatch(/at least 5% of its messages are flagged/);
  });
});

describe('decisions', () => {
  it('calls a channel violating "any" when some label violates under the rule', () => {
    const rule = { kind: 'min_flagged', k: 2 } as const;
    expect(decideTargets(rule, 10, { fraud: 1, drugs: 1, terrorism: 1 })).toEqual({
      any: false,
      fraud: false,
      drugs: false,
      terrorism: false,
    });
    expect(decideTargets(rule, 10, { fraud: 0, drugs: 2, terrorism: 0 }).any).toBe(true);
  });

  it('counts flagged channels per target', () => {
    const counts = countFlaggedChannels({ kind: 'min_share', p: 0.5 }, [
      channel('a', 2, 1),
      channel('b', 4, 1, 2),
      channel('c', 0, 0),
    ]);
    expect(counts).toEqual({ any: 2, fraud: 1, drugs: 1, terrorism: 0 });
  });

  it('compares decisions with gold, skipping labels the review did not record', () => {
    const gold = new Map<string, ChannelGold>([
      ['a', { violating: true, labels: ['fraud'] }],
      ['b', { violating: false }],
      ['c', { violating: true }],
    ]);
    const channels = [channel('a', 5, 1), channel('b', 5, 1), channel('c', 5, 0), channel('d', 5, 3)];
    const c = confusionAgainstGold({ kind: 'min_flagged', k: 1 }, channels, gold);
    expect(c.any).toEqual({ tp: 1, fn: 1, tn: 0, fp: 1 });
    expect(c.fraud).toEqual({ tp: 1, fn: 0, tn: 0, fp: 0 });
    expect(c.drugs).toEqual({ tp: 0, fn: 0, tn: 1, fp: 0 });
  });

  it('flagsNeeded agrees with the rule itself for every channel size', () => {
    for (const p of [0.01, 0.05, 0.1, 0.3, 1 / 3, 0.5, 1]) {
      for (let n = 1; n <= 300; n++) {
        const k = flagsNeeded({ kind: 'min_share', p }, n);
        expect(ruleHolds({ kind: 'min_share', p }, k, n)).toBe(true);
        if (k > 1) expect(ruleHolds({ kind: 'min_share', p }, k - 1, n)).toBe(false);
      }
    }
    expect(flagsNeeded({ kind: 'min_flagged', k: 3 }, 2)).toBe(3);
  });
});
