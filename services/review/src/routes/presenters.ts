/** Port objects to the API's JSON (snake_case, like the wire schemas). */
import type {
  ChannelEntry,
  ChannelProfile,
  Decision,
  Lease,
  MessageSummary,
  Reviewer,
  Sample,
} from '@tg-risk/core';
import { capabilitiesOf } from '../auth/access-policy.ts';

export function presentReviewer(r: Reviewer) {
  return {
    username: r.username,
    roles: r.roles,
    capabilities: [...capabilitiesOf(r)].sort(),
    blur_terrorism: r.blurTerrorism,
    disabled: r.disabled,
    created_at: r.createdAt,
  };
}

export function presentDecision(d: Decision) {
  return {
    id: d.id,
    kind: d.item.kind,
    channel_id: d.item.channelId,
    message_id: d.item.messageId,
    action: d.action,
    labels: d.labels,
    model_labels: d.modelLabels,
    model: d.model,
    note: d.note,
    reviewer: d.reviewer,
    decided_at: d.decidedAt,
    sample_id: d.sampleId,
    supersedes: d.supersedes,
    superseded_by: d.supersededBy,
  };
}

export function presentLease(l: Lease) {
  return { reviewer: l.reviewer, acquired_at: l.acquiredAt, expires_at: l.expiresAt };
}

export function presentProfile(p: ChannelProfile | null) {
  if (!p) return null;
  return {
    about: p.about,
    participants: p.participants,
    verified: p.verified,
    scam: p.scam,
    fake: p.fake,
    restricted: p.restricted,
    updated_at: p.updatedAt,
  };
}

/** A context message; `blind` drops the model's labels (audit samples). */
export function presentSummary(m: MessageSummary, blind = false) {
  return {
    channel_id: m.channelId,
    message_id: m.messageId,
    date: m.date,
    text: m.text,
    ...(blind ? {} : { labels: m.labels }),
  };
}

export function presentChannelCounts(e: ChannelEntry) {
  const share = (n: number) => (e.messages > 0 ? n / e.messages : 0);
  return {
    messages: e.messages,
    flagged: e.flagged,
    flagged_any: e.flaggedAny,
    in_review_band: e.band,
    in_review_band_any: e.bandAny,
    flagged_share: {
      fraud: share(e.flagged.fraud),
      drugs: share(e.flagged.drugs),
      terrorism: share(e.flagged.terrorism),
      any: share(e.flaggedAny),
    },
    first_date: e.firstDate,
    last_date: e.lastDate,
  };
}

export function presentSample(s: Sample) {
  return {
    id: s.id,
    kind: s.kind,
    label: s.label,
    seed: s.seed,
    created_by: s.createdBy,
    created_at: s.createdAt,
    strata: s.strata.map((h) => ({
      name: h.name,
      score_min: h.min,
      score_max: h.max,
      requested: h.size,
      population: h.population,
      drawn: h.drawn,
    })),
    size: s.strata.reduce((n, h) => n + h.drawn, 0),
    decided: s.decided,
  };
}
