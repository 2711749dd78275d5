/** The review queues of flagged and uncertain messages and channels, and the settings they use. */
import type { FastifyInstance } from 'fastify';
import type { DecisionFilter, QueueSort } from '@tg-risk/core';
import { describeRule, ruleToken } from '@tg-risk/eval';
import type { RiskLabel } from '@tg-risk/schemas';
import { HttpError } from '../http/http-errors.ts';
import { addRoute, CHANNEL_ID, CURSOR, LIMIT, type ObjectSchema } from '../http/route-spec.ts';
import { presentChannelCounts } from './presenters.ts';
import { reviewerOf, type ReviewContext } from './review-context.ts';

const LABEL = { enum: ['fraud', 'drugs', 'terrorism'] };
const SORT = {
  enum: ['risk', 'uncertainty'],
  default: 'uncertainty',
  description: 'risk: highest score first; uncertainty: the review band first, nearest the threshold first.',
};
const DECISION = {
  enum: ['open', 'confirmed', 'rejected', 'relabelled', 'decided', 'any'],
  default: 'open',
  description: 'Review state: open (undecided, the default), one decided state, any decided, or all.',
};
const DAY = {
  type: 'string',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'A UTC day, YYYY-MM-DD.',
};
const SCORE = { type: 'number', minimum: 0, maximum: 1 };

const MESSAGE_QUEUE_QUERY: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sort: SORT,
    label: { ...LABEL, description: "Only this label's queue; its score is the one sorted and filtered." },
    lang: { type: 'string', pattern: '^([a-z]{2,3}|und)$', description: 'Guessed language, ISO 639-1.' },
    channel: CHANNEL_ID,
    score_min: SCORE,
    score_max: SCORE,
    from: { ...DAY, description: 'Posted on or after this UTC day.' },
    to: { ...DAY, description: 'Posted on or before this UTC day.' },
    decision: DECISION,
    limit: LIMIT,
    cursor: CURSOR,
  },
};

const CHANNEL_QUEUE_QUERY: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { sort: SORT, label: LABEL, decision: DECISION, limit: LIMIT, cursor: CURSOR },
};

/** A valid calendar day (the pattern lets 2025-02-31 through). */
function day(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `querystring/${name}: ${value} is not a calendar day (YYYY-MM-DD)`,
    );
  }
  return date;
}

export function queueRoutes(app: FastifyInstance, ctx: ReviewContext): void {
  addRoute(app, {
    method: 'GET',
    url: '/api/queue/messages',
    summary: 'Flagged and review-band messages, by risk or uncertainty, with filters and keyset paging',
    tag: 'queues',
    access: 'read',
    querystring: MESSAGE_QUEUE_QUERY,
    responses: {
      200: { description: '{ items, next_cursor }: pass next_cursor as cursor for the next page.' },
    },
    handler: async (request) => {
      const q = request.query as Record<string, string | number | undefined>;
      const from = day(q.from as string | undefined, 'from');
      const to = day(q.to as string | undefined, 'to');
      if (q.score_min !== undefined && q.score_max !== undefined && q.score_min > q.score_max) {
        throw new HttpError(400, 'BAD_REQUEST', 'querystring: score_min must not exceed score_max');
      }
      const reviewer = reviewerOf(request);
      const page = await ctx.store.messageQueue({
        sort: q.sort as QueueSort,
        label: q.label as RiskLabel | undefined,
        lang: q.lang as string | undefined,
        channelId: q.channel as string | undefined,
        scoreMin: q.score_min as number | undefined,
        scoreMax: q.score_max as number | undefined,
        dateFrom: from?.toISOString().replace('.000Z', 'Z'),
        dateBefore: to ? new Date(to.getTime() + 86_400_000).toISOString().replace('.000Z', 'Z') : undefined,
        decision: q.decision as DecisionFilter,
        limit: q.limit as number,
        cursor: q.cursor as string | undefined,
        reviewerId: reviewer.id,
        now: ctx.now().toISOString(),
      });
      return {
        items: page.items.map((m) => ({
          channel_id: m.channelId,
          message_id: m.messageId,
          date: m.date,
          lang: m.lang,
          labels: m.labels,
          uncertain: m.uncertain,
          scores: m.scores,
          state: m.state,
          channel_title: m.channelTitle,
          channel_username: m.channelUsername,
          preview: m.preview,
        })),
        next_cursor: page.nextCursor,
      };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/queue/channels',
    summary:
      'Channels with flagged or review-band messages: violating first (risk) or verdicts that hinge on uncertain messages first (uncertainty)',
    tag: 'queues',
    access: 'read',
    querystring: CHANNEL_QUEUE_QUERY,
    responses: { 200: { description: '{ items, next_cursor }.' } },
    handler: async (request) => {
      const q = request.query as Record<string, string | number | undefined>;
      const page = await ctx.store.channelQueue({
        sort: q.sort as QueueSort,
        label: q.label as RiskLabel | undefined,
        decision: q.decision as DecisionFilter,
        limit: q.limit as number,
        cursor: q.cursor as string | undefined,
        reviewerId: reviewerOf(request).id,
        now: ctx.now().toISOString(),
      });
      return {
        items: page.items.map((c) => ({
          channel_id: c.channelId,
          title: c.title,
          username: c.username,
          state: c.state,
          violates: c.violates,
          violating_labels: c.violatingLabels,
          ...presentChannelCounts(c),
        })),
        next_cursor: page.nextCursor,
      };
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/meta',
    summary: 'Review settings: review bands per label, channel rule, lease time',
    tag: 'queues',
    access: 'signed_in',
    responses: { 200: { description: 'The settings the queues are computed with.' } },
    handler: async () => ({
      labels: ['fraud', 'drugs', 'terrorism'],
      review_bands: Object.fromEntries(
        Object.entries(ctx.config.bands).map(([l, b]) => [
          l,
          { review_low: b.reviewLow, threshold: b.threshold },
        ]),
      ),
      channel_rule: { token: ruleToken(ctx.config.rule), description: describeRule(ctx.config.rule) },
      lease_seconds: ctx.config.leaseSeconds,
    }),
  });
}
