/**
 * A channel's verdict under the current channel rule (the one `tgrisk estimate` uses, decided by
 * decideChannel of the estimation core) and where it sits in the channel queues:
 *
 *   risk key        = flagged share + 1 if the channel violates   (violating channels first)
 *   uncertainty key = 0 if flagging its review-band messages would change the verdict, else 1,
 *                     plus 1/(1 + messages in the band)            (verdicts that hinge on uncertain
 *                                                                  messages first, most of them first)
 *
 * A channel with neither flagged nor review-band messages is in no queue (null keys) but stays in
 * the population audit samples draw from.
 */
import type { ChannelEntry, ChannelTally } from '@tg-risk/core';
import { decideChannel, describeRule, type ChannelRule, type SimpleRule } from '@tg-risk/eval';
import { RISK_LABELS, type RiskLabel } from '@tg-risk/schemas';

/** Judges one channel's tally under `rule`. */
export function judgeChannel(tally: ChannelTally, rule: ChannelRule): ChannelEntry {
  const decision = decideChannel(rule, { messages: tally.messages, flagged: tally.flagged });
  const violatingLabels = RISK_LABELS.filter((l) => decision.labels[l]);
  const ifBandFlagged = decideChannel(rule, {
    messages: tally.messages,
    flagged: Object.fromEntries(
      RISK_LABELS.map((l) => [l, Math.min(tally.messages, tally.flagged[l] + tally.band[l])]),
    ) as Record<RiskLabel, number>,
  });
  const hinges = ifBandFlagged.any !== decision.any;
  const candidate = tally.flaggedAny > 0 || tally.bandAny > 0;
  const flaggedShare = tally.messages > 0 ? tally.flaggedAny / tally.messages : 0;
  return {
    ...tally,
    flaggedShare,
    violates: decision.any,
    violatingLabels,
    riskKey: candidate ? flaggedShare + (decision.any ? 1 : 0) : null,
    uncertaintyKey: candidate ? (hinges ? 0 : 1) + 1 / (1 + tally.bandAny) : null,
  };
}

/** Why the channel does or does not violate, one line per label, for the channel view. */
export function explainVerdict(entry: ChannelEntry, rule: SimpleRule): string[] {
  const lines = RISK_LABELS.map((l) => {
    const flagged = entry.flagged[l];
    const share = entry.messages > 0 ? flagged / entry.messages : 0;
    const holds = entry.violatingLabels.includes(l);
    const measured =
      rule.kind === 'min_flagged'
        ? `${flagged} flagged message${flagged === 1 ? '' : 's'} ${holds ? '>=' : '<'} k = ${rule.k}`
        : `${(share * 100).toFixed(1)}% flagged (${flagged} of ${entry.messages}) ${holds ? '>=' : '<'} p = ${(rule.p * 100).toFixed(1)}%`;
    return `${l}: ${holds ? 'violates' : 'does not violate'}, ${measured}`;
  });
  return [describeRule(rule), ...lines];
}
