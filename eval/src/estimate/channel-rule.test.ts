import { describe, expect, it } from 'vitest';
import { decideChannel, ruleHolds, validateChannelRule, type ChannelRule } from './channel-rule.ts';
import { EstimateInputError } from './errors.ts';

type Label = 'fraud' | 'drugs' | 'terrorism';

const counts = {
  messages: 30,
  flagged: { fraud: 3, drugs: 1, terrorism: 0 } as Record<Label, number>,
  flaggedAnyLabel: 4,
};

describe('ChannelRule', () => {
  it('min_flagged: at least k flags, per label and any label', () => {
    const decision = decideChannel({ kind: 'min_flagged', k: 2 }, counts);
    expect(decision.labels).toEqual({ fraud: true, drugs: false, terrorism: false });
    expect(decision.any).toBe(true);
    expect(decision.pooled).toBe(true);
  });

  it('min_share: at least a share p, exactly at the boundary (3/30 = 0.1)', () => {
    const decision = decideChannel({ kind: 'min_share', p: 0.1 }, counts);
    expect(decision.labels).toEqual({ fraud: true, drugs: false, terrorism: false });
    expect(decideChannel({ kind: 'min_share', p: 0.11 }, counts).any).toBe(false);
  });

  it('pooled counts messages flagged for any label, which no single label may reach', () => {
    const decision = decideChannel({ kind: 'min_flagged', k: 4 }, counts);
    expect(decision.any).toBe(false);
    expect(decision.pooled).toBe(true);
    expect(decideChannel({ kind: 'min_flagged', k: 4 }, { messages: 30, flagged: { fraud: 3 } }).pooled).toBe(
      undefined,
    );
  });

  it('a channel with no messages never violates a share rule', () => {
    expect(ruleHolds({ kind: 'min_share', p: 0.01 }, 0, 0)).toBe(false);
  });

  it('and / or combine rules', () => {
    const both: ChannelRule = {
      kind: 'and',
      rules: [
        { kind: 'min_flagged', k: 2 },
        { kind: 'min_share', p: 0.2 },
      ],
    };
    const either: ChannelRule = { kind: 'or', rules: both.rules };
    expect(ruleHolds(both, 3, 30)).toBe(false); // 3 flags but only 10%
    expect(ruleHolds(either, 3, 30)).toBe(true);
    expect(ruleHolds(both, 3, 10)).toBe(true);
    expect(ruleHolds(either, 1, 30)).toBe(false);
  });

  it('refuses malformed rules and counts, naming them', () => {
    expect(() => validateChannelRule({ kind: 'min_flagged', k: 0 })).toThrow(EstimateInputError);
    expect(() => validateChannelRule({ kind: 'min_share', p: 1.5 })).toThrow(/0 < p <= 1, got 1.5/);
    expect(() => validateChannelRule({ kind: 'or', rules: [] })).toThrow(/at least one sub-rule/);
    expect(() =>
      decideChannel({ kind: 'min_flagged', k: 1 }, { messages: 2, flagged: { fraud: 3 } }),
    ).toThrow(/flagged.fraud must be a whole number between 0 and messages \(2\), got 3/);
  });
});
