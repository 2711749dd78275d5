/**
 * The review store port: what the analysts' review service needs from a database (reviewers and
 * sessions, the review queue projection, items, leases, the append-only decision log, audit samples
 * and exports). SQLite and PostgreSQL implement it; the review service owns every domain rule
 * (queue priorities, channel verdicts, sampling) and hands the store pure callbacks where a rule must
 * run inside the store's transaction.
 */
import type { LabelV1, MessageV1, RiskLabel } from '@tg-risk/schemas';

export type ReviewRole = 'analyst' | 'auditor' | 'admin';
export type ReviewItemKind = 'message' | 'channel';
export type DecisionAction = 'confirm' | 'reject' | 'relabel';
/** An item's review state: `open` until someone decides it, then the latest decision's action. */
export type DecisionState = 'open' | 'confirmed' | 'rejected' | 'relabelled';
/** Queue filter on decision state: one state, every decided state, or everything. */
export type DecisionFilter = DecisionState | 'decided' | 'any';
export type QueueSort = 'risk' | 'uncertainty';

/** A message (messageId set) or a channel (messageId null) under review. */
export interface ReviewItemRef {
  kind: ReviewItemKind;
  channelId: string;
  messageId: number | null;
}

export interface Reviewer {
  id: number;
  username: string;
  roles: ReviewRole[];
  /** Show terrorism-labelled text blurred until revealed (per reviewer; default on). */
  blurTerrorism: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface NewReviewer {
  username: string;
  roles: ReviewRole[];
  /** A self-describing hash (algorithm, parameters, salt, digest); never the password. */
  passwordHash: string | null;
  createdAt: string;
}

export interface ReviewerUpdate {
  roles?: ReviewRole[];
  passwordHash?: string | null;
  disabled?: boolean;
  blurTerrorism?: boolean;
}

/** A login session; only the SHA-256 of its bearer token is stored. */
export interface NewSession {
  tokenHash: string;
  reviewerId: number;
  createdAt: string;
  expiresAt: string;
}

/** A labelled message waiting to be (re)projected into the review queue. */
export interface PendingLabelled {
  message: MessageV1;
  label: LabelV1;
}

/** The queue projection of one message, computed by the review service's priority rules. */
export interface QueueEntry {
  channelId: string;
  messageId: number;
  date: string;
  lang: string;
  labels: RiskLabel[];
  scores: Record<RiskLabel, number>;
  maxScore: number;
  /** Sort key for "risk" over all labels; null when the message is in no label's queue. */
  riskAny: number | null;
  /** Sort key for "uncertainty" over all labels (review band first); null as above. */
  uncertaintyAny: number | null;
  /** Per label: sort key for "uncertainty", null when the message is not in that label's queue. */
  uncertainty: Record<RiskLabel, number | null>;
  replyToMessageId: number | null;
}

/** One channel's counts over its projected messages. */
export interface ChannelTally {
  channelId: string;
  messages: number;
  flagged: Record<RiskLabel, number>;
  flaggedAny: number;
  /** Messages in each label's review band (uncertain, not flagged). */
  band: Record<RiskLabel, number>;
  bandAny: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** The channel queue projection: a tally with the channel rule's verdict and sort keys. */
export interface ChannelEntry extends ChannelTally {
  flaggedShare: number;
  violates: boolean;
  violatingLabels: RiskLabel[];
  riskKey: number | null;
  uncertaintyKey: number | null;
}

/** Telegram's own metadata about a channel, when ingestion recorded it. */
export interface ChannelProfile {
  channelId: string;
  about: string | null;
  participants: number | null;
  verified: boolean | null;
  scam: boolean | null;
  fake: boolean | null;
  restricted: boolean | null;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque keyset cursor for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface MessageQueueQuery {
  sort: QueueSort;
  label?: RiskLabel;
  lang?: string;
  channelId?: string;
  /** Inclusive bounds on the label's score (or the highest score without a label). */
  scoreMin?: number;
  scoreMax?: number;
  /** Messages posted at or after this ISO time. */
  dateFrom?: string;
  /** Messages posted before this ISO time (exclusive). */
  dateBefore?: string;
  decision: DecisionFilter;
  limit: number;
  cursor?: string;
  /** Items leased to someone else until after `now` are left out. */
  reviewerId: number;
  now: string;
}

export interface MessageQueueRow {
  channelId: string;
  messageId: number;
  date: string;
  lang: string;
  labels: RiskLabel[];
  scores: Record<RiskLabel, number>;
  /** Labels whose score is in the review band. */
  uncertain: RiskLabel[];
  state: DecisionState;
  channelTitle: string | null;
  channelUsername: string | null;
  preview: string;
}

export interface ChannelQueueQuery {
  sort: QueueSort;
  label?: RiskLabel;
  decision: DecisionFilter;
  limit: number;
  cursor?: string;
  reviewerId: number;
  now: string;
}

export interface ChannelQueueRow extends ChannelEntry {
  title: string | null;
  username: string | null;
  state: DecisionState;
}

/** A stored message with its label and review state. */
export interface StoredMessage {
  message: MessageV1;
  label: LabelV1;
  lang: string | null;
  state: DecisionState;
  storedAt: string;
}

/** A short form of a message for context lists (neighbours, replies, channel pages). */
export interface MessageSummary {
  channelId: string;
  messageId: number;
  date: string;
  text: string;
  labels: RiskLabel[];
}

export interface StoredChannel {
  channelId: string;
  username: string | null;
  title: string | null;
  profile: ChannelProfile | null;
  entry: ChannelEntry | null;
  state: DecisionState;
}

/** Messages and flagged messages of a channel on one day. */
export interface ChannelDay {
  day: string;
  messages: number;
  flagged: Record<RiskLabel, number>;
  flaggedAny: number;
}

export interface Lease {
  item: ReviewItemRef;
  reviewerId: number;
  reviewer: string;
  acquiredAt: string;
  expiresAt: string;
}

export type LeaseResult = { acquired: true; lease: Lease } | { acquired: false; holder: Lease };

export interface NewDecision {
  item: ReviewItemRef;
  action: DecisionAction;
  /** The gold labels this decision sets (empty = no violation). */
  labels: RiskLabel[];
  note: string | null;
  reviewerId: number;
  reviewer: string;
  decidedAt: string;
  sampleId: number | null;
  /** Reject when a reviewer other than this one holds a live lease on the item. */
  now: string;
}

/** One entry of the append-only audit log. */
export interface Decision extends Omit<NewDecision, 'now'> {
  id: number;
  /** What the model said when the decision was made. */
  modelLabels: RiskLabel[];
  model: string | null;
  /** The earlier decision on the same item that this one supersedes. */
  supersedes: number | null;
  /** The later decision that superseded this one, if any. */
  supersededBy: number | null;
}

export interface DecisionQuery {
  item?: ReviewItemRef;
  reviewerId?: number;
  sampleId?: number;
  limit: number;
  cursor?: string;
}

/** One stratum of an audit sample as requested: a score range and how many items to draw. */
export interface StratumRequest {
  name: string;
  /** Inclusive lower score edge. */
  min: number;
  /** Exclusive upper score edge (1 is inclusive for the last stratum). */
  max: number;
  size: number;
}

export interface NewSample {
  kind: ReviewItemKind;
  /** Score the strata are cut on: this label's score, or the highest label score when null. */
  label: RiskLabel | null;
  strata: StratumRequest[];
  seed: number;
  createdBy: string;
  createdAt: string;
}

export interface SampleStratum extends StratumRequest {
  /** N_h: items of the population in this stratum when the sample was drawn. */
  population: number;
  /** n_h: items drawn (the request capped at N_h). */
  drawn: number;
}

export interface Sample {
  id: number;
  kind: ReviewItemKind;
  label: RiskLabel | null;
  seed: number;
  createdBy: string;
  createdAt: string;
  strata: SampleStratum[];
  /** Items decided within this sample so far. */
  decided: number;
}

/** One drawn item of a sample, with the latest decision made within the sample. */
export interface SampleItem {
  sampleId: number;
  position: number;
  stratum: number;
  item: ReviewItemRef;
  decision: Decision | null;
}

/**
 * Picks `size` distinct positions in 0..population-1 for one stratum (the review service's seeded
 * sampler); called inside the store's snapshot so counts and draws agree.
 */
export type StratumSampler = (stratumIndex: number, population: number, size: number) => number[];

/** The latest decision on a message with its text, for the evaluation-set export. */
export interface DecidedMessage {
  decision: Decision;
  text: string;
  lang: string | null;
}

/** Where the review service reads and writes. */
export interface ReviewStore {
  // Reviewers and sessions.
  createReviewer(reviewer: NewReviewer): Promise<Reviewer>;
  updateReviewer(username: string, update: ReviewerUpdate): Promise<Reviewer | null>;
  listReviewers(): Promise<Reviewer[]>;
  /** The reviewer and stored password hash for a login attempt. */
  findCredentials(username: string): Promise<{ reviewer: Reviewer; passwordHash: string | null } | null>;
  createSession(session: NewSession): Promise<void>;
  /** The reviewer of a live session, or null when unknown, expired or disabled. */
  findSession(tokenHash: string, now: string): Promise<Reviewer | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(reviewerId: number): Promise<void>;

  // Queue projection.
  /** Records the projection policy (thresholds, channel rule); true when it changed and everything was re-queued. */
  ensurePolicy(policyKey: string): Promise<boolean>;
  /**
   * Takes up to `limit` labelled messages written since they were last projected, projects them with
   * `project` and stores the entries, in one transaction. Returns the channels touched.
   */
  projectPending(
    limit: number,
    project: (pending: PendingLabelled[]) => QueueEntry[],
  ): Promise<{ projected: number; channelIds: string[] }>;
  /** Recounts the channels and stores `judge`'s verdicts on them. */
  refreshChannels(
    channelIds: readonly string[],
    judge: (tallies: ChannelTally[]) => ChannelEntry[],
  ): Promise<void>;
  saveChannelProfiles(profiles: readonly ChannelProfile[]): Promise<void>;

  // Queues and items.
  messageQueue(query: MessageQueueQuery): Promise<Page<MessageQueueRow>>;
  channelQueue(query: ChannelQueueQuery): Promise<Page<ChannelQueueRow>>;
  getMessage(channelId: string, messageId: number): Promise<StoredMessage | null>;
  /** Up to `before` earlier and `after` later messages of the channel, in message order. */
  neighbours(channelId: string, messageId: number, before: number, after: number): Promise<MessageSummary[]>;
  replies(channelId: string, messageId: number, limit: number): Promise<MessageSummary[]>;
  getChannel(channelId: string): Promise<StoredChannel | null>;
  channelDays(channelId: string): Promise<ChannelDay[]>;
  /** The channel's messages, newest first. */
  channelMessages(channelId: string, limit: number, cursor?: string): Promise<Page<MessageSummary>>;

  // Leases.
  acquireLease(item: ReviewItemRef, reviewerId: number, now: string, expiresAt: string): Promise<LeaseResult>;
  releaseLease(item: ReviewItemRef, reviewerId: number): Promise<void>;
  liveLease(item: ReviewItemRef, now: string): Promise<Lease | null>;

  // Decisions (append-only).
  /** Appends a decision, updates the item's state and releases the reviewer's lease, atomically. */
  recordDecision(decision: NewDecision): Promise<Decision>;
  decisions(query: DecisionQuery): Promise<Page<Decision>>;

  // Audit samples.
  createSample(sample: NewSample, sampler: StratumSampler): Promise<Sample>;
  listSamples(): Promise<Sample[]>;
  getSample(id: number): Promise<Sample | null>;
  sampleItems(id: number): Promise<SampleItem[]>;

  // Exports.
  /** Latest decision per message, with the text, in item order. */
  decidedMessages(limit: number, cursor?: string): Promise<Page<DecidedMessage>>;
  /** Latest decision per channel (only decisions made within `sampleId` when given). */
  decidedChannels(sampleId: number | null): Promise<Decision[]>;

  /** Where the store is, for logs. */
  describe(): string;
  close(): Promise<void>;
}

/** Codes of the TgRiskErrors a ReviewStore throws for a caller's mistake (the HTTP layer answers 4xx). */
export const REVIEW_STORE_ERRORS = {
  /** Another reviewer holds a live lease on the item. */
  leaseHeld: 'LEASE_HELD',
  reviewerExists: 'REVIEWER_EXISTS',
  itemNotFound: 'ITEM_NOT_FOUND',
  badCursor: 'BAD_CURSOR',
  badFilter: 'BAD_FILTER',
  /** A sample decision names an item that is not in the sample. */
  notInSample: 'NOT_IN_SAMPLE',
} as const;
