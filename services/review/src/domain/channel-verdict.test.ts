import { describe, expect, it } from 'vitest';
import type { ChannelTally } from '@tg-risk/core';
import { explainVerdict, judgeChannel } from './channel-verdict.ts';

const tally = (over: Partial<ChannelTally> = {}): ChannelTally => ({
  channelId: '1',
  messages: 20,
  flagged: { fraud: 0, drugs: 0, terrorism: 0 },
  flaggedAny: 0,
  band: { fraud: 0, drugs: 0, terrorism: 0 },
  bandAny: 0,
  firstDate: null,
  lastDate: null,
  ...over,
});

describe('judgeChannel', () => {
  it('decides per label under the rule and ranks violating channels first', () => {
    const entry = judgeChannel(tally({ flagged: { fraud: 3, drugs: 1, terrorism: 0 }, flaggedAny: 4 }), {
      kind: 'min_flagged',
      k: 2,
    });
    expect(entry).toMatchObject({ violates: true, violatingLabels: ['fraud'], flaggedShare: 0.2 });
    expect(entry.riskKey).toBeCloseTo(1.2);
  });

  it('puts first the channels whose verdict hinges on review-band messages', () => {
    const rule = { kind: 'min_flagged' as const, k: 2 };
    const hinges = judgeChannel(
      tally({
        flagged: { fraud: 1, drugs: 0, terrorism: 0 },
        flaggedAny: 1,
        band: { fraud: 1, drugs: 0, terrorism: 0 },
        bandAny: 1,
      }),
      rule,
    );
    const settled = judgeChannel(tally({ band: { fraud: 1, drugs: 0, terrorism: 0 }, bandAny: 1 }), rule);
    expect(hinges.uncertaintyKey!).toBeLessThan(1);
    expect(settled.uncertaintyKey!).toBeGreaterThan(1);
  });

  it('keeps channels with nothing flagged or uncertain out of the queues', () => {
    expect(judgeChannel(tally(), { kind: 'min_flagged', k: 1 })).toMatchObject({
      riskKey: null,
      uncertaintyKey: null,
      violates: false,
    });
  });
});

describe('explainVerdict', () => {
  it('states the rule and, per label, the count against it', () => {
    const entry = judgeChannel(tally({ flagged: { fraud: 0, drugs: 2, terrorism: 0 }, flaggedAny: 2 }), {
      kind: 'min_share',
      p: 0.05,
    });
    const lines = explainVerdict(entry, { kind: 'min_share', p: 0.05 });
    expect(lines[0]).toContain('at least 5% of its messages');
    expect(lines).toContain('drugs: violates, 10.0% flagged (2 of 20) >= p = 5.0%');
    expect(lines).toContain('fraud: does not violate, 0.0% flagged (0 of 20) < p = 5.0%');
  });
});
