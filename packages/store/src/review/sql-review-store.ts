/** The ReviewStore over a SqlClient: one implementation for SQLite and PostgreSQL. */
import type {
  ChannelEntry,
  ChannelProfile,
  ChannelQueueQuery,
  ChannelTally,
  DecisionQuery,
  MessageQueueQuery,
  NewDecision,
  NewReviewer,
  NewSample,
  NewSession,
  PendingLabelled,
  QueueEntry,
  ReviewerUpdate,
  ReviewItemRef,
  ReviewStore,
  StratumSampler,
} from '@tg-risk/core';
import * as decisions from './decision-queries.ts';
import * as exports from './export-queries.ts';
import * as items from './item-queries.ts';
import * as projection from './projection-queries.ts';
import * as queues from './queue-queries.ts';
import * as reviewers from './reviewer-queries.ts';
import * as samples from './sample-queries.ts';
import type { SqlClient } from './sql-client.ts';

/** A ReviewStore on `db`; `location` names it in logs (never with credentials). */
export function sqlReviewStore(db: SqlClient, location: string): ReviewStore {
  return {
    createReviewer: (r: NewReviewer) => reviewers.createReviewer(db, r),
    updateReviewer: (username: string, u: ReviewerUpdate) => reviewers.updateReviewer(db, username, u),
    listReviewers: () => reviewers.listReviewers(db),
    findCredentials: (username: string) => reviewers.findCredentials(db, username),
    createSession: (s: NewSession) => reviewers.createSession(db, s),
    findSession: (tokenHash: string, now: string) => reviewers.findSession(db, tokenHash, now),
    deleteSession: (tokenHash: string) => reviewers.deleteSession(db, tokenHash),
    deleteSessionsOf: (reviewerId: number) => reviewers.deleteSessionsOf(db, reviewerId),

    ensurePolicy: (key: string) => projection.ensurePolicy(db, key),
    projectPending: (limit: number, project: (p: PendingLabelled[]) => QueueEntry[]) =>
      projection.projectPending(db, limit, project),
    refreshChannels: (ids: readonly string[], judge: (t: ChannelTally[]) => ChannelEntry[]) =>
      projection.refreshChannels(db, ids, judge),
    saveChannelProfiles: (profiles: readonly ChannelProfile[]) =>
      projection.saveChannelProfiles(db, profiles),

    messageQueue: (q: MessageQueueQuery) => queues.messageQueue(db, q),
    channelQueue: (q: ChannelQueueQuery) => queues.channelQueue(db, q),
    getMessage: (channelId: string, messageId: number) => items.getMessage(db, channelId, messageId),
    neighbours: (channelId: string, messageId: number, before: number, after: number) =>
      items.neighbours(db, channelId, messageId, before, after),
    replies: (channelId: string, messageId: number, limit: number) =>
      items.replies(db, channelId, messageId, limit),
    getChannel: (channelId: string) => items.getChannel(db, channelId),
    channelDays: (channelId: string) => items.channelDays(db, channelId),
    channelMessages: (channelId: string, limit: number, cursor?: string) =>
      items.channelMessages(db, channelId, limit, cursor),

    acquireLease: (item: ReviewItemRef, reviewerId: number, now: string, expiresAt: string) =>
      decisions.acquireLease(db, item, reviewerId, now, expiresAt),
    releaseLease: (item: ReviewItemRef, reviewerId: number) => decisions.releaseLease(db, item, reviewerId),
    liveLease: (item: ReviewItemRef, now: string) => decisions.liveLease(db, item, now),
    recordDecision: (d: NewDecision) => decisions.recordDecision(db, d),
    decisions: (q: DecisionQuery) => decisions.decisions(db, q),

    createSample: (s: NewSample, sampler: StratumSampler) => samples.createSample(db, s, sampler),
    listSamples: () => samples.listSamples(db),
    getSample: (id: number) => samples.getSample(db, id),
    sampleItems: (id: number) => samples.sampleItems(db, id),

    decidedMessages: (limit: number, cursor?: string) => exports.decidedMessages(db, limit, cursor),
    decidedChannels: (sampleId: number | null) => exports.decidedChannels(db, sampleId),

    describe: () => location,
    close: () => db.close(),
  };
}
