/** Conversions between review rows and port types, shared by both SQL dialects. */
import type {
  ChannelEntry,
  Decision,
  DecisionState,
  Reviewer,
  ReviewItemKind,
  ReviewRole,
} from '@tg-risk/core';
import type { RiskLabel } from '@tg-risk/schemas';

export const LABEL_ORDER: readonly RiskLabel[] = ['fraud', 'drugs', 'terrorism'];

/** Labels as stored: comma-separated in canonical order ('' for none). */
export function joinLabels(labels: readonly RiskLabel[]): string {
  return LABEL_ORDER.filter((l) => labels.includes(l)).join(',');
}

export function splitLabels(text: string | null): RiskLabel[] {
  if (!text) return [];
  return text.split(',').filter((l): l is RiskLabel => (LABEL_ORDER as readonly string[]).includes(l));
}

/** SQLite has no boolean type; both dialects store 0/1. */
export const bit = (value: boolean): number => (value ? 1 : 0);

export const optionalBool = (value: unknown): boolean | null =>
  value === null || value === undefined ? null : Number(value) !== 0;

/** PostgreSQL returns some integers as strings depending on type; both dialects come back as numbers. */
export const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

/** A message id as stored in leases and decisions: channels use 0 (real message ids start at 1). */
export const storedMessageId = (messageId: number | null): number => messageId ?? 0;

export interface ReviewerRow {
  id: number | string;
  username: string;
  roles: string;
  password_hash: string | null;
  blur_terrorism: number | string;
  disabled: number | string;
  created_at: string;
}

export function toReviewer(row: ReviewerRow): Reviewer {
  return {
    id: num(row.id),
    username: row.username,
    roles: row.roles === '' ? [] : (row.roles.split(',') as ReviewRole[]),
    blurTerrorism: num(row.blur_terrorism) !== 0,
    disabled: num(row.disabled) !== 0,
    createdAt: row.created_at,
  };
}

export interface DecisionRow {
  id: number | string;
  kind: string;
  channel_id: string;
  message_id: number | string;
  action: string;
  labels: string;
  model_labels: string;
  model: string | null;
  note: string | null;
  reviewer_id: number | string;
  reviewer: string;
  decided_at: string;
  sample_id: number | string | null;
  supersedes: number | string | null;
  superseded_by: number | string | null;
}

/** Selects a decision row with the id of the decision that superseded it. */
export const DECISION_COLUMNS = `d.id, d.kind, d.channel_id, d.message_id, d.action, d.labels, d.model_labels,
  d.model, d.note, d.reviewer_id, d.reviewer, d.decided_at, d.sample_id, d.supersedes,
  (SELECT min(s.id) FROM review_decisions s WHERE s.supersedes = d.id) AS superseded_by`;

export function toDecision(row: DecisionRow): Decision {
  const kind = row.kind as ReviewItemKind;
  const messageId = num(row.message_id);
  return {
    id: num(row.id),
    item: { kind, channelId: row.channel_id, messageId: kind === 'channel' ? null : messageId },
    action: row.action as Decision['action'],
    labels: splitLabels(row.labels),
    modelLabels: splitLabels(row.model_labels),
    model: row.model,
    note: row.note,
    reviewerId: num(row.reviewer_id),
    reviewer: row.reviewer,
    decidedAt: row.decided_at,
    sampleId: row.sample_id === null ? null : num(row.sample_id),
    supersedes: row.supersedes === null ? null : num(row.supersedes),
    supersededBy: row.superseded_by === null ? null : num(row.superseded_by),
  };
}

export interface ChannelEntryRow {
  channel_id: string;
  messages: number | string;
  flagged_fraud: number | string;
  flagged_drugs: number | string;
  flagged_terrorism: number | string;
  flagged_any: number | string;
  band_fraud: number | string;
  band_drugs: number | string;
  band_terrorism: number | string;
  band_any: number | string;
  first_date: string | null;
  last_date: string | null;
  flagged_share: number | string;
  violates: number | string;
  violating_labels: string;
  risk_key: number | string | null;
  unc_key: number | string | null;
  state: string;
}

export function toChannelEntry(row: ChannelEntryRow): ChannelEntry {
  return {
    channelId: row.channel_id,
    messages: num(row.messages),
    flagged: {
      fraud: num(row.flagged_fraud),
      drugs: num(row.flagged_drugs),
      terrorism: num(row.flagged_terrorism),
    },
    flaggedAny: num(row.flagged_any),
    band: { fraud: num(row.band_fraud), drugs: num(row.band_drugs), terrorism: num(row.band_terrorism) },
    bandAny: num(row.band_any),
    firstDate: row.first_date,
    lastDate: row.last_date,
    flaggedShare: num(row.flagged_share),
    violates: num(row.violates) !== 0,
    violatingLabels: splitLabels(row.violating_labels),
    riskKey: row.risk_key === null ? null : num(row.risk_key),
    uncertaintyKey: row.unc_key === null ? null : num(row.unc_key),
  };
}

export const asState = (state: string): DecisionState => state as DecisionState;

/** The state an action leaves an item in. */
export function stateOf(action: Decision['action']): DecisionState {
  return action === 'confirm' ? 'confirmed' : action === 'reject' ? 'rejected' : 'relabelled';
}
